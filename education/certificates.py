"""The certificate PDF: one A4 landscape page drawn with reportlab, with a QR code of the public
verification URL (also a clickable link on the page).

Drawn in code with the PDF standard fonts, so nothing is fetched or installed: about 10 ms a
certificate (`manage.py benchmark_certificates`). The standard fonts cover Spanish and Western
European names; other letters are folded to their closest unaccented form.
"""

import io
import unicodedata

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _

import segno
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
MARGIN = 36
BRAND = HexColor("#5b2a86")
INK = HexColor("#1d1d1f")
MUTED = HexColor("#4a4a52")
REVOKED = HexColor("#b3261e")
REGULAR = "Helvetica"
BOLD = "Helvetica-Bold"
QR_SIZE = 118  # points: about 4 cm, comfortably scanned from paper or a phone screen
QR_ERROR_LEVEL = "m"
QR_BORDER = 2  # modules of quiet zone inside the drawn square
FOLDS = {"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "ı": "i", "Ø": "O", "ø": "o"}


def printable(text: str) -> str:
    """Text the standard PDF fonts (WinAnsi) can draw: other letters folded, never a black box."""
    result = []
    for char in unicodedata.normalize("NFC", text or ""):
        char = FOLDS.get(char, char)
        if _encodable(char):
            result.append(char)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        result.append(base if base and _encodable(base) else "?")
    return "".join(result)


def _encodable(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def verification_qr(url: str):
    """The QR code of a verification URL (segno), as printed on the certificate."""
    return segno.make(url, error=QR_ERROR_LEVEL, micro=False, boost_error=False)


def certificate_pdf(certificate, *, verification_url: str) -> bytes:
    """The certificate as a one-page A4 PDF. A revoked certificate is drawn marked as revoked."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=1)
    with translation.override(settings.LANGUAGE_CODE):
        canvas.setTitle(printable(f"{_('Constancia')} {certificate.folio}"))
        canvas.setAuthor(printable(settings.SITE_NAME))
        canvas.setSubject(printable(certificate.course_title))
        _frame(canvas)
        _body(canvas, certificate)
        _footer(canvas, certificate, verification_url)
        if certificate.is_revoked:
            _revoked_band(canvas, certificate)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _frame(canvas: Canvas) -> None:
    canvas.setStrokeColor(BRAND)
    canvas.setLineWidth(3)
    canvas.rect(MARGIN / 2, MARGIN / 2, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - MARGIN)
    canvas.setLineWidth(0.8)
    canvas.rect(MARGIN / 2 + 6, MARGIN / 2 + 6, PAGE_WIDTH - MARGIN - 12, PAGE_HEIGHT - MARGIN - 12)


def _centered(canvas: Canvas, text: str, top: float, font: str, size: float, *, color=INK, max_lines=3) -> float:
    """Draw wrapped, centred text whose first line's top is at `top`; returns the bottom."""
    canvas.setFillColor(color)
    canvas.setFont(font, size)
    width = PAGE_WIDTH - 2 * MARGIN - 60
    for line in simpleSplit(printable(text), font, size, width)[:max_lines]:
        top -= size
        canvas.drawCentredString(PAGE_WIDTH / 2, top, line)
        top -= size * 0.3
    return top


def _fitting_size(text: str, font: str, size: float, width: float, minimum: float = 16) -> float:
    """The largest size up to `size` at which a long name still fits on one line."""
    while size > minimum and stringWidth(printable(text), font, size) > width:
        size -= 1
    return size


def _body(canvas: Canvas, certificate) -> None:
    y = PAGE_HEIGHT - MARGIN - 34
    y = _centered(canvas, settings.SITE_NAME.upper(), y, BOLD, 12, color=BRAND)
    y = _centered(canvas, _("Constancia de acreditación"), y - 12, BOLD, 30, color=BRAND)
    y = _centered(canvas, _("Se hace constar que"), y - 26, REGULAR, 14, color=MUTED)
    name_size = _fitting_size(certificate.holder_name, BOLD, 30, PAGE_WIDTH - 2 * MARGIN - 60)
    y = _centered(canvas, certificate.holder_name, y - 12, BOLD, name_size, max_lines=1)
    canvas.setStrokeColor(BRAND)
    canvas.setLineWidth(0.8)
    canvas.line(PAGE_WIDTH / 2 - 180, y - 4, PAGE_WIDTH / 2 + 180, y - 4)
    y = _centered(canvas, _("acreditó el curso"), y - 18, REGULAR, 14, color=MUTED)
    y = _centered(canvas, certificate.course_title, y - 10, BOLD, 19, max_lines=3)
    whole = certificate.hours == certificate.hours.to_integral_value()
    hours = formats.number_format(certificate.hours, decimal_pos=0 if whole else 1, use_l10n=True)
    date = formats.date_format(certificate.completed_on, "j \\d\\e F \\d\\e Y")
    facts = _("con una duración de %(hours)s horas, concluido el %(date)s.") % {"hours": hours, "date": date}
    y = _centered(canvas, facts, y - 14, REGULAR, 13)
    if certificate.institution_name:
        _centered(canvas, _("Institución: %(name)s") % {"name": certificate.institution_name}, y - 4, REGULAR, 13)


def _footer(canvas: Canvas, certificate, verification_url: str) -> None:
    qr_x = PAGE_WIDTH - MARGIN - 14 - QR_SIZE
    qr_y = MARGIN + 14
    draw_qr(canvas, verification_qr(verification_url), qr_x, qr_y, QR_SIZE)
    canvas.linkURL(verification_url, (qr_x, qr_y, qr_x + QR_SIZE, qr_y + QR_SIZE), relative=0)

    x = MARGIN + 18
    y = MARGIN + 14 + QR_SIZE - 30
    rows = [
        (_("Folio"), certificate.folio),
        (_("Código de verificación"), certificate.display_code),
    ]
    for label, value in rows:
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 9.5)
        canvas.drawString(x, y, printable(label))
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, 12)
        canvas.drawString(x, y - 14, printable(value))
        y -= 34
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 9)
    canvas.drawString(x, y + 6, printable(_("Verifica su validez en:")))
    canvas.setFillColor(BRAND)
    canvas.drawString(x, y - 6, printable(verification_url))
    url_width = stringWidth(printable(verification_url), REGULAR, 9)
    canvas.linkURL(verification_url, (x, y - 9, x + url_width, y + 3), relative=0)


