"""Remove Wagtail's default "Editors" and "Moderators" groups and "Moderators approval" workflow.

Wagtail's own migrations create them with rights on the tree root, so a member would edit or
approve every site's pages, beside the per-site groups of `home.groups`. They are removed
only while they are still Wagtail's defaults: a group whose page rights lie anywhere but the
root, or a workflow that was changed or has been used, is someone's and is left alone.
"""

from django.db import migrations

DEFAULT_GROUPS = ["Editors", "Moderators"]
DEFAULT_WORKFLOW = "Moderators approval"


def remove_defaults(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    for workflow in Workflow.objects.filter(name=DEFAULT_WORKFLOW):
        tasks = list(GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow))
        untouched = (
            workflow.workflow_tasks.count() == 1
            and len(tasks) == 1
            and tasks[0].name == DEFAULT_WORKFLOW
            and {g.name for g in tasks[0].groups.all()} == {"Moderators"}
            and not tasks[0].workflow_tasks.exclude(workflow=workflow).exists()
            and not WorkflowState.objects.filter(workflow=workflow).exists()
        )
        if untouched:
            workflow.delete()  # with its links to pages (WorkflowPage) and its task order
            tasks[0].delete()

    for group in Group.objects.filter(name__in=DEFAULT_GROUPS):
        if not group.page_permissions.exclude(page__depth=1).exists():
            group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_named_editors_and_phone"),
        # After every Wagtail migration that creates the defaults or grants them rights.
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(remove_defaults, migrations.RunPython.noop)]
