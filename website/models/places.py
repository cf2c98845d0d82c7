from django.db import models
from django.utils.translation import gettext_lazy as _


class Municipality(models.Model):
    """A municipality with its official INEGI code (CVEGEO: state + municipality).

    Loaded from a CSV with `load_municipalities`; Jalisco's 125 ship with the project and
    another state loads its own file the same way.
    """

    cvegeo = models.CharField(_("clave INEGI (CVEGEO)"), max_length=5, unique=True)
    state_code = models.CharField(_("clave de entidad"), max_length=2, db_index=True)
    municipality_code = models.CharField(_("clave de municipio"), max_length=3)
    name = models.CharField(_("nombre"), max_length=120)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipio")
        verbose_name_plural = _("municipios")

    def __str__(self):
        return self.name
