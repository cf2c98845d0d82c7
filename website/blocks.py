"""StreamField blocks shared by guides, help pages, course lessons and campaigns.

Every block renders without JavaScript; the FAQ is a <details> accordion and video only
loads from its host after a click.
"""

import re
from urllib.parse import parse_qs, urlparse

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3"]

VIDEO_HOST_NOT_SUPPORTED = _("Usa un enlace de YouTube o de Vimeo.")
IMAGE_ALT_REQUIRED = _("Describe la imagen para quien no puede verla.")


class HeadingBlock(blocks.CharBlock):
    """A section title (h2). Keep it short: it also appears in the page's outline."""

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Título de sección")
        preview_value = "Cómo empieza"
        description = _("Un título h2 que abre una sección.")


class ParagraphBlock(blocks.RichTextBlock):
    """Body text: short paragraphs, lists and links."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        label = _("Párrafo")
        preview_value = "<p>Habla con tu hija o hijo sin juzgar.</p>"
        description = _("Texto con párrafos, listas y enlaces.")


class WarningSignsBlock(blocks.StructBlock):
    """A highlighted list of warning signs ("Señales de alerta")."""

    title = blocks.CharBlock(label=_("Título"), default=_("Señales de alerta"))
    intro = blocks.CharBlock(label=_("Introducción"), required=False)
    signs = blocks.ListBlock(blocks.CharBlock(label=_("Señal")), label=_("Señales"), min_num=1)

    class Meta:
        icon = "warning"
        template = "blocks/warning_signs_block.html"
        label = _("Señales de alerta")
        preview_value = {
            "title": "Señales de alerta",
            "intro": "",
            "signs": ["Esconde la pantalla cuando te acercas.", "Recibe regalos de alguien que solo conoce en línea."],
        }
        description = _("Una lista destacada de señales de alerta.")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Paso"))
    text = ParagraphBlock(label=_("Explicación"), required=False)


class StepsBlock(blocks.StructBlock):
    """Numbered steps of what to do ("Qué hacer")."""

    title = blocks.CharBlock(label=_("Título"), default=_("Qué hacer"))
    steps = blocks.ListBlock(StepBlock(), label=_("Pasos"), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "blocks/steps_block.html"
        label = _("Pasos: qué hacer")
        preview_value = {
            "title": "Qué hacer",
            "steps": [{"title": "Mantén la calma", "text": "<p>Escucha sin juzgar.</p>"}],
        }
        description = _("Pasos numerados para actuar.")


class CalloutBlock(blocks.StructBlock):
    """A box that stands out: information, something important, or where to get help."""

    style = blocks.ChoiceBlock(
        label=_("Tipo"),
        choices=[("info", _("Información")), ("important", _("Importante")), ("help", _("Ayuda"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Título"))
    text = ParagraphBlock(label=_("Texto"))

    class Meta:
        icon = "help"
        template = "blocks/callout_block.html"
        label = _("Recuadro")
        preview_value = {
            "style": "important",
            "title": "Recuerda",
            "text": "<p>La culpa nunca es de la niña o el niño.</p>",
        }
        description = _("Un recuadro destacado.")


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Pregunta"))
    answer = ParagraphBlock(label=_("Respuesta"))


class FaqBlock(blocks.StructBlock):
    """Questions and answers as an accordion that works without JavaScript."""

    title = blocks.CharBlock(label=_("Título"), default=_("Preguntas frecuentes"))
    items = blocks.ListBlock(FaqItemBlock(), label=_("Preguntas"), min_num=1)

    class Meta:
        icon = "help"
        template = "blocks/faq_block.html"
        label = _("Preguntas frecuentes")
        preview_value = {
            "title": "Preguntas frecuentes",
            "items": [{"question": "¿Debo quitarle el teléfono?", "answer": "<p>No como primera reacción.</p>"}],
        }
        description = _("Preguntas y respuestas desplegables.")


class ImageBlock(blocks.StructBlock):
    """An image with required alternative text, served as responsive AVIF/WebP/JPEG."""

    image = ImageChooserBlock(label=_("Imagen"))
    alt = blocks.CharBlock(
        label=_("Texto alternativo"),
        required=False,
        help_text=_("Describe lo que muestra la imagen. Obligatorio salvo que sea decorativa."),
    )
    decorative = blocks.BooleanBlock(label=_("Es decorativa"), required=False)
    caption = blocks.CharBlock(label=_("Pie de foto"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt") or "").strip():
            raise StructBlockValidationError(block_errors={"alt": IMAGE_ALT_REQUIRED})
        return value

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Imagen")
        description = _("Una imagen con texto alternativo.")


class DocumentBlock(blocks.StructBlock):
    """A downloadable document (PDF, printable material)."""

    document = DocumentChooserBlock(label=_("Documento"))
    title = blocks.CharBlock(
        label=_("Título"), required=False, help_text=_("Si se deja vacío, se usa el del documento.")
    )
    description = blocks.CharBlock(label=_("Descripción"), required=False)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"
        label = _("Documento descargable")
        description = _("Un archivo para descargar o imprimir.")


class VideoStructValue(blocks.StructValue):
    """Derives the privacy-enhanced embed address from the video's public URL."""

    @property
    def provider(self) -> str:
        return video_provider(self.get("url") or "")

    @property
    def embed_url(self) -> str:
        return video_embed_url(self.get("url") or "")


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video that loads only after the reader clicks."""

    url = blocks.URLBlock(label=_("Enlace del video"), help_text=_("YouTube o Vimeo."))
    title = blocks.CharBlock(label=_("Título del video"))
    transcript = ParagraphBlock(label=_("Transcripción o resumen"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not video_embed_url(value.get("url") or ""):
            raise StructBlockValidationError(block_errors={"url": VIDEO_HOST_NOT_SUPPORTED})
        return value

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        label = _("Video (se carga con un clic)")
        value_class = VideoStructValue
        description = _("Un video que no se carga hasta que la persona lo pide.")


def video_provider(url: str) -> str:
    host = (urlparse(url).hostname or "").lower()
    # Whole host names only: "notyoutube.com" is not YouTube.
    if host in ("youtube.com", "youtu.be") or host.endswith(".youtube.com"):
        return "YouTube"
    if host == "vimeo.com" or host.endswith(".vimeo.com"):
        return "Vimeo"
    return ""


def video_embed_url(url: str) -> str:
    """The embed URL on the privacy-enhanced host, or "" when the link is not a known video."""
    parsed = urlparse(url)
    provider = video_provider(url)
    video_id = ""
    if provider == "YouTube":
        if parsed.hostname == "youtu.be":
            video_id = parsed.path.lstrip("/")
        elif parsed.path.startswith(("/embed/", "/shorts/")):
            video_id = parsed.path.split("/")[2]
        else:
            video_id = (parse_qs(parsed.query).get("v") or [""])[0]
        if re.fullmatch(r"[A-Za-z0-9_-]{6,20}", video_id or ""):
            return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    elif provider == "Vimeo":
        video_id = parsed.path.strip("/").split("/")[-1]
        if video_id.isdigit():
            return f"https://player.vimeo.com/video/{video_id}?dnt=1&autoplay=1"
    return ""


class SourceBlock(blocks.StructBlock):
    """Where a fact comes from, shown under "Fuentes"."""

    label = blocks.CharBlock(label=_("Fuente"))
    url = blocks.URLBlock(label=_("Enlace"), required=False)

    class Meta:
        icon = "link"
        label = _("Fuente")


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks an editor can use in the body of guides, pages and lessons."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    warning_signs = WarningSignsBlock()
    steps = StepsBlock()
    callout = CalloutBlock()
    faq = FaqBlock()
    image = ImageBlock()
    document = DocumentBlock()
    video = VideoBlock()


def count_words(stream_value) -> int:
    """Words of readable text in a StreamField value, for reading-time estimates."""
    text = " ".join(_block_text(block.value) for block in stream_value or [])
    text = re.sub(r"<[^>]+>", " ", text)
    return len(text.split())


def _block_text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "source"):  # RichText
        return value.source
    if isinstance(value, str):
        return value
    if isinstance(value, dict) or hasattr(value, "items"):
        return " ".join(_block_text(v) for v in value.values())
    if isinstance(value, (list, tuple)) or hasattr(value, "__iter__"):
        return " ".join(_block_text(v) for v in value)
    return ""
