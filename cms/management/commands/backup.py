"""Write a backup folder: the database as JSON, a manifest with hashes, and every blob."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from cms.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Back up the database (dumpdata with natural keys) and every stored blob with its "
        "SHA-256 into an empty folder."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, type=Path, help="An empty folder.")
        parser.add_argument(
            "--force", action="store_true", help="Write into a folder that is not empty."
        )

    def handle(self, *args, **options):
        try:
            report = backup_create(output=options["output"], force=options["force"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(report.kinds.items()))
        self.stdout.write(
            f"Backed up {report.rows} database row(s) and {report.files} file(s)"
            f"{f' ({kinds})' if kinds else ''}, {filesizeformat(report.bytes)} "
            f"({report.bytes} bytes), to {options['output']}."
        )
