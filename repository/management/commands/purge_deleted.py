"""Remove materials and collections that have waited in the bin longer than the retention."""

from django.core.management.base import BaseCommand

from repository.selectors.bin import retention
from repository.services.bin import bin_purge


class Command(BaseCommand):
    help = (
        "Remove materials and collections deleted longer ago than DELETED_RETENTION_DAYS. "
        "Without --commit nothing changes (a dry run). Stored bytes are left for storage_sweep."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--commit", action="store_true", help="Really remove them (default: only list)."
        )

    def handle(self, *args, **options):
        commit = options["commit"]
        report = bin_purge(commit=commit)
        state = "purged" if commit else "would purge"
        for pk, title in report.materials:
            self.stdout.write(f"{state}: material {pk} ({title})")
        for pk, title in report.collections:
            self.stdout.write(f"{state}: collection {pk} ({title})")
        summary = (
            f"{len(report.materials)} material(s) and {len(report.collections)} collection(s) "
            f"deleted more than {retention().days} day(s) ago"
        )
        if not commit:
            self.stdout.write(f"Would purge (dry run; pass --commit): {summary}.")
            return
        self.stdout.write(
            f"Purged: {summary}, with {report.revisions} revision(s), "
            f"{report.workflow_states} workflow state(s) and {report.stored_files} stored file "
            "row(s) nothing else uses. Run storage_sweep --delete to free their bytes."
        )
