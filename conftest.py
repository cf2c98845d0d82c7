"""Fixtures shared by every app's tests."""

from django.conf import settings
from django.core.management import call_command
from django.utils import translation

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """wagtail-modeltranslation leaves the root page without per-language fields after
    migrate; fill them once, as the set-up command does."""
    with django_db_blocker.unblock():
        call_command("update_translation_fields", verbosity=0)
        call_command("set_translation_url_paths", verbosity=0)


@pytest.fixture(autouse=True)
def spanish_by_default():
    """Each test starts in the site's default language, whatever the last request activated."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def site_tree(db):
    """A minimal published site: home, help page with channels, guide library, site settings."""
    from education.factories import build_site_tree

    return build_site_tree()
