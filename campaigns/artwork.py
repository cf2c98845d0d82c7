"""Campaign material drawn from a campaign's words: posters and social cards as images
(Pillow) and posters, flyers and talk slides as PDF (reportlab).

Used by the demo loader and the kit benchmark. Every text comes from the caller (the demo's
YAML files); nothing here invents a message, a number or an address.
"""

import io
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import letter
from reportlab.lib.units import inch
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

HELP_GREEN = "#0b6b3a"
PAPER = "#ffffff"
INK = "#1d1d1f"
HALF_LETTER = (5.5 * inch, 8.5 * inch)
SLIDES_16_9 = (13.333 * inch, 7.5 * inch)
FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/liberation")]
FONT_FILES = {
    "bold": ["DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf"],
    "regular": ["DejaVuSans.ttf", "LiberationSans-Regular.ttf"],
}


@dataclass
class Slide:
    title: str
    points: list[str] = field(default_factory=list)


@dataclass
class ArtworkText:
    """The words and colours of one campaign's material, in one language."""

    headline: str
    subhead: str
    messages: list[str]
    help_title: str
    help_lines: list[str]
    footer: str
    primary: str = "#5b2a86"
    accent: str = "#f2b705"
    slides: list[Slide] = field(default_factory=list)


def _font(weight: str, size: int):
    for directory in FONT_DIRS:
        for name in FONT_FILES[weight]:
            path = directory / name
            if path.exists():
                return ImageFont.truetype(str(path), size)
    # Pillow's own scalable font, so the material renders on machines without these fonts.
    return ImageFont.load_default(size=size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and draw.textlength(candidate, font=font) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _fit(draw, text: str, weight: str, width: int, sizes: tuple[int, int], max_height: float, spacing: float):
    """The largest font (between sizes[1] and sizes[0]) whose wrapped text fits the box."""
    largest, smallest = sizes
    for size in range(largest, smallest - 1, -2):
        font = _font(weight, size)
        lines = _wrap(draw, text, font, width)
        if len(lines) * size * spacing <= max_height:
            break
    return font, size, lines


def _draw_lines(draw, x: int, y: float, lines, font, size: int, fill, spacing: float) -> float:
    for line in lines:
        draw.text((x, y), line, font=font, fill=fill)
        y += size * spacing
    return y


def _help_box_png(draw, text: ArtworkText, *, left, right, bottom, title_size, line_size) -> float:
    """Draw the green "where to get help" box resting on `bottom`; return its top."""
    title_font, line_font = _font("bold", title_size), _font("regular", line_size)
    inner = right - left - 60
    title_lines = _wrap(draw, text.help_title, title_font, inner)
    lines = [_wrap(draw, line, line_font, inner) for line in text.help_lines]
    height = 60 + len(title_lines) * title_size * 1.25 + 8 + sum(len(c) for c in lines) * line_size * 1.3
    top = bottom - height
    draw.rounded_rectangle([left, top, right, bottom], radius=24, fill=HELP_GREEN)
    y = _draw_lines(draw, left + 30, top + 30, title_lines, title_font, title_size, PAPER, 1.25) + 8
    for chunk in lines:
        y = _draw_lines(draw, left + 30, y, chunk, line_font, line_size, PAPER, 1.3)
    return top


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def poster_png(text: ArtworkText, *, width: int = 1275, height: int = 1650) -> bytes:
    """A letter-size poster (150 dpi): headline band, key messages, where to get help."""
    image = Image.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(image)
    margin = 90
    text_width = width - 2 * margin - 150
    head_font, head_size, head_lines = _fit(draw, text.headline, "bold", text_width, (80, 52), height * 0.2, 1.15)
    sub_font, sub_size, sub_lines = _fit(draw, text.subhead, "regular", text_width, (40, 28), height * 0.08, 1.25)
    band = 110 + len(head_lines) * head_size * 1.15 + 24 + len(sub_lines) * sub_size * 1.25 + 60
    draw.rectangle([0, 0, width, band], fill=text.primary)
    draw.ellipse([width - 260, -190, width + 190, 260], fill=text.accent)
    y = _draw_lines(draw, margin, 110, head_lines, head_font, head_size, PAPER, 1.15)
    _draw_lines(draw, margin, y + 24, sub_lines, sub_font, sub_size, PAPER, 1.25)

    draw.text((margin, height - 80), text.footer, font=_font("regular", 28), fill=INK)
    help_top = _help_box_png(
        draw, text, left=margin - 30, right=width - margin + 30, bottom=height - 110, title_size=44, line_size=32
    )
    room = help_top - 50 - (band + 60)
    for size in range(38, 23, -2):
        font = _font("regular", size)
        wrapped = [_wrap(draw, m, font, width - 2 * margin - 50) for m in text.messages]
        if sum(len(w) for w in wrapped) * size * 1.25 + len(wrapped) * size * 0.7 <= room:
            break
    y = band + 60
    for lines in wrapped:
        draw.rectangle([margin, y + size * 0.3, margin + 22, y + size * 0.3 + 22], fill=text.accent)
        y = _draw_lines(draw, margin + 50, y, lines, font, size, INK, 1.25) + size * 0.7
    return _png(image)


def social_card_png(text: ArtworkText, *, size: int = 1200) -> bytes:
    """A square card whose words sit in the middle band, so both the 1080×1080 and the
    1200×630 crops keep all of them."""
    image = Image.new("RGB", (size, size), text.primary)
    draw = ImageDraw.Draw(image)
    band_top, band_bottom = (size - 630) // 2, (size + 630) // 2
    draw.ellipse([-220, -260, 380, 300], fill=text.accent)
    draw.ellipse([size - 300, size - 300, size + 220, size + 220], fill=text.accent)
    draw.rectangle([0, band_top, size, band_bottom], fill=text.primary)
    margin = 90
    inner = size - 2 * margin
    label = text.help_lines[0] if text.help_lines else text.help_title
    pill_font, pill_size, pill_lines = _fit(draw, label, "bold", inner - 60, (32, 22), 40, 1.2)
    head_font, head_size, head_lines = _fit(draw, text.headline, "bold", inner, (66, 40), 250, 1.15)
    room = 630 - 60 - len(head_lines) * head_size * 1.15 - 16 - 62 - 30 - 60
    body_font, body_size, body_lines = _fit(draw, text.messages[0], "regular", inner, (38, 24), room, 1.25)
    y = _draw_lines(draw, margin, band_top + 50, head_lines, head_font, head_size, PAPER, 1.15)
    y = _draw_lines(draw, margin, y + 16, body_lines, body_font, body_size, PAPER, 1.25) + 14
    pill_width = int(draw.textlength(pill_lines[0], font=pill_font)) + 60
    draw.rounded_rectangle([margin, y, margin + pill_width, y + 62], radius=31, fill=HELP_GREEN)
    draw.text((margin + 30, y + (62 - pill_size) / 2 - 2), pill_lines[0], font=pill_font, fill=PAPER)
    draw.text((margin, band_bottom - 60), text.footer, font=_font("regular", 26), fill=PAPER)
    return _png(image)


def hero_png(text: ArtworkText, *, width: int = 1600, height: int = 900) -> bytes:
    """A decorative banner in the campaign's colours (no words: its alternative text is empty)."""
    image = Image.new("RGB", (width, height), text.primary)
    draw = ImageDraw.Draw(image)
    draw.ellipse([width - 700, -300, width + 200, 600], fill=text.accent)
    draw.ellipse([-250, height - 380, 350, height + 220], fill=PAPER)
    # Two speech bubbles: a conversation with someone you trust.
    draw.rounded_rectangle([260, 200, 860, 470], radius=60, fill=PAPER)
    draw.polygon([(360, 460), (330, 560), (460, 465)], fill=PAPER)
    draw.rounded_rectangle([700, 430, 1240, 660], radius=60, fill=HELP_GREEN)
    draw.polygon([(1120, 650), (1170, 740), (1040, 655)], fill=HELP_GREEN)
    for index in range(3):
        draw.ellipse([440 + index * 90, 310, 490 + index * 90, 360], fill=text.primary)
        draw.ellipse([860 + index * 90, 520, 910 + index * 90, 570], fill=PAPER)
    return _png(image)


def _pdf_lines(pdf, text, x, y, width, font, size, color, leading=1.3) -> float:
    """Draw wrapped text whose first baseline is at y; return the next baseline."""
    pdf.setFillColor(HexColor(color) if isinstance(color, str) else color)
    pdf.setFont(font, size)
    for line in simpleSplit(text, font, size, width):
        pdf.drawString(x, y, line)
        y -= size * leading
    return y


def _pdf_fit(texts, font: str, sizes: tuple[float, float], width: float, max_height: float, leading: float, gap=0.0):
    """The largest size (from sizes[0] down to sizes[1]) at which all texts fit in max_height."""
    largest, smallest = sizes
    size = largest
    while size > smallest:
        lines = sum(len(simpleSplit(t, font, size, width)) for t in texts)
        if lines * size * leading + gap * size * (len(texts) - 1) <= max_height:
            break
        size -= 1
    return size


def _pdf_help_height(text: ArtworkText, *, width, title_size, line_size) -> float:
    inner = width - 40
    title_lines = len(simpleSplit(text.help_title, "Helvetica-Bold", title_size, inner))
    lines = sum(len(simpleSplit(line, "Helvetica", line_size, inner)) for line in text.help_lines)
    return 34 + title_lines * title_size * 1.25 + lines * line_size * 1.35


def _pdf_help_box(pdf, text: ArtworkText, *, x, y_bottom, width, title_size, line_size) -> float:
    """Draw the green "where to get help" box resting on y_bottom; return its top."""
    inner = width - 40
    top = y_bottom + _pdf_help_height(text, width=width, title_size=title_size, line_size=line_size)
    pdf.setFillColor(HexColor(HELP_GREEN))
    pdf.roundRect(x, y_bottom, width, top - y_bottom, 10, stroke=0, fill=1)
    y = _pdf_lines(
        pdf, text.help_title, x + 20, top - 14 - title_size, inner, "Helvetica-Bold", title_size, white, 1.25
    )
    for line in text.help_lines:
        y = _pdf_lines(pdf, line, x + 20, y - 2, inner, "Helvetica", line_size, white, 1.35)
    return top


def _pdf_document(pagesize, title: str):
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=pagesize, pageCompression=1)
    pdf.setTitle(title)
    pdf.setSubject(title)
    pdf.setCreator("Protege en Línea")
    return buffer, pdf


