import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from cms.page_cache import page_cache_invalidate
from repository.services.bench import bench_materials_create


class Command(BaseCommand):
    help = "Create N synthetic materials in bulk for benchmarks (adds to what exists)."

    def add_arguments(self, parser):
        parser.add_argument("--materials", type=int, required=True, help="how many to create")
        parser.add_argument("--batch-size", type=int, default=2000)
        parser.add_argument(
            "--seed", type=int, default=2026, help="random seed, for repeatable sets"
        )
        parser.add_argument(
            "--no-index",
            action="store_false",
            dest="index",
            help="skip the search index (faster, but search then finds none of them)",
        )

    def handle(self, *args, materials, batch_size, seed, index, **options):
        if materials < 1:
            raise CommandError("--materials must be at least 1.")
        started = time.monotonic()
        made = bench_materials_create(
            count=materials, batch_size=batch_size, seed=seed, index=index
        )
        # Bulk inserts send no signals; cached pages would go on showing the old numbers.
        page_cache_invalidate()
        if connection.vendor == "postgresql":
            # After a bulk load the planner needs fresh statistics, as autovacuum would give
            # it in time; without them it plans for a few rows and picks nested loops.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        elapsed = time.monotonic() - started
        self.stdout.write(f"Created {made} materials in {elapsed:.1f} s ({made / elapsed:.0f}/s).")
