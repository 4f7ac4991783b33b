"""Collection pages: the public list, a collection's page and ZIP, and the owner's editing."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.roles import TEACHERS
from accounts.services import user_has_role
from cms.selectors import paginate
from metadata.licence_compatibility import licence_allows_adaptation
from metadata.licences import LICENCES
from repository.collection_archive import collection_archive_filename, collection_zip_chunks
from repository.forms_collections import (
    NEW_COLLECTION,
    AddToCollectionForm,
    CollectionForm,
    ItemForm,
    MaterialSearchForm,
    SectionForm,
)
from repository.models import Collection, CollectionItem, Material
from repository.selectors.collections import (
    can_edit_collection,
    can_view_collection,
    collection_choices,
    collection_entries,
    collection_for_page,
    collection_licence_decision,
    collection_parts,
    collections_containing,
    collections_public,
    item_licence_codes,
    materials_to_add,
)
from repository.services import collections as services
from repository.serving import zip_response
from repository.views.access import teacher_required

COLLECTIONS_PER_PAGE = 24
ITEM_ACTIONS = {"omhoog": -1, "omlaag": 1}


def _viewable(request, pk: int) -> Collection:
    collection = collection_for_page(pk)
    if collection is None or not can_view_collection(request.user, collection):
        raise Http404
    return collection


def _owned(request, pk: int) -> Collection:
    """Return the collection if the user owns it: 404 when they may not see it, else 403."""
    collection = collection_for_page(pk)
    if collection is None or not can_view_collection(request.user, collection):
        raise Http404
    if not can_edit_collection(request.user, collection):
        raise PermissionDenied
    return collection


def _edit_url(collection: Collection, anchor: str = "") -> str:
    url = reverse("repository:collection_edit", args=[collection.pk])
    return f"{url}#{anchor}" if anchor else url


def _first_error(error: ValidationError) -> str:
    return error.messages[0] if error.messages else _("Dat lukte niet.")


@require_safe
def collection_list(request):
    """List the public collections, optionally those whose title holds the search words."""
    search = MaterialSearchForm(request.GET)
    query = search.cleaned_data["zoek"] if search.is_valid() else ""
    page = paginate(collections_public(query), request.GET.get("page"), COLLECTIONS_PER_PAGE)
    return render(
        request,
        "repository/collection_list.html",
        {"page_obj": page, "search": search, "query": query},
    )


@require_safe
def collection_detail(request, pk: int):
    """Show a collection to whoever may see it: its items in order, with sections and notes."""
    collection = _viewable(request, pk)
    entries = collection_entries(collection)
    source_url = request.build_absolute_uri(collection.get_absolute_url())
    adaptation = licence_allows_adaptation(collection.licence)
    return render(
        request,
        "repository/collection_detail.html",
        {
            "collection": collection,
            "parts": collection_parts(entries),
            "material_count": sum(1 for entry in entries if not entry.is_section),
            "available_count": sum(1 for entry in entries if entry.is_available),
            "attribution": services.collection_attribution(collection, source_url=source_url),
            "licence": LICENCES.get(collection.licence),
            "can_edit": can_edit_collection(request.user, collection),
            "is_teacher": user_has_role(request.user, TEACHERS),
            "copy_refusals": [str(reason) for reason in adaptation.reasons],
            "is_public": collection.visibility == Collection.Visibility.PUBLIC,
            "meta_title": collection.title,
            "meta_description": collection.summary,
        },
    )


@require_safe
def collection_zip(request, pk: int):
    """Stream every available item's newest files plus one attribution file as a ZIP."""
    collection = _viewable(request, pk)
    entries = collection_entries(collection, with_files=True, with_sources=True)
    source_url = request.build_absolute_uri(collection.get_absolute_url())

    def material_url(material_pk: int) -> str:
        return request.build_absolute_uri(reverse("repository:material_detail", args=[material_pk]))

    return zip_response(
        collection_zip_chunks(
            collection,
            entries,
            services.collection_attribution(collection, source_url=source_url),
            material_url=material_url,
        ),
        filename=collection_archive_filename(collection),
        public=collection.visibility == Collection.Visibility.PUBLIC,
    )


