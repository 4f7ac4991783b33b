"""Render and store the OAI-PMH records of every published material, after a bulk import."""

import time

from django.core.management.base import BaseCommand

from metadata.oai.records import oai_records_render


class Command(BaseCommand):
    help = (
        "Render the OAI-PMH records (oai_dc and NL-LOM) of every published material, so "
        "harvesters get stored records instead of waiting for them to be built."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=200)

    def handle(self, *args, batch_size: int, **options):
        started = time.monotonic()
        count = oai_records_render(batch_size=batch_size)
        self.stdout.write(
            f"Rendered the records of {count} materials in {time.monotonic() - started:.1f} s."
        )
