"""Invalidate the anonymous page cache whenever something shown on public pages changes."""

from functools import cache

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from cms.page_cache import page_cache_invalidate

# Bookkeeping that changes on every log-in and shows nowhere.
IGNORED_USER_FIELDS = frozenset({"last_login"})


@cache
def _public_models() -> tuple[type, ...]:
    from metadata.models import Concept
    from repository.models import (
        Collection,
        CollectionItem,
        Feedback,
        FileDerivative,
        Material,
        MaterialSource,
        MaterialVersion,
        Review,
    )

    return (
        Page,
        Redirect,
        BaseSiteSetting,
        BaseGenericSetting,
        AbstractImage,
        AbstractDocument,
        Concept,
        Material,
        MaterialVersion,
        MaterialSource,
        FileDerivative,
        Review,
        Feedback,
        Collection,
        CollectionItem,
    )


def _changed(sender, instance, **kwargs) -> None:
    if isinstance(instance, get_user_model()):
        # Authors' public names appear on materials.
        update_fields = kwargs.get("update_fields")
        if update_fields and set(update_fields) <= IGNORED_USER_FIELDS:
            return
        page_cache_invalidate()
    elif isinstance(instance, _public_models()):
        page_cache_invalidate()


def _relations_changed(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_") and isinstance(instance, _public_models()):
        page_cache_invalidate()


def connect() -> None:
    post_save.connect(_changed, dispatch_uid="page_cache_post_save")
    post_delete.connect(_changed, dispatch_uid="page_cache_post_delete")
    m2m_changed.connect(_relations_changed, dispatch_uid="page_cache_m2m")
