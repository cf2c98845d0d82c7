"""`manage.py load_demo_content`: a complete starter site from an empty database, loaded
once and never twice, with wording that follows the project's terminology rules."""

import json
import re
import shutil
import tempfile
from io import StringIO

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import models
from django.test import TestCase, override_settings
from django.utils import translation

from wagtail.fields import StreamField
from wagtail.models import Page, Revision, Site
from wagtail.snippets.models import get_snippet_models

import pytest
import yaml

from education.models import GuidePage
from website.models import HelpChannel, HelpPage, HomePage, Municipality, SiteSettings, Topic
from website.vocabularies import AgeBand, Audience

CONTENT_APPS = ("website", "education", "campaigns")
# Reference data, not prose: INEGI codes such as 14088 are not phone numbers.
NOT_PROSE = {"website.Municipality"}
DEMO_PASSWORDS = {"admin": "demo-admin-2026", "editor": "demo-editor-2026", "moderador": "demo-moderador-2026"}

# --- Terminology rules ------------------------------------------------------------------------
# "Pornografía infantil" is the wrong term (Luxembourg Guidelines): it may appear only in a sentence
# that names the law (art. 202 of the Código Penal Federal) or says it is the wrong term.
WRONG_TERMS = re.compile(r"pornograf[íi]a infantil|child pornography", re.IGNORECASE)
NAMES_THE_LAW = re.compile(
    r"c[óo]digo penal|art[íi]culo|\bart\b|\bley\b|tipifica|nombre legal|penal code|criminal code|\blaw\b|offen[cs]e",
    re.IGNORECASE,
)
SAYS_IT_IS_WRONG = re.compile(
    r"no (lo |la )?(llamamos|decimos|decir|digas|uses)|no se (dice|llama)|no es porno|t[ée]rmino|en (lugar|vez) de|"
    r"incorrect|equivocad|evita|dej(e|en|ar) de|wrong term|(do not|don't) (say|call)|instead of|not porn",
    re.IGNORECASE,
)
EMERGENCY_NUMBER_NOT_USED = re.compile(r"\b088\b")
PLACEHOLDER_TEXT = re.compile(r"lorem|ipsum dolor", re.IGNORECASE)


def plain_text(text: str) -> str:
    """Text without markup, on one line, with "art." not read as the end of a sentence."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"\bart\.", "art", text, flags=re.IGNORECASE)


def sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", plain_text(text))


def wording_problems(text: str) -> list[str]:
    """Each sentence of the text that breaks a terminology rule, with the rule it breaks."""
    problems = []
    for sentence in sentences(text):
        if WRONG_TERMS.search(sentence) and not (NAMES_THE_LAW.search(sentence) or SAYS_IT_IS_WRONG.search(sentence)):
            problems.append(f"wrong term outside a legal or corrective sentence: {sentence!r}")
        if EMERGENCY_NUMBER_NOT_USED.search(sentence):
            problems.append(f"088 is not one of the site's channels: {sentence!r}")
        if PLACEHOLDER_TEXT.search(sentence):
            problems.append(f"placeholder text: {sentence!r}")
    return problems


def strings_in(value):
    """Every string inside nested YAML/JSON data, leaving out StreamField block ids."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "id":
                yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def demo_yaml_files() -> list:
    files = []
    for label in CONTENT_APPS:
        if apps.is_installed(label):
            files += sorted((settings.BASE_DIR / label / "demo").glob("**/*.yaml"))
    return files


def stored_texts():
    """(where, text) for every text and StreamField value of the content apps' rows."""
    for label in CONTENT_APPS:
        if not apps.is_installed(label):
            continue
        for model in apps.get_app_config(label).get_models():
            if model._meta.label in NOT_PROSE:
                continue
            text_fields = [
                f
                for f in model._meta.get_fields()
                if isinstance(f, (models.CharField, models.TextField, StreamField)) and f.concrete
            ]
            for obj in model.objects.all():
                for field in text_fields:
                    raw = field.value_to_string(obj)
                    values = strings_in(json.loads(raw)) if isinstance(field, StreamField) and raw else [raw]
                    for text in values:
                        yield f"{model.__name__} {obj.pk} {field.name}", text or ""


