"""Chromium against pytest-django's live server, and a small but complete site to visit.

Each test starts its own Chromium (under a second) with a fresh profile, and builds its site
through the same services the platform uses.
"""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.utils.module_loading import import_string

import pytest

from tests.accounts.factories import ReviewerFactory, TeacherFactory
from tests.browser import chromium_launched
from tests.repository.factories import (
    collection_of,
    make_published_remix,
    published_material,
    upload,
)

sync_api = pytest.importorskip("playwright.sync_api")

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}


@dataclass
class Site:
    """The pages and people of the site built for a browser test."""

    teacher: object
    reviewer: object
    material: object
    other_material: object
    remix: object
    collection: object


@pytest.fixture
def chromium(monkeypatch):
    """Chromium, started after the test database is set up and stopped before it is flushed.

    A browser kept for the whole module would hide the database's serialized rollback.
    """
    with chromium_launched(monkeypatch) as (_playwright, browser):
        yield browser


@pytest.fixture
def browser_context(chromium, live_server):
    """A fresh browser profile at desktop size, addressing the live server by relative URLs."""
    context = chromium.new_context(base_url=live_server.url, viewport=DESKTOP, locale="nl-NL")
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(browser_context):
    return browser_context.new_page()


@pytest.fixture
def zoomed_page(chromium, live_server):
    """A 1280 px wide window at 200% zoom: the page is laid out in 640 CSS pixels."""
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 640, "height": 400}, device_scale_factor=2
    )
    yield context.new_page()
    context.close()


@pytest.fixture
def site(home_page) -> Site:
    """The demo pages plus published materials, a remix and a public collection."""
    teacher = TeacherFactory(display_name="Anna de Vries")
    author = TeacherFactory(display_name="Bram Jansen")
    reviewer = ReviewerFactory(display_name="Carla Smit")
    material = published_material(
        author,
        title="Breuken vergelijken",
        files=[upload("breuken.pdf"), upload("oefenblad.pdf")],
    )
    other_material = published_material(author, title="Rekenen met geld")
    remix = make_published_remix([material], teacher, title="Breuken vergelijken met pizza's")
    collection = collection_of(
        author, [material, other_material], title="Rekenen in groep 6", visibility="public"
    )
    return Site(teacher, reviewer, material, other_material, remix, collection)


@pytest.fixture
def sign_in(browser_context, live_server):
    """Sign a user in by giving the browser a session cookie, as Client.force_login does."""

    def sign_in_as(user):
        engine = import_string(settings.SESSION_ENGINE)
        session = engine.SessionStore()
        session[SESSION_KEY] = user._meta.pk.value_to_string(user)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        browser_context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": session.session_key,
                    "url": live_server.url,
                }
            ]
        )

    return sign_in_as


class Screenshots:
    """Pictures of a journey for the README, written only once the journey has passed."""

    def __init__(self):
        self.taken = {}

    def take(self, page, name: str, *, from_top: bool = True) -> None:
        """Keep a picture of the page (of its top unless told), once its images have loaded."""
        page.set_viewport_size(DESKTOP)
        if from_top:
            page.evaluate("window.scrollTo(0, 0)")
        page.wait_for_function("[...document.images].every(image => image.complete)")
        self.taken[name] = page.screenshot()

    def save(self) -> None:
        """Write the pictures; call it as the last line of a test, after every assertion."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for name, picture in self.taken.items():
            (SCREENSHOTS / f"{name}.png").write_bytes(picture)


@pytest.fixture
def screenshots():
    return Screenshots()
