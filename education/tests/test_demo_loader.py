"""The education demo content: three courses with quizzes, demo institutions and learners at
different stages, loaded idempotently."""

from django.contrib.auth import get_user_model

import pytest

from education import demo_loader
from education.models import (
    Certificate,
    CourseCompletion,
    CoursePage,
    Institution,
    ModulePage,
    ModuleProgress,
    QuizAttempt,
)
from education.selectors import course_progress, module_question_count
from website import demo_loader as website_loader
from website.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(db):
    messages = []
    website_loader.load(log=messages.append)
    demo_loader.load(log=messages.append)
    return messages


def _counts():
    return (
        CoursePage.objects.count(),
        ModulePage.objects.count(),
        Institution.objects.count(),
        get_user_model().objects.count(),
        QuizAttempt.objects.count(),
        Certificate.objects.count(),
    )


def test_demo_courses_institutions_and_learners(loaded):
    """One load (about ten seconds) checked from every side: see the helpers below."""
    _three_courses_with_modules_and_quizzes()
    _quiz_keys_are_the_same_in_both_languages()
    _institutions_are_fictitious_and_in_real_municipalities()
    _teacher_is_partway_and_cadet_is_certified()


def _three_courses_with_modules_and_quizzes():
    """Every demo course has modules, every module a quiz; the index is linked from home."""
    courses = CoursePage.objects.live().order_by("slug_es")
    assert [c.slug_es for c in courses] == [
        "docentes-prevencion-en-el-aula",
        "familias-acompanar-en-linea",
        "policias-primera-respuesta",
    ]
    for course in courses:
        modules = ModulePage.objects.child_of(course)
        assert modules.count() >= 3
        assert all(module_question_count(m) >= 3 for m in modules)
    assert HomePage.objects.get().courses_page.specific.title == "Cursos"


def _quiz_keys_are_the_same_in_both_languages():
    """A form rendered in English grades like the Spanish one."""
    module = ModulePage.objects.get(slug_es="entender-el-delito")
    es = [(b["id"], [c["value"]["choice_id"] for c in b["value"]["choices"]]) for b in module.quiz_es.raw_data]
    en = [(b["id"], [c["value"]["choice_id"] for c in b["value"]["choices"]]) for b in module.quiz_en.raw_data]
    assert es == en


def _institutions_are_fictitious_and_in_real_municipalities():
    """Secondary school (DEMO CCT) in Guadalajara, police academy in Zapopan, DIF in Tlaquepaque."""
    rows = {i.kind: (i.cct, i.municipality.cvegeo) for i in Institution.objects.select_related("municipality")}
    assert rows == {
        "escuela": ("14DEMO0001X", "14039"),
        "academia_policia": ("", "14120"),
        "oficina_dif": ("", "14098"),
    }


def _teacher_is_partway_and_cadet_is_certified():
    """docente: 2 modules passed, 1 failed try; cadete: course complete with a valid certificate."""
    User = get_user_model()
    docente = User.objects.get(username="docente@example.org")
    teacher_course = CoursePage.objects.get(slug_es="docentes-prevencion-en-el-aula")
    progress = course_progress(course=teacher_course, user=docente)
    assert (progress.required_passed, progress.is_complete) == (2, False)
    assert ModuleProgress.objects.filter(user=docente, passed_at__isnull=True, attempt_count=1).count() == 1
    assert docente.check_password("demo-docente-2026")
    assert docente.learner_profile.institution.cct == "14DEMO0001X"

    cadete = User.objects.get(username="cadete@example.org")
    assert cadete.check_password("demo-cadete-2026")
    completion = CourseCompletion.objects.get(user=cadete)
    certificate = Certificate.objects.get(completion=completion)
    assert completion.course.slug_es == "policias-primera-respuesta"
    assert not certificate.is_revoked
    assert certificate.institution_name == cadete.learner_profile.institution.name


def test_loading_twice_changes_nothing(loaded):
    """A second run creates no page, institution, user, attempt or certificate."""
    before = _counts()
    messages = []
    website_loader.load(log=messages.append)
    demo_loader.load(log=messages.append)
    assert _counts() == before
    assert "Cursos: 0 nuevos de 3" in messages
