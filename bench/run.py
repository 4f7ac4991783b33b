"""`make bench`: seed a dedicated database to each size, load gunicorn with wrk, write a report.

Usage: python -m bench.run [--sizes 1000,10000,100000] [--duration 10] [--workers 2] ...
Uses var/bench/ (SQLite, files, static) or, when DATABASE_URL is set, a fresh PostgreSQL
database named nlka_bench on that server. gunicorn is always stopped on exit or Ctrl-C.
"""

import argparse
import contextlib
import json
import os
import random
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import requests

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from bench import results as r  # noqa: E402
from bench.launches import (  # noqa: E402
    BenchPlatform,
    KeySetServer,
    launches_prepare,
    launches_write,
    platform_register,
)
from bench.machine import machine_info  # noqa: E402
from bench.report import report_write  # noqa: E402
from bench.wrk import WrkMissing, wrk_binary, wrk_launches, wrk_paths  # noqa: E402

BENCH_DATABASE = "nlka_bench"
PYTHON = sys.executable
SAMPLE_MATERIALS = 50
TEACHER_EMAIL = "leraar@example.org"
# Different searches for the "each different" row: more than a 10-second run sends.
VARIED_SEARCHES = 2000


STARTED = time.monotonic()


def log(message: str) -> None:
    # Elapsed time, not the clock: the whole run has a time budget (15 minutes at 100,000).
    elapsed = int(time.monotonic() - STARTED)
    print(f"[bench {elapsed // 60:2d}:{elapsed % 60:02d}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def bench_database_url(database_url: str) -> str:
    """The same server as DATABASE_URL, with the bench's own database name."""
    parts = urlsplit(database_url)
    return urlunsplit(parts._replace(path=f"/{BENCH_DATABASE}"))


def postgres_recreate(database_url: str, *, drop_only: bool = False) -> None:
    import psycopg

    admin_url = urlunsplit(urlsplit(database_url)._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")
        if not drop_only:
            connection.execute(f"CREATE DATABASE {BENCH_DATABASE}")


def local_redis_url() -> str | None:
    """Return REDIS_URL, or the local Redis when one answers on its usual port."""
    if os.environ.get("REDIS_URL"):
        return os.environ["REDIS_URL"]
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", 6379), timeout=1):
        return "redis://127.0.0.1:6379/0"
    return None


def bench_environment(
    *, var_dir: Path, database_url: str | None, upload_mb: int, redis_url: str | None = None
) -> dict:
    """Production settings on loopback: no TLS redirect, no proxy header, a throwaway key.

    With Redis the anonymous page cache is on, under a key prefix of this run's own.
    """
    environment = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_PROXY_SSL_HEADER": "0",
        "SECURE_HSTS_SECONDS": "0",
        "VAR_DIR": str(var_dir),
        "MAX_UPLOAD_MB": str(upload_mb + 16),
        "DATABASE_CONN_MAX_AGE": "60",
        "OAI_ADMIN_EMAIL": "bench@example.org",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "WARNING",
        # Uploads spool to the same disk as the materials, so `cp` is a fair comparison.
        "TMPDIR": str(var_dir / "tmp"),
    }
    if database_url:
        environment["DATABASE_URL"] = bench_database_url(database_url)
    else:
        environment.pop("DATABASE_URL", None)
    if redis_url:
        environment["REDIS_URL"] = redis_url
        environment["CACHE_KEY_PREFIX"] = f"nlka-bench-{secrets.token_hex(4)}"
        environment["PAGE_CACHE_SECONDS"] = "600"
    else:
        environment["PAGE_CACHE_SECONDS"] = "0"
    return environment


def manage(*arguments: str) -> None:
    subprocess.run(  # noqa: S603 - our own manage.py
        [PYTHON, str(REPOSITORY / "manage.py"), *arguments], check=True, cwd=REPOSITORY
    )


class Gunicorn:
    """gunicorn with production settings on 127.0.0.1; stopped on leaving the block."""

    def __init__(self, *, port: int, workers: int):
        self.port = port
        self.workers = workers
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "Gunicorn":
        self.process = subprocess.Popen(  # noqa: S603
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "cms.wsgi:application",
                f"--bind=127.0.0.1:{self.port}",
                f"--workers={self.workers}",
                "--timeout=600",
                "--log-level=warning",
            ],
            cwd=REPOSITORY,
        )
        try:
            self._wait_until_healthy()
        except BaseException:
            self.__exit__()
            raise
        return self

    def _wait_until_healthy(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}")
            try:
                if requests.get(f"{self.url}/healthz", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"gunicorn did not answer /healthz within {timeout:.0f} s")

    def worker_pids(self) -> list[int]:
        pids = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                pids.append(int(entry.name))
        return pids

    def __exit__(self, *exc_info) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def endpoints_discover(*, seed: int = 8) -> list[r.Endpoint]:
    """Pick the paths to load: pages from the demo tree, a sample of published materials."""
    from cms.models import NewsPage
    from repository.models import Material, VersionFile

    rng = random.Random(seed)  # noqa: S311 - choosing sample paths
    published = list(Material.objects.published().values_list("pk", flat=True))
    sample = sorted(rng.sample(published, k=min(SAMPLE_MATERIALS, len(published))))
    news = NewsPage.objects.live().public().order_by("-first_published_at").first()
    downloads = VersionFile.objects.filter(
        version__material_id__in=sample, version__number=1
    ).values_list("version__material_id", "pk")
    # Facets that match: the most common level and subject among published materials.
    level_id, subject_id = _common_concept("levels"), _common_concept("subjects")
    search = urlencode(
        {
            "q": "breuken",
            "level": level_id,
            "subject": subject_id,
            "licence": "cc-by-4.0",
            "language": "nl",
            "review": "not_reviewed",
        }
    )
    material_paths = tuple(f"/leermiddelen/{pk}/" for pk in sample)
    varied = _varied_searches(rng)
    return [
        r.Endpoint(r.HOME, "home page", ("/",)),
        r.Endpoint(r.HOME_CACHED, "home page, cached", ("/",), cached=True),
        r.Endpoint(r.NEWS, "news page", (news.url if news else "/nieuws/",)),
        r.Endpoint(r.MATERIAL, "material page", material_paths),
        r.Endpoint(r.MATERIAL_CACHED, "material page, cached", material_paths, cached=True),
        r.Endpoint(r.NOT_FOUND, "404 page", ("/bestaat-niet/",), expected_class=4),
        r.Endpoint(r.BROWSE, "browse", ("/leermiddelen/",)),
        r.Endpoint(r.SEARCH, "search, five facets", (f"/leermiddelen/?{search}",)),
        r.Endpoint(r.SEARCH_VARIED, "search, five facets, each different", varied),
        r.Endpoint(r.OAI, "OAI-PMH ListRecords", ("/oai?verb=ListRecords&metadataPrefix=lom",)),
        r.Endpoint(r.LTI_LAUNCH, "LTI launch", ("/lti/launch/",), expected_class=3),
        r.Endpoint(
            r.DOWNLOAD,
            "file download",
            tuple(f"/leermiddelen/{pk}/v1/bestanden/{file_id}/" for pk, file_id in downloads),
        ),
    ]


