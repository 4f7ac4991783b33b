"""The material page: public once published, otherwise only for those who may see the draft."""

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

import pytest

from tests.accounts.factories import ReviewerFactory, TeacherFactory
from tests.repository.factories import draft_material, published_material

pytestmark = pytest.mark.django_db


def detail_url(material) -> str:
    return reverse("repository:material_detail", args=[material.pk])


def test_published_material_is_shown_to_anyone_with_its_files_and_versions(client):
    material = published_material(TeacherFactory(), title="Breuken vergelijken")
    version_file = material.versions.get().files.get()

    response = client.get(detail_url(material))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Breuken vergelijken</h1>" in html
    assert "Oefeningen met breuken voor groep 6." in html
    assert "CC BY 4.0" in html
    assert f"/leermiddelen/{material.pk}/v1/bestanden/{version_file.pk}/" in html
    assert "Versie 1" in html


def test_draft_is_not_found_for_visitors_and_other_teachers(client):
    material = draft_material(TeacherFactory())

    assert client.get(detail_url(material)).status_code == 404
    client.force_login(TeacherFactory())
    assert client.get(detail_url(material)).status_code == 404
    client.force_login(ReviewerFactory())
    assert client.get(detail_url(material)).status_code == 404


def test_author_sees_the_draft_with_its_files(client):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    client.force_login(teacher)

    response = client.get(detail_url(material))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Concept" in html
    stored_file_id = material.files.get().stored_file_id
    assert f"/leermiddelen/{material.pk}/concept/bestanden/{stored_file_id}/" in html
    assert reverse("repository:material_edit", args=[material.pk]) in html


def test_admin_preview_renders_the_draft(rf):
    material = draft_material(TeacherFactory(), title="Nog niet af")
    request = rf.get("/")
    request.user = AnonymousUser()

    response = material.serve_preview(request, "")

    html = response.render().content.decode()
    assert "<h1>Nog niet af</h1>" in html
    assert "breuken.pdf" in html


def test_published_material_page_embeds_json_ld_and_a_canonical_link(client):
    import json
    import re

    material = published_material(TeacherFactory())

    html = client.get(reverse("repository:material_detail", args=[material.pk])).content.decode()

    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(script[1])
    assert data["@type"] == "LearningResource"
    assert data["name"] == material.title
    assert f'rel="canonical" href="http://testserver/leermiddelen/{material.pk}/"' in html


def test_draft_page_has_no_json_ld(client):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    client.force_login(teacher)

    html = client.get(reverse("repository:material_detail", args=[material.pk])).content.decode()

    assert "application/ld+json" not in html


# The material page as issue #12 shapes it: files with previews, attribution, versions, related.

MP4_HEADER = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 200
VTT = b"WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHallo klas\n"


def page(client, material) -> str:
    response = client.get(detail_url(material))
    assert response.status_code == 200
    return response.content.decode()


def derived_material(django_capture_on_commit_callbacks, **kwargs):
    """A published material whose files were derived, as the background task does."""
    with django_capture_on_commit_callbacks(execute=True):
        return published_material(TeacherFactory(), **kwargs)


def test_files_are_listed_with_a_human_type_name_and_size(client):
    material = published_material(TeacherFactory())

    html = page(client, material)

    assert "PDF-document" in html
    assert "application/pdf</" not in html


def test_a_pdf_shows_its_first_page_preview_and_page_count(
    client, django_capture_on_commit_callbacks
):
    material = derived_material(django_capture_on_commit_callbacks)
    version_file = material.versions.get().files.get()

    html = page(client, material)

    preview = f"/leermiddelen/{material.pk}/v1/bestanden/{version_file.pk}/voorbeeld/"
    assert f'src="{preview}"' in html
    assert 'alt="Eerste pagina van breuken.pdf"' in html
    assert "1 pagina" in html
    assert client.get(preview)["Content-Type"] == "image/webp"


