"""Collection pages: who sees and changes what, the licence offer, editing without scripts."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
from lxml import etree

from repository.models import Collection
from repository.services.collections import (
    collection_add_material,
    collection_add_section,
    collection_delete,
)
from tests.accounts.factories import TeacherFactory, UserFactory
from tests.repository.factories import (
    collection_of,
    draft_material,
    published_material,
    published_material_under,
)

pytestmark = pytest.mark.django_db

PUBLIC = Collection.Visibility.PUBLIC
UNLISTED = Collection.Visibility.UNLISTED
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def url(name: str, collection, *args) -> str:
    return reverse(f"repository:{name}", args=[collection.pk, *args])


def metadata_post(**changes) -> dict:
    return {
        "title": "Breuken in groep 6",
        "language": "nl",
        "licence": "cc-by-4.0",
        "visibility": "private",
        **changes,
    }


def offered_licences(html: str) -> set[str]:
    return set(re.findall(r'name="licence" value="([^"]+)"', html))


# Seeing


def test_a_public_collection_shows_its_materials_sections_and_notes_to_anyone(client):
    owner = TeacherFactory()
    collection = collection_of(
        owner, [published_material(owner, title="Breuken vergelijken")], visibility=PUBLIC
    )
    collection_add_section(collection=collection, user=owner, title="Week 2", note="Na de toets")

    response = client.get(collection.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "Breuken in groep 6" in html
    assert "Breuken vergelijken" in html
    assert "<h3>Week 2</h3>" in html
    assert "Na de toets" in html
    assert 'name="robots"' not in html


def test_a_private_collection_is_not_found_for_visitors_and_other_teachers(client):
    owner = TeacherFactory()
    collection = collection_of(owner)

    assert client.get(collection.get_absolute_url()).status_code == 404
    client.force_login(TeacherFactory())
    assert client.get(collection.get_absolute_url()).status_code == 404
    client.force_login(owner)
    assert client.get(collection.get_absolute_url()).status_code == 200


def test_an_unlisted_collection_opens_by_link_but_asks_search_engines_to_stay_away(client):
    collection = collection_of(TeacherFactory(), visibility=UNLISTED)

    response = client.get(collection.get_absolute_url())

    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_only_public_collections_are_listed(client):
    collection_of(TeacherFactory(), title="Openbare reeks", visibility=PUBLIC)
    collection_of(TeacherFactory(), title="Reeks met link", visibility=UNLISTED)
    collection_of(TeacherFactory(), title="Eigen reeks")

    html = client.get(reverse("repository:collection_list")).content.decode()

    assert "Openbare reeks" in html
    assert "Reeks met link" not in html
    assert "Eigen reeks" not in html


def test_the_sitemap_lists_public_collections_only(client):
    public = collection_of(TeacherFactory(), visibility=PUBLIC)
    unlisted = collection_of(TeacherFactory(), visibility=UNLISTED)
    private = collection_of(TeacherFactory())

    tree = etree.fromstring(client.get("/sitemap.xml").content)

    locations = {element.text for element in tree.iter(f"{SITEMAP}loc")}
    assert f"http://testserver{public.get_absolute_url()}" in locations
    assert not any(location.endswith(unlisted.get_absolute_url()) for location in locations)
    assert not any(location.endswith(private.get_absolute_url()) for location in locations)


def test_a_deleted_collection_is_gone_for_everyone_including_its_owner(client):
    owner = TeacherFactory()
    collection = collection_of(owner, [published_material(owner)], visibility=PUBLIC)
    collection_delete(collection=collection, user=owner)
    client.force_login(owner)

    assert client.get(collection.get_absolute_url()).status_code == 404
    assert client.get(url("collection_zip", collection)).status_code == 404
    assert client.get(url("collection_edit", collection)).status_code == 404


def test_a_withdrawn_material_is_shown_as_no_longer_available(client):
    owner = TeacherFactory()
    material = published_material(owner, title="Ingetrokken blad")
    collection = collection_of(owner, [material], visibility=PUBLIC)
    client.force_login(owner)
    client.post(reverse("repository:material_withdraw", args=[material.pk]), {"reason": ""})
    client.logout()

    html = client.get(collection.get_absolute_url()).content.decode()

    assert "Ingetrokken blad" in html
    assert "niet meer beschikbaar" in html
    assert material.get_absolute_url() not in html


def test_the_collection_page_needs_the_same_queries_however_many_items(
    client, django_assert_max_num_queries
):
    owner = TeacherFactory()
    collection = collection_of(owner, [published_material(owner)], visibility=PUBLIC)
    client.get(collection.get_absolute_url())  # warm caches (content types, site)
    with CaptureQueriesContext(connection) as with_one:
        client.get(collection.get_absolute_url())
    co_author = TeacherFactory()
    for number in range(3):
        material = published_material(owner, title=f"Blad {number}")
        material.co_authors.add(co_author)
        collection_add_material(collection=collection, user=owner, material=material)
    collection_add_section(collection=collection, user=owner, title="Week 2")

    with django_assert_max_num_queries(len(with_one)):
        response = client.get(collection.get_absolute_url())

    assert response.content.decode().count("Blad ") == 3


# Editing


def test_a_teacher_creates_a_collection_and_lands_on_its_edit_page(client):
    teacher = TeacherFactory()
    client.force_login(teacher)

    response = client.post(reverse("repository:collection_create"), metadata_post())

    collection = Collection.objects.get()
    assert collection.owner == teacher
    assert collection.visibility == Collection.Visibility.PRIVATE
    assert response["Location"].startswith(url("collection_edit", collection))


def test_someone_without_the_teacher_role_cannot_create_a_collection(client):
    client.force_login(UserFactory())

    response = client.post(reverse("repository:collection_create"), metadata_post())

    assert response.status_code == 403
    assert not Collection.objects.exists()


def test_with_an_nc_item_the_form_offers_only_nc_licences(client):
    owner = TeacherFactory()
    nc = published_material_under("cc-by-nc-4.0", TeacherFactory())
    collection = collection_of(owner, [nc], licence="cc-by-nc-4.0")
    client.force_login(owner)

    html = client.get(url("collection_edit", collection)).content.decode()

    assert offered_licences(html) == {"cc-by-nc-4.0", "cc-by-nc-sa-4.0", "cc-by-nc-nd-4.0"}


def test_with_an_nc_item_a_posted_licence_without_nc_is_refused_and_not_stored(client):
    owner = TeacherFactory()
    nc = published_material_under("cc-by-nc-4.0", TeacherFactory())
    collection = collection_of(owner, [nc], licence="cc-by-nc-4.0")
    client.force_login(owner)

    response = client.post(url("collection_edit", collection), metadata_post(licence="cc-by-4.0"))

    assert response.status_code == 400
    assert "Deze licentie past niet bij de leermiddelen" in response.content.decode()
    collection.refresh_from_db()
    assert collection.licence == "cc-by-nc-4.0"


def test_the_owner_saves_the_metadata_and_makes_it_public(client):
    owner = TeacherFactory()
    collection = collection_of(owner)
    client.force_login(owner)

    client.post(
        url("collection_edit", collection),
        metadata_post(title="Nieuwe titel", visibility="public"),
    )

    collection.refresh_from_db()
    assert (collection.title, collection.visibility) == ("Nieuwe titel", PUBLIC)


def test_another_teacher_may_not_edit_or_delete_a_public_collection(client):
    owner = TeacherFactory()
    collection = collection_of(owner, [published_material(owner)], visibility=PUBLIC)
    item = collection.items.get()
    client.force_login(TeacherFactory())

    assert client.get(url("collection_edit", collection)).status_code == 403
    assert client.post(url("collection_edit", collection), metadata_post()).status_code == 403
    assert client.post(url("collection_delete", collection)).status_code == 403
    changed = client.post(
        url("collection_item_change", collection, item.pk), {"actie": "verwijderen"}
    )
    assert changed.status_code == 403
    collection.refresh_from_db()
    assert collection.deleted_at is None
    assert collection.items.exists()


def test_another_teacher_gets_not_found_for_a_private_collections_edit_pages(client):
    collection = collection_of(TeacherFactory())
    client.force_login(TeacherFactory())

    assert client.get(url("collection_edit", collection)).status_code == 404
    assert client.post(url("collection_delete", collection)).status_code == 404
    assert (
        client.post(url("collection_section_add", collection), {"kop-title": "X"}).status_code
        == 404
    )


def test_a_visitor_is_sent_to_log_in_before_editing(client):
    collection = collection_of(TeacherFactory(), visibility=PUBLIC)

    response = client.post(url("collection_delete", collection))

    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
    collection.refresh_from_db()
    assert collection.deleted_at is None


def test_the_owner_deletes_after_confirming(client):
    owner = TeacherFactory()
    collection = collection_of(owner, visibility=PUBLIC)
    client.force_login(owner)

    assert client.get(url("collection_delete", collection)).status_code == 200
    client.post(url("collection_delete", collection))

    collection.refresh_from_db()
    assert collection.deleted_at is not None


def test_the_owner_moves_an_item_up_with_a_button(client):
    owner = TeacherFactory()
    first, second = published_material(owner, title="Eerste"), published_material(owner, "Tweede")
    collection = collection_of(owner, [first, second])
    client.force_login(owner)

    client.post(
        url("collection_item_change", collection, collection.items.get(material=second).pk),
        {"actie": "omhoog"},
    )

    assert [item.material_id for item in collection.items.all()] == [second.pk, first.pk]


def test_the_owner_saves_a_note_with_an_item(client):
    owner = TeacherFactory()
    collection = collection_of(owner, [published_material(owner)])
    item = collection.items.get()
    client.force_login(owner)

    client.post(
        url("collection_item_change", collection, item.pk),
        {"actie": "opslaan", f"onderdeel-{item.pk}-note": "Huiswerk"},
    )

    item.refresh_from_db()
    assert item.note == "Huiswerk"


def test_the_owner_adds_a_section_heading(client):
    owner = TeacherFactory()
    collection = collection_of(owner)
    client.force_login(owner)

    client.post(url("collection_section_add", collection), {"kop-title": "Week 1"})

    assert collection.items.get().title == "Week 1"


def test_the_edit_page_finds_published_materials_by_title_only(client):
    owner = TeacherFactory()
    published_material(TeacherFactory(), title="Tafels oefenen")
    draft_material(owner, title="Tafels concept")
    collection = collection_of(owner)
    client.force_login(owner)

    html = client.get(url("collection_edit", collection), {"zoek": "tafels"}).content.decode()

    assert "Tafels oefenen" in html
    assert "Tafels concept" not in html


def test_adding_a_draft_by_its_number_is_refused_with_a_message(client):
    owner = TeacherFactory()
    collection = collection_of(owner)
    draft = draft_material(owner)
    client.force_login(owner)

    response = client.post(
        url("collection_material_add", collection), {"leermiddel": draft.pk}, follow=True
    )

    assert "Alleen gepubliceerde leermiddelen" in response.content.decode()
    assert not collection.items.exists()


def test_adding_with_a_malformed_number_gives_a_message_not_an_error(client):
    owner = TeacherFactory()
    collection = collection_of(owner)
    client.force_login(owner)

    response = client.post(
        url("collection_material_add", collection), {"leermiddel": "12abc"}, follow=True
    )

    assert response.status_code == 200
    assert not collection.items.exists()


# From the material page and the dashboard


def test_the_material_page_offers_my_collections_and_lists_public_ones_holding_it(client):
    teacher = TeacherFactory()
    material = published_material(TeacherFactory(), title="Breuken")
    collection_of(teacher, title="Mijn reeks")
    collection_of(TeacherFactory(), [material], title="Openbare reeks", visibility=PUBLIC)
    collection_of(TeacherFactory(), [material], title="Verborgen reeks", visibility=UNLISTED)
    client.force_login(teacher)

    html = client.get(material.get_absolute_url()).content.decode()

    assert "Voeg toe aan arrangement" in html
    assert "Mijn reeks" in html
    assert "Openbare reeks" in html
    assert "Verborgen reeks" not in html


def test_visitors_see_no_add_to_collection_form(client):
    material = published_material(TeacherFactory())

    html = client.get(material.get_absolute_url()).content.decode()

    assert "Voeg toe aan arrangement" not in html


def test_adding_from_the_material_page_puts_it_at_the_end_of_my_collection(client):
    teacher = TeacherFactory()
    material = published_material(TeacherFactory())
    collection = collection_of(teacher)
    client.force_login(teacher)

    response = client.post(
        reverse("repository:collection_add_from_material", args=[material.pk]),
        {"collection": collection.pk},
    )

    assert response["Location"] == material.get_absolute_url()
    assert collection.items.get().material == material


def test_adding_to_another_teachers_collection_from_the_material_page_is_refused(client):
    material = published_material(TeacherFactory())
    collection = collection_of(TeacherFactory(), visibility=PUBLIC)
    client.force_login(TeacherFactory())

    response = client.post(
        reverse("repository:collection_add_from_material", args=[material.pk]),
        {"collection": collection.pk},
    )

    assert response.status_code == 302
    assert not collection.items.exists()


def test_choosing_a_new_collection_starts_one_with_the_material(client):
    teacher = TeacherFactory()
    material = published_material(TeacherFactory(), title="Breuken")
    client.force_login(teacher)

    response = client.post(
        reverse("repository:collection_add_from_material", args=[material.pk]),
        {"collection": "nieuw"},
        follow=True,
    )
    assert "‘Breuken’ wordt het eerste leermiddel" in response.content.decode()
    client.post(reverse("repository:collection_create"), metadata_post(leermiddel=material.pk))

    assert Collection.objects.get(owner=teacher).items.get().material == material


def test_my_collections_are_listed_on_my_dashboard(client):
    teacher = TeacherFactory()
    collection_of(teacher, title="Mijn reeks")
    collection_of(TeacherFactory(), title="Reeks van een ander", visibility=PUBLIC)
    client.force_login(teacher)

    html = client.get(reverse("repository:my_materials")).content.decode()

    assert "Mijn arrangementen" in html
    assert "Mijn reeks" in html
    assert "Reeks van een ander" not in html


# Copies


def test_a_teacher_copies_a_public_collection_into_a_private_one_of_their_own(client):
    source = collection_of(TeacherFactory(), title="Bron", visibility=PUBLIC)
    teacher = TeacherFactory()
    client.force_login(teacher)

    response = client.post(url("collection_copy", source))

    copy = Collection.objects.get(owner=teacher)
    assert response["Location"] == url("collection_edit", copy)
    assert copy.based_on == source
    assert copy.visibility == Collection.Visibility.PRIVATE


def test_a_visitor_cannot_copy_a_collection(client):
    source = collection_of(TeacherFactory(), visibility=PUBLIC)

    response = client.post(url("collection_copy", source))

    assert response.status_code == 302
    assert Collection.objects.count() == 1


def test_a_private_collection_cannot_be_copied_by_another_teacher(client):
    source = collection_of(TeacherFactory())
    client.force_login(TeacherFactory())

    assert client.post(url("collection_copy", source)).status_code == 404
    assert Collection.objects.count() == 1
