"""Run wrk with the bench's Lua scripts and read the one JSON line they print when done."""

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

LUA_DIR = Path(__file__).resolve().parent / "lua"
RESULT_MARKER = "BENCH_RESULT "


class WrkMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class WrkResult:
    """What one wrk run measured; latencies in microseconds."""

    requests: int
    duration_us: int
    mean_us: float
    p50_us: int
    p90_us: int
    p95_us: int
    p99_us: int
    max_us: int
    s2xx: int
    s3xx: int
    s4xx: int
    s5xx: int
    socket_errors: int
    exhausted: bool
    connections: int = 1

    @property
    def requests_per_second(self) -> float:
        if self.exhausted and self.mean_us:
            # Threads that ran out of single-use launches stop early, but wrk still divides by
            # the whole duration. With every connection busy, throughput is connections / latency.
            return self.connections / (self.mean_us / 1_000_000)
        return self.requests / (self.duration_us / 1_000_000) if self.duration_us else 0.0

    @property
    def non_2xx(self) -> int:
        return self.requests - self.s2xx

    def unexpected(self, expected_class: int) -> int:
        """Responses outside the expected status class (2 for 2xx), plus socket errors."""
        expected = getattr(self, f"s{expected_class}xx")
        return self.requests - expected + self.socket_errors


def parse_wrk_output(text: str, *, connections: int = 1) -> WrkResult:
    """Read the BENCH_RESULT line that bench/lua/report.lua prints."""
    for line in text.splitlines():
        if line.startswith(RESULT_MARKER):
            data = json.loads(line[len(RESULT_MARKER) :])
            break
    else:
        raise ValueError("wrk printed no BENCH_RESULT line:\n" + text[-2000:])
    return WrkResult(
        requests=data["requests"],
        duration_us=data["duration_us"],
        mean_us=data["mean_us"],
        p50_us=data["p50_us"],
        p90_us=data["p90_us"],
        p95_us=data["p95_us"],
        p99_us=data["p99_us"],
        max_us=data["max_us"],
        s2xx=data["s2xx"],
        s3xx=data["s3xx"],
        s4xx=data["s4xx"],
        s5xx=data["s5xx"],
        socket_errors=sum(
            data[key] for key in ("connect_errors", "read_errors", "write_errors", "timeouts")
        ),
        exhausted=data["exhausted_threads"] > 0,
        connections=connections,
    )


def wrk_binary() -> str:
    found = shutil.which("wrk")
    if not found:
        raise WrkMissing(
            "wrk is not installed. Install it with `apt-get install -y wrk` (make bench does "
            "this when run as root)."
        )
    return found


def wrk_paths(
    base_url: str,
    paths_file: Path,
    *,
    duration: float,
    connections: int,
    threads: int = 2,
    cookie: str = "",
) -> WrkResult:
    """GET the paths in the file in turn for `duration` seconds, with a cookie if given."""
    arguments = [str(paths_file), *([cookie] if cookie else [])]
    return _run(base_url, "paths.lua", arguments, duration, connections, threads)


def wrk_launches(
    base_url: str, launches_file: Path, *, duration: float, connections: int, threads: int = 2
) -> WrkResult:
    """POST each prepared LTI launch once, for at most `duration` seconds."""
    return _run(
        base_url, "launches.lua", [str(launches_file), str(threads)], duration, connections, threads
    )


def _run(base_url, script, args, duration, connections, threads) -> WrkResult:
    connections = max(connections, threads)
    command = [
        wrk_binary(),
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={max(1, round(duration))}s",
        "--timeout=10s",
        f"--script={LUA_DIR / script}",
        base_url,
        "--",
        *args,
    ]
    completed = subprocess.run(  # noqa: S603 - our own command line
        command, capture_output=True, text=True, check=False, timeout=duration + 60
    )
    if completed.returncode != 0:
        raise RuntimeError(f"wrk failed ({completed.returncode}): {completed.stderr.strip()}")
    return parse_wrk_output(completed.stdout, connections=connections)