def test_an_image_is_shown_with_alt_text_from_title_and_file_name(
    client, django_capture_on_commit_callbacks
):
    from repository import demo_files
    from tests.repository.factories import upload

    material = derived_material(
        django_capture_on_commit_callbacks,
        title="Kaart van Nederland",
        files=[upload("kaart.png", demo_files.png_bytes("Kaart"))],
    )

    assert 'alt="Kaart van Nederland: kaart.png"' in page(client, material)


def test_a_file_without_preview_gets_a_clear_placeholder(client):
    material = published_material(TeacherFactory())

    assert "Er is (nog) geen voorbeeld van dit bestand." in page(client, material)


def test_a_video_plays_with_controls_and_its_same_named_caption_track(client):
    from tests.repository.factories import upload

    material = published_material(
        TeacherFactory(), files=[upload("les.mp4", MP4_HEADER), upload("les.vtt", VTT)]
    )
    files = {f.original_name: f for f in material.versions.get().files.all()}

    html = page(client, material)

    assert "<video" in html and "controls" in html
    assert f'<source src="/leermiddelen/{material.pk}/v1/bestanden/{files["les.mp4"].pk}/"' in html
    track = f'<track kind="captions" src="/leermiddelen/{material.pk}/v1/bestanden/'
    assert f'{track}{files["les.vtt"].pk}/" srclang="nl"' in html
    assert "Er is (nog) geen stilstaand beeld van deze video." in html


def test_an_audio_file_plays_with_html5_controls(client):
    from repository import demo_files
    from tests.repository.factories import upload

    material = published_material(
        TeacherFactory(), files=[upload("toon.wav", demo_files.wav_bytes(0.1))]
    )

    assert "<audio" in page(client, material)


def test_the_page_offers_ready_to_copy_attribution_with_title_author_source_and_licence(client):
    teacher = TeacherFactory()
    material = published_material(teacher, title="Breuken vergelijken")

    html = page(client, material)

    expected = (
        f"‘Breuken vergelijken’ door {teacher.name}, bron: http://testserver/leermiddelen/"
        f"{material.pk}/, licentie: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
    )
    assert f"readonly>{expected}</textarea>" in html
    assert "js/copy-attribution.js" in html


def test_each_version_offers_its_files_and_a_zip(client):
    from repository import demo_files
    from repository.services.materials import material_add_file, material_publish
    from tests.repository.factories import upload

    teacher = TeacherFactory()
    material = published_material(teacher)
    material_add_file(
        material=material,
        user=teacher,
        upload=upload("extra.pdf", demo_files.pdf_bytes("Extra")),
        original_name="extra.pdf",
    )
    material_publish(material=material, user=teacher)

    html = page(client, material)

    assert f"/leermiddelen/{material.pk}/v1/download.zip" in html
    assert f"/leermiddelen/{material.pk}/v2/download.zip" in html
    assert "Versie 1 downloaden als ZIP" in html


def test_the_page_links_its_nl_lom_record_and_explains_use_in_a_learning_environment(client):
    material = published_material(TeacherFactory())

    html = page(client, material)

    assert "/oai?verb=GetRecord&amp;metadataPrefix=lom&amp;identifier=oai%3A" in html
    assert f"%3Amaterial%3A{material.pk}" in html
    assert "Gebruiken in je leeromgeving" in html
    assert "http://testserver/lti/register/" in html


def test_metadata_is_shown_in_plain_language(client):
    material = published_material(TeacherFactory())

    html = page(client, material)

    assert "groep 6" in html.lower()
    assert "Nederlands" in html


def _with_goal(material, goal):
    material.curriculum_goals.add(goal)
    material.save()


