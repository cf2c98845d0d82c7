import datetime
from urllib.parse import parse_qs, unquote, urlparse

from django.http import QueryDict

import pytest

from campaigns.factories import CampaignPageFactory
from campaigns.selectors import campaign_listing, campaign_share_links
from website.factories import MunicipalityFactory, TopicFactory

from .conftest import TODAY


def _days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def places(db):
    return {
        "gdl": MunicipalityFactory(cvegeo="14039", name="Guadalajara"),
        "zap": MunicipalityFactory(cvegeo="14120", name="Zapopan"),
        "pv": MunicipalityFactory(cvegeo="14067", name="Puerto Vallarta"),
    }


@pytest.fixture
def three_campaigns(campaigns_index, places):
    """One current (Guadalajara, Zapopan), one upcoming (Puerto Vallarta), one concluded (everywhere)."""
    grooming = TopicFactory(slug="grooming", name_es="Grooming")
    sextortion = TopicFactory(slug="sextorsion", name_es="Sextorsión")
    return {
        "current": CampaignPageFactory(
            parent=campaigns_index,
            title="Actual",
            start_date=_days(-5),
            end_date=_days(5),
            audiences=["nna", "familias"],
            topics=[grooming],
            municipalities=[places["gdl"], places["zap"]],
        ),
        "upcoming": CampaignPageFactory(
            parent=campaigns_index,
            title="Próxima",
            start_date=_days(10),
            end_date=_days(40),
            audiences=["docentes"],
            age_bands=["secundaria"],
            topics=[sextortion],
            municipalities=[places["pv"]],
        ),
        "concluded": CampaignPageFactory(
            parent=campaigns_index,
            title="Concluida",
            start_date=_days(-90),
            end_date=_days(-30),
            audiences=["policias", "familias"],
            topics=[grooming, sextortion],
        ),
    }


def _listing(index, query: str = "", today=TODAY):
    return campaign_listing(index_page=index, query=QueryDict(query), today=today)


def _titles(campaigns) -> list[str]:
    return [campaign.title for campaign in campaigns]


def test_listing_groups_campaigns_by_status_on_the_given_day(campaigns_index, three_campaigns):
    """With the day fixed, each campaign falls in its section: current, upcoming, concluded."""
    listing = _listing(campaigns_index)
    assert _titles(listing.current) == ["Actual"]
    assert _titles(listing.upcoming) == ["Próxima"]
    assert _titles(listing.concluded.object_list) == ["Concluida"]
    assert listing.total == 3


def test_status_changes_as_the_days_pass(campaigns_index, three_campaigns):
    """Forty days later the current campaign has concluded and the upcoming one is current."""
    listing = _listing(campaigns_index, today=_days(20))
    assert _titles(listing.current) == ["Próxima"]
    assert _titles(listing.upcoming) == []
    assert set(_titles(listing.concluded.object_list)) == {"Actual", "Concluida"}


def test_municipality_filter_includes_campaigns_for_every_municipality(campaigns_index, three_campaigns):
    """Filtering by Guadalajara shows the campaigns that name it and those for every municipality."""
    listing = _listing(campaigns_index, "municipio=14039")
    assert _titles(listing.current) == ["Actual"]
    assert _titles(listing.upcoming) == []
    assert _titles(listing.concluded.object_list) == ["Concluida"]
    assert listing.municipality_name == "Guadalajara"
    assert [o.value for o in listing.municipality_options if o.selected] == ["14039"]


def test_municipality_filter_excludes_campaigns_elsewhere(campaigns_index, three_campaigns):
    """Puerto Vallarta sees its own upcoming campaign and the statewide one, not Guadalajara's."""
    listing = _listing(campaigns_index, "municipio=14067")
    assert _titles(listing.current) == []
    assert _titles(listing.upcoming) == ["Próxima"]
    assert listing.total == 2


def test_audience_age_and_topic_filters(campaigns_index, three_campaigns):
    """Audience, age band and topic filters combine; counts show what each option would give."""
    listing = _listing(campaigns_index, "publico=familias&tema=grooming")
    assert listing.total == 2
    assert _titles(listing.current) == ["Actual"]
    audience_counts = {o.value: o.count for o in listing.audience_options}
    assert audience_counts["familias"] == 2
    assert audience_counts["policias"] == 1
    listing = _listing(campaigns_index, "edad=secundaria")
    assert _titles(listing.upcoming) == ["Próxima"]
    assert listing.total == 1


def test_status_filter_shows_one_section(campaigns_index, three_campaigns):
    """?estado=concluida shows only the archive, with counts for every status."""
    listing = _listing(campaigns_index, "estado=concluida")
    assert listing.current == [] and listing.upcoming == []
    assert _titles(listing.concluded.object_list) == ["Concluida"]
    assert {o.value: o.count for o in listing.status_options} == {"en-curso": 1, "proximamente": 1, "concluida": 1}


def test_unknown_filter_values_are_ignored(campaigns_index, three_campaigns):
    """Bad values in the URL are dropped instead of breaking the page."""
    listing = _listing(campaigns_index, "municipio=99999&publico=nadie&tema=nada&estado=x&edad=0&pagina=zz")
    assert not listing.filters.active
    assert listing.total == 3
    assert listing.concluded.number == 1


def test_unpublished_campaigns_are_not_listed(campaigns_index, three_campaigns):
    """Drafts stay out of the listing."""
    three_campaigns["current"].unpublish()
    assert _titles(_listing(campaigns_index).current) == []


def test_query_string_keeps_filters_for_pagination(campaigns_index, three_campaigns):
    """The pagination links carry the active filters."""
    listing = _listing(campaigns_index, "municipio=14039&publico=familias")
    assert parse_qs(listing.query_string) == {"municipio": ["14039"], "publico": ["familias"]}


def test_share_links_are_plain_encoded_links():
    """WhatsApp, Facebook, X and e-mail links carry the campaign's address and words, encoded."""
    url = "https://protege.example/campanas/cuentalo/?a=1&b=2"
    links = {
        link["key"]: link["url"] for link in campaign_share_links(url=url, title="Cuéntalo & ya", text="Pide ayuda")
    }
    assert set(links) == {"whatsapp", "facebook", "x", "email"}
    assert links["whatsapp"].startswith("https://wa.me/?text=")
    assert unquote(links["whatsapp"].split("text=", 1)[1]) == f"Cuéntalo & ya. Pide ayuda {url}"
    assert parse_qs(urlparse(links["facebook"]).query) == {"u": [url]}
    assert urlparse(links["x"]).netloc == "twitter.com"
    assert parse_qs(urlparse(links["x"]).query) == {"url": [url], "text": ["Cuéntalo & ya"]}
    email = urlparse(links["email"])
    assert email.scheme == "mailto"
    assert parse_qs(email.query) == {"subject": ["Cuéntalo & ya"], "body": [f"Pide ayuda {url}"]}


def _queries(client, url) -> int:
    from django.db import connection

    executed = []
    with connection.execute_wrapper(lambda execute, sql, *args: executed.append(sql) or execute(sql, *args)):
        assert client.get(url).status_code == 200
    return len(executed)


def test_campaign_page_queries_do_not_grow_with_its_materials(client, campaign):
    """Checking whether each document is private is one query for all of them, not one per material."""
    from campaigns.factories import add_material

    add_material(campaign, title="Cartel 0")
    client.get(campaign.url)
    one = _queries(client, campaign.url)
    for number in range(1, 6):
        add_material(campaign, title=f"Cartel {number}")
    client.get(campaign.url)
    assert _queries(client, campaign.url) == one
