"""The public site as a visitor gets it: languages, the safety bar, privacy, caching, CSP,
search, health checks and error pages."""

import json
import re
import shutil
import tempfile
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client, RequestFactory, TestCase, override_settings
from django.utils import translation

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

import pytest
from bs4 import BeautifulSoup

from education.factories import GuidePageFactory, build_site_tree
from website import views
from website.factories import HelpChannelFactory, StandardPageFactory
from website.models import SiteSettings

LANGUAGES = ("es", "en")
PAGE_NAMES = ("home", "privacy", "help", "library", "guide")
BODY_WORD = "zanahoria"
ENGLISH_BODY_WORD = "carrot"
TEST_HOST = "testserver"
HIDDEN_CHANNEL = "Canal sin verificar"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def guide_body(image=None, document=None) -> list[dict]:
    """A guide body with every block type that can render (image and document when given)."""
    body = [
        {"type": "heading", "value": "Cómo empieza"},
        {"type": "paragraph", "value": f"<p>Una {BODY_WORD} en el texto de la guía.</p>"},
        {"type": "warning_signs", "value": {"title": "Señales", "intro": "", "signs": ["Esconde la pantalla."]}},
        {
            "type": "steps",
            "value": {"title": "Qué hacer", "steps": [{"title": "Escucha", "text": "<p>Sin juzgar.</p>"}]},
        },
        {"type": "callout", "value": {"style": "help", "title": "Recuerda", "text": "<p>No es su culpa.</p>"}},
        {
            "type": "faq",
            "value": {"title": "Dudas", "items": [{"question": "¿Qué hago?", "answer": "<p>Escucha.</p>"}]},
        },
        {
            "type": "video",
            "value": {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Video", "transcript": ""},
        },
    ]
    if image is not None:
        body.append({"type": "image", "value": {"image": image.pk, "alt": "Ilustración", "decorative": False}})
    if document is not None:
        body.append({"type": "document", "value": {"document": document.pk, "title": "", "description": ""}})
    return body


def build_public_site(*, image=None, document=None) -> dict:
    """The minimal site plus one guide: every public page type."""
    site = build_site_tree()
    guide = GuidePageFactory(
        parent=site["library"],
        title="Qué es el grooming",
        title_en="What grooming is",
        slug="que-es-el-grooming",
        slug_en="what-grooming-is",
        body=guide_body(image=image, document=document),
    )
    guide.body_en = [{"type": "paragraph", "value": f"<p>An orange {ENGLISH_BODY_WORD} in the English text.</p>"}]
    guide.save()
    return {**site, "guide": guide}


def url_in(page, language: str) -> str:
    with translation.override(language):
        return page.get_url()


def public_urls(site) -> list[tuple[str, str, int]]:
    """(label, url, expected status) for every page type, search and the 404 page, in both languages."""
    urls = []
    for language in LANGUAGES:
        prefix = "/en" if language == "en" else ""
        urls += [(f"{name} ({language})", url_in(site[name], language), 200) for name in PAGE_NAMES]
        urls.append((f"search ({language})", f"{prefix}/buscar/?q={BODY_WORD}", 200))
        urls.append((f"empty search ({language})", f"{prefix}/buscar/", 200))
        urls.append((f"404 ({language})", f"{prefix}/no-existe/", 404))
    return urls


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def get_all(client, site):
    """Each public URL's response, checked for its expected status."""
    for label, url, status in public_urls(site):
        response = client.get(url)
        assert response.status_code == status, f"{label}: {url} answered {response.status_code}"
        yield label, url, response


def result_titles(response) -> list[str]:
    results = soup_of(response).find("ul", class_="search-results")
    return [link.get_text(strip=True) for link in results.find_all("a")] if results else []


def switch_links(response) -> dict[str, str]:
    nav = soup_of(response).find("nav", class_="language-switch")
    return {link["hreflang"]: link["href"] for link in nav.find_all("a")}


class PublicSiteTests(TestCase):
    """Every public page type, search and 404, built once for the class."""

    @classmethod
    def setUpTestData(cls):
        cls.site = build_public_site()

    # --- Languages ----------------------------------------------------------------

    def test_every_page_type_renders_in_both_languages(self):
        """Each page type answers 200 in Spanish and English, with <html lang> and the title in that language."""
        for name in PAGE_NAMES:
            for language in LANGUAGES:
                with self.subTest(page=name, language=language):
                    page = self.site[name]
                    response = self.client.get(url_in(page, language))
                    assert response.status_code == 200
                    soup = soup_of(response)
                    assert soup.html["lang"] == language
                    expected = getattr(page, f"hero_title_{language}", None) or getattr(page, f"title_{language}")
                    assert soup.h1.get_text(strip=True) == expected

    def test_english_is_under_en_and_spanish_at_the_root(self):
        """English URLs start with /en/; Spanish ones have no language prefix."""
        for name in PAGE_NAMES:
            assert url_in(self.site[name], "en").startswith("/en/"), name
            assert not url_in(self.site[name], "es").startswith(("/en/", "/es/")), name
        assert url_in(self.site["home"], "es") == "/"

    def test_spanish_is_served_at_the_root_without_redirect_whatever_the_browser_language(self):
        """A browser asking for English still gets Spanish at / with 200, not a redirect to /en/."""
        for name in PAGE_NAMES:
            response = self.client.get(url_in(self.site[name], "es"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
            assert response.status_code == 200, name
            assert soup_of(response).html["lang"] == "es"
        assert self.client.get("/en/").status_code == 200

    def test_english_falls_back_to_spanish_when_the_translation_is_empty(self):
        """A page with empty English fields shows its Spanish text under /en/, in an English shell."""
        page = StandardPageFactory(
            parent=self.site["home"], title="Solo en español", title_en="", slug="solo", slug_en="", intro_en=""
        )
        page.intro = "Texto que aún no se ha traducido."
        page.save()
        guide = GuidePageFactory(
            parent=self.site["library"], title="Guía sin traducir", title_en="", slug="sin-traducir", slug_en=""
        )
        guide.summary_en = ""
        guide.save()

        response = self.client.get(url_in(page, "en"))
        assert response.status_code == 200
        soup = soup_of(response)
        assert soup.html["lang"] == "en"
        assert soup.h1.get_text(strip=True) == "Solo en español"
        assert "Texto que aún no se ha traducido." in soup.get_text()

        response = self.client.get(url_in(guide, "en"))
        assert response.status_code == 200
        assert soup_of(response).h1.get_text(strip=True) == "Guía sin traducir"
        assert guide.summary_es in response.content.decode()

    def test_language_switch_points_at_the_same_page_in_the_other_language(self):
        """On every page, each language link leads to this same page in that language."""
        for name in PAGE_NAMES:
            page = self.site[name]
            expected = {language: url_in(page, language) for language in LANGUAGES}
            for language in LANGUAGES:
                response = self.client.get(expected[language])
                assert switch_links(response) == expected, f"{name} ({language})"
                nav = soup_of(response).find("nav", class_="language-switch")
                assert nav.find("a", attrs={"aria-current": True})["hreflang"] == language

    def test_language_switch_on_search_keeps_the_query(self):
        """The search page's language links keep the visitor's query."""
        links = switch_links(self.client.get("/buscar/", {"q": BODY_WORD}))
        assert links == {"es": f"/buscar/?q={BODY_WORD}", "en": f"/en/buscar/?q={BODY_WORD}"}

    def test_language_switch_target_renders(self):
        """Following the English link from a Spanish guide lands on the English guide."""
        english_url = switch_links(self.client.get(url_in(self.site["guide"], "es")))["en"]
        response = self.client.get(english_url)
        assert response.status_code == 200
        assert soup_of(response).h1.get_text(strip=True) == "What grooming is"

    # --- Safety bar -------------------------------------------------------------------

    def test_safety_bar_is_on_every_public_page(self):
        """Every public page, search and 404 included, has the help link and the quick exit first in the body."""
        quick_exit = SiteSettings.objects.get().quick_exit_url
        for label, url, response in get_all(self.client, self.site):
            soup = soup_of(response)
            bar = soup.find(class_="safety-bar")
            assert bar is not None, label
            language = "en" if url.startswith("/en/") else "es"
            assert bar.find("a", class_="safety-bar__help")["href"] == url_in(self.site["help"], language), label
            exit_link = bar.find("a", attrs={"data-quick-exit": True})
            assert exit_link is not None, label
            assert exit_link["href"] == quick_exit, label
            # Before the header and the content, so it is reached first with the keyboard.
            assert soup.body.find(class_=["safety-bar", "site-header"])["class"][0] == "safety-bar", label

    # --- Privacy and caching ----------------------------------------------------------

    def test_anonymous_responses_set_no_cookie(self):
        """No public page, search or 404 sends Set-Cookie to an anonymous visitor, nor varies on Cookie."""
        for label, _url, response in get_all(self.client, self.site):
            assert not response.cookies, f"{label} set {list(response.cookies)}"
            assert not response.has_header("Set-Cookie"), label
            assert "Cookie" not in response.get("Vary", ""), label

    def test_anonymous_pages_may_be_kept_by_a_shared_cache(self):
        """Anonymous 200 pages say Cache-Control: public with the configured max-age."""
        for label, _url, response in get_all(self.client, self.site):
            if response.status_code != 200:
                continue
            cache_control = response.get("Cache-Control", "")
            assert "public" in cache_control, label
            assert f"max-age={settings.PUBLIC_PAGE_MAX_AGE}" in cache_control, label

    def test_pages_for_a_visitor_with_a_session_cookie_are_not_public(self):
        """With a session cookie (maybe signed in), no page says Cache-Control: public."""
        self.client.cookies[settings.SESSION_COOKIE_NAME] = "una-sesion-cualquiera"
        for label, _url, response in get_all(self.client, self.site):
            assert "public" not in response.get("Cache-Control", ""), label

    def test_pages_for_a_signed_in_user_are_not_public(self):
        """A signed-in user's pages are never marked public."""
        user = get_user_model().objects.create_user("lectora", password="una-clave-larga-123")
        self.client.force_login(user, backend=MODEL_BACKEND)
        response = self.client.get(url_in(self.site["guide"], "es"))
        assert response.status_code == 200
        assert "public" not in response.get("Cache-Control", "")

    def test_404_is_not_cached_as_public(self):
        """A missing page is not marked for shared caching."""
        response = self.client.get("/no-existe/")
        assert response.status_code == 404
        assert "public" not in response.get("Cache-Control", "")

    def test_public_pages_send_a_content_security_policy(self):
        """Every public page, search and 404 has a strict Content-Security-Policy header."""
        for label, _url, response in get_all(self.client, self.site):
            policy = response.get("Content-Security-Policy", "")
            assert "default-src 'self'" in policy, label
            assert "script-src 'self'" in policy, label
            assert "unsafe-inline" not in policy, label

    # --- Search ---------------------------------------------------------------------

    def test_search_finds_a_guide_by_a_word_of_its_body(self):
        """Searching a word that appears only in a guide's body lists that guide and no other."""
        GuidePageFactory(parent=self.site["library"], title="Otra guía", slug="otra-guia")
        response = self.client.get("/buscar/", {"q": BODY_WORD})
        assert response.status_code == 200
        assert result_titles(response) == ["Qué es el grooming"]

    def test_search_finds_a_guide_by_an_english_word_in_english(self):
        """An English word of the English body finds the guide, listed with its English title."""
        assert result_titles(self.client.get("/en/buscar/", {"q": ENGLISH_BODY_WORD})) == ["What grooming is"]

    def test_search_leaves_out_unpublished_pages(self):
        """A draft guide with the searched word is not listed."""
        draft = GuidePageFactory(parent=self.site["library"], title="Borrador", slug="borrador", live=False)
        draft.body = guide_body()
        draft.save()
        assert "Borrador" not in result_titles(self.client.get("/buscar/", {"q": BODY_WORD}))

    def test_empty_search_shows_the_form_and_no_results(self):
        """Without a query the search page shows its form and no result count."""
        response = self.client.get("/buscar/")
        assert response.status_code == 200
        soup = soup_of(response)
        assert soup.find("input", id="search-page-q") is not None
        assert soup.find(attrs={"role": "status"}) is None
        assert not result_titles(response)

    def test_search_with_a_300_character_query_does_not_fail(self):
        """A 300-character query answers 200, cut to the 200 characters the form allows."""
        response = self.client.get("/buscar/", {"q": "grooming " * 33 + "xxx"})
        assert response.status_code == 200
        assert len(soup_of(response).find("input", id="search-page-q")["value"]) <= 200

    def test_search_with_odd_characters_does_not_fail(self):
        """Quotes, operators and markup in the query are searched as text, never a 500."""
        for query in ['"', '""', 'a"b', "a OR b AND", "NOT (x", "<script>alert(1)</script>", "%", "niñ*", "-", "\\"]:
            response = self.client.get("/buscar/", {"q": query, "pagina": "abc"})
            assert response.status_code == 200, query
            assert "<script>alert(1)</script>" not in response.content.decode()

    def test_search_with_a_nul_character_does_not_fail(self):
        """A NUL or other control character in the query is ignored, never a database error."""
        for query in ["\x00", "groo\x00ming", "\x1b[0m"]:
            assert self.client.get("/buscar/", {"q": query}).status_code == 200, repr(query)

    def test_search_with_a_stray_quote_still_finds_the_word(self):
        """A query with an unbalanced double quote finds what the same words find."""
        assert result_titles(self.client.get("/buscar/", {"q": f'"{BODY_WORD}'})) == ["Qué es el grooming"]

    # --- Error pages -------------------------------------------------------------------

    def test_404_page_uses_the_site_template(self):
        """A missing page answers 404 with the site's header, footer and help link, in the visitor's language."""
        for language in LANGUAGES:
            prefix = "/en" if language == "en" else ""
            response = self.client.get(f"{prefix}/guias/no-existe/")
            assert response.status_code == 404
            soup = soup_of(response)
            assert soup.html["lang"] == language
            assert soup.find("header", class_="site-header") is not None
            assert soup.find("footer", class_="site-footer") is not None
            main_links = [link["href"] for link in soup.find("main").find_all("a")]
            assert url_in(self.site["help"], language) in main_links

    # --- Help channels ----------------------------------------------------------------

    def test_help_page_lists_live_channels_with_emergencies_first(self):
        """The help page shows every live channel; the emergency section comes first and holds only 911."""
        HelpChannelFactory(key="orientacion", name_es="Línea de orientación", is_reporting_channel=False, sort_order=3)
        soup = soup_of(self.client.get(url_in(self.site["help"], "es")))
        sections = soup.find("main").find_all("section")
        assert [section["aria-labelledby"] for section in sections] == ["help-emergency", "help-report", "help-other"]
        names = [[name.get_text(strip=True) for name in s.find_all(class_="channel__name")] for s in sections]
        assert names == [["911 Emergencias"], ["Te Protejo México"], ["Línea de orientación"]]
        assert soup.find(class_="channel--emergency").find("a", href="tel:911") is not None

    def test_help_page_shows_channels_in_english(self):
        """Under /en/ the help page shows the channels' English names."""
        soup = soup_of(self.client.get(url_in(self.site["help"], "en")))
        names = [name.get_text(strip=True) for name in soup.find_all(class_="channel__name")]
        assert names[0] == self.site["channels"][0].name_en

    def test_hidden_channel_is_never_shown(self):
        """An unverified (not live) channel, its phone and its verification note appear on no public page."""
        hidden = self.site["channels"][2]
        hidden.verification_note = "Falta confirmar el teléfono."
        hidden.phone = "33 0000 0000"
        hidden.save()
        for label, _url, response in get_all(self.client, self.site):
            html = response.content.decode()
            assert HIDDEN_CHANNEL not in html, label
            assert "33 0000 0000" not in html, label
            assert "Falta confirmar" not in html, label

    def test_channel_changes_show_on_the_next_request(self):
        """Publishing a hidden channel shows it on the help page at once."""
        hidden = self.site["channels"][2]
        hidden.live = True
        hidden.save()
        assert HIDDEN_CHANNEL in self.client.get(url_in(self.site["help"], "es")).content.decode()


class PublicMarkupTests(TestCase):
    """Markup rules checked over every public page, with a guide that uses every block, image and document included."""

    @classmethod
    def setUpClass(cls):
        # Uploads and renditions go to a throwaway folder, not the project's media/.
        cls.media_dir = tempfile.mkdtemp(prefix="protege-test-media-")
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
        image = Image.objects.create(title="Ilustración", file=get_test_image_file())
        document = Document.objects.create(title="Guía imprimible", file=ContentFile(b"%PDF-1.4\n", name="guia.pdf"))
        cls.site = build_public_site(image=image, document=document)
        # Render once so the image renditions exist for every test (they take long to make).
        Client().get(url_in(cls.site["guide"], "es"))

    def test_public_pages_have_no_inline_script_or_style(self):
        """Public pages load scripts from files only and use no <style>, style= or on*= handlers."""
        for label, _url, response in get_all(self.client, self.site):
            soup = soup_of(response)
            inline_scripts = [script for script in soup.find_all("script") if not script.get("src")]
            assert not inline_scripts, f"{label}: {inline_scripts[0]}"
            assert not soup.find_all("style"), label
            styled = soup.find_all(attrs={"style": True})
            assert not styled, f"{label}: {styled[0]}"
            handlers = [tag for tag in soup.find_all(True) if any(attr.startswith("on") for attr in tag.attrs)]
            assert not handlers, f"{label}: {handlers[0]}"

    def test_public_pages_fetch_nothing_from_other_hosts(self):
        """No script, stylesheet, image or frame of a public page comes from another host."""
        for label, _url, response in get_all(self.client, self.site):
            fetched = linked_urls(soup_of(response))
            assert fetched, label
            foreign = [url for url in fetched if urlparse(url).netloc and urlparse(url).hostname != TEST_HOST]
            assert not foreign, f"{label}: {foreign}"

    def test_guide_renders_its_image_and_document_from_this_host(self):
        """The guide really renders an <img>, <source>s and a document link (the checks above see them)."""
        soup = soup_of(self.client.get(url_in(self.site["guide"], "es")))
        image = soup.find("img")
        assert image is not None and image["alt"] == "Ilustración"
        assert image["src"].startswith("/")
        assert soup.find("source") is not None
        assert soup.find("a", href=re.compile(r"^/documentos/")) is not None
        assert soup.find("iframe") is None


def linked_urls(soup) -> list[str]:
    """Every address a browser would fetch from script, link, img, source and iframe tags."""
    urls = []
    for tag in soup.find_all(["script", "link", "img", "iframe", "source"]):
        for attribute in ("src", "href"):
            if tag.get(attribute):
                urls.append(tag[attribute])
        for attribute in ("srcset", "imagesrcset"):
            if tag.get(attribute):
                urls += [candidate.strip().split(" ")[0] for candidate in tag[attribute].split(",")]
    return urls


# --- Health checks (no site needed) ---------------------------------------------------------


class UnreachableDatabase:
    """Stands in for django.db.connection when the database is down."""

    def cursor(self):
        raise ConnectionError("could not connect to server")


def test_liveness_answers_ok(client):
    """/health/live/ answers 200 without needing anything else, and is never cached."""
    response = client.get("/health/live/")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok"}
    assert "public" not in response.get("Cache-Control", "")


def test_readiness_answers_ok_when_the_database_answers(client, db):
    """/health/ready/ answers 200 when the database can be queried."""
    response = client.get("/health/ready/")
    assert response.status_code == 200
    assert json.loads(response.content)["database"] == "ok"


def test_readiness_answers_503_when_the_database_is_unreachable(client, db, monkeypatch):
    """/health/ready/ answers 503 when opening a cursor fails, so the load balancer stops sending traffic."""
    monkeypatch.setattr(views, "connection", UnreachableDatabase())
    response = client.get("/health/ready/")
    assert response.status_code == 503
    assert json.loads(response.content) == {"status": "unavailable", "database": "unreachable"}


# --- Server error ------------------------------------------------------------------------------


def test_500_handler_renders_without_touching_the_database(db, rf: RequestFactory, django_assert_num_queries):
    """The server-error page renders with zero queries and still offers the quick exit and 911."""
    request = rf.get("/guias/algo/")
    with django_assert_num_queries(0):
        response = views.server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert "Salida rápida" in html
    assert 'href="tel:911"' in html


def test_500_handler_works_with_no_database_access_at_all(rf: RequestFactory):
    """Without any database access allowed (no db fixture), the server-error page still renders."""
    response = views.server_error(rf.get("/"))
    assert response.status_code == 500
    assert '<html lang="es">' in response.content.decode()


@pytest.mark.parametrize("path", ["/admin/login/", "/health/ready/"])
def test_private_paths_are_never_public(client, db, path):
    """The admin's login page and the health checks answer 200 but are never marked for shared caching."""
    response = client.get(path)
    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")


def test_language_switch_keeps_the_library_filters(site_tree, client):
    """Switching language on a filtered library keeps the filters in the link."""
    response = client.get(site_tree["library"].url + "?publico=familias&edad=secundaria")
    html = response.content.decode()
    assert 'href="/en/guides/?publico=familias&amp;edad=secundaria"' in html


def test_robots_txt_keeps_accounts_and_admin_out_of_search_engines(client, db):
    """robots.txt disallows the admin, learner accounts and counting URLs, and sets no cookie."""
    response = client.get("/robots.txt")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Disallow: /admin/" in body and "Disallow: /cuenta/" in body and "Disallow: /c/" in body
    assert not response.cookies


def test_an_es_prefix_redirects_to_the_unprefixed_spanish_address(client, db):
    """/es/guias/?tema=grooming redirects permanently to /guias/?tema=grooming."""
    response = client.get("/es/guias/", {"tema": "grooming"})
    assert response.status_code == 301
    assert response["Location"] == "/guias/?tema=grooming"


def test_the_es_prefix_redirect_never_leaves_the_site(client, db):
    """/es//other.host/ stays on this site (no protocol-relative open redirect)."""
    response = client.get("/es//other.example/")
    assert response.status_code == 301
    assert response["Location"] == "/other.example/"