def test_related_materials_share_a_curriculum_goal_first_then_a_subject(client):
    from metadata.models import Concept, ConceptScheme

    teacher = TeacherFactory()
    material = published_material(teacher, title="Hoofd")
    same_subject = published_material(teacher, title="Zelfde vak")
    same_goal = published_material(teacher, title="Zelfde kerndoel")
    draft_material(teacher, title="Concept met zelfde vak")
    goal = Concept.objects.create(
        scheme=ConceptScheme.objects.get(slug="curriculum-goals"),
        identifier="test-kerndoel-1",
        uri="https://example.org/kerndoel/1",
        notation="1",
        label_nl="Kerndoel voor de test",
    )
    _with_goal(material, goal)
    _with_goal(same_goal, goal)

    html = page(client, material)

    section = html[html.index("Verwante leermiddelen") :]
    assert section.index("Zelfde kerndoel") < section.index("Zelfde vak")
    assert "Concept met zelfde vak" not in section
    assert same_subject.get_absolute_url() in section


def test_at_most_six_related_materials_are_shown(client):
    teacher = TeacherFactory()
    material = published_material(teacher, title="Hoofd")
    for number in range(8):
        published_material(teacher, title=f"Ander {number}")

    html = page(client, material)

    section = html[html.index("Verwante leermiddelen") :]
    assert section[: section.index("</section>")].count("<li><a href=") == 6


def test_the_page_uses_the_same_number_of_queries_for_one_or_many_files_and_versions(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from repository import demo_files
    from repository.services.materials import material_add_file, material_publish
    from tests.repository.factories import upload

    teacher = TeacherFactory()
    small = published_material(teacher, title="Klein")
    large = published_material(
        teacher,
        title="Groot",
        files=[upload(f"blad{n}.pdf", demo_files.pdf_bytes(f"Blad {n}")) for n in range(4)],
    )
    for version in range(2):
        material_add_file(
            material=large,
            user=teacher,
            upload=upload(f"nieuw{version}.pdf", demo_files.pdf_bytes(f"Nieuw {version}")),
            original_name=f"nieuw{version}.pdf",
        )
        material_publish(material=large, user=teacher)
    for number in range(3):
        published_material(teacher, title=f"Verwant {number}")
    page(client, small)  # warm caches that are not about this material

    with CaptureQueriesContext(connection) as one:
        page(client, small)
    with CaptureQueriesContext(connection) as many:
        page(client, large)

    assert len(many) == len(one)


def test_a_withdrawn_materials_preview_is_not_found_anonymously(
    client, django_capture_on_commit_callbacks
):
    from repository.services.materials import material_withdraw

    material = derived_material(django_capture_on_commit_callbacks)
    version_file = material.versions.get().files.get()
    preview = f"/leermiddelen/{material.pk}/v1/bestanden/{version_file.pk}/voorbeeld/"
    assert client.get(preview).status_code == 200
    material_withdraw(material=material, user=material.owner, reason="Verouderd")

    assert client.get(preview).status_code == 404


def test_draft_previews_are_only_for_those_who_may_see_the_draft(
    client, django_capture_on_commit_callbacks
):
    teacher = TeacherFactory()
    with django_capture_on_commit_callbacks(execute=True):
        material = draft_material(teacher)
    stored_file_id = material.files.get().stored_file_id
    preview = f"/leermiddelen/{material.pk}/concept/bestanden/{stored_file_id}/voorbeeld/"

    assert client.get(preview).status_code == 404
    client.force_login(TeacherFactory())
    assert client.get(preview).status_code == 404
    client.force_login(teacher)
    response = client.get(preview)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert preview in page(client, material)


def test_the_html_attribution_links_source_and_licence_and_escapes_the_title(client):
    material = published_material(TeacherFactory(), title="Breuken <b>vet</b>")

    html = page(client, material)

    source = f"http://testserver/leermiddelen/{material.pk}/"
    assert f"&lt;a href=&quot;{source}&quot;&gt;Breuken &amp;lt;b&amp;gt;vet" in html
    assert "rel=&quot;license&quot;" in html
