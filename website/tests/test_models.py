"""Models of the site shell and the page tree rules of every public page type."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from education.factories import GuidePageFactory, build_site_tree
from education.models import GuideIndexPage, GuidePage
from website.blocks import RICH_TEXT_FEATURES
from website.factories import HelpChannelFactory, TopicFactory
from website.models import HelpChannel, HelpPage, HomePage, StandardPage

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"

# --- Help channels ------------------------------------------------------------------


@pytest.fixture
def channels(db):
    return {
        "late": HelpChannelFactory(key="late", sort_order=5),
        "early": HelpChannelFactory(key="early", sort_order=1),
        "emergency_second": HelpChannelFactory(key="emergency-second", is_emergency=True, sort_order=9),
        "emergency_first": HelpChannelFactory(key="emergency-first", is_emergency=True, sort_order=2),
        "hidden": HelpChannelFactory(key="hidden", sort_order=0, live=False),
    }


def test_help_channels_show_emergencies_first_then_the_editors_order(channels):
    """in_display_order puts emergency channels first, each group in sort_order."""
    keys = [c.key for c in HelpChannel.objects.live().in_display_order()]
    assert keys == ["emergency-first", "emergency-second", "early", "late"]


def test_help_channel_default_ordering_matches_the_display_order(channels):
    """The model's default ordering is the same as in_display_order."""
    assert list(HelpChannel.objects.all()) == list(HelpChannel.objects.in_display_order())


def test_live_filter_leaves_out_hidden_channels(channels):
    """live() returns only published channels."""
    live = set(HelpChannel.objects.live())
    assert channels["hidden"] not in live
    assert live == {c for key, c in channels.items() if key != "hidden"}


# --- Guide reading time ---------------------------------------------------------------


def paragraph_of(words: int) -> dict:
    return {"type": "paragraph", "value": "<p>" + " ".join(["palabra"] * words) + "</p>"}


def test_guide_reading_minutes_are_computed_on_save(site_tree):
    """A 400-word guide reads in 3 minutes (180 words a minute, rounded up)."""
    guide = GuidePageFactory(parent=site_tree["library"], body=[paragraph_of(400)])
    guide.refresh_from_db()
    assert guide.reading_minutes == 3


def test_guide_reading_minutes_follow_a_changed_body(site_tree):
    """Saving a longer body raises the reading time; a tiny body still reads in 1 minute."""
    guide = GuidePageFactory(parent=site_tree["library"], body=[paragraph_of(10)])
    assert guide.reading_minutes == 1
    guide.body = [paragraph_of(900)]
    guide.save()
    guide.refresh_from_db()
    assert guide.reading_minutes == 5


def test_guide_reading_minutes_are_saved_with_a_published_revision(site_tree):
    """Publishing a revision with a longer body stores the new reading time on the live page."""
    guide = GuidePageFactory(parent=site_tree["library"], body=[paragraph_of(10)])
    guide.body = [paragraph_of(540)]
    guide.save_revision().publish()
    assert GuidePage.objects.get(pk=guide.pk).reading_minutes == 3


# --- Page tree and admin creation -------------------------------------------------------


