"""The guide library's filters, counts and pagination (education.selectors.guide_library)."""

from urllib.parse import urlencode

from django.db import connection
from django.http import QueryDict
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from education.factories import GuidePageFactory, build_site_tree
from education.selectors import guide_library
from website.facets import MAX_VALUES_PER_PARAM
from website.factories import TopicFactory
from website.vocabularies import AgeBand, Audience

GUIDES = {
    # name: (audiences, age bands, topics)
    "families_secondary": (["familias"], ["secundaria"], ["grooming"]),
    "families_teachers": (["familias", "docentes"], ["primaria_alta", "secundaria"], ["sextorsion"]),
    "teachers_high_school": (["docentes"], ["bachillerato"], ["grooming", "sextorsion"]),
    "children_lower_primary": (["nna"], ["primaria_baja"], ["masi"]),
    "police_high_school": (["policias"], ["bachillerato"], ["masi"]),
}


def build_library():
    """A library with five live guides, one draft and one private guide (both would match familias)."""
    index = build_site_tree()["library"]
    topics = {slug: TopicFactory(slug=slug, name_es=slug.capitalize()) for slug in ("grooming", "sextorsion", "masi")}
    guides = {}
    for name, (audiences, age_bands, topic_slugs) in GUIDES.items():
        guides[name] = GuidePageFactory(
            parent=index,
            title=name,
            slug=name.replace("_", "-"),
            audiences=audiences,
            age_bands=age_bands,
            topics=[topics[slug] for slug in topic_slugs],
        )
    draft = GuidePageFactory(
        parent=index, title="draft", slug="borrador", audiences=["familias"], topics=[topics["grooming"]], live=False
    )
    private = GuidePageFactory(
        parent=index, title="private", slug="privada", audiences=["familias"], topics=[topics["grooming"]]
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    return {"index": index, "guides": guides, "draft": draft, "private": private, "topics": topics}


def run(library, query: str = "", per_page: int = 12):
    return guide_library(index_page=library["index"], query=QueryDict(query), per_page=per_page)


def titles(result) -> set[str]:
    return {guide.title for guide in result.page.object_list}


def titles_for(library, query: str) -> set[str]:
    result = run(library, query, per_page=100)
    assert result.total == len(titles(result))
    return titles(result)


def options_by_value(options) -> dict:
    return {option.value: option for option in options}


class GuideLibraryTests(TestCase):
    """guide_library over one library built once for the class."""

    @classmethod
    def setUpTestData(cls):
        cls.library = build_library()

    # --- One dimension at a time ---------------------------------------------------------

    def test_without_filters_every_live_public_guide_is_listed(self):
        """With no filters the library lists the five live, public guides and nothing else."""
        result = run(self.library)
        assert titles(result) == set(GUIDES)
        assert result.total == 5
        assert not result.filters.active

    def test_audience_filter(self):
        """?publico=familias lists the guides for families only."""
        assert titles_for(self.library, "publico=familias") == {"families_secondary", "families_teachers"}

    def test_age_band_filter(self):
        """?edad=bachillerato lists the guides for 15 to 17 year olds only."""
        assert titles_for(self.library, "edad=bachillerato") == {"teachers_high_school", "police_high_school"}

    def test_topic_filter(self):
        """?tema=grooming lists the guides filed under grooming only."""
        assert titles_for(self.library, "tema=grooming") == {"families_secondary", "teachers_high_school"}

    # --- Combinations --------------------------------------------------------------------

    def test_values_of_one_dimension_are_alternatives(self):
        """Two audiences give guides for either (OR within a dimension)."""
        assert titles_for(self.library, "publico=familias&publico=policias") == {
            "families_secondary",
            "families_teachers",
            "police_high_school",
        }
        assert titles_for(self.library, "tema=grooming&tema=masi") == {
            "families_secondary",
            "teachers_high_school",
            "children_lower_primary",
            "police_high_school",
        }

    def test_dimensions_narrow_each_other(self):
        """An audience and a topic give guides that match both (AND across dimensions)."""
        assert titles_for(self.library, "publico=docentes&tema=sextorsion") == {
            "families_teachers",
            "teachers_high_school",
        }
        assert titles_for(self.library, "publico=docentes&edad=bachillerato") == {"teachers_high_school"}
        assert titles_for(self.library, "publico=docentes&edad=bachillerato&tema=masi") == set()

    def test_or_within_and_across_together(self):
        """(familias OR policias) AND (secundaria OR bachillerato) AND grooming gives the one match."""
        query = "publico=familias&publico=policias&edad=secundaria&edad=bachillerato&tema=grooming"
        assert titles_for(self.library, query) == {"families_secondary"}

    # --- Counts ------------------------------------------------------------------------------

    def test_counts_without_filters_are_the_results_of_each_option_alone(self):
        """With nothing selected, every option's count is what clicking it alone lists."""
        result = run(self.library)
        for param, options in (
            ("publico", result.audience_options),
            ("edad", result.age_band_options),
            ("tema", result.topic_options),
        ):
            for option in options:
                assert option.count == run(self.library, f"{param}={option.value}").total, (param, option.value)
        counts = {o.value: o.count for o in result.audience_options}
        assert counts == {"familias": 2, "docentes": 2, "policias": 1, "nna": 1, "instituciones": 0}

    def test_counts_follow_the_other_dimensions_filters(self):
        """With an age band selected, each audience and topic count is what adding that option lists."""
        selected = "edad=bachillerato"
        result = run(self.library, selected)
        for param, options in (("publico", result.audience_options), ("tema", result.topic_options)):
            for option in options:
                clicked = run(self.library, f"{selected}&{param}={option.value}")
                assert option.count == clicked.total, (param, option.value)
        assert options_by_value(result.audience_options)["familias"].count == 0
        assert options_by_value(result.topic_options)["masi"].count == 1

    def test_counts_in_a_dimension_with_a_selection_ignore_that_dimension(self):
        """With families selected, each audience's count is what that audience alone lists (with the other filters)."""
        result = run(self.library, "publico=familias&tema=sextorsion")
        for option in result.audience_options:
            alone = run(self.library, f"publico={option.value}&tema=sextorsion")
            assert option.count == alone.total, option.value
        assert options_by_value(result.audience_options)["familias"].selected
        assert not options_by_value(result.audience_options)["docentes"].selected

    def test_every_vocabulary_value_and_topic_has_an_option(self):
        """The filter lists every audience, age band and topic, even with zero guides."""
        result = run(self.library)
        assert [o.value for o in result.audience_options] == list(Audience.values)
        assert [o.value for o in result.age_band_options] == list(AgeBand.values)
        assert {o.value for o in result.topic_options} == set(self.library["topics"])

    # --- Untrusted input ------------------------------------------------------------------

    def test_unknown_and_malformed_values_are_ignored(self):
        """?publico=zzz&edad=&tema=<script> filters nothing and lists every guide."""
        result = run(self.library, urlencode({"publico": "zzz", "edad": "", "tema": "<script>"}))
        assert not result.filters.active
        assert result.total == 5
        assert result.query_string == ""

    def test_repeated_values_count_once(self):
        """The same value given three times acts, and appears in links, once."""
        result = run(self.library, "publico=familias&publico=familias&publico=familias")
        assert result.filters.audiences == ("familias",)
        assert result.query_string == "publico=familias"
        assert result.total == 2

    def test_a_thousand_values_are_handled(self):
        """1000 values for one parameter neither fail nor widen the results."""
        values = ["zzz"] * 990 + list(Audience.values) * 2
        result = run(self.library, urlencode({"publico": values[:1000]}, doseq=True))
        assert result.total == 5
        assert len(result.filters.audiences) <= MAX_VALUES_PER_PARAM

    def test_a_thousand_values_through_the_page_view(self):
        """The library page answers 200 to 1000 repeated filter values and lists the two family guides."""
        response = self.client.get(self.library["index"].url, {"publico": ["familias"] * 1000})
        assert response.status_code == 200
        assert "2 guías" in response.content.decode()

    def test_links_keep_only_known_values_in_vocabulary_order(self):
        """The pagination query string holds the cleaned filters, in vocabulary order."""
        result = run(self.library, "tema=masi&publico=policias&publico=zzz&edad=bachillerato&publico=familias")
        assert result.query_string == "publico=familias&publico=policias&edad=bachillerato&tema=masi"

    def test_bad_page_numbers_give_a_valid_page(self):
        """A page number that is not a number gives page 1; one out of range gives the last page."""
        for page, expected in [("abc", 1), ("", 1), ("-1", 3), ("0", 3), ("99999", 3), ("2", 2)]:
            with self.subTest(pagina=page):
                result = run(self.library, urlencode({"pagina": page}), per_page=2)
                assert result.page.paginator.num_pages == 3
                assert result.page.number == expected
                assert len(result.page.object_list) >= 1

    def test_bad_page_numbers_through_the_page_view(self):
        """The library page answers 200 to any page number."""
        for page in ["abc", "-1", "99999", "1e3", "2.5", "9" * 40]:
            assert self.client.get(self.library["index"].url, {"pagina": page}).status_code == 200, page

    # --- What is never listed --------------------------------------------------------------------

    def test_drafts_and_private_guides_are_never_listed_or_counted(self):
        """Unpublished and password-protected guides are in no result and no count."""
        result = run(self.library, "publico=familias&tema=grooming")
        assert titles(result) == {"families_secondary"}
        everything = run(self.library, per_page=100)
        assert {"draft", "private"}.isdisjoint(titles(everything))
        assert options_by_value(everything.audience_options)["familias"].count == 2
        assert options_by_value(everything.topic_options)["grooming"].count == 2

    def test_an_unpublished_guide_leaves_results_and_counts(self):
        """Unpublishing a guide removes it from the results and from its options' counts at once."""
        self.library["guides"]["police_high_school"].unpublish()
        result = run(self.library, "publico=policias")
        assert result.total == 0
        assert options_by_value(result.audience_options)["policias"].count == 0


# --- Query count ------------------------------------------------------------------------------


def library_page_queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_library_query_count_does_not_grow_with_the_number_of_guides(client, site_tree):
    """The filtered library page runs the same number of queries with 5 guides as with 40."""
    index = site_tree["library"]
    topic = TopicFactory(slug="grooming", name_es="Grooming")
    url = index.url + "?publico=familias"
    for _ in range(5):
        GuidePageFactory(parent=index, audiences=["familias"], topics=[topic])
    with_five = library_page_queries(client, url)
    for _ in range(35):
        GuidePageFactory(parent=index, audiences=["familias", "docentes"], topics=[topic])
    with_forty = library_page_queries(client, url)
    assert with_five == with_forty
