"""Faceted filters shared by the listings of every app (guides, campaigns, courses).

Filters come from the URL and are never trusted: only known values are kept. Each option's
count is the number of results it would give together with the other dimensions' filters,
computed in one aggregate query per dimension whatever the number of rows.
"""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from .fields import MultipleChoiceField

MAX_VALUES_PER_PARAM = 20


@dataclass
class FilterOption:
    value: str
    label: str
    count: int
    selected: bool


def known_values(query, param: str, allowed) -> tuple[str, ...]:
    """The requested values that are in `allowed`, in vocabulary order, each once."""
    requested = set(query.getlist(param)[:MAX_VALUES_PER_PARAM])
    return tuple(value for value in allowed if value in requested)


def any_of(field_name: str, values) -> Q:
    """Rows whose multiple-choice field holds any of the values."""
    condition = Q()
    for value in values:
        condition |= Q(**{f"{field_name}__contains": MultipleChoiceField.contains(value)})
    return condition


def with_any_topic(queryset: QuerySet, slugs) -> QuerySet:
    """Rows filed under any of the topics (the model has a `topics` many-to-many field)."""
    through = queryset.model.topics.through
    return queryset.filter(pk__in=through.objects.filter(topic__slug__in=slugs).values(_source_column(queryset)))


def choice_options(base: QuerySet, field_name: str, choices, selected) -> list[FilterOption]:
    """Each choice of a multiple-choice field with how many rows of `base` hold it."""
    counts = base.aggregate(
        **{
            value: Count("pk", filter=Q(**{f"{field_name}__contains": MultipleChoiceField.contains(value)}))
            for value, _label in choices
        }
    )
    return [FilterOption(value, label, counts[value], value in selected) for value, label in choices]


def topic_options(base: QuerySet, topics, selected) -> list[FilterOption]:
    """Each topic with how many rows of `base` are filed under it."""
    through = base.model.topics.through
    source = _source_column(base)
    counts = dict(
        through.objects.filter(**{f"{source}__in": base.values("pk")})
        .values_list("topic_id")
        .annotate(n=Count(source))
        .values_list("topic_id", "n")
    )
    return [FilterOption(t.slug, t.name, counts.get(t.pk, 0), t.slug in selected) for t in topics]


def _source_column(queryset: QuerySet) -> str:
    return f"{queryset.model._meta.model_name}_id"
