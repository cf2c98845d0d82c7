"""Measures certificate PDF generation: size and time per PDF (drawn with reportlab, QR by segno)."""

import statistics
import time
from datetime import date
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.utils import timezone

from education.certificates import certificate_pdf, verification_qr
from education.models import Certificate

SAMPLE_URL = "https://protege.example.org/verificar/KNX9-WT79-NQ3N-C7YG/"


def sample_certificate() -> Certificate:
    """An unsaved certificate with realistic lengths (no database needed)."""
    return Certificate(
        folio="PEL-2026-000123",
        verification_code="KNX9WT79NQ3NC7YG",
        holder_name="María Guadalupe Hernández Ruiz",
        course_title="Primera respuesta policial ante la explotación sexual infantil en línea",
        hours=Decimal("5.0"),
        institution_name="Academia de Policía de demostración (ficticia)",
        completed_on=date(2026, 11, 28),
        issued_at=timezone.now(),
    )


class Command(BaseCommand):
    help = "Generates certificate PDFs in a loop and prints their size and generation time."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=200, help="PDFs to generate (default 200).")
        parser.add_argument("--warmup", type=int, default=5, help="Untimed PDFs first (imports, font metrics).")

    def handle(self, *args, count, warmup, **options):
        certificate = sample_certificate()
        for _i in range(warmup):
            certificate_pdf(certificate, verification_url=SAMPLE_URL)
        timings, sizes = [], []
        for _i in range(max(1, count)):
            started = time.perf_counter()
            pdf = certificate_pdf(certificate, verification_url=SAMPLE_URL)
            timings.append((time.perf_counter() - started) * 1000)
            sizes.append(len(pdf))
        qr_started = time.perf_counter()
        for _i in range(max(1, count)):
            verification_qr(SAMPLE_URL)
        qr_ms = (time.perf_counter() - qr_started) * 1000 / max(1, count)
        revoked = sample_certificate()
        revoked.revoked_at = timezone.now()
        revoked.revocation_reason = "Emitida por error."
        revoked_size = len(certificate_pdf(revoked, verification_url=SAMPLE_URL))

        timings.sort()
        p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
        self.stdout.write(f"Certificates generated: {len(timings)} (after {warmup} warm-up)")
        self.stdout.write(f"PDF size: {statistics.median(sizes):,.0f} bytes (revoked: {revoked_size:,} bytes)")
        self.stdout.write(
            f"Time per PDF: median {statistics.median(timings):.2f} ms, mean {statistics.mean(timings):.2f} ms, "
            f"p95 {p95:.2f} ms, min {timings[0]:.2f} ms, max {timings[-1]:.2f} ms"
        )
        self.stdout.write(f"  of which the QR code (segno): {qr_ms:.2f} ms")
        self.stdout.write(f"Throughput: {1000 / statistics.mean(timings):.0f} PDFs per second on one core")
