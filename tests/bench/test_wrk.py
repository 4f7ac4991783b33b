import pytest

from bench.wrk import parse_wrk_output

WRK_OUTPUT = """Running 3s test @ http://127.0.0.1:8000
  2 threads and 8 connections
Requests/sec:    400.00
BENCH_RESULT {"requests": 1200, "duration_us": 3000000, "bytes": 1000, "mean_us": 20000.0, \
"p50_us": 15000, "p90_us": 30000, "p95_us": 42000, "p99_us": 60000, "max_us": 90000, \
"s2xx": 1190, "s3xx": 0, "s4xx": 4, "s5xx": 6, "connect_errors": 0, "read_errors": 1, \
"write_errors": 0, "timeouts": 2, "exhausted_threads": 0, "threads": 2}
"""


def test_the_result_line_gives_requests_per_second_and_percentiles():
    result = parse_wrk_output(WRK_OUTPUT)

    assert result.requests_per_second == 400
    assert (result.p50_us, result.p95_us, result.p99_us) == (15000, 42000, 60000)


def test_non_2xx_counts_every_other_status():
    assert parse_wrk_output(WRK_OUTPUT).non_2xx == 10


def test_unexpected_counts_other_classes_and_socket_errors():
    result = parse_wrk_output(WRK_OUTPUT)

    assert result.unexpected(2) == 13
    assert result.unexpected(4) == 1199


def test_exhausted_launches_give_throughput_from_connections_and_latency():
    exhausted = WRK_OUTPUT.replace('"exhausted_threads": 0', '"exhausted_threads": 1')

    result = parse_wrk_output(exhausted, connections=8)

    assert result.exhausted
    assert result.requests_per_second == pytest.approx(8 / 0.02)


def test_output_without_a_result_line_is_refused():
    with pytest.raises(ValueError, match="no BENCH_RESULT"):
        parse_wrk_output("Running 3s test\nunable to connect to 127.0.0.1:8000\n")
