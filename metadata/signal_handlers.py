"""Keep stored OAI-PMH records in step with what they show.

A record is reused only while its material's datestamp holds, which covers publication,
withdrawal and taking offline. What the datestamp does not move with is handled here:
vocabulary labels and authors' names drop the records that show them (and a vocabulary change
makes every process load its concepts again); a new version has its
records rendered after commit, so harvesters meet them ready.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save

from metadata.concept_cache import concepts_changed
from metadata.models import Concept, ConceptScheme
from metadata.oai.records import oai_records_forget

# Bookkeeping that changes on every log-in and shows in no record.
IGNORED_USER_FIELDS = frozenset({"last_login"})


def _vocabulary_changed(sender, instance, raw=False, **kwargs) -> None:
    concepts_changed()
    # Loading fixtures or a backup (raw) changes no record that is already stored.
    if not raw:
        oai_records_forget()


def _user_saved(sender, instance, created, raw=False, update_fields=None, **kwargs) -> None:
    if raw or created or (update_fields and set(update_fields) <= IGNORED_USER_FIELDS):
        return
    from repository.models import Material

    authored = Material.objects.filter(Q(owner=instance) | Q(co_authors=instance))
    oai_records_forget(material_pks=authored.values_list("pk", flat=True).distinct())


def _version_published(sender, instance, created, raw=False, **kwargs) -> None:
    if raw or not created:
        return
    from metadata.tasks import render_oai_records

    material_id = instance.material_id
    transaction.on_commit(lambda: render_oai_records.enqueue(material_id), robust=True)


def connect() -> None:
    from repository.models import MaterialVersion

    for model in (Concept, ConceptScheme):
        post_save.connect(_vocabulary_changed, sender=model, dispatch_uid=f"oai_{model.__name__}")
        post_delete.connect(
            _vocabulary_changed, sender=model, dispatch_uid=f"oai_{model.__name__}_delete"
        )
    post_save.connect(_user_saved, sender=get_user_model(), dispatch_uid="oai_author_names")
    post_save.connect(_version_published, sender=MaterialVersion, dispatch_uid="oai_publication")