def _published_material(value) -> Material | None:
    if not str(value or "").isdigit():
        return None
    return Material.objects.published().filter(pk=int(value)).first()


@teacher_required
def collection_create(request):
    """Start a collection, with the material the teacher came from as its first item."""
    material = _published_material(request.POST.get("leermiddel") or request.GET.get("leermiddel"))
    draft = Collection(owner=request.user)
    adding = [material.licence] if material else []
    decision = collection_licence_decision(draft, item_codes=[], adding=adding)
    if material and draft.licence not in decision.licences and decision.licences:
        draft.licence = decision.licences[0]
    form = CollectionForm(request.POST or None, collection=draft, decision=decision)
    if request.method == "POST" and form.is_valid():
        try:
            collection = services.collection_create(
                owner=request.user, data=form.cleaned_data, material=material
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Je arrangement ‘%(title)s’ is gemaakt.") % {"title": collection.title}
            )
            return redirect(_edit_url(collection, "leermiddel-toevoegen"))
    return render(
        request,
        "repository/collection_create.html",
        {"form": form, "material": material},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def collection_edit(request, pk: int):
    """Let the owner change the metadata, and show the items with their controls."""
    collection = _owned(request, pk)
    entries = collection_entries(collection)
    decision = collection_licence_decision(collection, item_codes=item_licence_codes(entries))
    form = CollectionForm(request.POST or None, collection=collection, decision=decision)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if not data.get("licence"):
            # No licence fits the items; keep the stored one so the service explains why.
            data.pop("licence", None)
        try:
            services.collection_update(collection=collection, user=request.user, data=data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De gegevens van je arrangement zijn opgeslagen."))
            return redirect(_edit_url(collection))
    search = MaterialSearchForm(request.GET)
    query = search.cleaned_data["zoek"] if search.is_valid() else ""
    present = {entry.item.material_id for entry in entries}
    return render(
        request,
        "repository/collection_edit.html",
        {
            "collection": collection,
            "form": form,
            "entries": entries,
            "item_forms": [
                (
                    entry,
                    ItemForm(
                        initial={"title": entry.item.title, "note": entry.item.note},
                        prefix=f"onderdeel-{entry.item.pk}",
                    ),
                )
                for entry in entries
            ],
            "section_form": SectionForm(),
            "search": search,
            "query": query,
            "found": [(material, material.pk in present) for material in materials_to_add(query)],
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def collection_item_change(request, pk: int, item_pk: int):
    """Save an item's note, move it up or down, or take it out."""
    collection = _owned(request, pk)
    item = get_object_or_404(CollectionItem, pk=item_pk, collection=collection)
    item.collection = collection
    action = request.POST.get("actie", "")
    label = item.title or _("het onderdeel")
    try:
        if action in ITEM_ACTIONS:
            services.collection_item_move(item=item, user=request.user, step=ITEM_ACTIONS[action])
            messages.success(request, _("‘%(title)s’ is verplaatst.") % {"title": label})
        elif action == "verwijderen":
            services.collection_item_remove(item=item, user=request.user)
            messages.success(
                request, _("‘%(title)s’ is uit het arrangement gehaald.") % {"title": label}
            )
        else:
            form = ItemForm(request.POST, prefix=f"onderdeel-{item.pk}")
            if not form.is_valid():
                raise ValidationError(_("De kop mag hoogstens 255 tekens lang zijn."))
            services.collection_item_update(
                item=item,
                user=request.user,
                note=form.cleaned_data["note"],
                title=form.cleaned_data["title"],
            )
            messages.success(request, _("‘%(title)s’ is opgeslagen.") % {"title": item.title})
    except ValidationError as error:
        messages.error(request, _first_error(error))
    return redirect(_edit_url(collection, "onderdelen"))


@login_required
@require_POST
def collection_section_add(request, pk: int):
    """Add a section heading at the end of the collection."""
    collection = _owned(request, pk)
    form = SectionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Geef het onderdeel een kop van hoogstens 255 tekens."))
        services.collection_add_section(
            collection=collection, user=request.user, **form.cleaned_data
        )
        messages.success(request, _("Het onderdeel is toegevoegd."))
    except ValidationError as error:
        messages.error(request, _first_error(error))
    return redirect(_edit_url(collection, "onderdelen"))


def _add_material(request, collection: Collection, material_pk) -> bool:
    material = (
        Material.objects.filter(pk=material_pk).first() if str(material_pk).isdigit() else None
    )
    try:
        if material is None:
            raise ValidationError(_("Alleen gepubliceerde leermiddelen kunnen in een arrangement."))
        services.collection_add_material(
            collection=collection, user=request.user, material=material
        )
    except ValidationError as error:
        messages.error(request, _first_error(error))
        return False
    messages.success(
        request,
        _("‘%(material)s’ staat nu in ‘%(collection)s’.")
        % {"material": material.title, "collection": collection.title},
    )
    return True


@login_required
@require_POST
def collection_material_add(request, pk: int):
    """Add a published material, found by the search on the edit page, at the end."""
    collection = _owned(request, pk)
    _add_material(request, collection, request.POST.get("leermiddel", ""))
    return redirect(_edit_url(collection, "onderdelen"))


@teacher_required
@require_POST
def collection_add_from_material(request, material_pk: int):
    """Put the material from its page into one of my collections, or start a new one with it."""
    material = get_object_or_404(Material.objects.published(), pk=material_pk)
    form = AddToCollectionForm(request.POST, choices=collection_choices(request.user))
    if not form.is_valid():
        messages.error(request, _("Kies een van je arrangementen, of een nieuw arrangement."))
    elif form.cleaned_data["collection"] == NEW_COLLECTION:
        query = urlencode({"leermiddel": material.pk})
        return redirect(f"{reverse('repository:collection_create')}?{query}")
    else:
        collection = collection_for_page(int(form.cleaned_data["collection"]))
        if collection is None or not can_edit_collection(request.user, collection):
            raise Http404
        _add_material(request, collection, material.pk)
    return redirect(material.get_absolute_url())


@teacher_required
@require_POST
def collection_copy(request, pk: int):
    """Make a private copy of the collection for the teacher, crediting the source."""
    source = _viewable(request, pk)
    try:
        copy = services.collection_copy(
            source=source,
            user=request.user,
            source_url=request.build_absolute_uri(source.get_absolute_url()),
        )
    except ValidationError as error:
        messages.error(request, _first_error(error))
        return redirect(source.get_absolute_url())
    messages.success(
        request,
        _("Je kopie van ‘%(title)s’ is gemaakt. Alleen jij ziet hem, tot je hem deelt.")
        % {"title": source.title},
    )
    return redirect(_edit_url(copy))


@login_required
def collection_delete(request, pk: int):
    """Ask for confirmation before deleting the collection; delete on POST."""
    collection = _owned(request, pk)
    if request.method == "POST":
        services.collection_delete(collection=collection, user=request.user)
        messages.success(
            request, _("Het arrangement ‘%(title)s’ is verwijderd.") % {"title": collection.title}
        )
        return redirect(f"{reverse('repository:my_materials')}#arrangementen")
    return render(request, "repository/collection_delete.html", {"collection": collection})


def material_page_collections(request, material: Material, *, is_public: bool) -> dict:
    """Return what the material page shows about collections: where it is, and where to add it."""
    if not is_public:
        return {"in_collections": [], "collection_add_form": None}
    add_form = None
    if user_has_role(request.user, TEACHERS):
        add_form = AddToCollectionForm(choices=collection_choices(request.user))
    return {"in_collections": collections_containing(material), "collection_add_form": add_form}
