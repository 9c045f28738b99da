"""The "Nasjonal fagredaksjon" workflow's task becomes an approval by a second person.

Wagtail's group approval task lets the submitter approve their own changes; the board's
task is now `core.SecondPersonApprovalTask`, with the same group. Reviews in progress move
to the new task, so none is left on the old one.
"""

from django.db import migrations

NAME = "Nasjonal fagredaksjon"


def use_second_person_task(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    SecondPersonApprovalTask = apps.get_model("core", "SecondPersonApprovalTask")

    workflow = Workflow.objects.filter(name=NAME).first()
    if workflow is None:
        return
    task_type, _ = ContentType.objects.get_or_create(
        app_label="core", model="secondpersonapprovaltask"
    )
    for old in GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow):
        new = SecondPersonApprovalTask.objects.create(
            name=old.name, content_type=task_type, active=old.active
        )
        new.groups.set(old.groups.all())
        WorkflowTask.objects.filter(task_id=old.pk).update(task_id=new.pk)
        TaskState.objects.filter(task_id=old.pk).update(task_id=new.pk)
        old.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("treatments", "0004_responsible_trust_in_core"),
        ("core", "0004_second_person_approval_task"),
    ]

    operations = [migrations.RunPython(use_second_person_task, migrations.RunPython.noop)]
