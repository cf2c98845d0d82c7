from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from website.services import MunicipalityFileError, municipalities_load

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "data" / "jalisco_municipios.csv"


class Command(BaseCommand):
    help = "Loads municipalities from an INEGI-style CSV (cve_ent,cve_mun,cvegeo,nombre). Defaults to Jalisco's 125."

    def add_arguments(self, parser):
        parser.add_argument("csv", nargs="?", default=str(DEFAULT_FILE), help="Path of the CSV file.")

    def handle(self, *args, csv, **options):
        try:
            created = municipalities_load(path=Path(csv))
        except MunicipalityFileError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"{created} municipios nuevos."))
