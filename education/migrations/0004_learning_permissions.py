"""Gives the editorial groups their permissions on the learning snippets.

"Moderadores" (DIF communications leads) create institutions and revoke certificates;
"Editores" write courses as pages (the page permissions they already have) and see no
personal data of learners.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATORS = "Moderadores"
MODERATOR_PERMISSIONS = [
    ("education", "add_institution"),
    ("education", "change_institution"),
    ("education", "view_institution"),
    ("education", "change_certificate"),
    ("education", "view_certificate"),
]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=MODERATORS).first()
    if group is None:
        return
    group.permissions.add(
        *[
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in MODERATOR_PERMISSIONS
        ]
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=MODERATORS).first()
    if group is None:
        return
    codenames = [codename for _app, codename in MODERATOR_PERMISSIONS]
    group.permissions.remove(*Permission.objects.filter(content_type__app_label="education", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0003_courses_and_learning"),
        ("website", "0002_editorial_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
