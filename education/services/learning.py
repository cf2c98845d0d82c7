"""Enrolling, submitting quizzes and completing courses.

Concurrency: every write for one learner in one course first locks that learner's Enrollment
row (`select_for_update`), so submits in the same course run one after another; unique
constraints on progress, attempts (per idempotency key) and completions back this up. A double
submit of one form returns the first attempt; a course is completed and certified once.
"""

import re
import uuid
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from ..models import CourseCompletion, CoursePage, Enrollment, ModulePage, ModuleProgress, QuizAttempt
from ..quiz import quiz_grade
from ..selectors import course_missing_prerequisites, course_progress, course_required_module_ids
from .certificates import certificate_issue

ENROLL_COURSE_UNAVAILABLE = _("Este curso no está disponible.")
ENROLL_PREREQUISITES_MISSING = _("Antes de inscribirte, termina: %(courses)s.")
MODULE_NOT_ENROLLED = _("Inscríbete en el curso para responder el cuestionario.")
MODULE_LOCKED = _("Primero aprueba los módulos obligatorios anteriores.")
MODULE_UNAVAILABLE = _("Este módulo no está disponible.")
IDEMPOTENCY_KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


@transaction.atomic
def enrollment_create(*, learner, course: CoursePage) -> Enrollment:
    """Enrol the learner; enrolling again returns the existing enrolment."""
    existing = Enrollment.objects.filter(user=learner, course=course).first()
    if existing is not None:
        return existing
    if not course.live:
        raise ValidationError(ENROLL_COURSE_UNAVAILABLE)
    missing = course_missing_prerequisites(course=course, user=learner)
    if missing:
        raise ValidationError(
            ENROLL_PREREQUISITES_MISSING, params={"courses": ", ".join(f"«{c.title}»" for c in missing)}
        )
    enrollment, _created = Enrollment.objects.get_or_create(user=learner, course=course)
    return enrollment


def enrollment_visit(*, enrollment: Enrollment, module: ModulePage) -> None:
    """Remember the module the learner opened, to resume there."""
    if enrollment.last_module_id != module.pk:
        Enrollment.objects.filter(pk=enrollment.pk).update(last_module=module, last_activity_at=timezone.now())
        enrollment.last_module = module


def _idempotency_key(raw: str) -> str:
    raw = (raw or "").strip()
    return raw if IDEMPOTENCY_KEY_PATTERN.match(raw) else uuid.uuid4().hex


@transaction.atomic
def module_attempt_submit(*, learner, module: ModulePage, answers: Mapping, idempotency_key: str = "") -> QuizAttempt:
    """Grade a quiz on the server and record the attempt, the module's progress and, when this
    pass completes the course, the completion and its certificate.

    `answers` maps question ids to chosen choice keys. Keys from other questions or modules
    count as wrong; answers to unknown questions are ignored. The same idempotency key
    (the learner's form) returns the attempt it recorded first.
    """
    if not module.live:
        raise ValidationError(MODULE_UNAVAILABLE)
    course = module.get_course()
    enrollment = Enrollment.objects.select_for_update().filter(user=learner, course=course).first()
    if enrollment is None:
        raise ValidationError(MODULE_NOT_ENROLLED)
    key = _idempotency_key(idempotency_key)
    earlier = QuizAttempt.objects.filter(user=learner, idempotency_key=key, module=module).first()
    if earlier is not None:
        return earlier
    if QuizAttempt.objects.filter(user=learner, idempotency_key=key).exists():
        key = uuid.uuid4().hex  # a key reused on another module: record this as a new attempt
    status = course_progress(course=course, user=learner).status_for(module)
    if status is None or not status.unlocked:
        raise ValidationError(MODULE_LOCKED)

    graded = quiz_grade(module.quiz, answers)
    attempt = QuizAttempt(
        user=learner,
        module=module,
        course=course,
        idempotency_key=key,
        language=translation.get_language() or "",
        score=graded.score,
        correct_count=graded.correct_count,
        question_count=graded.question_count,
        passed=graded.score >= course.pass_mark,
        results=graded.as_snapshot(),
    )
    attempt.full_clean()
    attempt.save()
    _progress_record(learner=learner, module=module, course=course, attempt=attempt)
    if attempt.passed:
        course_completion_record(learner=learner, course=course)
    return attempt


def _progress_record(*, learner, module: ModulePage, course: CoursePage, attempt: QuizAttempt) -> ModuleProgress:
    ModuleProgress.objects.get_or_create(user=learner, module=module, defaults={"course": course})
    progress = ModuleProgress.objects.select_for_update().get(user=learner, module=module)
    progress.attempt_count += 1
    progress.last_attempt_at = attempt.submitted_at
    progress.best_score = max(progress.best_score or 0, attempt.score)
    if attempt.passed and progress.passed_at is None:
        progress.passed_at = attempt.submitted_at
    progress.save()
    return progress


def course_completion_record(*, learner, course: CoursePage) -> CourseCompletion | None:
    """Record the completion once every required module is passed, and issue the certificate.

    Call with the learner's Enrollment row locked (module_attempt_submit does).
    """
    completion = CourseCompletion.objects.filter(user=learner, course=course).first()
    if completion is None:
        required = set(course_required_module_ids(course=course))
        passed = set(
            ModuleProgress.objects.filter(user=learner, module_id__in=required, passed_at__isnull=False).values_list(
                "module_id", flat=True
            )
        )
        if not required or passed != required:
            return None
        completion = CourseCompletion(user=learner, course=course, completed_at=timezone.now())
        completion.full_clean()
        completion.save()
    if course.issues_certificate:
        certificate_issue(completion=completion)
    return completion