def draw_qr(canvas: Canvas, qr, x: float, y: float, size: float) -> None:
    """Draw the QR as vector squares (one path, so no seams between modules), on white."""
    matrix = [list(row) for row in qr.matrix]
    count = len(matrix) + 2 * QR_BORDER
    module = size / count
    canvas.saveState()
    canvas.setFillColor(HexColor("#ffffff"))
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.translate(x + QR_BORDER * module, y + QR_BORDER * module)
    canvas.scale(module, module)
    canvas.setFillColor(HexColor("#000000"))
    path = canvas.beginPath()
    rows = len(matrix)
    for row_index, row in enumerate(matrix):
        y_row = rows - 1 - row_index  # PDF's y axis points up; the matrix's first row is the top
        column = 0
        while column < len(row):
            if row[column]:
                start = column
                while column < len(row) and row[column]:
                    column += 1
                path.rect(start, y_row, column - start, 1)
            else:
                column += 1
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def _revoked_band(canvas: Canvas, certificate) -> None:
    band_height = 46
    y = PAGE_HEIGHT / 2 - band_height / 2 - 40
    canvas.saveState()
    canvas.setFillColor(REVOKED)
    canvas.rect(MARGIN / 2 + 6, y, PAGE_WIDTH - MARGIN - 12, band_height, stroke=0, fill=1)
    canvas.setFillColor(HexColor("#ffffff"))
    canvas.setFont(BOLD, 20)
    canvas.drawCentredString(PAGE_WIDTH / 2, y + 26, printable(_("CONSTANCIA REVOCADA: NO ES VÁLIDA")))
    canvas.setFont(REGULAR, 10)
    reason = _("Motivo: %(reason)s") % {"reason": certificate.revocation_reason}
    line = simpleSplit(printable(reason), REGULAR, 10, PAGE_WIDTH - 2 * MARGIN - 40)[:1]
    if line:
        canvas.drawCentredString(PAGE_WIDTH / 2, y + 10, line[0])
    canvas.restoreState()
