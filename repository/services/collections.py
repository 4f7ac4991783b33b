"""Writes of collections (arrangementen): metadata, items in order, copies and deletion."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from metadata.licence_compatibility import licence_allows_adaptation
from metadata.licences import LICENCES
from repository.attribution import Attribution
from repository.models import Collection, CollectionItem, Material
from repository.selectors.collections import (
    can_edit_collection,
    can_view_collection,
    collection_entries,
    collection_licence_decision,
    item_licence_codes,
)

PLAIN_FIELDS = ("title", "summary", "description", "language", "licence", "visibility")
M2M_FIELDS = ("levels", "subjects")


def _require_owner(collection: Collection, user) -> None:
    if not can_edit_collection(user, collection):
        raise PermissionDenied("Only the owner may change a collection.")


def _fresh(collection: Collection) -> Collection:
    """Re-read the row, locked, so concurrent changes to one collection queue up."""
    return Collection.objects.select_for_update().get(pk=collection.pk)


def _newest_material_licence(material: Material) -> str | None:
    version = material.versions.order_by("-number").first()
    return version.licence if version else None


def _licence_decision(collection: Collection, *, adding: list[str] = ()):
    codes = item_licence_codes(collection_entries(collection)) if collection.pk else []
    return collection_licence_decision(collection, item_codes=codes, adding=adding)


def _check_licence(collection: Collection, *, adding: list[str] = ()) -> None:
    """Refuse a licence the collection's items do not allow (any NC item makes it NC)."""
    decision = _licence_decision(collection, adding=adding)
    if collection.licence in decision.licences:
        return
    message = _("De licentie %(licence)s past niet bij de leermiddelen in dit arrangement.") % {
        "licence": _licence_label(collection.licence)
    }
    if decision.licences:
        choices = ", ".join(_licence_label(code) for code in decision.licences)
        advice = _("Kies een van deze licenties: %(choices)s.") % {"choices": choices}
    else:
        advice = _("Geen licentie past; haal het leermiddel weg dat niet past.")
    raise ValidationError({"licence": f"{message} {advice}"})


def _licence_label(code: str) -> str:
    licence = LICENCES.get(code)
    return str(licence.label) if licence else code


def _apply(collection: Collection, data: dict) -> None:
    for name in PLAIN_FIELDS:
        if name in data:
            value = data[name]
            setattr(collection, name, value.strip() if isinstance(value, str) else value)


def _set_concepts(collection: Collection, data: dict) -> None:
    for name in M2M_FIELDS:
        if name in data:
            getattr(collection, name).set(data[name])


def _touch(collection: Collection) -> None:
    collection.save(update_fields=["updated_at"])


@transaction.atomic
def collection_create(*, owner, data: dict, material: Material | None = None) -> Collection:
    """Create a collection owned by the teacher, with a first material if one is given."""
    collection = Collection(owner=owner)
    _apply(collection, data)
    collection.full_clean()
    adding = []
    if material is not None:
        _require_published(material)
        adding = [_newest_material_licence(material)]
    _check_licence(collection, adding=adding)
    collection.save()
    _set_concepts(collection, data)
    if material is not None:
        _add_material(collection, material)
    return collection


@transaction.atomic
def collection_update(*, collection: Collection, user, data: dict) -> Collection:
    """Change the collection's metadata, licence and visibility."""
    _require_owner(collection, user)
    collection = _fresh(collection)
    _apply(collection, data)
    collection.full_clean()
    _check_licence(collection)
    collection.save()
    _set_concepts(collection, data)
    return collection


def _require_published(material: Material) -> None:
    # Asked of the database: the caller's copy of the material may be older than a withdrawal.
    published = Material.objects.published().filter(pk=material.pk, versions__isnull=False)
    if not published.exists():
        raise ValidationError(
            _("Alleen gepubliceerde leermiddelen kunnen in een arrangement."), code="unpublished"
        )


def _add_material(collection: Collection, material: Material) -> CollectionItem:
    last = collection.items.aggregate(last=Max("sort_order"))["last"]
    return CollectionItem.objects.create(
        collection=collection,
        kind=CollectionItem.Kind.MATERIAL,
        material=material,
        title=material.title[:255],
        sort_order=0 if last is None else last + 1,
    )


@transaction.atomic
def collection_add_material(*, collection: Collection, user, material: Material) -> CollectionItem:
    """Add a published material at the end; refuse drafts, duplicates and clashing licences."""
    _require_owner(collection, user)
    collection = _fresh(collection)
    _require_published(material)
    if collection.items.filter(material=material).exists():
        raise ValidationError(
            _("‘%(title)s’ staat al in dit arrangement.") % {"title": material.title},
            code="duplicate",
        )
    code = _newest_material_licence(material)
    decision = _licence_decision(collection, adding=[code])
    if collection.licence not in decision.licences:
        params = {"title": material.title, "licence": _licence_label(code)}
        if decision.licences:
            params["choices"] = ", ".join(_licence_label(c) for c in decision.licences)
            message = _(
                "‘%(title)s’ heeft de licentie %(licence)s. Die past niet bij de licentie van je "
                "arrangement. Kies eerst een van deze licenties voor je arrangement: %(choices)s."
            )
        else:
            message = _(
                "‘%(title)s’ heeft de licentie %(licence)s. Die past niet bij de andere "
                "leermiddelen of de bron van je arrangement."
            )
        raise ValidationError(message % params, code="licence")
    item = _add_material(collection, material)
    _touch(collection)
    return item


