"""Course and module pages for visitors and learners: access, caching, quiz submits, results."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from education.factories import CoursePageFactory, LearnerFactory, ModulePageFactory, right_answers
from education.models import Enrollment, QuizAttempt
from education.services.learning import module_attempt_submit

pytestmark = pytest.mark.django_db


def _quiz_post(module, answers, key="page-form-key-1"):
    data = {f"q-{question}": choices for question, choices in answers.items()}
    data["clave_envio"] = key
    return data


def test_visitor_sees_a_cacheable_outline_without_cookies_or_csrf(client, course_tree):
    """The public outline: no Set-Cookie, no CSRF token, a call to sign up, cacheable."""
    response = client.get(course_tree.course.url)
    body = response.content.decode()
    assert response.status_code == 200
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in body
    assert "Crea una cuenta o entra para tomar el curso" in body
    assert response["Cache-Control"].startswith("public")
    for module in course_tree.modules:
        assert module.title in body


def test_visitor_sees_the_module_outline_but_no_lessons_or_quiz(client, course_tree):
    """Lessons and quizzes need an account; the page says so and stays public."""
    module = course_tree.modules[0]
    response = client.get(module.url)
    body = response.content.decode()
    assert response.status_code == 200
    assert module.summary in body
    assert "Lección: nombrar el abuso" not in body
    assert "¿Qué término se usa?" not in body
    assert "csrfmiddlewaretoken" not in body
    assert not response.cookies
    assert response["Cache-Control"].startswith("public")


def test_visitor_cannot_submit_a_quiz(client, course_tree):
    """A POST from a visitor goes to the log-in page and records nothing."""
    module = course_tree.modules[0]
    response = client.post(module.url, _quiz_post(module, right_answers("m1")))
    assert response.status_code == 302
    assert response["Location"].startswith("/cuenta/entrar/")
    assert not QuizAttempt.objects.exists()


def test_signed_in_pages_are_private_and_not_stored(client, course_tree, enrolled):
    """Pages made for a learner say private, no-store."""
    client.force_login(enrolled)
    for url in (course_tree.course.url, course_tree.modules[0].url, reverse("education:my_learning")):
        cache_control = client.get(url)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, url


def test_learner_not_enrolled_is_invited_to_enrol(client, course_tree, learner):
    """A signed-in learner sees the enrol button; POST enrols and goes to the first module."""
    client.force_login(learner)
    body = client.get(course_tree.course.url).content.decode()
    assert "Inscribirme en el curso" in body
    response = client.post(reverse("education:enroll", kwargs={"course_id": course_tree.course.pk}))
    assert response.status_code == 302
    assert response["Location"] == course_tree.modules[0].url
    assert Enrollment.objects.filter(user=learner).count() == 1


def test_enrol_needs_post_and_a_live_course(client, course_tree, learner):
    """GET is not allowed; an unknown course is a 404."""
    client.force_login(learner)
    assert client.get(reverse("education:enroll", kwargs={"course_id": course_tree.course.pk})).status_code == 405
    assert client.post(reverse("education:enroll", kwargs={"course_id": 999999})).status_code == 404


def test_quiz_form_never_contains_right_answers_or_explanations(client, course_tree, enrolled):
    """The rendered quiz has prompts and choices, no is_correct and no explanation text."""
    client.force_login(enrolled)
    body = client.get(course_tree.modules[0].url).content.decode()
    assert "¿Qué término se usa?" in body
    assert 'name="q-m1-1" value="m1-1a"' in body
    assert "is_correct" not in body
    assert "Si hay niñas o niños implicados" not in body
    # Right and wrong choices are marked up identically.
    inputs = re.findall(r'<input type="radio"[^>]*name="q-m1-1"[^>]*>', body)
    assert inputs == [f'<input type="radio" id="c-m1-1-m1-1{x}" name="q-m1-1" value="m1-1{x}">' for x in "abc"]
    assert re.search(r'name="clave_envio" value="[0-9a-f]{32}"', body)


def test_locked_module_shows_no_quiz(client, course_tree, enrolled):
    """Module 3 stays closed until module 1 is passed."""
    client.force_login(enrolled)
    body = client.get(course_tree.modules[2].url).content.decode()
    assert "todavía no está abierto" in body
    assert "¿Qué término se usa?" not in body
    response = client.post(course_tree.modules[2].url, _quiz_post(course_tree.modules[2], right_answers("m3")))
    assert response.status_code == 200
    assert not QuizAttempt.objects.exists()


def test_submitting_the_quiz_shows_the_result_with_explanations(client, course_tree, enrolled):
    """POST grades on the server and redirects to the attempt's results."""
    client.force_login(enrolled)
    module = course_tree.modules[0]
    response = client.post(module.url, _quiz_post(module, {"m1-1": ["m1-1a"], "m1-2": ["m1-2a"]}))
    attempt = QuizAttempt.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{module.url}resultado/{attempt.pk}/"
    result = client.get(response["Location"])
    body = result.content.decode()
    assert "Acertaste 1 de 2: 50 %" in body
    assert "Si hay niñas o niños implicados" in body
    assert "Volver a intentarlo" in body
    assert "private" in result["Cache-Control"]


