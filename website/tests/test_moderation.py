"""Editorial roles and the moderation workflow (website/migrations/0002), through the Wagtail admin."""

import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowState,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, querydict_from_html, rich_text, streamfield

import pytest

from education.factories import GuidePageFactory
from education.models import GuidePage
from website.blocks import RICH_TEXT_FEATURES
from website.factories import TopicFactory

EDITORS = "Editores"
MODERATORS = "Moderadores"
WORKFLOW = "Revisión editorial"
TASK = "Aprobación de Moderadores"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def group_page_permissions(name: str) -> set[str]:
    return set(GroupPagePermission.objects.filter(group__name=name).values_list("permission__codename", flat=True))


def group_permissions(name: str) -> set[str]:
    group = Group.objects.get(name=name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


# --- Groups and workflow from the data migration --------------------------------------------


def test_editorial_groups_replace_wagtail_s_english_defaults(db):
    """ "Editores" and "Moderadores" exist; Wagtail's "Editors" and "Moderators" do not."""
    names = set(Group.objects.values_list("name", flat=True))
    assert {EDITORS, MODERATORS} <= names
    assert not {"Editors", "Moderators"} & names


def test_editors_may_add_and_change_pages_but_not_publish(db):
    """Editors hold add and change on the page tree, and no publish permission."""
    assert group_page_permissions(EDITORS) == {"add_page", "change_page"}
    root = Page.get_first_root_node()
    assert set(GroupPagePermission.objects.filter(group__name=EDITORS).values_list("page", flat=True)) == {root.pk}


def test_moderators_may_publish(db):
    """Moderators hold add, change, publish, lock, unlock and bulk delete on the page tree."""
    assert group_page_permissions(MODERATORS) == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    }


def test_editors_model_permissions(db):
    """Editors reach the admin and edit topics and channels, but delete nothing and change no site settings."""
    permissions = group_permissions(EDITORS)
    assert {
        "wagtailadmin.access_admin",
        "website.add_topic",
        "website.change_topic",
        "website.add_helpchannel",
        "website.change_helpchannel",
    } <= permissions
    assert not {"website.delete_topic", "website.delete_helpchannel", "website.change_sitesettings"} & permissions


def test_moderators_model_permissions(db):
    """Moderators also delete topics and channels and change the site settings."""
    assert {
        "wagtailadmin.access_admin",
        "website.delete_topic",
        "website.delete_helpchannel",
        "website.change_sitesettings",
    } <= group_permissions(MODERATORS)


def test_both_groups_may_use_images_and_documents(db):
    """Both groups may add and choose images and documents; only moderators may delete them."""
    for name in (EDITORS, MODERATORS):
        codes = set(
            GroupCollectionPermission.objects.filter(group__name=name).values_list("permission__codename", flat=True)
        )
        assert {"add_image", "choose_image", "add_document", "choose_document"} <= codes, name
    editor_codes = set(
        GroupCollectionPermission.objects.filter(group__name=EDITORS).values_list("permission__codename", flat=True)
    )
    assert not {"delete_image", "delete_document"} & editor_codes


def test_every_page_goes_through_the_editorial_workflow(db):
    """The root page uses the active "Revisión editorial" workflow, whose one task belongs to Moderators."""
    workflow = Workflow.objects.get(name=WORKFLOW)
    assert workflow.active
    assert WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow == workflow
    tasks = [task.specific for task in workflow.tasks]
    assert [task.name for task in tasks] == [TASK]
    assert isinstance(tasks[0], GroupApprovalTask)
    assert list(tasks[0].groups.values_list("name", flat=True)) == [MODERATORS]
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()


# --- Submitting, publishing and approving through the admin ------------------------------------


def user_in(group: str, username: str):
    user = get_user_model().objects.create_user(username, password="una-clave-larga-123")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db):
    return user_in(EDITORS, "editora")


@pytest.fixture
def moderator(db):
    return user_in(MODERATORS, "moderador-pruebas")


def guide_form(topic, slug: str, action: str) -> dict:
    data = nested_form_data(
        {
            "title_es": "Videojuegos y chats",
            "title_en": "Games and chats",
            "slug_es": slug,
            "slug_en": slug + "-en",
            "summary_es": "Qué cuidar en los chats de los juegos.",
            "summary_en": "What to watch in game chats.",
            "body_es": streamfield(
                [("paragraph", rich_text("<p>Juega con ellos y pregunta.</p>", features=RICH_TEXT_FEATURES))]
            ),
            "body_en": streamfield([]),
            "sources": streamfield([]),
            "related_links": inline_formset([]),
        }
    )
    data["audiences"] = ["familias"]
    data["age_bands"] = ["primaria_alta"]
    data["topics"] = [str(topic.pk)]
    data[action] = action
    return data


def add_guide_as(client, user, library, slug: str, action: str):
    client.force_login(user, backend=MODEL_BACKEND)
    topic = TopicFactory(slug="videojuegos", name_es="Videojuegos")
    url = reverse("wagtailadmin_pages:add", args=["education", "guidepage", library.pk])
    response = client.post(url, guide_form(topic, slug, action))
    assert response.status_code == 302, response.content.decode()[:500]
    return GuidePage.objects.get(slug_es=slug)


