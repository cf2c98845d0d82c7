"""Prints, for each public page type, the SQL queries of one uncached request and the bytes a
first visit downloads (HTML + CSS + JS, raw and gzipped). Run after `make demo`."""

import gzip
import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import translation

from wagtail.models import Page

ASSET_PATTERN = re.compile(r'<(?:link[^>]+href|script[^>]+src)="(/static/[^"]+)"')


class Command(BaseCommand):
    help = "Prints SQL queries per public page type and the weight of a first visit to the home page."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="localhost")

    @override_settings(ALLOWED_HOSTS=["*"])
    def handle(self, *args, host, **options):
        client = Client(HTTP_HOST=host)
        rows = []
        seen_types = set()
        for page in Page.objects.live().public().specific().order_by("path"):
            page_type = type(page).__name__
            if page_type in seen_types or page.depth < 2:
                continue
            seen_types.add(page_type)
            for language in ("es", "en"):
                with translation.override(language):
                    url = page.get_url()
                client.get(url)  # warm per-process caches (site root paths, settings), as in production
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(url)
                rows.append((page_type, language, url, response.status_code, len(queries), len(response.content)))
        for path in ["/buscar/?q=sextorsi%C3%B3n", "/guias/?publico=familias&edad=secundaria"]:
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            rows.append(
                ("(vista) " + path.split("?")[0], "es", path, response.status_code, len(queries), len(response.content))
            )

        self.stdout.write(f"{'page type':<28}{'lang':<6}{'status':<8}{'queries':<9}{'HTML bytes':>11}  url")
        for page_type, language, url, status, query_count, size in rows:
            self.stdout.write(f"{page_type:<28}{language:<6}{status:<8}{query_count:<9}{size:>11}  {url}")
        self._first_visit(client)

    def _first_visit(self, client):
        response = client.get("/", HTTP_ACCEPT_LANGUAGE="es")
        html = response.content
        assets = ASSET_PATTERN.findall(html.decode())
        total_raw, total_gzip = len(html), len(gzip.compress(html, 9))
        self.stdout.write("\nFirst visit to the home page (print stylesheet excluded only if media=print):")
        self.stdout.write(f"  {'HTML':<40}{len(html):>8} B raw {len(gzip.compress(html, 9)):>7} B gzip")
        for url in assets:
            name = url.removeprefix(settings.STATIC_URL)
            path = finders.find(name) or finders.find(re.sub(r"\.[0-9a-f]{12}\.", ".", name))
            if not path:
                continue
            data = Path(path).read_bytes()
            total_raw += len(data)
            total_gzip += len(gzip.compress(data, 9))
            self.stdout.write(f"  {name:<40}{len(data):>8} B raw {len(gzip.compress(data, 9)):>7} B gzip")
        self.stdout.write(self.style.SUCCESS(f"  {'total HTML+CSS+JS':<40}{total_raw:>8} B raw {total_gzip:>7} B gzip"))
