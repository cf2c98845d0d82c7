"""Full-text search on PostgreSQL with the Spanish configuration (stemming); SQLite has none."""

from django.db import connection

import pytest
from bs4 import BeautifulSoup

from education.factories import GuidePageFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="Spanish stemming needs PostgreSQL"),
]


def result_titles(response) -> list[str]:
    assert response.status_code == 200
    results = BeautifulSoup(response.content.decode(), "html.parser").find("ul", class_="search-results")
    return [link.get_text(strip=True) for link in results.find_all("a")] if results else []


@pytest.fixture
def guides(site_tree):
    library = site_tree["library"]
    girls = GuidePageFactory(
        parent=library,
        title="Juegos en línea",
        title_en="Online games",
        slug="juegos",
        slug_en="games",
        body=[{"type": "paragraph", "value": "<p>Muchas niñas juegan con desconocidos.</p>"}],
    )
    girls.body_en = [{"type": "paragraph", "value": "<p>Many children chat with strangers while gaming.</p>"}]
    girls.save()
    other = GuidePageFactory(
        parent=library,
        title="Datos personales",
        title_en="Personal data",
        slug="datos",
        slug_en="data",
        body=[{"type": "paragraph", "value": "<p>Qué no compartir en redes.</p>"}],
    )
    return {"girls": girls, "other": other}


def test_singular_finds_the_plural(client, guides):
    """Searching "niña" finds the guide whose body says "niñas" (Spanish stemming)."""
    assert result_titles(client.get("/buscar/", {"q": "niña"})) == ["Juegos en línea"]


def test_singular_finds_a_plural_title_word(client, guides):
    """Searching "juego" finds the guide titled "Juegos en línea"."""
    assert result_titles(client.get("/buscar/", {"q": "juego"})) == ["Juegos en línea"]


def test_english_words_are_found(client, guides):
    """An English word of the English body finds the guide, shown with its English title under /en/."""
    assert result_titles(client.get("/en/buscar/", {"q": "strangers"})) == ["Online games"]


def test_words_in_no_guide_find_nothing(client, guides):
    """A word in no guide gives no results."""
    assert result_titles(client.get("/buscar/", {"q": "astronauta"})) == []


def test_odd_characters_do_not_fail_on_postgresql(client, guides):
    """Quotes, operators and symbols in the query never make PostgreSQL's query parser fail."""
    for query in ['"niña', "niña & | !", "a:*", "(", "'", "\\", "<->"]:
        assert client.get("/buscar/", {"q": query}).status_code == 200, query