@transaction.atomic
def collection_add_section(
    *, collection: Collection, user, title: str, note: str = ""
) -> CollectionItem:
    """Add a section heading at the end."""
    _require_owner(collection, user)
    collection = _fresh(collection)
    title = title.strip()
    if not title:
        raise ValidationError(_("Geef het onderdeel een kop."), code="required")
    last = collection.items.aggregate(last=Max("sort_order"))["last"]
    item = CollectionItem(
        collection=collection,
        kind=CollectionItem.Kind.SECTION,
        title=title,
        note=note.strip(),
        sort_order=0 if last is None else last + 1,
    )
    item.full_clean()
    item.save()
    _touch(collection)
    return item


@transaction.atomic
def collection_item_update(
    *, item: CollectionItem, user, note: str, title: str | None = None
) -> CollectionItem:
    """Change an item's note, and a section's heading."""
    _require_owner(item.collection, user)
    _fresh(item.collection)
    item.note = note.strip()
    if item.kind == CollectionItem.Kind.SECTION and title is not None:
        if not title.strip():
            raise ValidationError(_("Geef het onderdeel een kop."), code="required")
        item.title = title.strip()
    item.full_clean()
    item.save()
    _touch(item.collection)
    return item


@transaction.atomic
def collection_item_move(*, item: CollectionItem, user, step: int) -> None:
    """Move an item one place up (step -1) or down (step 1); at either end nothing changes."""
    _require_owner(item.collection, user)
    collection = _fresh(item.collection)
    items = list(collection.items.order_by("sort_order", "pk"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index + step
    if step not in (-1, 1) or not 0 <= target < len(items):
        return
    items[index], items[target] = items[target], items[index]
    for order, other in enumerate(items):
        if other.sort_order != order:
            other.sort_order = order
            other.save(update_fields=["sort_order"])
    _touch(collection)


@transaction.atomic
def collection_item_remove(*, item: CollectionItem, user) -> None:
    """Take an item out of the collection; the material itself stays as it is."""
    _require_owner(item.collection, user)
    collection = _fresh(item.collection)
    item.delete()
    _touch(collection)


@transaction.atomic
def collection_delete(*, collection: Collection, user) -> None:
    """Delete the collection for everyone; the row stays so copies keep their source."""
    _require_owner(collection, user)
    collection = _fresh(collection)
    collection.deleted_at = timezone.now()
    collection.save(update_fields=["deleted_at", "updated_at"])


@transaction.atomic
def collection_restore(*, collection: Collection, user) -> Collection:
    """Take the owner's collection out of the bin, with its items and notes as they were."""
    if not user.is_authenticated or collection.owner_id != user.pk:
        raise PermissionDenied("Only the owner may restore a collection.")
    collection = _fresh(collection)
    if collection.deleted_at is None:
        raise ValidationError(_("Dit arrangement staat niet in je prullenbak."), code="not_deleted")
    collection.deleted_at = None
    collection.save(update_fields=["deleted_at", "updated_at"])
    return collection


def collection_attribution(collection: Collection, *, source_url: str) -> Attribution:
    """Return the collection's own attribution: title, owner, address and licence."""
    return Attribution(
        title=collection.title,
        authors=[collection.owner.name],
        source_url=source_url,
        licence_code=collection.licence,
        licence=LICENCES.get(collection.licence),
    )


@transaction.atomic
def collection_copy(*, source: Collection, user, source_url: str) -> Collection:
    """Make a private copy owned by the teacher: same items and notes, with the source credited."""
    if not user.is_authenticated or not can_view_collection(user, source):
        raise PermissionDenied("The collection is not visible to this user.")
    allowed = licence_allows_adaptation(source.licence)
    if not allowed.allowed:
        raise ValidationError([str(reason) for reason in allowed.reasons], code="licence")
    copy = Collection(
        owner=user,
        title=source.title,
        summary=source.summary,
        description=source.description,
        language=source.language,
        visibility=Collection.Visibility.PRIVATE,
        based_on=source,
        based_on_attribution="\n".join(
            line
            for line in (
                collection_attribution(source, source_url=source_url).text,
                *source.based_on_attribution.splitlines(),
            )
            if line.strip()
        ),
    )
    codes = item_licence_codes(collection_entries(source))
    decision = collection_licence_decision(copy, item_codes=codes)
    if not decision.allowed:
        raise ValidationError([str(reason) for reason in decision.reasons], code="licence")
    copy.licence = source.licence if source.licence in decision.licences else decision.licences[0]
    copy.full_clean()
    copy.save()
    copy.levels.set(source.levels.all())
    copy.subjects.set(source.subjects.all())
    CollectionItem.objects.bulk_create(
        CollectionItem(
            collection=copy,
            kind=item.kind,
            material_id=item.material_id,
            title=item.title,
            note=item.note,
            sort_order=order,
        )
        for order, item in enumerate(source.items.order_by("sort_order", "pk"))
    )
    return copy
