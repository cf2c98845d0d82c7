"""The guide page and the guide library as a visitor sees them."""

from django.test import TestCase
from django.utils import translation

from bs4 import BeautifulSoup

from education.factories import GuidePageFactory, build_site_tree
from education.models import GuideRelatedLink
from website.factories import TopicFactory

SOURCES = [
    {"type": "source", "value": {"label": "UNICEF, Guía de seguridad en línea", "url": "https://www.unicef.org/guia"}},
    {"type": "source", "value": {"label": "Entrevista con especialistas, 2025", "url": ""}},
]


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def url_in(page, language: str) -> str:
    with translation.override(language):
        return page.get_url()


def build_guides() -> dict:
    """A library with a guide that has sources and two related guides, one of them unpublished."""
    site_tree = build_site_tree()
    library = site_tree["library"]
    grooming = TopicFactory(slug="grooming", name_es="Grooming", name_en="Grooming")
    sextortion = TopicFactory(slug="sextorsion", name_es="Sextorsión", name_en="Sextortion")
    main = GuidePageFactory(
        parent=library,
        title="Qué es el grooming",
        title_en="What grooming is",
        slug="que-es-el-grooming",
        slug_en="what-grooming-is",
        audiences=["familias", "docentes"],
        age_bands=["primaria_alta", "secundaria"],
        topics=[grooming],
        sources=SOURCES,
    )
    related = GuidePageFactory(
        parent=library, title="Sextorsión: qué hacer", slug="sextorsion", audiences=["nna"], topics=[sextortion]
    )
    unpublished = GuidePageFactory(parent=library, title="Guía retirada", slug="retirada", topics=[sextortion])
    GuideRelatedLink.objects.create(guide=main, page=related, sort_order=0)
    GuideRelatedLink.objects.create(guide=main, page=unpublished, sort_order=1)
    unpublished.unpublish()
    return {"library": library, "main": main, "related": related, "unpublished": unpublished, "site": site_tree}


def filter_options(soup, name: str) -> dict[str, tuple[int, bool]]:
    """{value: (count, checked)} of one filter group of the library form."""
    options = {}
    for box in soup.find("form", class_="filters").find_all("input", attrs={"name": name}):
        label = soup.find("label", attrs={"for": box["id"]})
        count = int(label.find(class_="filter-group__count").get_text(strip=True).strip("()"))
        options[box["value"]] = (count, box.has_attr("checked"))
    return options


def card_titles(soup) -> set[str]:
    return {a.get_text(strip=True) for a in soup.select(".library__results .card__title a")}


