"""What the platform keeps about an adult learner beyond Django's User (whose username is the
lower-cased e-mail): the name for certificates, the institution, and when the aviso de
privacidad was accepted."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LearnerProfile(models.Model):
    """An adult learner's profile. Deleted with the account (derechos ARCO)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("cuenta"), on_delete=models.CASCADE, related_name="learner_profile"
    )
    display_name = models.CharField(
        _("nombre para constancias"), max_length=150, help_text=_("Como debe aparecer en las constancias.")
    )
    institution = models.ForeignKey(
        "education.Institution",
        verbose_name=_("institución"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="learners",
    )
    joined_institution_at = models.DateTimeField(_("se unió a la institución"), null=True, blank=True)
    # Set at sign-up; empty for staff accounts created in the admin, who never signed up.
    privacy_accepted_at = models.DateTimeField(_("aceptó el aviso de privacidad"), null=True, blank=True)
    created_at = models.DateTimeField(_("creado"), auto_now_add=True)

    class Meta:
        verbose_name = _("perfil de participante")
        verbose_name_plural = _("perfiles de participantes")

    def __str__(self):
        return self.display_name
