"""Reads for the guide library and the courses.

Guide filters come from the URL and are never trusted: unknown values are dropped, a bad page
number falls back to a valid page. Every read of learning records takes the requesting user
and returns only what that user may see.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet

from website.facets import (
    FilterOption,
    any_of,
    choice_options,
    known_values,
    topic_options,
    with_any_topic,
)
from website.models import Topic
from website.vocabularies import AgeBand, Audience

from .models import (
    Certificate,
    CourseCompletion,
    CourseIndexPage,
    CoursePage,
    Enrollment,
    GuideIndexPage,
    GuidePage,
    ModulePage,
    ModuleProgress,
    QuizAttempt,
)
from .models.institutions import normalize_code

AUDIENCE_PARAM = "publico"
AGE_BAND_PARAM = "edad"
TOPIC_PARAM = "tema"
PAGE_PARAM = "pagina"
VERIFICATION_CODE_MAX_LENGTH = 64  # a typed code with dashes and spaces; anything longer is not a code


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
    return GuideFilters(
        audiences=known_values(query, AUDIENCE_PARAM, Audience.values),
        age_bands=known_values(query, AGE_BAND_PARAM, AgeBand.values),
        topics=known_values(query, TOPIC_PARAM, topic_slugs),
    )


def guide_list(*, index_page: GuideIndexPage) -> QuerySet[GuidePage]:
    """Live, public guides under the library, newest first."""
    return GuidePage.objects.live().public().descendant_of(index_page).order_by("-first_published_at", "pk")


def _filtered(queryset, filters: GuideFilters, *, skip: str = "") -> QuerySet[GuidePage]:
    """Any selected value within a dimension, every dimension at once."""
    if filters.audiences and skip != AUDIENCE_PARAM:
        queryset = queryset.filter(any_of("audiences", filters.audiences))
    if filters.age_bands and skip != AGE_BAND_PARAM:
        queryset = queryset.filter(any_of("age_bands", filters.age_bands))
    if filters.topics and skip != TOPIC_PARAM:
        queryset = with_any_topic(queryset, filters.topics)
    return queryset


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
        audience_options=choice_options(
            _filtered(guides, filters, skip=AUDIENCE_PARAM), "audiences", Audience.choices, filters.audiences
        ),
        age_band_options=choice_options(
            _filtered(guides, filters, skip=AGE_BAND_PARAM), "age_bands", AgeBand.choices, filters.age_bands
        ),
        topic_options=topic_options(_filtered(guides, filters, skip=TOPIC_PARAM), topics, filters.topics),
        query_string=urlencode(filters.as_query_items()),
    )


# --- Courses ------------------------------------------------------------------------------


def course_list(*, index_page: CourseIndexPage) -> QuerySet[CoursePage]:
    """Live, public courses under the index, in the editors' order."""
    return CoursePage.objects.live().public().child_of(index_page).order_by("path")


def course_modules(*, course: CoursePage) -> QuerySet[ModulePage]:
    """The course's live modules in the order of the page tree: the order learners take them."""
    return ModulePage.objects.live().child_of(course).order_by("path")


def module_question_count(module: ModulePage) -> int:
    # Counted on the stored JSON: no need to build every block to count questions.
    return sum(1 for block in module.quiz.raw_data if block.get("type") == "question")


@dataclass
class ModuleStatus:
    module: ModulePage
    number: int
    question_count: int
    progress: ModuleProgress | None = None
    unlocked: bool = False

    @property
    def passed(self) -> bool:
        return bool(self.progress and self.progress.passed)

    @property
    def attempted(self) -> bool:
        return bool(self.progress and self.progress.attempt_count)

    @property
    def best_score(self):
        return self.progress.best_score if self.progress else None


@dataclass
class CourseProgress:
    """A course's modules with one learner's standing in each (or none, for visitors)."""

    course: CoursePage
    modules: list[ModuleStatus]
    enrollment: Enrollment | None = None
    completion: CourseCompletion | None = None
    certificate: Certificate | None = None
    missing_prerequisites: list[CoursePage] = field(default_factory=list)

    @property
    def required(self) -> list[ModuleStatus]:
        return [status for status in self.modules if status.module.is_required]

    @property
    def required_total(self) -> int:
        return len(self.required)

    @property
    def required_passed(self) -> int:
        return sum(1 for status in self.required if status.passed)

    @property
    def percent(self) -> int:
        if self.completion:
            return 100
        return self.required_passed * 100 // self.required_total if self.required_total else 0

    @property
    def is_complete(self) -> bool:
        return self.completion is not None

    @property
    def next_module(self) -> ModulePage | None:
        """Where to resume: the module last opened if not yet passed, else the first required
        module not passed, else any module not passed."""
        unlocked = [status for status in self.modules if status.unlocked and not status.passed]
        last_id = self.enrollment.last_module_id if self.enrollment else None
        for candidates in (
            [s for s in unlocked if s.module.pk == last_id],
            [s for s in unlocked if s.module.is_required],
            unlocked,
        ):
            if candidates:
                return candidates[0].module
        return None

    def status_for(self, module: ModulePage) -> ModuleStatus | None:
        return next((status for status in self.modules if status.module.pk == module.pk), None)


def course_required_module_ids(*, course: CoursePage) -> list[int]:
    return list(course_modules(course=course).filter(is_required=True).values_list("pk", flat=True))


