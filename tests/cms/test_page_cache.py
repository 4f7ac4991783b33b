"""The anonymous page cache: who gets cached pages, and when they are thrown away."""

from django.core.cache import cache
from django.http import HttpResponse

import pytest

from cms import page_cache
from repository.services.materials import material_withdraw
from tests.accounts.factories import TeacherFactory
from tests.cms.factories import NewsPageFactory, small_site
from tests.repository.factories import published_material

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def site():
    return small_site()


def anonymous_get(client, path, **extra):
    client.cookies.clear()
    return client.get(path, **extra)


def test_second_anonymous_request_is_served_from_the_cache_without_queries(
    client, site, django_assert_num_queries
):
    first = anonymous_get(client, "/")
    with django_assert_num_queries(0):
        second = anonymous_get(client, "/")

    assert first[page_cache.HEADER] == "miss"
    assert second[page_cache.HEADER] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_cached_page_keeps_its_security_headers(client, site):
    first = anonymous_get(client, "/")
    second = anonymous_get(client, "/")

    assert second[page_cache.HEADER] == "hit"
    for header in ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options"):
        assert second[header] == first[header]


def test_signed_in_teacher_never_gets_the_cached_page(client, site):
    anonymous_get(client, "/")
    client.force_login(TeacherFactory())

    response = client.get("/")

    assert page_cache.HEADER not in response
    assert "Mijn leermiddelen" in response.content.decode()


def test_page_served_to_a_signed_in_teacher_is_not_stored_for_anonymous_visitors(client, site):
    client.force_login(TeacherFactory())
    client.get("/")

    response = anonymous_get(client, "/")

    assert response[page_cache.HEADER] == "miss"


def test_request_with_any_cookie_bypasses_the_cache(client, site):
    anonymous_get(client, "/")
    client.cookies["csrftoken"] = "x" * 32

    response = client.get("/")

    assert page_cache.HEADER not in response


@pytest.mark.parametrize("path", ["/account/login/", "/en/account/login/", "/lti/jwks/"])
def test_private_paths_are_never_cached(client, site, path):
    anonymous_get(client, path)

    response = anonymous_get(client, path)

    assert page_cache.HEADER not in response


def test_page_that_sets_a_cookie_is_not_stored(client, site):
    material = published_material(TeacherFactory())
    path = f"/leermiddelen/{material.pk}/ervaring/kort/"
    first = anonymous_get(client, path)
    assert "csrftoken" in first.cookies

    second = anonymous_get(client, path)

    assert page_cache.HEADER not in second


def test_post_is_never_answered_from_the_cache(client, site):
    anonymous_get(client, "/zoeken/")

    response = client.post("/zoeken/")

    assert response.get(page_cache.HEADER) != "hit"


def test_dutch_and_english_pages_are_cached_apart(client, home_page):
    dutch = anonymous_get(client, "/")
    anonymous_get(client, "/en/")

    english = anonymous_get(client, "/en/")

    assert english[page_cache.HEADER] == "hit"
    assert english.content != dutch.content
    assert b'lang="en"' in english.content


def test_publishing_a_news_item_empties_the_cache(client, site, django_capture_on_commit_callbacks):
    news_url = site.news.url
    anonymous_get(client, news_url)

    with django_capture_on_commit_callbacks(execute=True):
        NewsPageFactory(parent=site.news, title="Nieuwe kwaliteitskaarten")

    response = anonymous_get(client, news_url)
    assert response[page_cache.HEADER] == "miss"
    assert "Nieuwe kwaliteitskaarten" in response.content.decode()


