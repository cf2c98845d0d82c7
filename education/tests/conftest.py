"""Fixtures for the education app's course tests: a published course with three modules."""

from types import SimpleNamespace

import pytest

from education.factories import CourseIndexPageFactory, CoursePageFactory, LearnerFactory, ModulePageFactory


@pytest.fixture
def course_tree(site_tree):
    """Home → Cursos → a course with modules m1 (required), m2 (optional) and m3 (required)."""
    home = site_tree["home"]
    index = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=index, slug="curso-policial", slug_en="police-course")
    m1 = ModulePageFactory(parent=course, slug="m1", slug_en="m1-en")
    m2 = ModulePageFactory(parent=course, slug="m2", slug_en="m2-en", is_required=False)
    m3 = ModulePageFactory(parent=course, slug="m3", slug_en="m3-en")
    return SimpleNamespace(site=site_tree, home=home, index=index, course=course, modules=[m1, m2, m3])


@pytest.fixture
def learner(db):
    return LearnerFactory(profile__display_name="Carla Cadete")


@pytest.fixture
def enrolled(course_tree, learner):
    from education.services.learning import enrollment_create

    enrollment_create(learner=learner, course=course_tree.course)
    return learner
