from bench import results as r
from bench.report import report_markdown, report_write
from bench.wrk import WrkResult

INFO = r.RunInfo(
    started="2026-11-29 08:00 CET",
    database="SQLite 3.40.1",
    machine={"CPU": "Test CPU", "cores": "2", "RAM": "4.0 GiB"},
    versions={"Django": "5.2", "Wagtail": "8.0.1"},
    workers=2,
    connections=8,
    duration=10,
    launches_prepared=1500,
)


def _wrk(rate: float, p50_ms: float = 10, **counts) -> WrkResult:
    requests = int(rate * 10)
    return WrkResult(
        requests=requests,
        duration_us=10_000_000,
        mean_us=p50_ms * 1000,
        p50_us=int(p50_ms * 1000),
        p90_us=int(p50_ms * 1500),
        p95_us=int(p50_ms * 2000),
        p99_us=int(p50_ms * 3000),
        max_us=int(p50_ms * 5000),
        s2xx=counts.get("s2xx", requests),
        s3xx=counts.get("s3xx", 0),
        s4xx=counts.get("s4xx", 0),
        s5xx=counts.get("s5xx", 0),
        socket_errors=0,
        exhausted=False,
    )


def _size(
    materials: int, *, search_rate: float, material_rate: float = 100, varied_rate: float = 80
) -> r.SizeResult:
    def result(key, label, wrk, queries, expected_class=2, note=""):
        endpoint = r.Endpoint(key, label, (f"/{key}/",), expected_class)
        return r.EndpointResult(endpoint, wrk=wrk, queries=queries, note=note)

    endpoints = [
        result(r.MATERIAL, "material page", _wrk(material_rate), 12),
        result(r.NOT_FOUND, "404 page", _wrk(250, s2xx=0, s4xx=2500), 4, expected_class=4),
        result(r.SEARCH, "search, five facets", _wrk(search_rate), 9),
        result(r.SEARCH_VARIED, "search, five facets, each different", _wrk(varied_rate), 9),
        result(r.BROWSE, "browse", None, None, note="not available (404)"),
        result(r.HOME, "home page", _wrk(40), 20),
        result(r.HOME_CACHED, "home page, cached", _wrk(2400), 0),
    ]
    return r.SizeResult(
        materials=materials,
        published=materials * 85 // 100,
        seed_seconds=1,
        endpoints={endpoint.endpoint.key: endpoint for endpoint in endpoints},
        cold_harvest=r.Harvest(records=850, pages=9, seconds=2.0, peak_rss_mb=130),
        harvest=r.Harvest(records=850, pages=9, seconds=0.5, peak_rss_mb=120),
    )


SIZES = [
    _size(1000, search_rate=100),
    _size(100_000, search_rate=40, material_rate=50, varied_rate=20),
]
UPLOAD = r.UploadResult(
    size_bytes=2**30, seconds=8.0, status=302, rss_growth_mb=25, cp_seconds=0.54
)


def test_the_report_names_the_machine_versions_and_settings():
    report = report_markdown(INFO, SIZES, UPLOAD)

    assert "# Benchmark 2026-11-29 08:00 CET (SQLite 3.40.1)" in report
    assert "- CPU: Test CPU" in report
    assert "- Wagtail: 8.0.1" in report
    assert "gunicorn with 2 sync workers" in report


def test_each_size_has_a_row_per_endpoint_with_rate_latency_and_queries():
    report = report_markdown(INFO, SIZES, UPLOAD)

    assert "## 100,000 materials" in report
    assert "| material page | `/material/` | 50.0 | 10.0 | 20.0 | 0 | 0 | 12 |  |" in report


def test_the_404_page_counts_its_4xx_as_expected():
    report = report_markdown(INFO, SIZES, UPLOAD)

    assert "| 404 page | `/not_found/` | 250.0 | 10.0 | 20.0 | 2500 | 0 | 4 |" in report


def test_an_endpoint_that_is_not_there_yet_is_reported_as_not_available():
    report = report_markdown(INFO, SIZES, UPLOAD)

    assert "| browse | `/browse/` | – | – | – | – | – | – | not available (404) |" in report
    assert "| browse | not available |" in report


def test_scale_ratios_compare_each_size_with_the_smallest():
    report = report_markdown(INFO, SIZES, UPLOAD)

    assert "| search (five facets) | 2.50× (1.00×) |" in report
    assert "| search (five facets, each different) | 4.00× (1.00×) |" in report
    assert "| material page | 2.00× (1.00×) |" in report


def test_targets_say_which_are_not_met():
    report = report_markdown(INFO, SIZES, UPLOAD)

    assert "| uncached material page ≤ 3× the 404 page (1,000) | 2.50× by req/s" in report
    assert "search with five facets at 100,000 ≤ 2× at 1,000 | 2.50× by req/s" in report
    assert "| the same, every search different (no counts reused) | 4.00× by req/s" in report
    assert "target is on PostgreSQL | **not met** |" in report
    assert (
        "| cached anonymous home page ≥ 50× faster than uncached (100,000) | 60.00× by req/s"
        in report
    )
    assert (
        "| cached anonymous material page ≥ 50× faster than uncached (100,000) | – by req/s"
        in report
    )


def test_the_upload_is_compared_with_cp():
    report = report_markdown(INFO, SIZES, UPLOAD)

    assert "8.00 s vs `cp` 0.54 s = 0.07× the speed; worker peak RSS +25 MB" in report


def test_oai_throughput_is_reported_per_size_and_as_a_target():
    report = report_markdown(INFO, SIZES, UPLOAD)

    assert "**1,700 records/s**" in report
    assert "first harvest after the bulk load, every record rendered): 850 records" in report
    assert "**425 records/s**" in report
    assert (
        "| OAI-PMH ≥ 2,000 records/s with flat memory, stored records (100,000) | 1,700 records/s"
        in report
    )


def test_the_report_file_is_named_by_date_and_database(tmp_path):
    path = report_write(tmp_path / "results", INFO, SIZES, None)

    assert path.name == "2026-11-29-sqlite.md"
    assert "| upload speed and memory | not measured |" in path.read_text()


def test_server_errors_are_named_in_the_note():
    endpoint = r.Endpoint(r.LTI_LAUNCH, "LTI launch", ("/lti/launch/",), expected_class=3)
    size = _size(1000, search_rate=100)
    size.endpoints[r.LTI_LAUNCH] = r.EndpointResult(
        endpoint, wrk=_wrk(10, s2xx=0, s3xx=94, s5xx=6), queries=24, note="100 of 1500 used"
    )

    report = report_markdown(INFO, [size], None)

    assert "| 6 | 24 | 100 of 1500 used; 6 server errors (5xx) |" in report
