"""Benchmark: harvest every record over OAI-PMH ListRecords, page by page, in one process.

Usage: DJANGO_SETTINGS_MODULE=cms.settings.dev python bench/oai_harvest.py [lom|oai_dc]
       [--json] [--max-records=N]
Prints records per second and the peak resident memory every hundred pages, so growth with
the number of records shows; with --json, one line for bench.run to read. --max-records stops
after the page that reaches N records, to keep a large set's harvest short.
"""

import json
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


def harvest(prefix: str, *, max_records: int | None = None) -> dict:
    """Harvest every record in the format; return counts, time and memory checkpoints."""
    from metadata.oai.protocol import oai_response

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
        if not token or (max_records and records >= max_records):
            break
        query = {"verb": ["ListRecords"], "resumptionToken": [token[1].decode()]}
    return {
        "format": prefix,
        "records": records,
        "pages": pages,
        "seconds": time.monotonic() - started,
        "peak_rss_mb": peak_rss_mb(),
        "checkpoints": checkpoints,
    }


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    django.setup()
    arguments = [argument for argument in sys.argv[1:] if not argument.startswith("--")]
    options = dict(
        argument[2:].partition("=")[::2] for argument in sys.argv[1:] if argument.startswith("--")
    )
    max_records = int(options["max-records"]) if options.get("max-records") else None
    result = harvest(arguments[0] if arguments else "lom", max_records=max_records)
    if "--json" in sys.argv:
        print(json.dumps(result))
        return
    elapsed = result["seconds"]
    print(
        f"format {result['format']}: {result['records']} records in {result['pages']} pages, "
        f"{elapsed:.1f} s"
    )
    print(f"{result['records'] / elapsed:.0f} records/s, peak RSS {result['peak_rss_mb']:.0f} MB")
    for count, rss in result["checkpoints"]:
        print(f"  after {count:>7} records: peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
