"""Scan stored files that still wait for a virus verdict (after clamd was down, say)."""

from django.core.management.base import BaseCommand, CommandError

from repository.services.scanning import stored_files_scan_pending
from repository.virus_scan import scanner_configured


class Command(BaseCommand):
    help = (
        "Scan every stored file whose virus scan is still pending. Exits with status 1 while "
        "files remain pending, so a cron job can alert on it."
    )

    def handle(self, *args, **options):
        if not scanner_configured():
            raise CommandError("CLAMD_ADDRESS is not set: there is no scanner to ask.")
        counts = stored_files_scan_pending()
        self.stdout.write(
            f"{counts['clean']} clean, {counts['infected']} infected, "
            f"{counts['pending']} still pending"
        )
        if counts["pending"]:
            raise CommandError(f"{counts['pending']} files could not be scanned; try again later.")