def _varied_searches(rng: random.Random, count: int = VARIED_SEARCHES) -> tuple[str, ...]:
    """Searches with five facets that differ in words, level and subject, in random order.

    More different searches than a run sends, so the facet counts kept for a repeated
    search are never reused: this measures what counting costs.
    """
    from repository.services.bench import TOPICS

    levels = _common_concepts("levels", 12)
    subjects = _common_concepts("subjects", 12)
    combinations = [
        (word, level, subject) for word in TOPICS for level in levels for subject in subjects
    ]
    rng.shuffle(combinations)
    return tuple(
        "/leermiddelen/?"
        + urlencode(
            {
                "q": word,
                "level": level,
                "subject": subject,
                "licence": "cc-by-4.0",
                "language": "nl",
                "review": "not_reviewed",
            }
        )
        for word, level, subject in combinations[:count]
    )


def _common_concepts(field: str, count: int) -> list[int]:
    from django.db.models import Count

    from repository.models import Material

    through = Material._meta.get_field(field).remote_field.through
    rows = (
        through.objects.filter(material__live=True)
        .values("concept_id")
        .annotate(uses=Count("pk"))
        .order_by("-uses", "concept_id")[:count]
    )
    return [row["concept_id"] for row in rows]


def _common_concept(field: str) -> int | None:
    from django.db.models import Count

    from repository.models import Material

    through = Material._meta.get_field(field).remote_field.through
    row = (
        through.objects.filter(material__live=True)
        .values("concept_id")
        .annotate(uses=Count("pk"))
        .order_by("-uses")
        .first()
    )
    return row["concept_id"] if row else None


def _warm(base_url: str, endpoint: r.Endpoint, workers: int) -> None:
    """Let every worker load its templates and caches before the clock runs."""
    headers = {"Cookie": endpoint.cookie} if endpoint.cookie else {}
    # The last paths: a run starts at the first ones and would find these already counted.
    paths = endpoint.paths if endpoint.cached else endpoint.paths[-10:]
    for path in paths:
        for _ in range(workers * 2):
            with contextlib.suppress(requests.RequestException):
                requests.get(base_url + path, headers=headers, timeout=30)


