"""Benchmark: harvest every record over OAI-PMH ListRecords, page by page, in one process.

Usage: DJANGO_SETTINGS_MODULE=cms.settings.dev python bench/oai_harvest.py [lom|oai_dc]
Prints records per second and the peak resident memory after each tenth of the harvest,
so growth with the number of records shows.
"""

import os
import re
import resource
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    django.setup()
    from metadata.oai.protocol import oai_response

    prefix = sys.argv[1] if len(sys.argv) > 1 else "lom"
    token_pattern = re.compile(rb"<resumptionToken[^>]*>([^<]+)</resumptionToken>")
    query = {"verb": ["ListRecords"], "metadataPrefix": [prefix]}
    records = pages = 0
    started = time.monotonic()
    checkpoints = []
    while True:
        document = oai_response(query)
        records += document.count(b"<record>")
        pages += 1
        if pages % 100 == 0:
            checkpoints.append((records, peak_rss_mb()))
        token = token_pattern.search(document)
        if not token:
            break
        query = {"verb": ["ListRecords"], "resumptionToken": [token[1].decode()]}
    elapsed = time.monotonic() - started
    print(f"format {prefix}: {records} records in {pages} pages, {elapsed:.1f} s")
    print(f"{records / elapsed:.0f} records/s, peak RSS {peak_rss_mb():.0f} MB")
    for count, rss in checkpoints:
        print(f"  after {count:>7} records: peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