# --- Wording of the demo files (no database) -----------------------------------------------


def test_the_rules_catch_what_they_are_meant_to_catch():
    """The wording check flags the wrong term in a plain sentence and accepts it beside the law or a correction."""
    assert wording_problems("Esto es pornografía infantil y circula en redes.")
    assert wording_problems("Llama al 088 para reportar.")
    assert wording_problems("<p>Lorem ipsum dolor sit amet.</p>")
    assert not wording_problems("Por qué no lo llamamos «pornografía infantil».")
    assert not wording_problems("El art. 202 del Código Penal Federal usaba «pornografía infantil» como nombre.")
    assert not wording_problems("Marca 089. Te dan un folio.")


def test_demo_files_follow_the_terminology_rules():
    """No demo YAML uses "pornografía infantil" loosely, mentions 088 or holds lorem ipsum."""
    files = demo_yaml_files()
    assert len(files) >= 16
    problems = []
    for path in files:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
        for text in strings_in(data):
            problems += [f"{path.relative_to(settings.BASE_DIR)}: {p}" for p in wording_problems(text)]
    assert not problems, "\n".join(problems)


# --- Loading twice -----------------------------------------------------------------------------


def content_snapshot() -> dict:
    snapshot = {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
        "municipalities": Municipality.objects.count(),
        "sites": Site.objects.count(),
        "live pages": sorted(Page.objects.filter(live=True).values_list("pk", "live_revision_id")),
        "latest revisions": sorted(Page.objects.values_list("pk", "latest_revision_id")),
    }
    for model in get_snippet_models():
        snapshot[model._meta.label] = model.objects.count()
    for label in CONTENT_APPS:
        if apps.is_installed(label):
            for model in apps.get_app_config(label).get_models():
                snapshot[model._meta.label] = model.objects.count()
    return snapshot


# --- What the first run builds ----------------------------------------------------------------