def _pdf_band(pdf, text: ArtworkText, *, width, height, margin, sizes, sub_sizes, max_height) -> float:
    """The coloured band with headline and subhead across the top; return its lower edge."""
    text_width = width - 2 * margin - 0.9 * inch
    head = _pdf_fit([text.headline], "Helvetica-Bold", sizes, text_width, max_height * 0.72, 1.12)
    sub = _pdf_fit([text.subhead], "Helvetica", sub_sizes, text_width, max_height * 0.28, 1.3)
    head_lines = len(simpleSplit(text.headline, "Helvetica-Bold", head, text_width))
    sub_lines = len(simpleSplit(text.subhead, "Helvetica", sub, text_width))
    band = margin + head + (head_lines - 1) * head * 1.12 + 10 + sub_lines * sub * 1.3 + margin * 0.8
    pdf.setFillColor(HexColor(text.primary))
    pdf.rect(0, height - band, width, band, stroke=0, fill=1)
    pdf.setFillColor(HexColor(text.accent))
    pdf.circle(width - 0.2 * inch, height - 0.1 * inch, 1.1 * inch, stroke=0, fill=1)
    y = _pdf_lines(pdf, text.headline, margin, height - margin - head, text_width, "Helvetica-Bold", head, white, 1.12)
    _pdf_lines(pdf, text.subhead, margin, y - 10 + head * 0.12, text_width, "Helvetica", sub, white)
    return height - band


