from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

import polib


class Command(BaseCommand):
    help = "Compiles the interface catalogues in locale/ (.po to .mo) in pure Python, so set-up needs no gettext tools."

    def handle(self, *args, **options):
        compiled = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                catalogue = polib.pofile(str(po_path))
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                compiled += 1
                language = po_path.parent.parent.name
                progress = (
                    "idioma de los textos originales"
                    if language == settings.LANGUAGE_CODE
                    else f"{catalogue.percent_translated()}% traducido"
                )
                self.stdout.write(f"  {po_path.relative_to(settings.BASE_DIR)}: {progress}")
        self.stdout.write(self.style.SUCCESS(f"{compiled} catálogos compilados."))
