"""Measure how long building a campaign's kit takes and how big it is.

    python manage.py benchmark_campaign_kit [--campaign ID] [--repeat 5] [--checks 200] [--cold]

For each live campaign with materials: the ZIP's size and number of files, the time of the
first build (with --cold, the social-card renditions are made again first, as after a
material changes), of a forced rebuild (median and slowest of --repeat builds) and of the
check made on every download (is the stored kit still current?). Figures only.
"""

import io
import statistics
import time
import zipfile

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from campaigns.models import CampaignPage
from campaigns.selectors import campaign_public_materials
from campaigns.services import campaign_kit_build, campaign_kit_current


class Command(BaseCommand):
    help = "Prints the size and build time of campaign kits (ZIP of all materials)."

    def add_arguments(self, parser):
        parser.add_argument("--campaign", type=int, help="Only this campaign (page id).")
        parser.add_argument("--repeat", type=int, default=5, help="Forced rebuilds per campaign.")
        parser.add_argument("--checks", type=int, default=200, help="Up-to-date checks per campaign.")
        parser.add_argument(
            "--cold", action="store_true", help="Delete the social-card renditions first, so they are made again."
        )

    def handle(self, *args, campaign=None, repeat=5, checks=200, cold=False, **options):
        campaigns = CampaignPage.objects.live().order_by("pk")
        if campaign:
            campaigns = campaigns.filter(pk=campaign)
        campaigns = [c for c in campaigns if campaign_public_materials(campaign=c)]
        if not campaigns:
            raise CommandError("No hay campañas publicadas con materiales. Ejecuta antes `load_demo_content`.")

        self.stdout.write(f"Kits de campaña: {max(1, repeat)} reconstrucciones y {max(1, checks)} comprobaciones")
        header = (
            f"{'campaña':<36} {'mat.':>4} {'arch.':>5} {'tamaño':>10} {'primera':>9} {'mediana':>9} {'máx.':>9}"
            f" {'comprob.':>9}"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        total_size = 0
        for page in campaigns:
            if cold:
                for material in campaign_public_materials(campaign=page):
                    if material.has_social_sizes:
                        material.image.renditions.all().delete()
            started = time.perf_counter()
            kit = campaign_kit_build(campaign=page, force=True)
            first = time.perf_counter() - started
            builds = []
            for _attempt in range(max(1, repeat)):
                started = time.perf_counter()
                kit = campaign_kit_build(campaign=page, force=True)
                builds.append(time.perf_counter() - started)
            started = time.perf_counter()
            for _check in range(max(1, checks)):
                campaign_kit_current(campaign=page)
            check = (time.perf_counter() - started) / max(1, checks)
            with kit.file.open("rb") as handle, zipfile.ZipFile(io.BytesIO(handle.read())) as archive:
                files = len(archive.namelist())
            total_size += kit.size
            self.stdout.write(
                f"{page.title[:36]:<36} {kit.material_count:>4} {files:>5} {filesizeformat(kit.size):>10} "
                f"{first * 1000:>7.0f}ms {statistics.median(builds) * 1000:>7.0f}ms {max(builds) * 1000:>7.0f}ms "
                f"{check * 1000:>7.2f}ms"
            )
        self.stdout.write("-" * len(header))
        self.stdout.write(self.style.SUCCESS(f"{len(campaigns)} kits, {filesizeformat(total_size)} en total."))