def course_missing_prerequisites(*, course: CoursePage, user) -> list[CoursePage]:
    """Prerequisite courses the user has not completed (all of them for visitors)."""
    prerequisites = list(course.prerequisites.filter(live=True).order_by("path"))
    if not prerequisites or user is None or not user.is_authenticated:
        return prerequisites
    done = set(CourseCompletion.objects.filter(user=user, course__in=prerequisites).values_list("course_id", flat=True))
    return [course for course in prerequisites if course.pk not in done]


def course_progress(*, course: CoursePage, user=None) -> CourseProgress:
    """The course outline, with the user's progress when a signed-in user is given.

    A module is open once every required module before it is passed (all are open once the
    course is complete); optional modules never block the ones after them.
    """
    modules = list(course_modules(course=course))
    if user is None or not user.is_authenticated:
        return _course_progress(
            course, modules, missing_prerequisites=course_missing_prerequisites(course=course, user=None)
        )
    completion = CourseCompletion.objects.filter(user=user, course=course).first()
    return _course_progress(
        course,
        modules,
        enrollment=Enrollment.objects.filter(user=user, course=course).first(),
        completion=completion,
        certificate=Certificate.objects.filter(completion=completion).first() if completion else None,
        records={p.module_id: p for p in ModuleProgress.objects.filter(user=user, course=course)},
        missing_prerequisites=course_missing_prerequisites(course=course, user=user),
    )


def _course_progress(
    course, modules, *, enrollment=None, completion=None, certificate=None, records=None, missing_prerequisites=()
) -> CourseProgress:
    statuses = [
        ModuleStatus(module=module, number=number, question_count=module_question_count(module))
        for number, module in enumerate(modules, start=1)
    ]
    progress = CourseProgress(
        course=course,
        modules=statuses,
        enrollment=enrollment,
        completion=completion,
        certificate=certificate,
        missing_prerequisites=list(missing_prerequisites),
    )
    if records is None:
        return progress
    blocked = False
    for status in statuses:
        status.progress = records.get(status.module.pk)
        status.unlocked = enrollment is not None and (not blocked or progress.is_complete)
        if status.module.is_required and not status.passed:
            blocked = True
    return progress


def learner_course_progress_list(*, user) -> list[CourseProgress]:
    """Every course the user is enrolled in, most recently active first, with progress.

    The number of queries is the same whatever the number of courses.
    """
    enrollments = list(
        Enrollment.objects.filter(user=user, course__live=True).select_related("course").order_by("-last_activity_at")
    )
    if not enrollments:
        return []
    courses = [enrollment.course for enrollment in enrollments]
    modules = {course.pk: [] for course in courses}
    parents = {course.path: course.pk for course in courses}
    children = Q()
    for course in courses:
        children |= Q(path__startswith=course.path, depth=course.depth + 1)
    for module in ModulePage.objects.live().filter(children).order_by("path"):
        modules[parents[module.path[: -ModulePage.steplen]]].append(module)
    completions = {c.course_id: c for c in CourseCompletion.objects.filter(user=user, course__in=courses)}
    certificates = {c.completion_id: c for c in Certificate.objects.filter(completion__in=completions.values())}
    records = {course.pk: {} for course in courses}
    for record in ModuleProgress.objects.filter(user=user, course__in=courses):
        records[record.course_id][record.module_id] = record
    prerequisites = {course.pk: [] for course in courses}
    links = CoursePage.prerequisites.through.objects.filter(from_coursepage__in=courses, to_coursepage__live=True)
    for link in links.select_related("to_coursepage").order_by("to_coursepage__path"):
        prerequisites[link.from_coursepage_id].append(link.to_coursepage)
    done = set(
        CourseCompletion.objects.filter(
            user=user, course__in=[c for required in prerequisites.values() for c in required]
        ).values_list("course_id", flat=True)
    )
    progress_list = []
    for enrollment in enrollments:
        course_id = enrollment.course_id
        completion = completions.get(course_id)
        progress_list.append(
            _course_progress(
                enrollment.course,
                modules[course_id],
                enrollment=enrollment,
                completion=completion,
                certificate=certificates.get(completion.pk) if completion else None,
                records=records[course_id],
                missing_prerequisites=[c for c in prerequisites[course_id] if c.pk not in done],
            )
        )
    return progress_list


def learner_attempt_get(*, user, attempt_id: int, module: ModulePage) -> QuizAttempt | None:
    """One of the user's own attempts at this module; None for anyone else's."""
    if user is None or not user.is_authenticated:
        return None
    return QuizAttempt.objects.filter(pk=attempt_id, user=user, module=module).first()


def learner_certificate_list(*, user) -> QuerySet[Certificate]:
    return Certificate.objects.filter(user=user).order_by("-issued_at")


def certificate_for_download(*, user, folio: str) -> Certificate | None:
    """The certificate with that folio if the user holds it or may see every certificate."""
    if user is None or not user.is_authenticated or "\x00" in folio:  # NUL: a database error on PostgreSQL
        return None
    certificates = Certificate.objects.filter(folio=folio)
    if not user.has_perm("education.view_certificate"):
        certificates = certificates.filter(user=user)
    return certificates.first()


def certificate_for_code(*, code: str) -> Certificate | None:
    """The certificate a public verification code points at, or None."""
    normalized = normalize_code(code[:VERIFICATION_CODE_MAX_LENGTH])
    if not normalized:
        return None
    return Certificate.objects.filter(verification_code=normalized).first()
