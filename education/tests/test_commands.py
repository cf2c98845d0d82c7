"""Management commands of the education app."""

from io import StringIO

from django.core.management import call_command


def test_benchmark_command_prints_figures(db):
    """benchmark_certificates prints size and time per PDF."""
    out = StringIO()
    call_command("benchmark_certificates", count=3, warmup=1, stdout=out)
    assert "PDF size:" in out.getvalue() and "Time per PDF:" in out.getvalue()