def test_withdrawing_a_material_takes_it_off_the_cached_browse_page(
    client, site, django_capture_on_commit_callbacks
):
    owner = TeacherFactory()
    material = published_material(owner, title="Breuken vergelijken")
    assert "Breuken vergelijken" in anonymous_get(client, "/leermiddelen/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        material_withdraw(material=material, user=owner, reason="Fout in de sommen")

    response = anonymous_get(client, "/leermiddelen/")
    assert "Breuken vergelijken" not in response.content.decode()


def test_a_change_that_is_rolled_back_keeps_the_cache(
    client, site, django_capture_on_commit_callbacks
):
    anonymous_get(client, "/")

    with django_capture_on_commit_callbacks(execute=False):
        NewsPageFactory(parent=site.news)

    assert anonymous_get(client, "/")[page_cache.HEADER] == "hit"


def test_logging_in_does_not_empty_the_cache(client, site, django_capture_on_commit_callbacks):
    teacher = TeacherFactory()
    anonymous_get(client, "/")

    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(teacher)

    assert anonymous_get(client, "/")[page_cache.HEADER] == "hit"


def test_renaming_an_author_empties_the_cache(client, site, django_capture_on_commit_callbacks):
    teacher = TeacherFactory(display_name="Meester Bram")
    anonymous_get(client, "/")

    with django_capture_on_commit_callbacks(execute=True):
        teacher.display_name = "Meester Abram"
        teacher.save()

    assert anonymous_get(client, "/")[page_cache.HEADER] == "miss"


def test_an_evicted_generation_never_revives_old_pages(client, site):
    anonymous_get(client, "/")
    cache.delete(page_cache.GENERATION_KEY)

    assert anonymous_get(client, "/")[page_cache.HEADER] == "miss"


def test_nothing_is_cached_when_switched_off(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 0
    anonymous_get(client, "/")

    assert page_cache.HEADER not in anonymous_get(client, "/")


def test_a_failing_page_cache_still_serves_the_page(client, site, monkeypatch):
    get, get_many = page_cache.cache.get, page_cache.cache.get_many

    def failing_for_pages(key, *args, **kwargs):
        if key.startswith("pagecache:"):
            raise ConnectionError("cache down")
        return get(key, *args, **kwargs)

    def failing_many_for_pages(keys, *args, **kwargs):
        if any(key.startswith("pagecache:") for key in keys):
            raise ConnectionError("cache down")
        return get_many(keys, *args, **kwargs)

    monkeypatch.setattr(page_cache.cache, "get", failing_for_pages)
    monkeypatch.setattr(page_cache.cache, "get_many", failing_many_for_pages)

    response = anonymous_get(client, "/")

    assert response.status_code == 200
    assert page_cache.HEADER not in response


def test_a_page_that_used_a_csp_nonce_is_not_stored(rf):
    def view_with_nonce(request):
        request._csp_nonce = "fresh-for-every-response"
        return HttpResponse("<script nonce='fresh-for-every-response'></script>")

    middleware = page_cache.AnonymousPageCacheMiddleware(view_with_nonce)
    middleware(rf.get("/met-nonce/"))

    assert page_cache.HEADER not in middleware(rf.get("/met-nonce/"))


def test_catalogue_numbers_are_counted_once_per_generation_even_for_signed_in_visitors(
    client, site, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    owner = TeacherFactory()
    published_material(owner, title="Breuken vergelijken")
    client.force_login(owner)
    client.get("/leermiddelen/")
    with CaptureQueriesContext(connection) as again:
        response = client.get("/leermiddelen/")
    counting = [query for query in again if "COUNT(" in query["sql"].upper()]

    assert counting == []
    assert response.context["page_obj"].paginator.count == 1

    with django_capture_on_commit_callbacks(execute=True):
        published_material(owner, title="Breuken optellen")

    assert client.get("/leermiddelen/").context["page_obj"].paginator.count == 2


def test_home_page_numbers_follow_a_withdrawal(client, site, django_capture_on_commit_callbacks):
    from cms import selectors

    owner = TeacherFactory()
    material = published_material(owner)
    assert selectors.material_numbers().total == 1

    with django_capture_on_commit_callbacks(execute=True):
        material_withdraw(material=material, user=owner, reason="Fout in de sommen")

    assert selectors.material_numbers().total == 0
