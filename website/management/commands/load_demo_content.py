import importlib

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from website.demo import refresh_translation_paths


class Command(BaseCommand):
    help = "Loads the starter site (pages, guides, help channels, demo users). Running it twice changes nothing."

    def handle(self, *args, **options):
        # wagtail-modeltranslation leaves per-language titles and URL paths unset after migrate;
        # fill them before pages are added, and once more after, for every page of the tree.
        refresh_translation_paths()
        for app_config in apps.get_app_configs():
            try:
                loader = importlib.import_module(f"{app_config.name}.demo_loader")
            except ModuleNotFoundError as error:
                if error.name != f"{app_config.name}.demo_loader":
                    raise
                continue
            self.stdout.write(f"{app_config.verbose_name}:")
            with transaction.atomic():
                loader.load(log=lambda message: self.stdout.write(f"  {message}"))
        refresh_translation_paths()
        self.stdout.write(self.style.SUCCESS("Contenido de demostración listo."))
