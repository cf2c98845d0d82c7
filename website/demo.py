"""Building blocks for the demo-content loaders of every app.

Each app that ships demo content has a `demo_loader` module with `load(*, log)`;
`manage.py load_demo_content` runs them in INSTALLED_APPS order. Loading is idempotent:
what already exists (found by its slug or key) is left as editors may have changed it.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from wagtail.models import Page

import yaml

LANGUAGE_CODES = [code for code, _label in settings.LANGUAGES]


def read_yaml(path: Path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def set_translated(instance, data: dict, fields) -> None:
    """Copy each field from {"es": {...}, "en": {...}} into field_es / field_en."""
    for code in LANGUAGE_CODES:
        values = data.get(code) or {}
        for name in fields:
            if name in values:
                setattr(instance, f"{name}_{code}", values[name])


def stream(blocks) -> list[dict]:
    """YAML blocks ({type, value}) as StreamField raw data."""
    return [{"type": block["type"], "value": block["value"]} for block in blocks or []]


def child_page(parent: Page, model, data: dict, *, fields=("title",), extra=None):
    """The page of `model` with the data's slug under `parent`, created and published if missing.

    Returns (page, created).
    """
    slug = data["slug"]
    existing = model.objects.child_of(parent).filter(slug_es=slug).first()
    if existing is not None:
        return existing, False
    with translation.override(settings.LANGUAGE_CODE):
        page = model(slug=slug)
        page.slug_es = slug
        if data.get("slug_en"):
            page.slug_en = data["slug_en"]
        set_translated(page, data, fields)
        page.title = page.title_es
        for name, value in (extra or {}).items():
            setattr(page, name, value)
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page, True


@transaction.atomic
def demo_user(
    *, username: str, password: str, email: str, first_name: str, last_name: str = "", groups=(), superuser=False
):
    """A demo account for local use; its password is documented in the README."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "email": email,
            "first_name": first_name,
            "last_name": last_name,
            "is_staff": superuser or bool(groups),
            "is_superuser": superuser,
        },
    )
    if created:
        user.set_password(password)
        user.save()
        if groups:
            user.groups.add(*Group.objects.filter(name__in=groups))
    return user, created


def refresh_translation_paths() -> None:
    """Give the tree's pages their per-language titles and URL paths (wagtail-modeltranslation)."""
    call_command("update_translation_fields", verbosity=0)
    call_command("set_translation_url_paths", verbosity=0)
