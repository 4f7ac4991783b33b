"""Write a bench run as Markdown: machine, versions, a table per size, ratios and targets."""

from pathlib import Path

from bench.results import (
    BROWSE,
    HOME,
    HOME_CACHED,
    MATERIAL,
    MATERIAL_CACHED,
    NOT_FOUND,
    SEARCH,
    SEARCH_VARIED,
    EndpointResult,
    RunInfo,
    SizeResult,
    UploadResult,
)

SCALED = (
    (SEARCH, "search (five facets)"),
    (SEARCH_VARIED, "search (five facets, each different)"),
    (BROWSE, "browse"),
    (MATERIAL, "material page"),
)
MAX_MATERIAL_VS_404 = 3.0
MAX_SEARCH_GROWTH = 2.0
MIN_UPLOAD_SPEED_VS_CP = 0.5
# "Flat" server memory for an upload: a worker may grow by buffers, not by the file.
MAX_UPLOAD_RSS_GROWTH_MB = 64
MIN_OAI_RECORDS_PER_SECOND = 2000
MIN_CACHE_SPEEDUP = 50.0
CACHED_PAIRS = ((HOME, HOME_CACHED, "home page"), (MATERIAL, MATERIAL_CACHED, "material page"))


def _ms(microseconds: float) -> str:
    return f"{microseconds / 1000:.1f}"


