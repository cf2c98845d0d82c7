"""Learner accounts: sign-up, log-in with e-mail, the throttle, password reset, profile,
joining an institution and deleting the account with its personal data."""

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from education.factories import InstitutionFactory, LearnerFactory, right_answers
from education.forms import ADULTS_ONLY, INVALID_LOGIN, PRIVACY_REQUIRED
from education.models import (
    Certificate,
    CourseCompletion,
    Enrollment,
    LearnerProfile,
    ModuleProgress,
    QuizAttempt,
)
from education.services.accounts import JOIN_CODE_UNKNOWN, SIGNUP_EMAIL_TAKEN
from education.services.learning import enrollment_create, module_attempt_submit

pytestmark = pytest.mark.django_db
PASSWORD = "contrasena-de-prueba-2026"
User = get_user_model()


def _signup_data(**overrides):
    data = {
        "email": "Ana.Docente@Example.org",
        "display_name": "Ana Docente Pérez",
        "password1": "una frase larga 2026",
        "password2": "una frase larga 2026",
        "join_code": "",
        "is_adult": "on",
        "accept_privacy": "on",
    }
    return {**data, **overrides}


def _login(client, username, password):
    return client.post(reverse("education:login"), {"username": username, "password": password})


def test_signup_creates_an_adult_learner_with_lower_case_email(client, site_tree):
    """The e-mail is the username, lower-cased; the privacy acceptance is recorded; the learner is signed in."""
    response = client.post(reverse("education:signup"), _signup_data())
    assert response.status_code == 302
    user = User.objects.get()
    assert user.username == user.email == "ana.docente@example.org"
    assert user.learner_profile.display_name == "Ana Docente Pérez"
    assert user.learner_profile.privacy_accepted_at is not None
    assert client.get(reverse("education:my_learning")).status_code == 200


def test_signup_with_a_join_code_joins_the_institution(client, site_tree):
    """A code typed in lower case with a dash still finds the institution."""
    institution = InstitutionFactory(join_code="ACADEMIA42")
    client.post(reverse("education:signup"), _signup_data(join_code="academia-42"))
    assert LearnerProfile.objects.get().institution == institution


def test_signup_refuses_an_unknown_join_code(client, site_tree):
    """A wrong code is an error on the form; no account is created."""
    response = client.post(reverse("education:signup"), _signup_data(join_code="NOEXISTE"))
    assert str(JOIN_CODE_UNKNOWN) in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.parametrize(("field", "message"), [("accept_privacy", PRIVACY_REQUIRED), ("is_adult", ADULTS_ONLY)])
def test_signup_needs_privacy_acceptance_and_adult_age(client, site_tree, field, message):
    """Without ticking the aviso de privacidad, or being 18 or older, there is no account."""
    data = _signup_data()
    del data[field]
    response = client.post(reverse("education:signup"), data)
    assert str(message) in response.content.decode()
    assert not User.objects.exists()


def test_signup_refuses_a_weak_password_and_a_taken_email(client, site_tree):
    """Password validators apply; the same e-mail in another case is the same account."""
    weak = client.post(reverse("education:signup"), _signup_data(password1="12345", password2="12345"))
    assert weak.status_code == 200 and not User.objects.exists()
    LearnerFactory(username="ana.docente@example.org")
    taken = client.post(reverse("education:signup"), _signup_data())
    assert str(SIGNUP_EMAIL_TAKEN) in taken.content.decode()
    assert User.objects.count() == 1


def test_signup_page_links_the_privacy_notice(client, site_tree):
    """The form links the aviso de privacidad chosen in the site settings."""
    body = client.get(reverse("education:signup")).content.decode()
    assert site_tree["privacy"].url in body


