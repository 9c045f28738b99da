"""The "Nasjonal fagredaksjon" workflow: only that group approves national treatments."""

from django.db import migrations

GROUP = "Nasjonal fagredaksjon"


def create_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    group, _ = Group.objects.get_or_create(name=GROUP)
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=GROUP).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=GROUP, content_type=task_type, active=True)
    task.groups.set([group])
    workflow, _ = Workflow.objects.get_or_create(name=GROUP, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    treatment_type, _ = ContentType.objects.get_or_create(app_label="treatments", model="treatment")
    WorkflowContentType.objects.update_or_create(
        content_type=treatment_type, defaults={"workflow": workflow}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("treatments", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
