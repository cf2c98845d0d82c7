"""Reading back the certificate PDFs reportlab writes (ASCII85 + Flate streams), for tests."""

import base64
import re
import zlib

STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.S)
LITERAL = re.compile(rb"\(((?:\\.|[^\\)])*)\)\s*Tj")
RECT = re.compile(rb"(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re")
URI = re.compile(rb"/URI \((.*?)\)")


def content_streams(pdf: bytes) -> list[bytes]:
    streams = []
    for match in STREAM.finditer(pdf):
        raw = match.group(1).strip()
        try:
            streams.append(zlib.decompress(base64.a85decode(raw, adobe=True)))
        except ValueError:
            streams.append(raw)
    return streams


def _unescape(literal: bytes) -> bytes:
    def replace(match):
        escaped = match.group(1)
        if escaped[:1].isdigit():
            return bytes([int(escaped, 8)])
        return {b"n": b"\n", b"r": b"\r", b"t": b"\t"}.get(escaped, escaped)

    return re.sub(rb"\\([0-7]{1,3}|.)", replace, literal)


def pdf_text(pdf: bytes) -> str:
    """Every string drawn with Tj, one per line (WinAnsi, as the standard fonts encode it)."""
    lines = []
    for stream in content_streams(pdf):
        lines += [_unescape(m.group(1)).decode("cp1252") for m in LITERAL.finditer(stream)]
    return "\n".join(lines)


def pdf_links(pdf: bytes) -> list[str]:
    return [uri.decode("latin-1") for uri in URI.findall(pdf)]


def qr_cells(pdf: bytes) -> set[tuple[int, int]]:
    """Dark QR modules as (column, row from the bottom): the QR is drawn in module units as
    one-module-high runs, the only integer rectangles of height 1 on the page."""
    cells = set()
    for stream in content_streams(pdf):
        for x, y, width, height in RECT.findall(stream):
            values = [float(v) for v in (x, y, width, height)]
            if values[3] == 1 and all(v.is_integer() for v in values):
                cells.update((int(values[0]) + i, int(values[1])) for i in range(int(values[2])))
    return cells


def expected_cells(qr) -> set[tuple[int, int]]:
    matrix = [list(row) for row in qr.matrix]
    size = len(matrix)
    return {(col, size - 1 - row) for row, values in enumerate(matrix) for col, dark in enumerate(values) if dark}