def test_login_with_email_in_any_case_and_safe_next(client, site_tree):
    """Log-in takes the e-mail in any case, then follows a local next URL only."""
    LearnerFactory(username="cadete@example.org")
    url = reverse("education:login") + "?next=/cursos/"
    response = client.post(url, {"username": "Cadete@Example.ORG", "password": PASSWORD, "next": "/cursos/"})
    assert response["Location"] == "/cursos/"
    client.logout()
    evil = client.post(url, {"username": "cadete@example.org", "password": PASSWORD, "next": "https://evil.example/"})
    assert evil["Location"] == reverse("education:my_learning")


def test_wrong_password_says_so_without_revealing_the_account(client, site_tree):
    """The same message for a wrong password and an unknown e-mail."""
    LearnerFactory(username="cadete@example.org")
    wrong = _login(client, "cadete@example.org", "otra")
    unknown = _login(client, "nadie@example.org", "otra")
    assert str(INVALID_LOGIN) in wrong.content.decode()
    assert str(INVALID_LOGIN) in unknown.content.decode()


def test_logins_are_throttled_after_repeated_failures(client, site_tree, settings):
    """After AXES_FAILURE_LIMIT failures the log-in answers 429, even with the right password."""
    LearnerFactory(username="cadete@example.org")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, "cadete@example.org", "mala").status_code == 200
    locked = _login(client, "CADETE@example.org", "mala")
    assert locked.status_code == 429
    assert "Demasiados intentos" in locked.content.decode()
    assert _login(client, "cadete@example.org", PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_logout_needs_post(client, learner):
    """Log-out is a POST (a link cannot sign someone out) and ends the session."""
    client.force_login(learner)
    response = client.post(reverse("education:logout"))
    assert response.status_code == 302
    assert client.get(reverse("education:my_learning")).status_code == 302


def test_password_reset_sends_a_working_link(client, learner):
    """The e-mail carries a link to set a new password, which then logs in."""
    response = client.post(reverse("education:password_reset"), {"email": learner.email.upper()})
    assert response["Location"] == reverse("education:password_reset_done")
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/cuenta/contrasena/nueva/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    new = "otra frase distinta 2027"
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done["Location"] == reverse("education:password_reset_complete")
    assert _login(client, learner.email, new).status_code == 302


def test_password_reset_for_unknown_email_sends_nothing_and_says_the_same(client, site_tree):
    """No e-mail goes out and the page does not reveal whether the account exists."""
    response = client.post(reverse("education:password_reset"), {"email": "nadie@example.org"})
    assert response["Location"] == reverse("education:password_reset_done")
    assert mail.outbox == []


def test_profile_updates_name_and_needs_password_for_email(client, learner):
    """A new display name is saved; a new e-mail needs the current password."""
    client.force_login(learner)
    url = reverse("education:profile")
    refused = client.post(url, {"display_name": "Carla C.", "email": "nueva@example.org"})
    assert "Escribe tu contraseña actual" in refused.content.decode()
    client.post(url, {"display_name": "Carla C.", "email": "Nueva@Example.org", "current_password": PASSWORD})
    learner.refresh_from_db()
    assert (learner.username, learner.email) == ("nueva@example.org", "nueva@example.org")
    assert learner.learner_profile.display_name == "Carla C."


def test_emails_django_usernames_would_refuse_still_sign_up_and_change(client, learner):
    """An address with an apostrophe or # is a valid e-mail: sign-up and profile accept it, never a 500."""
    response = client.post(reverse("education:signup"), _signup_data(email="O'Brien@Example.org"))
    assert response.status_code == 302
    assert User.objects.filter(username="o'brien@example.org").exists()
    client.force_login(learner)
    data = {"display_name": "Carla", "email": "carla#cadete@example.org", "current_password": PASSWORD}
    assert client.post(reverse("education:profile"), data).status_code == 302
    learner.refresh_from_db()
    assert learner.email == "carla#cadete@example.org"


def test_login_records_of_an_old_email_are_deleted_with_the_account(client, learner):
    """After an e-mail change, deleting the account also removes the log-in records kept under the old e-mail."""
    old_email = learner.email
    _login(client, old_email, "mala")
    _login(client, old_email, PASSWORD)
    assert AccessLog.objects.filter(username=old_email).exists()
    data = {"display_name": "Carla", "email": "nueva@example.org", "current_password": PASSWORD}
    client.post(reverse("education:profile"), data)
    client.post(reverse("education:account_delete"), {"password": PASSWORD, "confirm": "on"})
    assert not User.objects.filter(pk=learner.pk).exists()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        assert not model.objects.filter(username__in=[old_email, "nueva@example.org"]).exists(), model.__name__


def test_join_and_leave_an_institution(client, learner):
    """A learner joins with a code later, and can leave."""
    institution = InstitutionFactory(join_code="DIFOFICINA1")
    client.force_login(learner)
    url = reverse("education:join_institution")
    client.post(url, {"action": "join", "join_code": "difoficina1"})
    assert LearnerProfile.objects.get(user=learner).institution == institution
    assert institution.name in client.get(url).content.decode()
    client.post(url, {"action": "leave"})
    assert LearnerProfile.objects.get(user=learner).institution is None


def test_inactive_institution_cannot_be_joined(client, learner):
    """An institution marked inactive refuses new people."""
    InstitutionFactory(join_code="CERRADA01", is_active=False)
    client.force_login(learner)
    response = client.post(reverse("education:join_institution"), {"action": "join", "join_code": "CERRADA01"})
    assert str(JOIN_CODE_UNKNOWN) in response.content.decode()


def test_account_deletion_removes_personal_data(client, course_tree, learner):
    """Deleting removes the user, profile, enrolment, progress, attempts, completion,
    certificate (its code then verifies as not found) and the log-in records."""
    enrollment_create(learner=learner, course=course_tree.course)
    for module in (course_tree.modules[0], course_tree.modules[2]):
        module_attempt_submit(learner=learner, module=module, answers=right_answers(module.slug))
    code = Certificate.objects.get(user=learner).display_code
    _login(client, learner.email, "mala")
    client.force_login(learner)
    assert AccessAttempt.objects.filter(username=learner.username).exists()
    page = client.get(reverse("education:account_delete")).content.decode()
    assert "constancia no encontrada" in page
    response = client.post(reverse("education:account_delete"), {"password": PASSWORD, "confirm": "on"})
    assert response["Location"] == reverse("education:account_deleted")
    assert not User.objects.filter(pk=learner.pk).exists()
    for model in (LearnerProfile, Enrollment, ModuleProgress, QuizAttempt, CourseCompletion, Certificate):
        assert not model.objects.exists(), model.__name__
    assert not AccessAttempt.objects.filter(username=learner.username).exists()
    assert not AccessLog.objects.filter(username=learner.username).exists()
    assert client.get(reverse("education:verify_code", kwargs={"code": code})).status_code == 404
    assert client.get(reverse("education:my_learning")).status_code == 302


def test_account_deletion_needs_the_password_and_confirmation(client, learner):
    """A wrong password or a missing tick deletes nothing."""
    client.force_login(learner)
    url = reverse("education:account_delete")
    assert client.post(url, {"password": "mala", "confirm": "on"}).status_code == 200
    assert client.post(url, {"password": PASSWORD}).status_code == 200
    assert User.objects.filter(pk=learner.pk).exists()


def test_staff_accounts_are_not_deleted_from_the_learner_pages(client, site_tree):
    """Editors' accounts are removed by administrators."""
    staff = LearnerFactory(is_staff=True)
    client.force_login(staff)
    response = client.post(reverse("education:account_delete"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 200
    assert User.objects.filter(pk=staff.pk).exists()


def test_english_account_urls(client, site_tree):
    """The account pages exist under /en/ too."""
    assert client.get("/en/cuenta/registro/").status_code == 200
    assert client.get("/en/cuenta/entrar/").status_code == 200
