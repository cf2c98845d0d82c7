"""Gives the editorial groups their campaign permissions.

"Editores" and "Moderadores" (website/migrations/0002) may see campaign reach figures and
manage partner organisations; only moderators may delete an organisation.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editores"
MODERATORS = "Moderadores"
EDITOR_PERMISSIONS = ["view_campaign_reach", "add_organisation", "change_organisation", "view_organisation"]
MODERATOR_PERMISSIONS = EDITOR_PERMISSIONS + ["delete_organisation"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("campaigns")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ((EDITORS, EDITOR_PERMISSIONS), (MODERATORS, MODERATOR_PERMISSIONS)):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="campaigns", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="campaigns", codename__in=MODERATOR_PERMISSIONS
    )
    for group in Group.objects.filter(name__in=[EDITORS, MODERATORS]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0001_initial"),
        ("website", "0002_editorial_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
