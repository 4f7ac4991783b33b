"""Database queries per request, counted in-process with Django's test client.

Runs in the bench process against the bench database and settings; counting does not depend
on DEBUG because CaptureQueriesContext switches the cursor wrapper on by itself.
"""

from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.launches import (
    BenchPlatform,
    LoginAnswer,
    PreparedLaunch,
    launch_prepare,
    login_url,
)

SAMPLED_PATHS = 5


def path_queries(client: Client, paths: tuple[str, ...]) -> tuple[int, int]:
    """Return the first path's status and the most queries any of a few warm requests made."""
    first = client.get(paths[0])
    for path in paths[1:SAMPLED_PATHS]:
        client.get(path)
    most = 0
    for path in paths[:SAMPLED_PATHS]:
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        most = max(most, len(captured))
    return first.status_code, most


def client_login(client: Client) -> Callable[[str], LoginAnswer]:
    """Run LTI logins with a test client instead of over HTTP."""

    def login(url: str) -> LoginAnswer:
        response = client.get(url)
        return LoginAnswer(
            status=response.status_code,
            location=response.get("Location", ""),
            cookies={name: morsel.value for name, morsel in response.cookies.items()},
        )

    return login


def launch_post(client: Client, launch: PreparedLaunch):
    """Post a prepared launch exactly as wrk does: its own Cookie header and form body."""
    return client.generic(
        "POST",
        "/lti/launch/",
        launch.body,
        content_type="application/x-www-form-urlencoded",
        HTTP_COOKIE=launch.cookie,
    )


def launch_queries(platform: BenchPlatform, *, material_id: int) -> tuple[int, int]:
    """Return the status and query count of a warm LTI launch (login excluded)."""
    counts = []
    for number in range(2):
        client = Client()
        user = f"bench-query-{number}"
        answer = client_login(client)(login_url(platform, "http://testserver", user=user))
        launch = launch_prepare(platform, answer, material_id=material_id, user=user)
        with CaptureQueriesContext(connection) as captured:
            response = launch_post(Client(), launch)
        counts.append(len(captured))
    return response.status_code, counts[-1]