class PageTreeTests(WagtailPageTestCase):
    """Where each public page type may be created."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site_tree()
        cls.topics = [
            TopicFactory(slug="grooming", name_es="Grooming", name_en="Grooming"),
            TopicFactory(slug="sextorsion", name_es="Sextorsión", name_en="Sextortion"),
        ]

    def sign_in_as_superuser(self):
        # WagtailTestUtils.login() authenticates without a request, which django-axes refuses.
        self.client.force_login(self.create_superuser("admin-pruebas"), backend=MODEL_BACKEND)

    def test_home_page_sits_at_the_root_only(self):
        """The home page is created only under Wagtail's root."""
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_takes_the_site_sections(self):
        """Standard, help and guide-library pages go under the home page; guides and homes do not."""
        # The exact set also grows with other apps' sections (courses, campaigns), so each is checked alone.
        for model in (StandardPage, HelpPage, GuideIndexPage):
            self.assertCanCreateAt(HomePage, model)
        for model in (HomePage, GuidePage):
            self.assertCanNotCreateAt(HomePage, model)

    def test_standard_page_tree(self):
        """Standard pages go under the home page or another standard page, and only hold standard pages."""
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_help_page_tree(self):
        """The help page goes under the home page and has no children."""
        self.assertAllowedParentPageTypes(HelpPage, {HomePage})
        self.assertAllowedSubpageTypes(HelpPage, set())

    def test_guide_index_page_tree(self):
        """The guide library goes under the home page and holds guides only."""
        self.assertAllowedParentPageTypes(GuideIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(GuideIndexPage, {GuidePage})

    def test_guide_page_tree(self):
        """Guides go under the guide library only and have no children."""
        self.assertAllowedParentPageTypes(GuidePage, {GuideIndexPage})
        self.assertAllowedSubpageTypes(GuidePage, set())

    def test_single_home_help_and_library(self):
        """There is one home page, one help page and one guide library at most."""
        self.assertEqual((HomePage.max_count, HelpPage.max_count, GuideIndexPage.max_count), (1, 1, 1))
        self.assertFalse(HelpPage.can_create_at(self.tree["home"]))
        self.assertFalse(GuideIndexPage.can_create_at(self.tree["home"]))

    def test_editor_can_create_a_guide_through_the_admin(self):
        """The admin's add form creates and publishes a guide with its audiences, age bands and topics."""
        self.sign_in_as_superuser()
        data = nested_form_data(
            {
                "title_es": "Qué hacer ante la sextorsión",
                "title_en": "What to do about sextortion",
                "slug_es": "que-hacer-sextorsion",
                "slug_en": "sextortion-what-to-do",
                "summary_es": "Pasos para familias.",
                "summary_en": "Steps for families.",
                "body_es": streamfield(
                    [
                        ("heading", "No pagues"),
                        ("paragraph", rich_text("<p>Guarda las pruebas y denuncia.</p>", features=RICH_TEXT_FEATURES)),
                    ]
                ),
                "body_en": streamfield([]),
                "sources": streamfield([]),
                "related_links": inline_formset([]),
            }
        )
        data["audiences"] = ["familias", "docentes"]
        data["age_bands"] = ["secundaria", "bachillerato"]
        data["topics"] = [str(topic.pk) for topic in self.topics]

        self.assertCanCreate(self.tree["library"], GuidePage, data)

        guide = GuidePage.objects.get(slug_es="que-hacer-sextorsion")
        self.assertTrue(guide.live)
        self.assertEqual(guide.audiences, ["familias", "docentes"])
        self.assertEqual(guide.age_bands, ["secundaria", "bachillerato"])
        self.assertEqual(set(guide.topics.values_list("slug", flat=True)), {"grooming", "sextorsion"})
        self.assertEqual(guide.title_en, "What to do about sextortion")
        self.assertEqual([block.block_type for block in guide.body_es], ["heading", "paragraph"])

    def test_admin_refuses_a_guide_without_audience(self):
        """Submitting the add form without any audience shows a form error and creates nothing."""
        self.sign_in_as_superuser()
        data = nested_form_data(
            {
                "title_es": "Sin público",
                "slug_es": "sin-publico",
                "summary_es": "Resumen.",
                "body_es": streamfield([("heading", "Algo")]),
                "body_en": streamfield([]),
                "sources": streamfield([]),
                "related_links": inline_formset([]),
                "action-publish": "action-publish",
            }
        )
        data["age_bands"] = ["secundaria"]
        data["topics"] = [str(self.topics[0].pk)]
        response = self.client.post(f"/admin/pages/add/education/guidepage/{self.tree['library'].pk}/", data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("audiences", response.context["form"].errors)
        self.assertFalse(GuidePage.objects.filter(slug_es="sin-publico").exists())


@pytest.mark.parametrize("name", ["pagina.html", "imagen.svg", "codigo.js"])
def test_documents_that_a_browser_would_run_are_refused(db, name):
    """Editors cannot upload HTML, SVG or script files as documents (they are served from our origin)."""
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wagtail.documents.models import Document

    document = Document(title="Archivo", file=SimpleUploadedFile(name, b"<script>alert(1)</script>"))
    with pytest.raises(ValidationError):
        document.full_clean()


def test_pdf_documents_are_accepted(db):
    """A PDF passes the document extension check."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wagtail.documents.models import Document

    document = Document(title="Cartel", file=SimpleUploadedFile("cartel.pdf", b"%PDF-1.4"))
    document.full_clean(exclude=["collection"])
