"""Restore a backup folder made by `backup` into an empty environment."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Check every blob against the backup's manifest, write the blobs to storage, load the "
        "database in one transaction and rebuild the search index. Refuses an environment "
        "that already has content unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="A folder written by `backup`.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the content of an environment that is not empty.",
        )

    def handle(self, *args, **options):
        try:
            report = backup_restore(folder=options["folder"], force=options["force"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {report.rows} database row(s) and {report.files} file(s) "
            f"({report.written} written, {report.files - report.written} already present); "
            "the search index was rebuilt."
        )
