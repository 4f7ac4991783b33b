from django.db import migrations


def create_review_workflow(apps, schema_editor):
    """Route every material through review by the Reviewers group before it goes live."""
    db = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    MaterialReviewTask = apps.get_model("repository", "MaterialReviewTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    task_type, _ = ContentType.objects.using(db).get_or_create(
        app_label="repository", model="materialreviewtask"
    )
    material_type, _ = ContentType.objects.using(db).get_or_create(
        app_label="repository", model="material"
    )
    reviewers, _ = Group.objects.using(db).get_or_create(name="Reviewers")
    task = MaterialReviewTask.objects.using(db).create(
        name="Beoordeling tegen het kwaliteitskader", content_type=task_type, active=True
    )
    task.groups.set([reviewers])
    workflow = Workflow.objects.using(db).create(name="Beoordeling leermiddelen", active=True)
    WorkflowTask.objects.using(db).create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.using(db).create(content_type=material_type, workflow=workflow)


class Migration(migrations.Migration):
    dependencies = [
        ("repository", "0001_initial"),
        ("accounts", "0002_role_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_review_workflow, migrations.RunPython.noop)]
