"""Issuing and revoking certificates (constancias)."""

import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Certificate, CourseCompletion
from ..models.learning import REVOCATION_REASON_REQUIRED
from .accounts import learner_profile_for

VERIFICATION_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # 30 symbols, none easy to misread
VERIFICATION_CODE_LENGTH = 16  # 30**16 ≈ 2**78: not guessable, still typeable from paper
DEFAULT_FOLIO_PREFIX = "PEL"
CERTIFICATE_ALREADY_REVOKED = _("Esta constancia ya estaba revocada.")


def new_verification_code() -> str:
    return "".join(secrets.choice(VERIFICATION_CODE_ALPHABET) for _i in range(VERIFICATION_CODE_LENGTH))


def folio_for(certificate: Certificate) -> str:
    """A short number people can quote: PREFIX-YEAR-000123 (unique because it carries the row id)."""
    prefix = getattr(settings, "CERTIFICATE_FOLIO_PREFIX", DEFAULT_FOLIO_PREFIX)
    return f"{prefix}-{certificate.completed_on.year}-{certificate.pk:06d}"


@transaction.atomic
def certificate_issue(*, completion: CourseCompletion) -> Certificate:
    """The completion's certificate, issued once. Holder, course, hours and institution are
    copied now: the certificate keeps saying what was true when it was earned."""
    existing = Certificate.objects.filter(completion=completion).first()
    if existing is not None:
        return existing
    profile = learner_profile_for(user=completion.user)
    course = completion.course
    certificate = Certificate(
        completion=completion,
        user=completion.user,
        course=course,
        # A unique placeholder until the row has the id the folio is built from.
        folio=f"tmp-{uuid.uuid4().hex[:24]}",
        verification_code=new_verification_code(),
        holder_name=profile.display_name,
        # The certificate is issued in the site's main language.
        course_title=getattr(course, f"title_{settings.LANGUAGE_CODE}", None) or course.title,
        hours=course.estimated_hours,
        institution_name=profile.institution.name if profile.institution else "",
        completed_on=timezone.localdate(completion.completed_at),
    )
    certificate.full_clean()
    certificate.save()
    certificate.folio = folio_for(certificate)
    certificate.save(update_fields=["folio"])
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str) -> Certificate:
    """Mark a certificate as revoked; its verification page then says so, with no other detail."""
    if certificate.is_revoked:
        raise ValidationError(CERTIFICATE_ALREADY_REVOKED)
    if not (reason or "").strip():
        raise ValidationError({"revocation_reason": REVOCATION_REASON_REQUIRED})
    certificate.revoked_at = timezone.now()
    certificate.revocation_reason = reason.strip()
    certificate.full_clean()
    certificate.save(update_fields=["revoked_at", "revocation_reason"])
    return certificate