class LoadedDemoContentTests(TestCase):
    """The demo content, loaded once into the empty test database for all these checks.

    Loading takes seconds, so it runs once per class (setUpTestData, rolled back afterwards)
    rather than once per test with the db fixture.
    """

    @classmethod
    def setUpClass(cls):
        # Demo images and documents go to a throwaway folder, not the project's media/.
        cls.media_dir = tempfile.mkdtemp(prefix="protege-test-demo-media-")
        cls.media_settings = override_settings(MEDIA_ROOT=cls.media_dir)
        cls.media_settings.enable()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.media_settings.disable()
        shutil.rmtree(cls.media_dir, ignore_errors=True)

    @classmethod
    def setUpTestData(cls):
        cls.was_empty = not HomePage.objects.exists() and not GuidePage.objects.exists()
        cls.output = StringIO()
        call_command("load_demo_content", stdout=cls.output)
        cls.live_guides = list(GuidePage.objects.live().public().prefetch_related("topics"))

    def test_runs_on_an_empty_database(self):
        """The command starts from a freshly migrated database and builds a site of many pages."""
        self.assertTrue(self.was_empty)
        self.assertGreater(Page.objects.count(), 20)

    def test_second_run_changes_nothing(self):
        """A second run adds or changes no page, revision, snippet, user or municipality."""
        before = content_snapshot()
        out = StringIO()
        call_command("load_demo_content", stdout=out)
        self.assertEqual(content_snapshot(), before)
        self.assertIn("Municipios: 0 nuevos", out.getvalue())

    def test_command_reports_each_app_and_finishes(self):
        """The command says what each app loaded and that it finished."""
        output = self.output.getvalue()
        self.assertIn("Municipios: 125 nuevos", output)
        self.assertIn("Guías: ", output)
        self.assertIn("Contenido de demostración listo.", output)

    def test_site_is_served_from_the_demo_home_page(self):
        """The default site's root is the demo home page, which links the guide library."""
        site = Site.objects.get(is_default_site=True)
        home = HomePage.objects.get()
        self.assertEqual(site.root_page_id, home.pk)
        self.assertIsNotNone(home.guide_library)
        self.assertEqual(self.client.get("/").status_code, 200)
        self.assertEqual(self.client.get("/en/").status_code, 200)

    def test_at_least_fifteen_live_guides(self):
        """The library has at least 15 published guides."""
        self.assertGreaterEqual(len(self.live_guides), 15)

    def test_guides_cover_every_audience(self):
        """Every audience has at least one guide."""
        covered = {value for guide in self.live_guides for value in guide.audiences}
        self.assertEqual(covered, set(Audience.values))

    def test_guides_cover_every_age_band(self):
        """Every age band has at least one guide."""
        covered = {value for guide in self.live_guides for value in guide.age_bands}
        self.assertEqual(covered, set(AgeBand.values))

    def test_guides_cover_every_topic(self):
        """Every topic has at least one guide filed under it."""
        covered = {topic.slug for guide in self.live_guides for topic in guide.topics.all()}
        self.assertEqual(covered, set(Topic.objects.values_list("slug", flat=True)))

    def test_at_least_five_guides_have_english_titles(self):
        """At least five guides have an English title of their own."""
        english = [g for g in self.live_guides if g.title_en and g.title_en != g.title_es]
        self.assertGreaterEqual(len(english), 5)

    def test_english_guides_render_in_english(self):
        """A guide with an English title shows it under /en/."""
        guide = next(g for g in self.live_guides if g.title_en and g.title_en != g.title_es)
        with translation.override("en"):
            url = guide.get_url()
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, guide.title_en)

    def test_help_page_is_set_up_with_verified_channels_live_and_unverified_hidden(self):
        """The help page exists; channels marked unverified in the demo file are hidden and carry a note."""
        help_page = HelpPage.objects.live().get()
        self.assertEqual(SiteSettings.objects.get().help_page_id, help_page.pk)
        with open(settings.BASE_DIR / "website" / "demo" / "help_channels.yaml", encoding="utf-8") as handle:
            declared = {c["key"]: c.get("live", True) for c in yaml.safe_load(handle)["channels"]}
        stored = dict(HelpChannel.objects.values_list("key", "live"))
        self.assertEqual(stored, declared)
        self.assertIn(False, stored.values())
        for channel in HelpChannel.objects.filter(live=False):
            self.assertTrue(channel.verification_note, channel.key)
        self.assertTrue(HelpChannel.objects.live().filter(is_emergency=True, phone="911").exists())

    def test_help_page_shows_live_channels_and_hides_the_rest(self):
        """The rendered help page names every live channel and no hidden one."""
        response = self.client.get(HelpPage.objects.get().url)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        for channel in HelpChannel.objects.all():
            if channel.live:
                self.assertIn(channel.name_es, html)
            else:
                self.assertNotIn(channel.name_es, html)

    def test_demo_users_exist_with_their_roles(self):
        """admin is a superuser, editor is an Editor, moderador a Moderator, each with the documented password."""
        User = get_user_model()
        admin = User.objects.get(username="admin")
        self.assertTrue(admin.is_superuser)
        editor = User.objects.get(username="editor")
        self.assertEqual(list(editor.groups.values_list("name", flat=True)), ["Editores"])
        moderator = User.objects.get(username="moderador")
        self.assertEqual(list(moderator.groups.values_list("name", flat=True)), ["Moderadores"])
        for username, password in DEMO_PASSWORDS.items():
            self.assertTrue(User.objects.get(username=username).check_password(password), username)
        self.assertFalse(editor.is_superuser or moderator.is_superuser)

    def test_loaded_content_follows_the_terminology_rules(self):
        """No stored page or snippet text uses "pornografía infantil" loosely, mentions 088 or holds lorem ipsum."""
        problems = [f"{where}: {problem}" for where, text in stored_texts() for problem in wording_problems(text)]
        self.assertEqual(problems, [], "\n".join(problems))


@pytest.mark.parametrize(
    "text",
    [
        "¿Qué es el MASI? Por qué no lo llamamos «pornografía infantil»",
        "Por eso no decimos «pornografía infantil», como piden INTERPOL.",
        "¿Qué es el material de abuso sexual infantil (MASI)? Por qué no decir «pornografía infantil»",
    ],
)
def test_corrective_sentences_from_the_demo_are_accepted(text):
    """The demo's own corrective sentences pass the wording check."""
    assert wording_problems(text) == []
