"""List (or delete) blobs no stored file refers to, and report stored files whose bytes are gone."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from repository.services.sweep import storage_sweep


class Command(BaseCommand):
    help = (
        "Compare the materials storage with the database. Without --delete nothing changes "
        "(a dry run). Exits with status 1 when stored files miss their bytes."
    )

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group()
        action.add_argument(
            "--dry-run",
            action="store_true",
            help="Only list what would be deleted (the default).",
        )
        action.add_argument(
            "--delete", action="store_true", help="Delete unreferenced blobs past the grace period."
        )
        parser.add_argument(
            "--grace-hours",
            type=float,
            default=24.0,
            help="Leave blobs younger than this alone: uploads may still be committing (24).",
        )

    def handle(self, *args, **options):
        if options["grace_hours"] < 0:
            raise CommandError("--grace-hours cannot be negative.")
        delete = options["delete"]
        report = storage_sweep(grace=timedelta(hours=options["grace_hours"]), delete=delete)
        for name, size in report.unreferenced:
            state = "deleted" if name in report.deleted else "unreferenced"
            self.stdout.write(f"{state}: {name} ({filesizeformat(size)})")
        verb = "Deleted" if delete else "Would delete (dry run; pass --delete)"
        self.stdout.write(
            f"{verb}: {len(report.deleted) if delete else len(report.unreferenced)} unreferenced "
            f"blob(s), {filesizeformat(report.unreferenced_bytes)}."
        )
        for stored_file in report.missing:
            self.stderr.write(
                f"missing bytes: stored file {stored_file.pk} ({stored_file.sha256}) "
                f"expects {stored_file.storage_name}"
            )
        if report.missing:
            raise CommandError(f"{len(report.missing)} stored file(s) miss their bytes.")
        self.stdout.write("Every stored file has its bytes.")
