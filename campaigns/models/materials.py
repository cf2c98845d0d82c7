import os

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from website.vocabularies import Audience

ONE_FILE_REQUIRED = _("Elige un documento o una imagen (solo uno de los dos).")
SOCIAL_CARD_NEEDS_IMAGE = _("Una tarjeta para redes debe ser una imagen, para ofrecerla en los tamaños de cada red.")
IMAGE_ALT_REQUIRED = _("Describe la imagen para quien no puede verla.")


class MaterialKind(models.TextChoices):
    POSTER = "cartel", _("Cartel")
    FLYER = "volante", _("Volante")
    SOCIAL_CARD = "tarjeta-redes", _("Tarjeta para redes sociales")
    PRESENTATION = "presentacion", _("Presentación para pláticas")


class MaterialSize(models.TextChoices):
    """Paper sizes used in Mexico, and screen sizes for social networks and talks."""

    LETTER = "carta", _("Carta (21.6 × 27.9 cm)")
    HALF_LETTER = "media-carta", _("Media carta (14 × 21.6 cm)")
    TABLOID = "doble-carta", _("Doble carta (27.9 × 43.2 cm)")
    A4 = "a4", _("A4 (21 × 29.7 cm)")
    SQUARE = "cuadrada", _("Pantalla cuadrada (redes sociales)")
    LANDSCAPE = "horizontal", _("Pantalla horizontal (enlaces compartidos)")
    SLIDES = "16-9", _("Pantalla 16:9")


class MaterialLanguage(models.TextChoices):
    SPANISH = "es", "Español"
    ENGLISH = "en", "English"


# Social-network sizes offered for every social card: (rendition filter, label).
SOCIAL_RENDITIONS = {
    "1080x1080": ("fill-1080x1080", _("Cuadrada 1080 × 1080 (Instagram, Facebook, WhatsApp)")),
    "1200x630": ("fill-1200x630", _("Horizontal 1200 × 630 (enlaces, X, Facebook)")),
}


def restricted_collection_paths() -> list[str]:
    """Tree paths of the collections with a view restriction: a document in one of them, or in
    a collection below one, is private. One query however many materials are checked."""
    from wagtail.models import CollectionViewRestriction

    return list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))


class CampaignMaterial(Orderable):
    """A poster, flyer, social card or presentation of a campaign, downloadable and printable
    one by one or together in the campaign's kit (ZIP).

    Upload PDFs and presentations as documents and social cards as images; each social card
    is also offered in the sizes each network asks for.
    """

    campaign = ParentalKey("campaigns.CampaignPage", related_name="materials", on_delete=models.CASCADE)
    title = models.CharField(_("título"), max_length=140)
    description = models.CharField(_("descripción"), max_length=255, blank=True)
    kind = models.CharField(_("tipo"), max_length=20, choices=MaterialKind.choices)
    audience = models.CharField(_("público"), max_length=20, choices=Audience.choices, blank=True)
    language = models.CharField(_("idioma del material"), max_length=5, choices=MaterialLanguage.choices, default="es")
    size = models.CharField(_("tamaño"), max_length=20, choices=MaterialSize.choices, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("documento (PDF, presentación)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("imagen (cartel o tarjeta)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    alt_text = models.CharField(
        _("texto alternativo"), max_length=400, blank=True, help_text=_("Para imágenes: qué muestra y qué dice.")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("audience")]),
        FieldRowPanel([FieldPanel("language"), FieldPanel("size")]),
        MultiFieldPanel([FieldPanel("document"), FieldPanel("image"), FieldPanel("alt_text")], heading=_("Archivo")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materiales")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if bool(self.document_id) == bool(self.image_id):
            errors["document"] = ONE_FILE_REQUIRED
        elif self.kind == MaterialKind.SOCIAL_CARD and not self.image_id:
            errors["image"] = SOCIAL_CARD_NEEDS_IMAGE
        if self.image_id and not (self.alt_text or "").strip():
            errors["alt_text"] = IMAGE_ALT_REQUIRED
        if errors:
            raise ValidationError(errors)

    @property
    def file(self):
        """The stored file (document or original image), or None when it was deleted."""
        source = self.document or self.image
        return source.file if source is not None else None

    @property
    def file_name(self) -> str:
        file = self.file
        return os.path.basename(file.name) if file else ""

    @property
    def file_format(self) -> str:
        """PDF, PNG, PPTX…: what the reader needs to open it."""
        return os.path.splitext(self.file_name)[1].lstrip(".").upper()

    @property
    def file_size(self) -> int | None:
        source = self.document or self.image
        return source.file_size if source is not None else None

    @property
    def is_available(self) -> bool:
        """Its file exists and no collection privacy keeps it from the public."""
        return self.is_available_among(restricted_collection_paths())

    def is_available_among(self, restricted_paths: list[str]) -> bool:
        """`is_available`, given `restricted_collection_paths()` read once for a whole list."""
        source = self.document or self.image
        if source is None:
            return False
        if self.document is not None:
            path = self.document.collection.path
            return not any(path.startswith(restricted) for restricted in restricted_paths)
        return True

    @property
    def has_social_sizes(self) -> bool:
        return self.kind == MaterialKind.SOCIAL_CARD and self.image_id is not None


class CampaignKit(models.Model):
    """The ZIP with all of a campaign's materials ("Descargar el kit completo").

    Built once and kept in the default storage; `fingerprint` sums up the materials it was
    built from, so a change to any material (or its file) leads to a rebuild.
    """

    campaign = models.OneToOneField("campaigns.CampaignPage", on_delete=models.CASCADE, related_name="kit")
    fingerprint = models.CharField(_("huella de los materiales"), max_length=64)
    file = models.FileField(_("archivo"), upload_to="campaigns/kits/", max_length=255)
    size = models.PositiveBigIntegerField(_("tamaño en bytes"), default=0)
    material_count = models.PositiveSmallIntegerField(_("materiales"), default=0)
    built_at = models.DateTimeField(_("generado"))
    build_seconds = models.FloatField(_("segundos para generarlo"), default=0)

    class Meta:
        verbose_name = _("kit de campaña")
        verbose_name_plural = _("kits de campaña")

    def __str__(self):
        return self.file.name