def measure_size(
    *,
    materials: int,
    seed_seconds: float,
    args: argparse.Namespace,
    workdir: Path,
    platform: BenchPlatform,
    last: bool,
) -> tuple[r.SizeResult, r.UploadResult | None, int]:
    """Measure every endpoint at the current size; return the results and launches prepared.

    The upload and the OAI-PMH harvest, which take long, run at the last (largest) size only.
    """
    from django.db import connections
    from django.test import Client

    from bench.queries import launch_queries, path_queries
    from repository.models import Material

    endpoints = endpoints_discover()
    size = r.SizeResult(
        materials=materials,
        published=Material.objects.published().count(),
        seed_seconds=seed_seconds,
    )
    by_key = {endpoint.key: endpoint for endpoint in endpoints}
    material_ids = [int(path.split("/")[2]) for path in by_key[r.MATERIAL].paths]
    log("counting queries per request in-process")
    for endpoint in endpoints:
        result = r.EndpointResult(endpoint)
        size.endpoints[endpoint.key] = result
        if not endpoint.paths or (endpoint.key == r.LTI_LAUNCH and not material_ids):
            result.note = "nothing to request"
            continue
        if endpoint.cached and not os.environ.get("REDIS_URL"):
            result.note = "not measured: no Redis, page cache off"
            continue
        if endpoint.key == r.LTI_LAUNCH:
            result.probe_status, result.queries = launch_queries(
                platform, material_id=material_ids[0]
            )
        else:
            client = Client()
            if endpoint.cookie:
                name, value = endpoint.cookie.split("=", 1)
                client.cookies[name] = value
            result.probe_status, result.queries = path_queries(client, endpoint.paths)
        if result.probe_status == 404 and endpoint.expected_class != 4:
            result.note = "not available (404)"
        elif result.probe_status >= 500:
            result.note = f"error {result.probe_status}"
    connections.close_all()

    prepared = 0
    upload_result = None
    with Gunicorn(port=args.port, workers=args.workers) as server:
        log(f"gunicorn with {args.workers} workers at {server.url}")
        for endpoint in endpoints:
            result = size.endpoints[endpoint.key]
            if result.note.startswith(("not available", "not measured", "nothing to request")):
                continue
            if endpoint.key == r.LTI_LAUNCH:
                log(f"preparing {args.launches} LTI launches (one login each)")
                launches = launches_prepare(
                    platform,
                    tool_url=server.url,
                    material_ids=material_ids,
                    count=args.launches,
                )
                prepared = len(launches)
                launches_file = launches_write(launches, workdir / "launches.tsv")
                log("load: LTI launch")
                result.wrk = wrk_launches(
                    server.url,
                    launches_file,
                    duration=args.duration,
                    connections=args.connections,
                )
                result.note = (result.note + f" {result.wrk.requests} of {prepared} used").strip()
                continue
            paths_file = workdir / f"{endpoint.key}.paths"
            paths_file.write_text("".join(path + "\n" for path in endpoint.paths))
            _warm(server.url, endpoint, args.workers)
            log(f"load: {endpoint.label}")
            result.wrk = wrk_paths(
                server.url,
                paths_file,
                duration=args.duration,
                connections=args.connections,
                cookie=endpoint.cookie,
            )
        if last and args.upload_mb > 0:
            upload_result = _upload(server, args, workdir)
    if last:
        log("harvesting OAI-PMH in a fresh process, records not yet stored")
        size.cold_harvest = _harvest(args.oai_records)
        log("harvesting OAI-PMH again, from stored records")
        size.harvest = _harvest(args.oai_records)
    return size, upload_result, prepared


def _upload(server: Gunicorn, args: argparse.Namespace, workdir: Path) -> r.UploadResult:
    from django.test import Client

    from accounts.models import User
    from bench.upload import upload_measure

    client = Client()
    client.force_login(User.objects.get(email=TEACHER_EMAIL))
    session = client.cookies["sessionid"].value
    token = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
    log(f"upload of {args.upload_mb} MiB")
    return upload_measure(
        host="127.0.0.1",
        port=server.port,
        workdir=workdir,
        size_bytes=args.upload_mb * 2**20,
        cookie=f"sessionid={session}; csrftoken={token}",
        csrf_token=token,
        worker_pids=server.worker_pids(),
    )


