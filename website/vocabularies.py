"""The fixed vocabularies every app shares: who material is for and which children it concerns.

Age bands follow Mexico's school levels because teachers plan by them. Topics are editable
snippets instead (see website.models.snippets.Topic).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    FAMILIES = "familias", _("Familias")
    TEACHERS = "docentes", _("Docentes")
    POLICE = "policias", _("Policías")
    CHILDREN = "nna", _("Niñas, niños y adolescentes")
    INSTITUTIONS = "instituciones", _("Personal de instituciones")


class AgeBand(models.TextChoices):
    PRESCHOOL = "preescolar", _("Preescolar (3 a 5 años)")
    LOWER_PRIMARY = "primaria_baja", _("Primaria baja (6 a 8 años, 1.° a 3.°)")
    UPPER_PRIMARY = "primaria_alta", _("Primaria alta (9 a 11 años, 4.° a 6.°)")
    SECONDARY = "secundaria", _("Secundaria (12 a 14 años)")
    HIGH_SCHOOL = "bachillerato", _("Bachillerato (15 a 17 años)")


AGE_BAND_SHORT_LABELS = {
    AgeBand.PRESCHOOL: _("3 a 5 años"),
    AgeBand.LOWER_PRIMARY: _("6 a 8 años"),
    AgeBand.UPPER_PRIMARY: _("9 a 11 años"),
    AgeBand.SECONDARY: _("12 a 14 años"),
    AgeBand.HIGH_SCHOOL: _("15 a 17 años"),
}
