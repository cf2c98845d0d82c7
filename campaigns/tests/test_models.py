import datetime

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.http import QueryDict
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from campaigns.factories import CampaignPageFactory, add_material, make_document, make_image
from campaigns.models import CampaignIndexPage, CampaignMaterial, CampaignPage, CampaignStatus, campaign_status_on
from campaigns.models.materials import IMAGE_ALT_REQUIRED, ONE_FILE_REQUIRED, SOCIAL_CARD_NEEDS_IMAGE
from campaigns.models.pages import CTA_PAGE_TYPE_INVALID, END_BEFORE_START, MUNICIPALITIES_REQUIRED
from campaigns.panels import installed_page_types
from website.factories import MunicipalityFactory, StandardPageFactory, TopicFactory

from .conftest import TODAY

START = datetime.date(2026, 3, 1)
END = datetime.date(2026, 3, 31)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2026, 2, 28), CampaignStatus.UPCOMING),
        (START, CampaignStatus.CURRENT),
        (datetime.date(2026, 3, 15), CampaignStatus.CURRENT),
        (END, CampaignStatus.CURRENT),
        (datetime.date(2026, 4, 1), CampaignStatus.CONCLUDED),
    ],
)
def test_status_follows_the_dates(today, expected):
    """A campaign is upcoming before its first day, current through its last, concluded after."""
    assert campaign_status_on(start_date=START, end_date=END, today=today) == expected


def test_status_uses_the_local_date_with_the_clock_fixed(campaign, monkeypatch):
    """`status` reads today's date in the site's time zone (clock fixed at 23:30 local time)."""
    campaign.start_date, campaign.end_date = datetime.date(2026, 3, 16), datetime.date(2026, 3, 20)
    # 05:30 UTC on the 16th is still the 15th in Mexico City: the campaign has not started.
    fixed = datetime.datetime(2026, 3, 16, 5, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: fixed)
    assert timezone.localdate() == datetime.date(2026, 3, 15)
    assert campaign.status == CampaignStatus.UPCOMING


def test_end_date_before_start_is_refused(campaign):
    """An editor cannot save a campaign that ends before it starts."""
    campaign.end_date = campaign.start_date - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        campaign.full_clean()
    assert END_BEFORE_START in error.value.message_dict["end_date"]


def test_call_to_action_must_be_a_guide_course_or_help_page(campaign, site_tree):
    """The call to action leads to a guide, a course or the help page, nothing else."""
    campaign.cta_page = StandardPageFactory(parent=site_tree["home"])
    campaign.cta_label = "Ver"
    with pytest.raises(ValidationError) as error:
        campaign.full_clean()
    assert CTA_PAGE_TYPE_INVALID in error.value.message_dict["cta_page"]
    campaign.cta_page = site_tree["help"]
    campaign.full_clean()


def _editor_form_data(**overrides) -> dict:
    """What the page editor posts for a complete campaign, in both languages."""
    topic = TopicFactory(slug="grooming", name_es="Grooming")
    data = {
        "title_es": "Campaña de prueba",
        "title_en": "Test campaign",
        "slug_es": "campana-de-prueba",
        "slug_en": "test-campaign",
        "summary_es": "Qué pide la campaña.",
        "summary_en": "",
        "start_date": "2026-03-01",
        "end_date": "2026-03-31",
        "audiences": ["familias"],
        "age_bands": ["primaria_alta"],
        "topics": [topic.pk],
        "targets_all_municipalities": "on",
        "municipalities": [],
        "key_messages_es": streamfield([("message", "Cuéntalo a alguien de confianza.")]),
        "key_messages_en": streamfield([]),
        "body_es": streamfield([]),
        "body_en": streamfield([]),
        "materials": inline_formset([]),
        "partners": inline_formset([]),
        "related_guides": inline_formset([]),
        "related_courses": inline_formset([]),
    }
    data.update(overrides)
    lists = {name: data.pop(name) for name in ("audiences", "age_bands", "topics", "municipalities")}
    form_data = QueryDict(mutable=True)
    for name, value in nested_form_data(data).items():
        form_data[name] = value
    for name, values in lists.items():
        form_data.setlist(name, [str(value) for value in values])
    return form_data


def _editor_form(campaigns_index, user, data):
    form_class = CampaignPage.get_edit_handler().get_form_class()
    return form_class(data=data, instance=CampaignPage(), parent_page=campaigns_index, for_user=user)


