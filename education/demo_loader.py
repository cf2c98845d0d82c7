"""Demo content of the education app: the guide library (one guide per YAML file), then the
courses (one course per YAML file, with its modules and quizzes), demo institutions and
demo learners at different stages. Idempotent: what exists is left alone."""

import uuid
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import translation

from website.demo import child_page, read_yaml, stream
from website.models import HomePage, Municipality, Topic

from .models import CourseIndexPage, CoursePage, GuideIndexPage, GuidePage, GuideRelatedLink, Institution, ModulePage
from .quiz import quiz_answer_key
from .selectors import course_modules
from .services.accounts import learner_signup
from .services.learning import enrollment_create, module_attempt_submit

DEMO_DIR = Path(__file__).resolve().parent / "demo"
MAX_FEATURED = 6


def load(*, log) -> None:
    home = HomePage.objects.get()
    library = load_library(home)
    guide_files = sorted((DEMO_DIR / "guides").glob("*.yaml"))
    guides = {}
    created = 0
    for path in guide_files:
        data = read_yaml(path)
        guides[data["slug"]], was_created = load_guide(library, data)
        created += was_created
    if created:
        link_related(guides, [read_yaml(path) for path in guide_files])
        feature_on_home(home, library, guides, [read_yaml(path) for path in guide_files])
    log(f"Guías: {created} nuevas de {len(guide_files)}")
    load_courses(log=log)


def load_library(home: HomePage) -> GuideIndexPage:
    data = read_yaml(DEMO_DIR / "library.yaml")["library"]
    library, _created = child_page(home, GuideIndexPage, data, fields=("title", "intro"))
    return library


def load_guide(library: GuideIndexPage, data: dict):
    languages = {code: {**data[code], "body": stream(data[code]["body"])} for code in ("es", "en") if code in data}
    extra = {
        "audiences": data["audiences"],
        "age_bands": data["age_bands"],
        "sources": [
            {"type": "source", "value": {"label": s["label"], "url": s.get("url", "")}} for s in data.get("sources", [])
        ],
    }
    existing = GuidePage.objects.child_of(library).filter(slug_es=data["slug"]).first()
    if existing is not None:
        return existing, False
    guide, _created = child_page(
        library,
        GuidePage,
        {"slug": data["slug"], "slug_en": data.get("slug_en"), **languages},
        fields=("title", "summary", "body"),
        extra=extra,
    )
    guide.topics.set(Topic.objects.filter(slug__in=data["topics"]))
    with translation.override(settings.LANGUAGE_CODE):
        guide.save_revision().publish()
    return guide, True


def link_related(guides: dict, all_data: list[dict]) -> None:
    for data in all_data:
        guide = guides[data["slug"]]
        if guide.related_links.exists():
            continue
        for position, slug in enumerate(data.get("related", [])):
            if slug in guides and slug != data["slug"]:
                GuideRelatedLink.objects.create(guide=guide, page=guides[slug], sort_order=position)


def feature_on_home(home: HomePage, library: GuideIndexPage, guides: dict, all_data: list[dict]) -> None:
    if home.guide_library_id is None:
        home.guide_library = library
    if not home.featured_pages.exists():
        featured = [guides[d["slug"]] for d in all_data if d.get("featured")][:MAX_FEATURED]
        for position, guide in enumerate(featured):
            home.featured_pages.create(page=guide, sort_order=position)
    with translation.override(settings.LANGUAGE_CODE):
        home.save_revision().publish()


# --- Courses ------------------------------------------------------------------------------

# Quiz keys are derived from the course, module and position, so the Spanish and English
# quizzes of a demo module share them (a form in either language grades the same).
QUIZ_ID_NAMESPACE = uuid.UUID("5c0f6a52-8d1e-4a3b-9f57-2f6f0d3c7a11")


def load_courses(*, log) -> None:
    index = load_course_index(HomePage.objects.get())
    course_files = sorted((DEMO_DIR / "courses").glob("*.yaml"))
    courses = {}
    created = 0
    for path in course_files:
        data = read_yaml(path)
        with transaction.atomic():
            courses[data["slug"]], was_created = load_course(index, data)
        created += was_created
    link_courses_on_home(index)
    log(f"Cursos: {created} nuevos de {len(course_files)}")
    people = read_yaml(DEMO_DIR / "learners.yaml")
    log(f"Instituciones de demostración: {load_institutions(people['institutions'])} nuevas")
    new_learners = load_learners(people["learners"], courses)
    log(f"Participantes de demostración: {new_learners} nuevos ({', '.join(p['email'] for p in people['learners'])})")


def load_course_index(home: HomePage) -> CourseIndexPage:
    data = read_yaml(DEMO_DIR / "course_index.yaml")["index"]
    index, _created = child_page(home, CourseIndexPage, data, fields=("title", "intro"))
    return index


