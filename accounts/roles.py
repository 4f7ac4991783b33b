"""The platform's roles: Django groups and the permissions each one carries."""

from django.utils.translation import gettext_lazy as _

TEACHERS = "Teachers"
REVIEWERS = "Reviewers"
EDITORS = "Editors"

ROLE_LABELS = {
    TEACHERS: _("Leraar"),
    REVIEWERS: _("Beoordelaar"),
    EDITORS: _("Redacteur"),
}

# Model permissions per role, as "app_label.codename". Apps add theirs here as they grow.
ROLE_PERMISSIONS = {
    TEACHERS: [],
    REVIEWERS: [
        "wagtailadmin.access_admin",
    ],
    EDITORS: [
        "wagtailadmin.access_admin",
        "accounts.grant_reviewer_role",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtailimages.delete_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtaildocs.delete_document",
        "wagtailcore.add_page",
        "wagtailcore.change_page",
        "wagtailcore.publish_page",
        "wagtailcore.lock_page",
        "wagtailcore.unlock_page",
        # Vocabularies are edited, never deleted: other systems may still refer to a term.
        "metadata.add_concept",
        "metadata.change_concept",
        "metadata.view_concept",
        "metadata.change_conceptscheme",
        "metadata.view_conceptscheme",
        "cms.change_sitesettings",
        # Feedback moderation, problem reports and the yearly evaluation exports.
        "repository.moderate_feedback",
        "repository.handle_report",
        "repository.export_evaluation",
    ],
}

# Permissions that Wagtail grants per subtree or per collection rather than globally.
PAGE_PERMISSION_CODENAMES = {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
COLLECTION_PERMISSION_APPS = {"wagtailimages", "wagtaildocs"}
