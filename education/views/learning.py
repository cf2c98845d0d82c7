"""Serving courses and modules, enrolling, quiz submits and "Mi aprendizaje".

Visitors get the public outline: no session, no CSRF token, so a shared cache may keep it.
Signed-in learners get their own page (lessons, quiz, progress) marked private and no-store.
"""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..models import CourseIndexPage, CoursePage
from ..quiz import answers_from_post, quiz_grade, quiz_questions
from ..selectors import course_progress, learner_attempt_get, learner_certificate_list, learner_course_progress_list
from ..services.learning import enrollment_create, enrollment_visit, module_attempt_submit
from .helpers import learner_required, login_redirect, private

IDEMPOTENCY_FIELD = "clave_envio"


def _signed_in(request) -> bool:
    # Editors previewing a page see it as a visitor would, whatever their own progress.
    return not getattr(request, "is_preview", False) and request.user.is_authenticated


def course_page_serve(page: CoursePage, request):
    """The course outline, with enrolment and progress for signed-in learners."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    signed_in = _signed_in(request)
    context = page.get_context(request)
    context["progress"] = course_progress(course=page, user=request.user if signed_in else None)
    context["signed_in"] = signed_in
    response = TemplateResponse(request, page.get_template(request), context)
    return private(response) if signed_in else response


def module_page_serve(page, request):
    """A module: its outline for visitors; lessons and quiz for enrolled learners, in order."""
    if getattr(request, "is_preview", False):
        return _module_preview(page, request)
    if not request.user.is_authenticated:
        if request.method == "POST":
            return login_redirect(request)
        return _module_response(page, request, {"signed_in": False})
    course = page.get_course()
    progress = course_progress(course=course, user=request.user)
    status = progress.status_for(page)
    context = {"signed_in": True, "course": course, "progress": progress, "status": status}
    if progress.enrollment is None or status is None or not status.unlocked:
        return private(_module_response(page, request, context))
    if request.method == "POST":
        return private(_module_submit(page, request))
    enrollment_visit(enrollment=progress.enrollment, module=page)
    context["questions"] = quiz_questions(page.quiz)
    context["idempotency_key"] = uuid.uuid4().hex
    context["idempotency_field"] = IDEMPOTENCY_FIELD
    return private(_module_response(page, request, context))


def _module_submit(page, request):
    try:
        attempt = module_attempt_submit(
            learner=request.user,
            module=page,
            answers=answers_from_post(request.POST),
            idempotency_key=request.POST.get(IDEMPOTENCY_FIELD, ""),
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(page.url)
    return redirect(page.url + page.reverse_subpage("result", kwargs={"attempt_id": attempt.pk}))


def _module_response(page, request, extra):
    context = page.get_context(request)
    context.update(extra)
    if "course" not in context:
        context["course"] = page.get_course()
    return TemplateResponse(request, page.get_template(request), context)


def _module_preview(page, request):
    """Editors see the lessons and the quiz with its right answers and explanations."""
    context = {"signed_in": False, "preview_quiz": quiz_grade(page.quiz, {})}
    return _module_response(page, request, context)


def module_result_serve(page, request, attempt_id: int):
    """One of the learner's own attempts: score, right answers and explanations."""
    if not request.user.is_authenticated:
        return private(login_redirect(request))
    attempt = learner_attempt_get(user=request.user, attempt_id=attempt_id, module=page)
    if attempt is None:
        raise Http404
    course = page.get_course()
    progress = course_progress(course=course, user=request.user)
    context = page.get_context(request)
    context.update({"attempt": attempt, "course": course, "progress": progress, "signed_in": True})
    return private(TemplateResponse(request, "education/module_result.html", context))


@require_POST
@learner_required
def enroll(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    try:
        enrollment_create(learner=request.user, course=course)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(course.url)
    progress = course_progress(course=course, user=request.user)
    messages.success(request, _("Te inscribiste en «%(title)s».") % {"title": course.title})
    return redirect(progress.next_module.url if progress.next_module else course.url)


@learner_required
def my_learning(request):
    """Mi aprendizaje: the learner's courses with progress, where to resume, and certificates."""
    context = {
        "courses": learner_course_progress_list(user=request.user),
        "certificates": learner_certificate_list(user=request.user),
        "course_index": CourseIndexPage.objects.live().first(),
        "page_title": _("Mi aprendizaje"),
    }
    return render(request, "education/my_learning.html", context)
