"""Load benchmarks: `make bench` runs bench.run against gunicorn with production settings."""
