from django.db import migrations

STATUS_FOR_WORKFLOW = {"in_progress": "in_review", "needs_changes": "changes_requested"}


def review_status_from_running_reviews(apps, schema_editor):
    """Give materials already under review before review statuses existed the right status."""
    db = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    Material = apps.get_model("repository", "Material")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    material_type = (
        ContentType.objects.using(db).filter(app_label="repository", model="material").first()
    )
    if material_type is None:
        return
    states = WorkflowState.objects.using(db).filter(
        base_content_type=material_type, status__in=list(STATUS_FOR_WORKFLOW)
    )
    for object_id, status in states.values_list("object_id", "status"):
        # No reviews were recorded before this release, so nothing is "reviewed" yet.
        Material.objects.using(db).filter(pk=int(object_id)).update(
            review_status=STATUS_FOR_WORKFLOW[status]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("repository", "0005_file_derivatives"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(review_status_from_running_reviews, migrations.RunPython.noop)
    ]