def test_editor_form_accepts_a_complete_campaign(campaigns_index, editor):
    """The page editor's form accepts a campaign for every municipality."""
    form = _editor_form(campaigns_index, editor, _editor_form_data())
    assert form.is_valid(), form.errors


def test_editor_form_requires_municipalities_unless_all(campaigns_index, editor):
    """Unticking "todos los municipios" without choosing any is an error the form explains."""
    form = _editor_form(campaigns_index, editor, _editor_form_data(targets_all_municipalities=""))
    assert not form.is_valid()
    assert MUNICIPALITIES_REQUIRED in form.errors["municipalities"]

    municipality = MunicipalityFactory(cvegeo="14039", name="Guadalajara")
    form = _editor_form(
        campaigns_index, editor, _editor_form_data(targets_all_municipalities="", municipalities=[municipality.pk])
    )
    assert form.is_valid(), form.errors


def test_page_tree_is_restricted(campaigns_index):
    """Campaigns live under the campaigns index, which lives under the home page."""
    assert CampaignPage.parent_page_types == ["campaigns.CampaignIndexPage"]
    assert CampaignPage.subpage_types == []
    assert CampaignIndexPage.parent_page_types == ["website.HomePage"]
    assert CampaignPage in CampaignIndexPage.allowed_subpage_models()


def test_material_needs_exactly_one_file(campaign):
    """A material is a document or an image, never both or neither."""
    material = CampaignMaterial(campaign=campaign, title_es="Cartel", kind="cartel")
    with pytest.raises(ValidationError) as error:
        material.full_clean(exclude=["campaign"])
    assert ONE_FILE_REQUIRED in error.value.message_dict["document"]
    material.document, material.image = make_document(), make_image()
    material.alt_text_es = "Texto"
    with pytest.raises(ValidationError):
        material.full_clean(exclude=["campaign"])


def test_social_card_must_be_an_image_with_alt_text(campaign):
    """Social cards are images (so they can be offered in each network's size) and describe themselves."""
    material = CampaignMaterial(campaign=campaign, title_es="Tarjeta", kind="tarjeta-redes", document=make_document())
    with pytest.raises(ValidationError) as error:
        material.full_clean(exclude=["campaign"])
    assert SOCIAL_CARD_NEEDS_IMAGE in error.value.message_dict["image"]
    material.document, material.image = None, make_image()
    with pytest.raises(ValidationError) as error:
        material.full_clean(exclude=["campaign"])
    assert IMAGE_ALT_REQUIRED in error.value.message_dict["alt_text"]


def test_material_reports_format_and_size(campaign):
    """A material says its format and size, for the download list."""
    material = add_material(campaign, document=make_document(content=b"%PDF-1.4 x" * 10, name="x.pdf"))
    assert material.file_format == "PDF"
    assert material.file_size == 100
    assert material.is_available


def test_site_moderation_workflow_applies_to_campaigns(campaign):
    """Campaigns go through the site's "Revisión editorial" workflow like every page."""
    workflow = campaign.get_workflow()
    assert workflow is not None
    assert workflow.name == "Revisión editorial"


def test_campaign_goes_live_through_scheduled_publishing(campaigns_index, monkeypatch):
    """A campaign approved with a future go-live time is published by `publish_scheduled` at that time."""
    campaign = CampaignPageFactory(parent=campaigns_index, live=False)
    campaign.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = campaign.save_revision()
    revision.publish()
    campaign.refresh_from_db()
    assert not campaign.live
    assert revision.approved_go_live_at is not None

    later = timezone.now() + datetime.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled", verbosity=0)
    campaign.refresh_from_db()
    assert campaign.live


def test_course_page_type_is_used_when_installed():
    """Related courses are limited to education.CoursePage when it exists, else any page."""
    available = installed_page_types(["education.CoursePage", "nonexistent.Page"])
    assert "nonexistent.Page" not in available
    try:
        from education.models import CoursePage  # noqa: F401
    except ImportError:
        assert available == []
    else:
        assert available == ["education.CoursePage"]


def test_concluded_campaign_stays_published_as_an_archive(campaigns_index, client):
    """After its end date a campaign is still live and readable, marked "Concluida"."""
    campaign = CampaignPageFactory(
        parent=campaigns_index,
        start_date=TODAY - datetime.timedelta(days=90),
        end_date=timezone.localdate() - datetime.timedelta(days=1),
    )
    assert Page.objects.live().filter(pk=campaign.pk).exists()
    response = client.get(campaign.url)
    assert response.status_code == 200
    assert "Concluida" in response.text
    assert "ya concluyó" in response.text
