"""The admin: moderators create institutions and revoke certificates; nobody adds or deletes one."""

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from education.factories import LearnerFactory, right_answers
from education.models import Certificate
from education.services.learning import enrollment_create, module_attempt_submit
from website.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(db):
    user = LearnerFactory(username="moderadora@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="Moderadores"))
    return user


@pytest.fixture
def certificate(course_tree, learner):
    enrollment_create(learner=learner, course=course_tree.course)
    for module in (course_tree.modules[0], course_tree.modules[2]):
        module_attempt_submit(learner=learner, module=module, answers=right_answers(module.slug))
    return Certificate.objects.get()


def test_moderator_revokes_a_certificate_with_a_reason(client, moderator, certificate):
    """Ticking «Revocada» needs a reason; then verification says revoked."""
    client.force_login(moderator)
    url = reverse("wagtailsnippets_education_certificate:edit", args=[certificate.pk])
    assert client.get(url).status_code == 200
    refused = client.post(url, {"revoked": "on", "revocation_reason": ""})
    assert refused.status_code == 200
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    client.post(url, {"revoked": "on", "revocation_reason": "Se emitió a otra persona."})
    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revocation_reason == "Se emitió a otra persona."
    client.post(url, {"revocation_reason": ""})
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_nobody_adds_or_deletes_certificates_in_the_admin(client, certificate, django_user_model):
    """Even a superuser gets no create or delete view: certificates come from completions."""
    admin = django_user_model.objects.create_superuser("jefa", "jefa@example.org", "x")
    client.force_login(admin)
    assert client.get(reverse("wagtailsnippets_education_certificate:add")).status_code in (302, 403)
    delete = reverse("wagtailsnippets_education_certificate:delete", args=[certificate.pk])
    assert client.post(delete).status_code in (302, 403)
    assert Certificate.objects.filter(pk=certificate.pk).exists()
    listing = client.get(reverse("wagtailsnippets_education_certificate:list"))
    assert listing.status_code == 200
    assert certificate.folio in listing.content.decode()


def test_moderator_creates_an_institution(client, moderator):
    """A school is created with its CCT; its join code is generated."""
    municipality = MunicipalityFactory(cvegeo="14039", name="Guadalajara")
    client.force_login(moderator)
    response = client.post(
        reverse("wagtailsnippets_education_institution:add"),
        {
            "name": "Secundaria Técnica",
            "kind": "escuela",
            "cct": "14EST0001A",
            "municipality": municipality.pk,
            "join_code": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    from education.models import Institution

    institution = Institution.objects.get()
    assert (institution.cct, len(institution.join_code)) == ("14EST0001A", 8)


def test_editors_see_no_learner_data(client):
    """The «Editores» group has no permission on institutions or certificates."""
    editor = LearnerFactory(username="editora@example.org", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editores"))
    client.force_login(editor)
    assert client.get(reverse("wagtailsnippets_education_certificate:list")).status_code in (302, 403)


def test_certificate_list_filters_by_status(client, moderator, certificate):
    """The «Estado» filter separates valid from revoked certificates."""
    from education.services.certificates import certificate_revoke

    client.force_login(moderator)
    url = reverse("wagtailsnippets_education_certificate:list")
    assert certificate.folio in client.get(url, {"status": "valida"}).content.decode()
    certificate_revoke(certificate=certificate, reason="Error.")
    assert certificate.folio not in client.get(url, {"status": "valida"}).content.decode()
    assert certificate.folio in client.get(url, {"status": "revocada"}).content.decode()


def _list_block(items):
    """ListBlock form data: count, then each item's value, id, order and deleted flag."""
    data = {"count": str(len(items))}
    for index, value in enumerate(items):
        data[str(index)] = {"value": value, "id": "", "order": str(index), "deleted": ""}
    return data


def test_editor_writes_a_module_with_a_quiz_in_the_admin(client, course_tree, django_user_model):
    """Creating a module through the admin saves the quiz with a key for every choice."""
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    from education.models import ModulePage

    admin = django_user_model.objects.create_superuser("jefa", "jefa@example.org", "x")
    client.force_login(admin)
    question = {
        "prompt": "¿Quién tiene la culpa?",
        "choices": _list_block(
            [
                {"text": "Quien presiona o chantajea.", "is_correct": "on", "choice_id": ""},
                {"text": "La niña o el niño.", "choice_id": ""},
            ]
        ),
        "explanation": "La responsabilidad es siempre del agresor.",
    }
    data = nested_form_data(
        {
            "title_es": "Módulo del editor",
            "slug_es": "modulo-del-editor",
            "summary_es": "Resumen.",
            "is_required": "on",
            "lessons_es": streamfield([("paragraph", rich_text("<p>Lección.</p>"))]),
            "quiz_es": streamfield([("question", question)]),
            # The English copies are optional (they fall back to Spanish).
            "lessons_en": streamfield([]),
            "quiz_en": streamfield([]),
            "action-publish": "publish",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=["education", "modulepage", course_tree.course.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    module = ModulePage.objects.get(slug_es="modulo-del-editor")
    keys = [choice["choice_id"] for choice in module.quiz[0].value["choices"]]
    assert len(keys) == 2 and all(keys) and keys[0] != keys[1]


def test_course_and_module_edit_pages_render(client, course_tree, django_user_model):
    """The admin edit forms of a course and a module open."""
    admin = django_user_model.objects.create_superuser("jefa", "jefa@example.org", "x")
    client.force_login(admin)
    for page in (course_tree.course, course_tree.modules[0]):
        assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
