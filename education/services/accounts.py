"""Adult learner accounts: sign-up with e-mail, joining an institution, profile changes and
deleting the account with its personal data (derechos ARCO)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from ..models import Institution, LearnerProfile
from ..models.institutions import normalize_code

SIGNUP_EMAIL_TAKEN = _("Ya hay una cuenta con este correo. Entra o recupera tu contraseña.")
JOIN_CODE_UNKNOWN = _("No encontramos una institución activa con ese código. Revísalo con tu institución.")
ACCOUNT_DELETE_STAFF = _("Las cuentas del equipo editorial y de administración se eliminan desde la administración.")
EMAIL_TAKEN = _("Ese correo ya pertenece a otra cuenta.")
# The username is the e-mail, validated as one in `email`: Django's username characters would
# refuse valid addresses such as o'brien@… (and the form has no username field to show why).
EMAIL_NOT_USERNAME = ["username"]


def username_for_email(email: str) -> str:
    """The login name: the e-mail, trimmed and lower-cased, so "Ana@X.mx" and "ana@x.mx" are one account."""
    return (email or "").strip().lower()


def institution_for_join_code(*, code: str) -> Institution:
    normalized = normalize_code(code)
    institution = Institution.objects.filter(join_code=normalized, is_active=True).first() if normalized else None
    if institution is None:
        raise ValidationError({"join_code": JOIN_CODE_UNKNOWN})
    return institution


def learner_profile_for(*, user) -> LearnerProfile:
    """The learner's profile, created for accounts made in the admin (staff) that never signed up."""
    profile = LearnerProfile.objects.filter(user=user).select_related("institution").first()
    if profile is not None:
        return profile
    display_name = user.get_full_name() or user.email or user.get_username()
    profile, _created = LearnerProfile.objects.get_or_create(user=user, defaults={"display_name": display_name[:150]})
    return profile


@transaction.atomic
def learner_signup(*, email: str, password: str, display_name: str, join_code: str = ""):
    """Create an adult learner's account; the aviso de privacidad was accepted in the form."""
    User = get_user_model()
    username = username_for_email(email)
    if User.objects.filter(username=username).exists():
        raise ValidationError({"email": SIGNUP_EMAIL_TAKEN})
    institution = institution_for_join_code(code=join_code) if normalize_code(join_code) else None
    now = timezone.now()
    user = User(username=username, email=username)
    user.set_password(password)
    user.full_clean(exclude=EMAIL_NOT_USERNAME)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as error:  # the same e-mail signed up a moment ago
        raise ValidationError({"email": SIGNUP_EMAIL_TAKEN}) from error
    profile = LearnerProfile(
        user=user,
        display_name=display_name.strip(),
        institution=institution,
        joined_institution_at=now if institution else None,
        privacy_accepted_at=now,
    )
    profile.full_clean()
    profile.save()
    return user


@transaction.atomic
def learner_institution_join(*, user, join_code: str) -> Institution:
    """Join (or move to) the institution with that code."""
    institution = institution_for_join_code(code=join_code)
    profile = learner_profile_for(user=user)
    profile.institution = institution
    profile.joined_institution_at = timezone.now()
    profile.full_clean()
    profile.save(update_fields=["institution", "joined_institution_at"])
    return institution


@transaction.atomic
def learner_institution_leave(*, user) -> None:
    profile = learner_profile_for(user=user)
    profile.institution = None
    profile.joined_institution_at = None
    profile.save(update_fields=["institution", "joined_institution_at"])


@transaction.atomic
def learner_profile_update(*, user, display_name: str, email: str) -> LearnerProfile:
    """Correct one's name for future certificates, or one's e-mail (which is also the login)."""
    User = get_user_model()
    username = username_for_email(email)
    if username != user.username:
        if User.objects.filter(username=username).exclude(pk=user.pk).exists():
            raise ValidationError({"email": EMAIL_TAKEN})
        old_username = user.username
        user.username = username
        user.email = username
        user.full_clean(exclude=EMAIL_NOT_USERNAME)
        user.save(update_fields=["username", "email"])
        # The login records hold the old e-mail: they follow the account, so deleting it removes them.
        AccessAttempt.objects.filter(username=old_username).delete()
        for model in (AccessFailureLog, AccessLog):
            model.objects.filter(username=old_username).update(username=username)
    profile = learner_profile_for(user=user)
    profile.display_name = display_name.strip()
    profile.full_clean()
    profile.save(update_fields=["display_name"])
    return profile


@transaction.atomic
def learner_account_delete(*, user) -> None:
    """Delete the account and every personal record of it: profile, enrolments, progress,
    attempts, completions and certificates (whose codes then verify as "not found"), and the
    login-attempt records that hold the e-mail. Staff accounts are removed by administrators."""
    if user.is_staff or user.is_superuser:
        raise ValidationError(ACCOUNT_DELETE_STAFF)
    username = user.get_username()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=username).delete()
    user.delete()