def _number(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def cost_ratio(result: EndpointResult | None, base: EndpointResult | None) -> float | None:
    """How many times the base's cost one request of `result` has, by throughput (base/result)."""
    if result is None or base is None or not (result.measured and base.measured):
        return None
    rate, base_rate = result.wrk.requests_per_second, base.wrk.requests_per_second
    return base_rate / rate if rate else None


def latency_ratio(result: EndpointResult | None, base: EndpointResult | None) -> float | None:
    """Median latency of `result` over that of the base."""
    if result is None or base is None or not (result.measured and base.measured):
        return None
    return result.wrk.p50_us / base.wrk.p50_us if base.wrk.p50_us else None


def _endpoint_row(result: EndpointResult) -> str:
    endpoint = result.endpoint
    example = endpoint.paths[0] if endpoint.paths else ""
    if len(endpoint.paths) > 1:
        example += f" (+{len(endpoint.paths) - 1})"
    queries = _number(result.queries)
    if not result.measured:
        note = result.note or "not measured"
        return f"| {endpoint.label} | `{example}` | – | – | – | – | – | {queries} | {note} |"
    wrk = result.wrk
    rate = _number(wrk.requests_per_second, 1)
    if wrk.exhausted:
        rate += "*"
    note = result.note
    if wrk.s5xx:
        note = f"{note}; {wrk.s5xx} server errors (5xx)".lstrip("; ")
    return (
        f"| {endpoint.label} | `{example}` | {rate} | {_ms(wrk.p50_us)} | {_ms(wrk.p95_us)} | "
        f"{wrk.non_2xx} | {wrk.unexpected(endpoint.expected_class)} | {queries} | {note} |"
    )


def _size_section(size: SizeResult) -> list[str]:
    lines = [
        f"## {size.materials:,} materials",
        "",
        f"{size.published:,} published; this step of seeding took {size.seed_seconds:.0f} s.",
        "",
        "| endpoint | path | req/s | p50 ms | p95 ms | non-2xx | unexpected | queries/req | note |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    lines += [_endpoint_row(result) for result in size.endpoints.values()]
    for label, harvest in (
        ("first harvest after the bulk load, every record rendered", size.cold_harvest),
        ("second harvest, stored records", size.harvest),
    ):
        if harvest is None:
            continue
        lines += [
            "",
            f"OAI-PMH harvest (ListRecords, lom, one process; {label}): {harvest.records:,} "
            f"records in {harvest.pages:,} pages, {harvest.seconds:.1f} s, "
            f"**{harvest.records_per_second:,.0f} records/s**, "
            f"peak RSS {harvest.peak_rss_mb:.0f} MB"
            + (
                f" (after the first 100 pages: {harvest.first_checkpoint_rss_mb:.0f} MB)"
                if harvest.first_checkpoint_rss_mb
                else ""
            )
            + ".",
        ]
    return lines + [""]


def _ratio_cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×"


def _scale_section(sizes: list[SizeResult]) -> list[str]:
    base = sizes[0]
    others = sizes[1:]
    header = " | ".join(f"{size.materials:,} / {base.materials:,}" for size in others)
    lines = [
        "## Scale ratios",
        "",
        "Cost per request relative to the smallest size, by throughput (req/s at "
        f"{base.materials:,} ÷ req/s at the larger size), and by median latency in brackets.",
        "Logarithmic growth from 1,000 to 100,000 materials would be about 1.7×.",
        "",
        f"| endpoint | {header} |",
        "|---|" + "---:|" * len(others),
    ]
    for key, label in SCALED:
        cells = []
        for size in others:
            throughput = cost_ratio(size.endpoints.get(key), base.endpoints.get(key))
            latency = latency_ratio(size.endpoints.get(key), base.endpoints.get(key))
            cells.append(
                "not available"
                if throughput is None
                else f"{_ratio_cell(throughput)} ({_ratio_cell(latency)})"
            )
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines + [""]


def _verdict(value: float | None, ok: bool) -> str:
    if value is None:
        return "not measured"
    return "met" if ok else "**not met**"


def _targets_section(
    info: RunInfo, sizes: list[SizeResult], upload: UploadResult | None
) -> list[str]:
    smallest, largest = sizes[0], sizes[-1]
    lines = [
        "## Targets (ratios within this run)",
        "",
        "| target | measured | verdict |",
        "|---|---|---|",
    ]
    for size in sizes:
        ratio = cost_ratio(size.endpoints.get(MATERIAL), size.endpoints.get(NOT_FOUND))
        latency = latency_ratio(size.endpoints.get(MATERIAL), size.endpoints.get(NOT_FOUND))
        lines.append(
            f"| uncached material page ≤ {MAX_MATERIAL_VS_404:g}× the 404 page "
            f"({size.materials:,}) | {_ratio_cell(ratio)} by req/s, {_ratio_cell(latency)} by p50 "
            f"| {_verdict(ratio, ratio is not None and ratio <= MAX_MATERIAL_VS_404)} |"
        )
    growth = cost_ratio(largest.endpoints.get(SEARCH), smallest.endpoints.get(SEARCH))
    latency = latency_ratio(largest.endpoints.get(SEARCH), smallest.endpoints.get(SEARCH))
    database_note = "" if info.database.startswith("PostgreSQL") else "; target is on PostgreSQL"
    lines.append(
        f"| search with five facets at {largest.materials:,} ≤ {MAX_SEARCH_GROWTH:g}× at "
        f"{smallest.materials:,} | {_ratio_cell(growth)} by req/s, {_ratio_cell(latency)} by p50"
        f"{database_note} "
        f"| {_verdict(growth, growth is not None and growth <= MAX_SEARCH_GROWTH)} |"
    )
    growth = cost_ratio(largest.endpoints.get(SEARCH_VARIED), smallest.endpoints.get(SEARCH_VARIED))
    latency = latency_ratio(
        largest.endpoints.get(SEARCH_VARIED), smallest.endpoints.get(SEARCH_VARIED)
    )
    lines.append(
        f"| the same, every search different (no counts reused) | {_ratio_cell(growth)} by "
        f"req/s, {_ratio_cell(latency)} by p50{database_note} "
        f"| {_verdict(growth, growth is not None and growth <= MAX_SEARCH_GROWTH)} |"
    )
    for uncached_key, cached_key, label in CACHED_PAIRS:
        uncached = largest.endpoints.get(uncached_key)
        cached = largest.endpoints.get(cached_key)
        speedup = cost_ratio(uncached, cached)
        latency = latency_ratio(uncached, cached)
        lines.append(
            f"| cached anonymous {label} ≥ {MIN_CACHE_SPEEDUP:g}× faster than uncached "
            f"({largest.materials:,}) | {_ratio_cell(speedup)} by req/s, "
            f"{_ratio_cell(latency)} by p50 "
            f"| {_verdict(speedup, speedup is not None and speedup >= MIN_CACHE_SPEEDUP)} |"
        )
    if upload is not None:
        speed = upload.speed_vs_cp
        lines.append(
            f"| {upload.size_bytes / 2**20:,.0f} MiB upload at ≥ {MIN_UPLOAD_SPEED_VS_CP:g}× the "
            f"speed of `cp`, flat server memory | {upload.seconds:.2f} s vs `cp` "
            f"{upload.cp_seconds:.2f} s = {speed:.2f}× the speed; worker peak RSS "
            f"+{upload.rss_growth_mb:.0f} MB (at most {MAX_UPLOAD_RSS_GROWTH_MB} MB), "
            f"HTTP {upload.status} | "
            + _verdict(
                speed,
                speed >= MIN_UPLOAD_SPEED_VS_CP
                and upload.rss_growth_mb <= MAX_UPLOAD_RSS_GROWTH_MB
                and upload.status < 400,
            )
            + " |"
        )
    else:
        lines.append("| upload speed and memory | not measured | not measured |")
    harvest = largest.harvest
    rate = harvest.records_per_second if harvest else None
    lines.append(
        f"| OAI-PMH ≥ {MIN_OAI_RECORDS_PER_SECOND:,} records/s with flat memory, stored records "
        f"({largest.materials:,}) | "
        + (
            f"{rate:,.0f} records/s, peak RSS {harvest.peak_rss_mb:.0f} MB"
            if harvest
            else "not measured"
        )
        + f" | {_verdict(rate, rate is not None and rate >= MIN_OAI_RECORDS_PER_SECOND)} |"
    )
    return lines + [""]


def report_markdown(
    info: RunInfo, sizes: list[SizeResult], upload: UploadResult | None = None
) -> str:
    """Return the whole report."""
    lines = [
        f"# Benchmark {info.started} ({info.database})",
        "",
        "Produced by `make bench`. Each endpoint ran for "
        f"{info.duration:g} s with wrk on loopback, {info.connections} connections, against "
        f"gunicorn with {info.workers} sync workers and production settings (DEBUG off). Rows "
        "marked *cached* are requested without cookies, so the anonymous page cache (Redis) "
        "answers them; every other request carries a cookie, as a signed-in visitor's does, "
        "and is rendered in full. Queries per request were counted in-process "
        "(Django test client, same database and settings) on a warm second request; for "
        "several paths, the largest count. *non-2xx* counts every other status, "
        "*unexpected* also counts socket errors and responses outside the expected class "
        "(4xx for the 404 page, 3xx for an LTI launch).",
        "",
        "## Machine and versions",
        "",
    ]
    lines += [f"- {name}: {value}" for name, value in {**info.machine, **info.versions}.items()]
    lines += [
        f"- gunicorn workers: {info.workers}",
        f"- LTI launches prepared: {info.launches_prepared:,}",
        "",
    ]
    for size in sizes:
        lines += _size_section(size)
    if any(
        result.measured and result.wrk.exhausted
        for size in sizes
        for result in size.endpoints.values()
    ):
        lines += [
            "\\* Every prepared launch was used before the time was up; req/s is estimated as "
            "connections ÷ mean latency.",
            "",
        ]
    if len(sizes) > 1:
        lines += _scale_section(sizes)
    lines += _targets_section(info, sizes, upload)
    return "\n".join(lines).rstrip() + "\n"


def report_write(
    directory: Path, info: RunInfo, sizes: list[SizeResult], upload: UploadResult | None
) -> Path:
    """Write the report as <date>-<db>.md under `directory`; return its path."""
    directory.mkdir(parents=True, exist_ok=True)
    engine = info.database.split()[0].lower()
    path = directory / f"{info.started[:10]}-{engine}.md"
    path.write_text(report_markdown(info, sizes, upload))
    return path
