"""Fixtures of the campaigns app's tests."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import caches

import pytest

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory

TODAY = datetime.date(2026, 3, 15)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded files and kits of each test go to a directory of its own, and no cached
    rendition points at another test's files."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def campaigns_index(site_tree):
    return CampaignIndexPageFactory(parent=site_tree["home"])


@pytest.fixture
def campaign(campaigns_index):
    return CampaignPageFactory(parent=campaigns_index, slug="campana-actual", slug_en="current-campaign")


def _user(username: str, *, groups=(), permissions=(), superuser=False, staff=True):
    user = get_user_model().objects.create_user(
        username=username, password="clave-de-prueba-123", email=f"{username}@example.org", is_staff=staff
    )
    if superuser:
        user.is_superuser = True
        user.save()
    user.groups.add(*Group.objects.filter(name__in=groups))
    for app_label, codename in permissions:
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return user


@pytest.fixture
def editor(db):
    return _user("editora", groups=["Editores"])


@pytest.fixture
def moderator(db):
    return _user("moderador", groups=["Moderadores"])


@pytest.fixture
def admin_without_reach(db):
    """Can enter the Wagtail admin but may not see campaign reach."""
    return _user("sin-permiso", permissions=[("wagtailadmin", "access_admin")])


@pytest.fixture
def learner(db):
    """A signed-in person with no admin access at all."""
    return _user("aprendiz", staff=False)
