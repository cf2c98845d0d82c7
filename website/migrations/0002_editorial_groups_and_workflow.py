"""Creates the editorial groups and the moderation workflow.

"Editores" write and submit; "Moderadores" review and publish. Every page goes through the
"Revisión editorial" workflow, so an editor's change goes live only after a moderator approves.
Wagtail's default English groups and workflow are replaced so there is one set only.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editores"
MODERATORS = "Moderadores"
WORKFLOW_NAME = "Revisión editorial"
TASK_NAME = "Aprobación de Moderadores"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"]
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
MODERATOR_COLLECTION_PERMISSIONS = EDITOR_COLLECTION_PERMISSIONS + [
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
]
EDITOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("website", "add_topic"),
    ("website", "change_topic"),
    ("website", "add_helpchannel"),
    ("website", "change_helpchannel"),
]
MODERATOR_MODEL_PERMISSIONS = EDITOR_MODEL_PERMISSIONS + [
    ("website", "delete_topic"),
    ("website", "delete_helpchannel"),
    ("website", "change_sitesettings"),
]


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_groups_and_workflow(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    groups = {}
    for name, page_perms, collection_perms, model_perms in [
        (EDITORS, EDITOR_PAGE_PERMISSIONS, EDITOR_COLLECTION_PERMISSIONS, EDITOR_MODEL_PERMISSIONS),
        (MODERATORS, MODERATOR_PAGE_PERMISSIONS, MODERATOR_COLLECTION_PERMISSIONS, MODERATOR_MODEL_PERMISSIONS),
    ]:
        group, _created = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(*[_permission(apps, app, code) for app, code in model_perms])
        if root_page is not None:
            for codename in page_perms:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=_permission(apps, "wagtailcore", codename)
                )
        if root_collection is not None:
            for app, codename in collection_perms:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=_permission(apps, app, codename)
                )

    # One set of groups and one workflow: drop Wagtail's English defaults.
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()
    Workflow.objects.filter(name="Moderators approval").update(active=False)

    task_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.set([groups[MODERATORS]])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root_page is not None:
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups_and_workflow, migrations.RunPython.noop)]