def test_editor_submits_a_new_guide_for_moderation(client, site_tree, editor):
    """An editor's new guide is saved unpublished and enters "Revisión editorial" at the moderators' task."""
    guide = add_guide_as(client, editor, site_tree["library"], "videojuegos", "action-submit")
    assert not guide.live
    assert guide.live_revision is None
    state = guide.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW
    assert guide.current_workflow_task.name == TASK
    assert state.requested_by == editor


def test_editor_cannot_publish(client, site_tree, editor):
    """An editor pressing publish only saves a draft: the guide stays unpublished with no live revision."""
    guide = add_guide_as(client, editor, site_tree["library"], "videojuegos-borrador", "action-publish")
    assert not guide.live
    assert guide.live_revision is None
    assert guide.latest_revision is not None
    assert client.get("/guias/videojuegos-borrador/").status_code == 404


def test_editor_cannot_publish_changes_to_a_live_guide(client, site_tree, editor):
    """An editor pressing publish on a live guide leaves the published version as it was."""
    guide = GuidePageFactory(parent=site_tree["library"], title="Guía publicada", slug="publicada")
    guide.save_revision().publish()
    guide.refresh_from_db()
    live_revision = guide.live_revision_id
    client.force_login(editor, backend=MODEL_BACKEND)
    edit_url = reverse("wagtailadmin_pages:edit", args=[guide.pk])
    data = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    data.update(
        nested_form_data(
            {
                "body_es": streamfield([("heading", "Cambio sin revisar")]),
                "body_en": streamfield([]),
                "sources": streamfield([]),
            }
        )
    )
    data["title_es"] = "Título cambiado sin revisión"
    data["action-publish"] = "action-publish"
    response = client.post(edit_url, data)
    assert response.status_code == 302
    guide.refresh_from_db()
    assert guide.latest_revision_id != live_revision  # the change was saved, as a draft
    assert guide.live_revision_id == live_revision
    assert guide.title_es == "Guía publicada"
    assert "Título cambiado sin revisión" not in client.get(guide.url).content.decode()


def workflow_action_url(guide, action: str) -> str:
    task_state = guide.current_workflow_state.current_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[guide.pk, action, task_state.pk])


def test_moderator_approves_and_the_guide_goes_live(client, site_tree, editor, moderator):
    """A moderator approving the task through the admin publishes the editor's guide."""
    guide = add_guide_as(client, editor, site_tree["library"], "videojuegos", "action-submit")
    client.force_login(moderator, backend=MODEL_BACKEND)
    response = client.post(workflow_action_url(guide, "approve"))
    assert response.status_code in (200, 302)
    guide.refresh_from_db()
    assert guide.live
    assert guide.live_revision_id == guide.latest_revision_id
    assert guide.workflow_states.get().status == WorkflowState.STATUS_APPROVED
    client.logout()
    response = client.get(guide.url)
    assert response.status_code == 200
    assert "Videojuegos y chats" in response.content.decode()


def test_editor_cannot_approve_their_own_guide(client, site_tree, editor):
    """The approve action refuses an editor, and the guide stays unpublished."""
    guide = add_guide_as(client, editor, site_tree["library"], "videojuegos", "action-submit")
    client.post(workflow_action_url(guide, "approve"))
    guide.refresh_from_db()
    assert not guide.live
    assert guide.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_moderator_requests_changes_and_the_guide_stays_unpublished(client, site_tree, editor, moderator):
    """Rejecting the task ("request changes") leaves the guide unpublished and the workflow needing changes."""
    guide = add_guide_as(client, editor, site_tree["library"], "videojuegos", "action-submit")
    client.force_login(moderator, backend=MODEL_BACKEND)
    client.post(workflow_action_url(guide, "reject"), {"comment": "Falta la fuente."})
    guide.refresh_from_db()
    assert not guide.live
    assert guide.workflow_states.get().status == WorkflowState.STATUS_NEEDS_CHANGES


# --- Preview -------------------------------------------------------------------------------


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("vista-previa", "vp@example.org", "una-clave-larga-123")


STREAM_FIELDS = {
    "home": ("body_es", "body_en"),
    "privacy": ("body_es", "body_en"),
    "help": ("body_es", "body_en"),
    "library": (),
    "guide": ("body_es", "body_en", "sources"),
}


@pytest.mark.parametrize("name", list(STREAM_FIELDS))
def test_preview_works_for_every_page_type(client, site_tree, superuser, name):
    """The admin preview shows the edited (unsaved) title with the page type's own template."""
    pages = {**site_tree, "guide": GuidePageFactory(parent=site_tree["library"], title="Guía", slug="guia-previa")}
    page = pages[name]
    client.force_login(superuser, backend=MODEL_BACKEND)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    # StreamFields are drawn by JavaScript, so their form data is not in the HTML: send it here.
    for field in STREAM_FIELDS[name]:
        data.update(nested_form_data({field: streamfield([("heading", "Bloque en vista previa")])}))
    if name == "home":
        data["hero_title_es"] = "Título en vista previa"
    else:
        data["title_es"] = "Título en vista previa"

    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    response = client.post(preview_url, data)
    assert response.status_code == 200
    assert json.loads(response.content) == {"is_valid": True, "is_available": True}

    response = client.get(preview_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Título en vista previa" in html
    assert 'class="safety-bar"' in html
    page.refresh_from_db()
    assert page.title_es != "Título en vista previa"
    assert getattr(page, "hero_title_es", "") != "Título en vista previa"