def load_course(index: CourseIndexPage, data: dict):
    existing = CoursePage.objects.child_of(index).filter(slug_es=data["slug"]).first()
    if existing is not None:
        return existing, False
    languages = {
        code: {
            "title": data[code]["title"],
            "summary": data[code]["summary"],
            "objectives": "\n".join(data[code].get("objectives", [])),
        }
        for code in ("es", "en")
        if code in data
    }
    course, _created = child_page(
        index,
        CoursePage,
        {"slug": data["slug"], "slug_en": data.get("slug_en"), **languages},
        fields=("title", "summary", "objectives"),
        extra={
            "audience": data["audience"],
            "age_bands": data.get("age_bands", []),
            "estimated_hours": Decimal(str(data["estimated_hours"])),
            "pass_mark": data.get("pass_mark", 80),
            "issues_certificate": data.get("certificate", True),
        },
    )
    course.topics.set(Topic.objects.filter(slug__in=data.get("topics", [])))
    with translation.override(settings.LANGUAGE_CODE):
        course.save_revision().publish()
    for module in data["modules"]:
        load_module(course, data["slug"], module)
    return course, True


def load_module(course: CoursePage, course_slug: str, data: dict) -> ModulePage:
    prefix = f"{course_slug}/{data['slug']}"
    languages = {
        code: {
            "title": data[code]["title"],
            "summary": data[code]["summary"],
            "lessons": stream(data[code].get("lessons")),
            "quiz": quiz_stream(prefix, data[code].get("questions")),
        }
        for code in ("es", "en")
        if code in data
    }
    module, _created = child_page(
        course,
        ModulePage,
        {"slug": data["slug"], "slug_en": data.get("slug_en"), **languages},
        fields=("title", "summary", "lessons", "quiz"),
        extra={"is_required": data.get("required", True)},
    )
    return module


def quiz_stream(prefix: str, questions) -> list[dict]:
    """YAML questions as the quiz StreamField's raw data, with stable ids."""
    blocks = []
    for number, question in enumerate(questions or []):
        question_id = str(uuid.uuid5(QUIZ_ID_NAMESPACE, f"{prefix}/{number}"))
        choices = []
        for position, choice in enumerate(question["choices"]):
            choice_id = uuid.uuid5(QUIZ_ID_NAMESPACE, f"{prefix}/{number}/{position}").hex[:12]
            value = {"text": choice["text"], "is_correct": bool(choice["correct"]), "choice_id": choice_id}
            choices.append({"type": "item", "id": str(uuid.uuid5(QUIZ_ID_NAMESPACE, choice_id)), "value": value})
        value = {"prompt": question["prompt"], "choices": choices, "explanation": question["explanation"]}
        blocks.append({"type": "question", "id": question_id, "value": value})
    return blocks


def link_courses_on_home(index: CourseIndexPage) -> None:
    home = HomePage.objects.get()
    if home.courses_page_id is not None:
        return
    home.courses_page = index
    with translation.override(settings.LANGUAGE_CODE):
        home.save_revision().publish()


def load_institutions(rows) -> int:
    created = 0
    for data in rows:
        if Institution.objects.filter(join_code=data["join_code"]).exists():
            continue
        institution = Institution(
            name=data["name"],
            kind=data["kind"],
            cct=data.get("cct", ""),
            municipality=Municipality.objects.get(cvegeo=data["municipality"]),
            join_code=data["join_code"],
        )
        institution.full_clean()
        institution.save()
        created += 1
    return created


def load_learners(rows, courses: dict) -> int:
    """Each demo learner signs up, enrols and answers quizzes through the real services."""
    User = get_user_model()
    created = 0
    for data in rows:
        if User.objects.filter(username=data["email"].lower()).exists():
            continue
        with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
            user = learner_signup(
                email=data["email"],
                password=data["password"],
                display_name=data["display_name"],
                join_code=data.get("institution", ""),
            )
            course = courses[data["course"]]
            enrollment_create(learner=user, course=course)
            modules = list(course_modules(course=course))
            passed = len(modules) if data.get("passed") == "all" else int(data.get("passed", 0))
            failed = int(data.get("failed", 0))
            for module in modules[:passed]:
                _answer(user, module, right=True)
            for module in modules[passed : passed + failed]:
                _answer(user, module, right=False)
        created += 1
    return created


def _answer(user, module: ModulePage, *, right: bool) -> None:
    module_attempt_submit(
        learner=user,
        module=module,
        answers=quiz_answer_key(module.quiz, right=right),
        idempotency_key=f"demo-{module.pk}-{'right' if right else 'wrong'}",
    )