def test_double_submit_of_the_same_form_records_once(client, course_tree, enrolled):
    """Posting the same form twice (same key) redirects both times to the first attempt."""
    client.force_login(enrolled)
    module = course_tree.modules[0]
    first = client.post(module.url, _quiz_post(module, right_answers("m1"), key="double-submit-01"))
    second = client.post(module.url, _quiz_post(module, right_answers("m1"), key="double-submit-01"))
    assert first["Location"] == second["Location"]
    assert QuizAttempt.objects.count() == 1


def test_learner_cannot_read_another_learners_attempt(client, course_tree, enrolled):
    """Changing the attempt id in the URL gives a 404; so does asking under another module."""
    module = course_tree.modules[0]
    attempt = module_attempt_submit(learner=enrolled, module=module, answers=right_answers("m1"))
    url = f"{module.url}resultado/{attempt.pk}/"
    client.force_login(LearnerFactory())
    assert client.get(url).status_code == 404
    client.force_login(enrolled)
    assert client.get(url).status_code == 200
    assert client.get(f"{course_tree.modules[1].url}resultado/{attempt.pk}/").status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_completing_the_course_offers_the_certificate(client, course_tree, enrolled):
    """The last required pass shows «¡Terminaste el curso!» with the PDF and verification links."""
    client.force_login(enrolled)
    m1, _m2, m3 = course_tree.modules
    client.post(m1.url, _quiz_post(m1, right_answers("m1"), key="complete-key-1"))
    response = client.post(m3.url, _quiz_post(m3, right_answers("m3"), key="complete-key-3"), follow=True)
    body = response.content.decode()
    assert "¡Terminaste el curso!" in body
    assert "/constancias/PEL-" in body
    assert "/verificar/" in body
    learning = client.get(reverse("education:my_learning")).content.decode()
    assert "Curso terminado" in learning


def test_my_learning_shows_progress_and_where_to_resume(client, course_tree, enrolled):
    """Mi aprendizaje lists the course with its progress bar and a Continuar link."""
    module_attempt_submit(learner=enrolled, module=course_tree.modules[0], answers=right_answers("m1"))
    client.force_login(enrolled)
    body = client.get(reverse("education:my_learning")).content.decode()
    assert '<progress id="progress-' in body and 'value="50"' in body
    assert "1 de 2 módulos obligatorios aprobados" in body
    assert f'href="{course_tree.modules[2].url}"' in body


def test_my_learning_queries_do_not_grow_with_the_number_of_courses(client, course_tree, enrolled):
    """Mi aprendizaje makes as many queries for three courses as for one."""
    client.force_login(enrolled)
    url = reverse("education:my_learning")
    with CaptureQueriesContext(connection) as one_course:
        assert client.get(url).status_code == 200
    prerequisite = course_tree.course
    for number in (1, 2):
        course = CoursePageFactory(parent=course_tree.index, slug=f"otro-{number}", slug_en=f"other-{number}")
        course.prerequisites.add(prerequisite)
        course.save_revision().publish()
        ModulePageFactory(parent=course, slug=f"otro-{number}-m1", slug_en=f"other-{number}-m1")
        Enrollment.objects.create(user=enrolled, course=course)
    with CaptureQueriesContext(connection) as three_courses:
        body = client.get(url).content.decode()
    assert body.count('class="learning-list__item"') == 3
    assert len(three_courses) == len(one_course)


def test_my_learning_needs_an_account(client):
    """Visitors are sent to log in."""
    response = client.get(reverse("education:my_learning"))
    assert response.status_code == 302
    assert response["Location"] == "/cuenta/entrar/?next=/mi-aprendizaje/"


def test_english_pages_use_english_urls(client, course_tree, enrolled):
    """The course works under /en/ with the English slugs, and log-in links stay in English."""
    client.force_login(enrolled)
    response = client.get("/en/courses/police-course/m1-en/")
    assert response.status_code == 200
    assert 'action="/en/courses/police-course/m1-en/"' in response.content.decode()
    client.logout()
    body = client.get("/en/courses/police-course/").content.decode()
    assert 'href="/en/cuenta/registro/?next=' in body


def test_editor_preview_shows_the_quiz_with_answers(client, course_tree, django_user_model):
    """Editors preview a module with lessons, right answers and explanations."""
    admin = django_user_model.objects.create_superuser("jefa", "jefa@example.org", "x")
    client.force_login(admin)
    module = course_tree.modules[0]
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[module.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Lección: nombrar el abuso" in body
    assert "Si hay niñas o niños implicados" in body
