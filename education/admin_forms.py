"""The admin form for certificates: staff can only revoke (with a reason) or restore one."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from .models.learning import REVOCATION_REASON_REQUIRED


class CertificateAdminForm(WagtailAdminModelForm):
    revoked = forms.BooleanField(
        label=_("Revocada"),
        required=False,
        help_text=_("La página de verificación dirá que la constancia fue revocada."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revoked"].initial = self.instance.revoked_at is not None

    def clean(self):
        cleaned = super().clean()
        certificate = self.instance
        if cleaned.get("revoked"):
            if not (cleaned.get("revocation_reason") or "").strip():
                self.add_error("revocation_reason", REVOCATION_REASON_REQUIRED)
            # Set before the model's own validation runs (which checks the reason too).
            certificate.revoked_at = certificate.revoked_at or timezone.now()
        else:
            certificate.revoked_at = None
            cleaned["revocation_reason"] = ""
        return cleaned
