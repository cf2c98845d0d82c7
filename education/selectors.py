"""Reads for the guide library. Filters come from the URL and are never trusted: unknown
values are dropped, a bad page number falls back to a valid page."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet

from website.fields import MultipleChoiceField
from website.models import Topic
from website.vocabularies import AgeBand, Audience

from .models import GuideIndexPage, GuidePage

AUDIENCE_PARAM = "publico"
AGE_BAND_PARAM = "edad"
TOPIC_PARAM = "tema"
PAGE_PARAM = "pagina"
MAX_VALUES_PER_PARAM = 20


@dataclass(frozen=True)
class GuideFilters:
    audiences: tuple[str, ...] = ()
    age_bands: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.audiences or self.age_bands or self.topics)

    def as_query_items(self) -> list[tuple[str, str]]:
        return (
            [(AUDIENCE_PARAM, v) for v in self.audiences]
            + [(AGE_BAND_PARAM, v) for v in self.age_bands]
            + [(TOPIC_PARAM, v) for v in self.topics]
        )


@dataclass
class FilterOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class GuideLibrary:
    filters: GuideFilters
    page: PaginatorPage
    total: int
    audience_options: list[FilterOption] = field(default_factory=list)
    age_band_options: list[FilterOption] = field(default_factory=list)
    topic_options: list[FilterOption] = field(default_factory=list)
    query_string: str = ""


def guide_filters_from_query(query, *, topic_slugs) -> GuideFilters:
    """Keep only known values, in vocabulary order, each once."""

    def known(param: str, allowed) -> tuple[str, ...]:
        requested = set(query.getlist(param)[:MAX_VALUES_PER_PARAM])
        return tuple(value for value in allowed if value in requested)

    return GuideFilters(
        audiences=known(AUDIENCE_PARAM, Audience.values),
        age_bands=known(AGE_BAND_PARAM, AgeBand.values),
        topics=known(TOPIC_PARAM, topic_slugs),
    )


def guide_list(*, index_page: GuideIndexPage) -> QuerySet[GuidePage]:
    """Live, public guides under the library, newest first."""
    return GuidePage.objects.live().public().descendant_of(index_page).order_by("-first_published_at", "pk")


def _filtered(queryset, filters: GuideFilters, *, skip: str = "") -> QuerySet[GuidePage]:
    """Any selected value within a dimension, every dimension at once."""
    if filters.audiences and skip != AUDIENCE_PARAM:
        queryset = queryset.filter(_any_of("audiences", filters.audiences))
    if filters.age_bands and skip != AGE_BAND_PARAM:
        queryset = queryset.filter(_any_of("age_bands", filters.age_bands))
    if filters.topics and skip != TOPIC_PARAM:
        queryset = queryset.filter(
            pk__in=GuidePage.topics.through.objects.filter(topic__slug__in=filters.topics).values("guidepage_id")
        )
    return queryset


def _any_of(field_name: str, values) -> Q:
    condition = Q()
    for value in values:
        condition |= Q(**{f"{field_name}__contains": MultipleChoiceField.contains(value)})
    return condition


def _choice_options(base, field_name: str, choices, selected) -> list[FilterOption]:
    """Each option with how many guides it would show, given the other dimensions' filters."""
    counts = base.aggregate(
        **{
            value: Count("pk", filter=Q(**{f"{field_name}__contains": MultipleChoiceField.contains(value)}))
            for value, _l in choices
        }
    )
    return [FilterOption(value, label, counts[value], value in selected) for value, label in choices]


def _topic_options(base, topics, selected) -> list[FilterOption]:
    counts = dict(
        GuidePage.topics.through.objects.filter(guidepage_id__in=base.values("pk"))
        .values_list("topic_id")
        .annotate(n=Count("guidepage_id"))
        .values_list("topic_id", "n")
    )
    return [FilterOption(t.slug, t.name, counts.get(t.pk, 0), t.slug in selected) for t in topics]


def guide_library(*, index_page: GuideIndexPage, query, per_page: int = 12) -> GuideLibrary:
    """The library's filtered, paginated guides with a count beside every filter option.

    The number of queries is the same whatever the number of guides.
    """
    topics = list(Topic.objects.all())
    filters = guide_filters_from_query(query, topic_slugs=[t.slug for t in topics])
    guides = guide_list(index_page=index_page)
    results = _filtered(guides, filters).prefetch_related("topics")

    paginator = Paginator(results, max(1, per_page))
    page = paginator.get_page(query.get(PAGE_PARAM))

    return GuideLibrary(
        filters=filters,
        page=page,
        total=paginator.count,
        audience_options=_choice_options(
            _filtered(guides, filters, skip=AUDIENCE_PARAM), "audiences", Audience.choices, filters.audiences
        ),
        age_band_options=_choice_options(
            _filtered(guides, filters, skip=AGE_BAND_PARAM), "age_bands", AgeBand.choices, filters.age_bands
        ),
        topic_options=_topic_options(_filtered(guides, filters, skip=TOPIC_PARAM), topics, filters.topics),
        query_string=urlencode(filters.as_query_items()),
    )
