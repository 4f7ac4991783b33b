"""The machine and software versions a bench run reports."""

import os
import platform
import subprocess
from pathlib import Path


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gib() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def machine_info() -> dict[str, str]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else ("?",) * 3
    return {
        "CPU": _cpu_model(),
        "cores": str(os.cpu_count()),
        "RAM": _memory_gib(),
        "OS": f"{platform.system()} {platform.release()}",
        "load average at start (1/5/15 min)": " / ".join(f"{value:.2f}" for value in load),
    }


def wrk_version() -> str:
    try:
        completed = subprocess.run(  # noqa: S603
            ["wrk", "--version"],  # noqa: S607 - whichever wrk the run uses
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return "not installed"
    first = (completed.stdout or completed.stderr).splitlines()
    return first[0].split("Copyright")[0].strip() if first else "unknown"


def software_versions() -> dict[str, str]:
    """Versions of Python, Django, Wagtail, gunicorn, wrk and the database (needs Django set up)."""
    import django
    from django.db import connection

    import wagtail

    import gunicorn

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
    elif connection.vendor == "sqlite":
        import sqlite3

        database = f"SQLite {sqlite3.sqlite_version}"
    else:
        database = connection.vendor
    return {
        "Python": platform.python_version(),
        "Django": django.get_version(),
        "Wagtail": wagtail.__version__,
        "gunicorn": gunicorn.__version__,
        "database": database,
        "load generator": wrk_version(),
    }