def _harvest(max_records: int) -> r.Harvest:
    completed = subprocess.run(  # noqa: S603
        [
            PYTHON,
            str(REPOSITORY / "bench" / "oai_harvest.py"),
            "lom",
            "--json",
            f"--max-records={max_records}",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPOSITORY,
    )
    data = json.loads(completed.stdout.strip().splitlines()[-1])
    checkpoints = data["checkpoints"]
    return r.Harvest(
        records=data["records"],
        pages=data["pages"],
        seconds=data["seconds"],
        peak_rss_mb=data["peak_rss_mb"],
        first_checkpoint_rss_mb=checkpoints[0][1] if checkpoints else None,
    )


def parse_sizes(text: str) -> list[int]:
    sizes = sorted({int(part) for part in text.replace(" ", "").split(",") if part})
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes are whole numbers of materials, such as 1000,10000")
    return sizes


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes("1000,10000,100000"))
    parser.add_argument("--duration", type=float, default=10, help="seconds per endpoint")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2-4)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections")
    parser.add_argument("--launches", type=int, default=1000, help="LTI launches to prepare")
    parser.add_argument("--upload-mb", type=int, default=1024, help="upload size in MiB, 0: skip")
    parser.add_argument(
        "--oai-records", type=int, default=20_000, help="stop the OAI-PMH harvest after this many"
    )
    parser.add_argument("--port", type=int, default=0, help="gunicorn port (0: a free one)")
    parser.add_argument("--var-dir", type=Path, default=REPOSITORY / "var" / "bench")
    parser.add_argument("--results", type=Path, default=REPOSITORY / "bench" / "results")
    parser.add_argument(
        "--keep-database", action="store_true", help="keep the PostgreSQL bench database"
    )
    parsed = parser.parse_args(argv)
    parsed.port = parsed.port or free_port()
    return parsed


def _stop_on_sigterm(signum, frame):
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    try:
        wrk_binary()
    except WrkMissing as missing:
        print(missing, file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    database_url = os.environ.get("DATABASE_URL")
    var_dir = args.var_dir.resolve()
    # A fresh database and fresh files each run; the collected static files can stay.
    for name in ("db.sqlite3", "materials", "media", "tmp", "work"):
        target = var_dir / name
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink(missing_ok=True)
    (var_dir / "tmp").mkdir(parents=True, exist_ok=True)
    workdir = var_dir / "work"
    workdir.mkdir()
    redis_url = local_redis_url()
    if not redis_url:
        log("no Redis answers: the cached pages are not measured")
    os.environ.update(
        bench_environment(
            var_dir=var_dir,
            database_url=database_url,
            upload_mb=args.upload_mb,
            redis_url=redis_url,
        )
    )
    if database_url:
        log(f"fresh PostgreSQL database {BENCH_DATABASE}")
        postgres_recreate(os.environ["DATABASE_URL"])
    try:
        return _run(args, workdir)
    finally:
        if database_url and not args.keep_database:
            from django.db import connections

            connections.close_all()
            postgres_recreate(os.environ["DATABASE_URL"], drop_only=True)


def _run(args: argparse.Namespace, workdir: Path) -> int:
    started = datetime.now().astimezone()
    log("migrate, collectstatic, seed_demo")
    manage("migrate", "--noinput", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    manage("seed_demo", "--allow-production")

    import django

    django.setup()
    from django.db import connections

    from bench.machine import software_versions

    versions = software_versions()
    info = r.RunInfo(
        started=started.strftime("%Y-%m-%d %H:%M %Z"),
        database=versions.pop("database"),
        machine=machine_info(),
        versions=versions,
        workers=args.workers,
        connections=args.connections,
        duration=args.duration,
    )
    platform = BenchPlatform.generate()
    sizes = []
    upload = None
    seeded = 0
    with KeySetServer(platform) as key_server:
        platform_register(platform, key_set_url=key_server.url)
        for number, materials in enumerate(args.sizes):
            connections.close_all()
            log(f"seeding {materials - seeded} materials (to {materials})")
            seed_started = time.monotonic()
            manage("seed_bench", f"--materials={materials - seeded}")
            seed_seconds = time.monotonic() - seed_started
            seeded = materials
            last = number == len(args.sizes) - 1
            size, upload_result, prepared = measure_size(
                materials=materials,
                seed_seconds=seed_seconds,
                args=args,
                workdir=workdir,
                platform=platform,
                last=last,
            )
            info.launches_prepared = max(info.launches_prepared, prepared)
            upload = upload_result or upload
            sizes.append(size)
    path = report_write(args.results, info, sizes, upload)
    elapsed = datetime.now().astimezone() - started
    log(f"done in {elapsed.total_seconds() / 60:.1f} min")
    print(f"Report: {path.relative_to(REPOSITORY) if path.is_relative_to(REPOSITORY) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