class GuideViewTests(TestCase):
    """The guide page and the library page over data built once for the class."""

    @classmethod
    def setUpTestData(cls):
        cls.guides = build_guides()

    # --- Guide page ---------------------------------------------------------------------

    def test_guide_shows_its_related_guides(self):
        """Related guides that are live are listed with links; an unpublished one is left out."""
        soup = soup_of(self.client.get(self.guides["main"].url))
        related = soup.find("section", class_="related")
        links = {a.get_text(strip=True): a["href"] for a in related.find_all("a")}
        assert links == {"Sextorsión: qué hacer": self.guides["related"].url}

    def test_guide_without_related_guides_has_no_related_section(self):
        """A guide with no related guides shows no empty "Guías relacionadas" section."""
        soup = soup_of(self.client.get(self.guides["related"].url))
        assert soup.find("section", class_="related") is None

    def test_guide_lists_its_sources(self):
        """Sources are listed under "Fuentes"; one with a link is a link, one without is plain text."""
        sources = soup_of(self.client.get(self.guides["main"].url)).find("section", class_="sources")
        items = sources.find_all("li")
        assert [item.get_text(strip=True) for item in items] == [s["value"]["label"] for s in SOURCES]
        assert items[0].a["href"] == "https://www.unicef.org/guia"
        assert items[0].a["rel"] == ["noopener", "noreferrer"]
        assert items[1].a is None

    def test_guide_shows_the_help_box_with_live_channels(self):
        """The guide ends with the help box: live channels and a link to the help page."""
        box = soup_of(self.client.get(self.guides["main"].url)).find("aside", class_="help-box")
        assert box is not None
        text = box.get_text()
        assert "911 Emergencias" in text
        assert "Te Protejo México" in text
        assert "Canal sin verificar" not in text
        assert box.find("a", href=self.guides["site"]["help"].url) is not None

    def test_guide_has_a_print_button_revealed_by_javascript(self):
        """The print button is present, hidden until site.js reveals it (it does nothing without JS)."""
        button = soup_of(self.client.get(self.guides["main"].url)).find("button", attrs={"data-print": True})
        assert button is not None
        assert button.has_attr("hidden")
        assert "js-only" in button["class"]

    def test_guide_shows_age_bands_audiences_and_topics(self):
        """The facts box names the age bands (as ages), the audiences and the topics."""
        facts = soup_of(self.client.get(self.guides["main"].url)).find("dl", class_="guide__facts")
        values = [dd.get_text(strip=True) for dd in facts.find_all("dd")]
        assert values[0] == "Familias, Docentes"
        assert values[1] == "9 a 11 años, 12 a 14 años"
        assert values[2] == "Grooming"

    def test_guide_facts_in_english(self):
        """Under /en/ the guide shows its English title and topic names."""
        soup = soup_of(self.client.get(url_in(self.guides["main"], "en")))
        assert soup.h1.get_text(strip=True) == "What grooming is"
        facts = [dd.get_text(strip=True) for dd in soup.find("dl", class_="guide__facts").find_all("dd")]
        assert facts[2] == "Grooming"

    def test_guide_shows_its_reading_time(self):
        """The facts box says how many minutes the guide takes to read."""
        facts = soup_of(self.client.get(self.guides["main"].url)).find("dl", class_="guide__facts")
        assert "1 minuto" in facts.get_text()

    def test_guide_breadcrumbs_lead_back_to_the_library(self):
        """The breadcrumbs link to the library and mark the guide as the current page."""
        breadcrumbs = soup_of(self.client.get(self.guides["main"].url)).find("nav", class_="breadcrumbs")
        assert breadcrumbs.find("a", href=self.guides["library"].url) is not None
        assert breadcrumbs.find(attrs={"aria-current": "page"}).get_text(strip=True) == "Qué es el grooming"

    def test_unpublished_guide_is_not_found(self):
        """An unpublished guide answers 404."""
        assert self.client.get("/guias/retirada/").status_code == 404

    # --- Library page ---------------------------------------------------------------------

    def test_library_lists_every_live_guide_with_counts(self):
        """Without filters the library lists the live guides and a count beside every option."""
        soup = soup_of(self.client.get(self.guides["library"].url))
        assert card_titles(soup) == {"Qué es el grooming", "Sextorsión: qué hacer"}
        assert "2 guías" in soup.find(class_="library__count").get_text()
        audiences = filter_options(soup, "publico")
        assert audiences["familias"] == (1, False)
        assert audiences["nna"] == (1, False)
        assert audiences["policias"] == (0, False)
        assert filter_options(soup, "tema") == {"grooming": (1, False), "sextorsion": (1, False)}

    def test_library_filters_with_get_parameters(self):
        """?publico=nna lists only that guide, checks the box and offers to clear the filters."""
        soup = soup_of(self.client.get(self.guides["library"].url, {"publico": "nna"}))
        assert card_titles(soup) == {"Sextorsión: qué hacer"}
        assert "1 guía" in soup.find(class_="library__count").get_text()
        assert filter_options(soup, "publico")["nna"] == (1, True)
        assert filter_options(soup, "tema") == {"grooming": (0, False), "sextorsion": (1, False)}
        clear = soup.find("a", href=self.guides["library"].url)
        assert clear is not None

    def test_library_form_submits_by_get_to_the_library(self):
        """The filter form works without JavaScript: a GET form to the library's own URL with a submit button."""
        form = soup_of(self.client.get(self.guides["library"].url)).find("form", class_="filters")
        assert form["method"].lower() == "get"
        assert form["action"] == self.guides["library"].url
        assert form.find("button", attrs={"type": "submit"}) is not None
        assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}) is None

    def test_library_with_no_match_says_so(self):
        """A combination with no guide says so instead of showing an empty list."""
        soup = soup_of(self.client.get(self.guides["library"].url, {"publico": "policias"}))
        assert card_titles(soup) == set()
        assert "No hay guías con esos filtros" in soup.get_text()

    def test_library_pagination_keeps_the_filters(self):
        """The next-page link carries the active filters."""
        library = self.guides["library"]
        library.guides_per_page = 1
        library.save_revision().publish()
        for number in range(3):
            GuidePageFactory(parent=library, title=f"Extra {number}", slug=f"extra-{number}", audiences=["familias"])
        soup = soup_of(self.client.get(library.url, {"publico": "familias"}))
        next_link = soup.find("a", attrs={"rel": "next"})
        assert next_link["href"] == "?publico=familias&pagina=2"
        soup = soup_of(self.client.get(library.url + next_link["href"]))
        assert len(card_titles(soup)) == 1
        assert filter_options(soup, "publico")["familias"] == (4, True)
