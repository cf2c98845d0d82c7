"""Enrolling, submitting quizzes in order, idempotent recording and course completion."""

from django.core.exceptions import ValidationError

import pytest

from education.factories import CoursePageFactory, ModulePageFactory, right_answers
from education.models import Certificate, CourseCompletion, Enrollment, ModuleProgress, QuizAttempt
from education.selectors import course_progress
from education.services.learning import (
    ENROLL_PREREQUISITES_MISSING,
    MODULE_LOCKED,
    MODULE_NOT_ENROLLED,
    enrollment_create,
    module_attempt_submit,
)

pytestmark = pytest.mark.django_db

WRONG = {"m1-1": ["m1-1b"]}


def _pass(learner, module, key=""):
    return module_attempt_submit(
        learner=learner, module=module, answers=right_answers(module.slug), idempotency_key=key
    )


def test_enrolling_twice_returns_the_same_enrollment(course_tree, learner):
    """Enrolment is idempotent."""
    first = enrollment_create(learner=learner, course=course_tree.course)
    assert enrollment_create(learner=learner, course=course_tree.course) == first
    assert Enrollment.objects.count() == 1


def test_prerequisites_must_be_completed_before_enrolling(course_tree, learner):
    """A course with an unfinished prerequisite refuses the enrolment, naming it."""
    advanced = CoursePageFactory(parent=course_tree.index, title="Curso avanzado")
    advanced.prerequisites.set([course_tree.course])
    advanced.save()
    with pytest.raises(ValidationError) as error:
        enrollment_create(learner=learner, course=advanced)
    assert str(ENROLL_PREREQUISITES_MISSING).split("%")[0] in error.value.messages[0]
    assert course_tree.course.title in error.value.messages[0]


def test_submitting_without_enrolment_is_refused(course_tree, learner):
    """Quizzes are for enrolled learners only."""
    with pytest.raises(ValidationError) as error:
        _pass(learner, course_tree.modules[0])
    assert error.value.messages == [str(MODULE_NOT_ENROLLED)]


def test_modules_are_taken_in_order(course_tree, enrolled):
    """A required module must be passed before the next ones open."""
    with pytest.raises(ValidationError) as error:
        _pass(enrolled, course_tree.modules[2])
    assert error.value.messages == [str(MODULE_LOCKED)]
    _pass(enrolled, course_tree.modules[0])
    assert _pass(enrolled, course_tree.modules[2]).passed


def test_a_failed_attempt_is_kept_and_retries_are_allowed(course_tree, enrolled):
    """Attempts keep their score; the best one counts; passing is recorded once."""
    module = course_tree.modules[0]
    failed = module_attempt_submit(learner=enrolled, module=module, answers=WRONG)
    assert (failed.score, failed.passed) == (0, False)
    passed = _pass(enrolled, module)
    again = module_attempt_submit(learner=enrolled, module=module, answers=WRONG)
    progress = ModuleProgress.objects.get(user=enrolled, module=module)
    assert (progress.attempt_count, progress.best_score) == (3, 100)
    assert progress.passed_at == passed.submitted_at
    assert not again.passed
    assert QuizAttempt.objects.filter(user=enrolled, module=module).count() == 3


def test_the_same_form_submitted_twice_records_once(course_tree, enrolled):
    """A double submit with the same idempotency key returns the first attempt."""
    module = course_tree.modules[0]
    first = module_attempt_submit(learner=enrolled, module=module, answers=WRONG, idempotency_key="form-key-0001")
    second = _pass(enrolled, module, key="form-key-0001")
    assert second.pk == first.pk
    assert not second.passed
    assert ModuleProgress.objects.get(user=enrolled, module=module).attempt_count == 1


def test_pass_mark_decides_the_pass(course_tree, enrolled):
    """Half right is a fail at 80 % and a pass at 50 %."""
    module = course_tree.modules[0]
    assert not module_attempt_submit(learner=enrolled, module=module, answers={"m1-1": ["m1-1a"]}).passed
    course_tree.course.pass_mark = 50
    course_tree.course.save_revision().publish()
    module.refresh_from_db()
    assert module_attempt_submit(learner=enrolled, module=module, answers={"m1-1": ["m1-1a"]}).passed


def test_course_completes_when_every_required_module_is_passed(course_tree, enrolled):
    """The optional module is not needed; completion and certificate come with the last required pass."""
    m1, _m2, m3 = course_tree.modules
    _pass(enrolled, m1)
    assert not CourseCompletion.objects.exists()
    _pass(enrolled, m3)
    completion = CourseCompletion.objects.get(user=enrolled, course=course_tree.course)
    certificate = Certificate.objects.get(completion=completion)
    assert certificate.holder_name == "Carla Cadete"
    assert certificate.hours == course_tree.course.estimated_hours
    assert certificate.folio.startswith(f"PEL-{certificate.completed_on.year}-")
    assert len(certificate.verification_code) == 16


def test_passing_again_after_completion_records_nothing_new(course_tree, enrolled):
    """Retries after completing keep one completion and one certificate."""
    m1, m2, m3 = course_tree.modules
    for module in (m1, m3, m1, m2, m3):
        _pass(enrolled, module)
    assert CourseCompletion.objects.count() == 1
    assert Certificate.objects.count() == 1


def test_course_without_certificate_completes_without_one(course_tree, learner):
    """issues_certificate off: completion only."""
    course = CoursePageFactory(parent=course_tree.index, issues_certificate=False)
    module = ModulePageFactory(parent=course, slug="solo")
    enrollment_create(learner=learner, course=course)
    _pass(learner, module)
    assert CourseCompletion.objects.filter(course=course).exists()
    assert not Certificate.objects.exists()


def test_progress_and_resume_point(course_tree, enrolled):
    """Progress counts required modules; resuming goes to the first required module not passed."""
    m1, m2, m3 = course_tree.modules
    progress = course_progress(course=course_tree.course, user=enrolled)
    assert (progress.required_passed, progress.required_total, progress.percent) == (0, 2, 0)
    assert progress.next_module.pk == m1.pk
    assert [s.unlocked for s in progress.modules] == [True, False, False]
    _pass(enrolled, m1)
    progress = course_progress(course=course_tree.course, user=enrolled)
    assert (progress.required_passed, progress.percent) == (1, 50)
    assert [s.unlocked for s in progress.modules] == [True, True, True]
    assert progress.next_module.pk == m3.pk
    assert m2.pk != progress.next_module.pk


def test_resume_prefers_the_module_last_opened(course_tree, enrolled):
    """A learner who opened the optional module and left resumes there."""
    from education.services.learning import enrollment_visit

    m1, m2, _m3 = course_tree.modules
    _pass(enrolled, m1)
    enrollment_visit(enrollment=Enrollment.objects.get(user=enrolled), module=m2)
    assert course_progress(course=course_tree.course, user=enrolled).next_module.pk == m2.pk


def test_unpublished_module_cannot_be_submitted(course_tree, enrolled):
    """A module taken offline refuses new attempts."""
    module = course_tree.modules[0]
    module.unpublish()
    module.refresh_from_db()
    with pytest.raises(ValidationError):
        _pass(enrolled, module)
