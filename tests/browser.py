"""Debian's Chromium under Playwright, shared by the browser tests of every app."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
# Playwright cannot download its own browser here; these flags let Debian's run headless.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


@contextmanager
def chromium_launched(monkeypatch) -> Iterator[tuple[object, object]]:
    """Start Chromium (skip, or fail under NLKA_REQUIRE_SERVICES, when it is missing)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        if os.environ.get("NLKA_REQUIRE_SERVICES"):
            pytest.fail(f"{CHROMIUM} is missing, and NLKA_REQUIRE_SERVICES is set")
        pytest.skip(f"{CHROMIUM} is missing")
    # Playwright's sync API keeps an event loop running in this thread, so Django would take
    # the (synchronous) ORM calls of the fixtures that follow for calls from async code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            yield playwright, browser
        finally:
            browser.close()