def _pdf_messages(pdf, text: ArtworkText, *, x, top, bottom, width, sizes, numbered=False) -> None:
    gap = 0.6
    size = _pdf_fit(text.messages, "Helvetica", sizes, width - 22, top - bottom, 1.3, gap)
    y = top - size
    for number, message in enumerate(text.messages, start=1):
        pdf.setFillColor(HexColor(text.accent if not numbered else text.primary))
        if numbered:
            pdf.setFont("Helvetica-Bold", size)
            pdf.drawString(x, y, f"{number}.")
        else:
            pdf.rect(x, y, size * 0.6, size * 0.6, stroke=0, fill=1)
        y = _pdf_lines(pdf, message, x + 22, y, width - 22, "Helvetica", size, INK) - gap * size


def poster_pdf(text: ArtworkText, *, pagesize=letter) -> bytes:
    """A poster to print (letter size by default): the same layout as the image."""
    width, height = pagesize
    buffer, pdf = _pdf_document(pagesize, text.headline)
    margin = 0.6 * inch
    band_bottom = _pdf_band(
        pdf,
        text,
        width=width,
        height=height,
        margin=margin,
        sizes=(40, 26),
        sub_sizes=(18, 13),
        max_height=height * 0.3,
    )
    _pdf_lines(pdf, text.footer, margin, 0.45 * inch, width - 2 * margin, "Helvetica", 11, INK)
    help_top = _pdf_help_box(
        pdf, text, x=margin - 10, y_bottom=0.75 * inch, width=width - 2 * margin + 20, title_size=20, line_size=14
    )
    _pdf_messages(
        pdf,
        text,
        x=margin,
        top=band_bottom - 0.4 * inch,
        bottom=help_top + 0.3 * inch,
        width=width - 2 * margin,
        sizes=(18, 10),
    )
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def flyer_pdf(text: ArtworkText) -> bytes:
    """A half-letter flyer: the headline, what to do and where to get help."""
    width, height = HALF_LETTER
    buffer, pdf = _pdf_document(HALF_LETTER, text.headline)
    margin = 0.4 * inch
    band_bottom = _pdf_band(
        pdf, text, width=width, height=height, margin=margin, sizes=(24, 16), sub_sizes=(12, 9), max_height=height * 0.3
    )
    _pdf_lines(pdf, text.footer, margin, 0.3 * inch, width - 2 * margin, "Helvetica", 8, INK)
    help_top = _pdf_help_box(
        pdf, text, x=margin - 6, y_bottom=0.5 * inch, width=width - 2 * margin + 12, title_size=13, line_size=9
    )
    _pdf_messages(
        pdf,
        text,
        x=margin,
        top=band_bottom - 0.3 * inch,
        bottom=help_top + 0.2 * inch,
        width=width - 2 * margin,
        sizes=(12, 7),
        numbered=True,
    )
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def slides_pdf(text: ArtworkText) -> bytes:
    """16:9 slides for a talk: a title slide, one slide per topic, and where to get help."""
    width, height = SLIDES_16_9
    buffer, pdf = _pdf_document(SLIDES_16_9, text.headline)
    margin = 0.8 * inch
    pdf.setFillColor(HexColor(text.primary))
    pdf.rect(0, 0, width, height, stroke=0, fill=1)
    pdf.setFillColor(HexColor(text.accent))
    pdf.circle(width - inch, height - 0.6 * inch, 2.2 * inch, stroke=0, fill=1)
    y = _pdf_lines(
        pdf,
        text.headline,
        margin,
        height - 2.4 * inch,
        width - 2 * margin - 2 * inch,
        "Helvetica-Bold",
        44,
        white,
        1.12,
    )
    _pdf_lines(pdf, text.subhead, margin, y - 10, width - 2 * margin - 2 * inch, "Helvetica", 22, white)
    _pdf_lines(pdf, text.footer, margin, 0.6 * inch, width - 2 * margin, "Helvetica", 14, white)
    pdf.showPage()
    for number, slide in enumerate(text.slides, start=2):
        pdf.setFillColor(HexColor(text.primary))
        pdf.rect(0, height - 1.3 * inch, width, 1.3 * inch, stroke=0, fill=1)
        _pdf_lines(pdf, slide.title, margin, height - 0.85 * inch, width - 2 * margin, "Helvetica-Bold", 30, white)
        y = height - 2.1 * inch
        for point in slide.points:
            pdf.setFillColor(HexColor(text.accent))
            pdf.circle(margin + 6, y + 7, 6, stroke=0, fill=1)
            y = _pdf_lines(pdf, point, margin + 26, y, width - 2 * margin - 26, "Helvetica", 22, INK) - 14
        _pdf_lines(pdf, f"{number}", width - margin, 0.5 * inch, 0.5 * inch, "Helvetica", 12, INK)
        pdf.showPage()
    box_height = _pdf_help_height(text, width=width - 2 * margin, title_size=32, line_size=24)
    _pdf_help_box(
        pdf, text, x=margin, y_bottom=(height - box_height) / 2, width=width - 2 * margin, title_size=32, line_size=24
    )
    _pdf_lines(pdf, text.footer, margin, 0.6 * inch, width - 2 * margin, "Helvetica", 14, INK)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


RENDERERS = {
    "poster-pdf": ("pdf", poster_pdf),
    "poster-png": ("png", poster_png),
    "social-png": ("png", social_card_png),
    "flyer-pdf": ("pdf", flyer_pdf),
    "slides-pdf": ("pdf", slides_pdf),
    "hero-png": ("png", hero_png),
}


def render(kind: str, text: ArtworkText) -> tuple[str, bytes]:
    """(file extension, content) of one material drawn by the renderer `kind`."""
    extension, renderer = RENDERERS[kind]
    return extension, renderer(text)
