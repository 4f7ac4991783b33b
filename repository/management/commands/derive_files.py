"""Derive previews and searchable text of stored files that lack them, or of all files."""

from django.core.management.base import BaseCommand

from repository.models import FileDerivative
from repository.selectors.files import stored_files_to_derive
from repository.services.derivatives import file_derivative_process


class Command(BaseCommand):
    help = "Derive preview images and searchable text of stored files."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group()
        which.add_argument(
            "--pending",
            action="store_true",
            help="Only files without a finished derivative (the default).",
        )
        which.add_argument(
            "--all", action="store_true", help="Every available file, deriving again."
        )

    def handle(self, *args, **options):
        everything = options["all"]
        counts = dict.fromkeys(FileDerivative.Status.values, 0)
        for stored_file in stored_files_to_derive(everything=everything).iterator():
            derivative = file_derivative_process(stored_file=stored_file, force=everything)
            counts[derivative.status] += 1
        summary = ", ".join(f"{status}: {count}" for status, count in counts.items())
        self.stdout.write(f"Derived files ({summary}).")
