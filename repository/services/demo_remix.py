"""Demo adaptations and a collection for `seed_demo`, made with the services teachers use."""

from django.db import transaction

from repository.models import Collection, Material
from repository.services.collections import (
    collection_add_material,
    collection_add_section,
    collection_create,
    collection_item_update,
)
from repository.services.materials import material_publish, material_save_draft
from repository.services.remix import remix_create

# source title, adapted title, what changed
DEMO_REMIXES = [
    (
        "Breuken vergelijken",
        "Breuken vergelijken met pizza's (so)",
        "Kortere opdrachten en pizzaplaatjes voor leerlingen in het speciaal onderwijs.",
    ),
    (
        "Geld tellen in de winkel",
        "Geld tellen in de winkel – met pictogrammen",
        "Pictogrammen bij elke stap, voor leerlingen die nog niet lezen.",
    ),
]
DEMO_COLLECTION = "Rekenen in de praktijk"
# section heading, then (material title, note) in order
DEMO_COLLECTION_ITEMS = [
    ("Week 1: breuken", [("Breuken vergelijken", "Start klassikaal met de getallenlijn.")]),
    (
        "Week 2: geld en winkelen",
        [
            ("Geld tellen in de winkel – met pictogrammen", "Werk in tweetallen."),
            ("Solliciteren: het eerste gesprek", "Alleen voor de bovenbouw."),
        ],
    ),
]


@transaction.atomic
def demo_remixes_ensure(*, authors: list, publisher) -> int:
    """Publish the demo adaptations that do not exist yet; return how many exist."""
    for index, (source_title, title, change_note) in enumerate(DEMO_REMIXES):
        owner = authors[(index + 1) % len(authors)]
        if Material.objects.filter(title=title, owner=owner).exists():
            continue
        source = Material.objects.published().filter(title=source_title).first()
        if source is None:
            continue
        remix = remix_create(source=source, user=owner)
        material_save_draft(
            material=remix, user=owner, data={"title": title, "change_note": change_note}
        )
        material_publish(material=remix, user=publisher)
    return Material.objects.filter(sources__isnull=False).distinct().count()


@transaction.atomic
def demo_collection_ensure(*, owner) -> Collection:
    """Create the public demo collection once, with sections and notes."""
    existing = Collection.objects.owned_by(owner).filter(title=DEMO_COLLECTION).first()
    if existing is not None:
        return existing
    collection = collection_create(
        owner=owner,
        data={
            "title": DEMO_COLLECTION,
            "summary": "Twee weken rekenen met echte situaties, voor so en pro.",
            "description": "Een lessenserie van leraren uit het speciaal en praktijkonderwijs.",
            "language": "nl",
            "licence": "cc-by-sa-4.0",
            "visibility": Collection.Visibility.PUBLIC,
        },
    )
    for heading, entries in DEMO_COLLECTION_ITEMS:
        collection_add_section(collection=collection, user=owner, title=heading)
        for title, note in entries:
            material = Material.objects.published().filter(title=title).first()
            if material is None:
                continue
            item = collection_add_material(collection=collection, user=owner, material=material)
            collection_item_update(item=item, user=owner, note=note)
    return collection
