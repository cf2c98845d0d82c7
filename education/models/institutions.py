"""Institutions that learners belong to: schools, police academies, DIF offices and others.

Kept minimal here: staff create them in the admin and learners join with the join code.
Coordinators and dashboards build on this model later.
"""

import re
import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: easy to read aloud
JOIN_CODE_LENGTH = 8
JOIN_CODE_PATTERN = re.compile(r"^[A-Z0-9]{6,16}$")
# The official CCT: 2-digit state, 3 letters, 4 digits, 1 check character. The DEMO form
# (4 letters) cannot be a real key, so demo data can never point at a real school.
CCT_PATTERN = re.compile(r"^(\d{2}[A-Z]{3}\d{4}[A-Z0-9]|\d{2}DEMO\d{4}[A-Z])$")

CCT_REQUIRED = _("Las escuelas necesitan su Clave de Centro de Trabajo (CCT).")
CCT_INVALID = _("La CCT tiene 10 caracteres, por ejemplo 14EES0001Z (claves ficticias de prueba: 14DEMO0001X).")
CCT_ONLY_FOR_SCHOOLS = _("Solo las escuelas tienen CCT.")
JOIN_CODE_INVALID = _("Usa de 6 a 16 letras o números, sin espacios.")


def normalize_code(raw: str) -> str:
    """Upper case, without spaces or dashes, as people type codes in many ways."""
    return re.sub(r"[^A-Za-z0-9]", "", raw or "").upper()


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _i in range(JOIN_CODE_LENGTH))


class InstitutionKind(models.TextChoices):
    SCHOOL = "escuela", _("Escuela")
    POLICE_ACADEMY = "academia_policia", _("Academia de policía")
    DIF_OFFICE = "oficina_dif", _("Oficina DIF")
    OTHER = "otra", _("Otra")


class Institution(models.Model):
    """A school, police academy, DIF office or other body whose people take the courses.

    Learners join it with its join code, at sign-up or later from their profile. Share the
    code only with the institution's people; change it to stop new people from joining.
    """

    name = models.CharField(_("nombre"), max_length=200)
    kind = models.CharField(_("tipo"), max_length=20, choices=InstitutionKind.choices)
    cct = models.CharField(
        _("CCT"),
        max_length=11,
        blank=True,
        help_text=_(
            "Clave de Centro de Trabajo, solo para escuelas (10 caracteres). "
            "Los datos de demostración usan claves ficticias como 14DEMO0001X, que no existen."
        ),
    )
    municipality = models.ForeignKey(
        "website.Municipality", verbose_name=_("municipio"), on_delete=models.PROTECT, related_name="institutions"
    )
    join_code = models.CharField(
        _("código para unirse"),
        max_length=16,
        unique=True,
        blank=True,
        help_text=_("Se genera solo si lo dejas vacío. Quien lo tenga puede unirse a la institución."),
    )
    is_active = models.BooleanField(
        _("activa"), default=True, help_text=_("Una institución inactiva no admite nuevas personas.")
    )
    created_at = models.DateTimeField(_("creada"), auto_now_add=True)

    panels = [
        FieldPanel("name"),
        MultiFieldPanel([FieldPanel("kind"), FieldPanel("cct"), FieldPanel("municipality")], heading=_("Datos")),
        MultiFieldPanel([FieldPanel("join_code"), FieldPanel("is_active")], heading=_("Acceso")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("institución")
        verbose_name_plural = _("instituciones")

    def __str__(self):
        return self.name

    def clean(self):
        self.cct = normalize_code(self.cct)
        self.join_code = normalize_code(self.join_code)
        errors = {}
        if self.kind == InstitutionKind.SCHOOL and not self.cct:
            errors["cct"] = CCT_REQUIRED
        elif self.cct and self.kind != InstitutionKind.SCHOOL:
            errors["cct"] = CCT_ONLY_FOR_SCHOOLS
        elif self.cct and not CCT_PATTERN.match(self.cct):
            errors["cct"] = CCT_INVALID
        if self.join_code and not JOIN_CODE_PATTERN.match(self.join_code):
            errors["join_code"] = JOIN_CODE_INVALID
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.join_code:
            self.join_code = self._unused_join_code()
        super().save(*args, **kwargs)

    @classmethod
    def _unused_join_code(cls) -> str:
        while True:
            code = new_join_code()
            if not cls.objects.filter(join_code=code).exists():
                return code
