"""Attribution (TASL: title, author, source, licence) of a material version, ready to copy."""

from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from metadata.licences import LICENCES, Licence
from repository.models import Material, MaterialVersion


@dataclass(frozen=True)
class Attribution:
    title: str
    authors: list[str]
    source_url: str
    licence_code: str
    licence: Licence | None

    @property
    def authors_text(self) -> str:
        return get_text_list(self.authors, _("en"))

    @property
    def licence_label(self) -> str:
        return str(self.licence.label) if self.licence else self.licence_code

    @property
    def text(self) -> str:
        """Plain text to paste under the material wherever it is reused."""
        if self.licence is None:
            licence = self.licence_label
        else:
            licence = f"{self.licence_label} ({self.licence.url})"
        return _("‘%(title)s’ door %(authors)s, bron: %(source)s, licentie: %(licence)s") % {
            "title": self.title,
            "authors": self.authors_text,
            "source": self.source_url,
            "licence": licence,
        }

    @property
    def html(self) -> SafeString:
        """The same attribution with links to the source and the licence."""
        title = format_html('<a href="{}">{}</a>', self.source_url, self.title)
        if self.licence is None:
            licence = format_html("{}", self.licence_label)
        else:
            licence = format_html(
                '<a href="{}" rel="license">{}</a>', self.licence.url, self.licence_label
            )
        return format_html(
            _("‘{title}’ door {authors}, licentie: {licence}"),
            title=title,
            authors=self.authors_text,
            licence=licence,
        )


def material_authors(material: Material) -> list[str]:
    """Return the owner's and co-authors' public names (co-authors prefetched or not)."""
    return [material.owner.name, *(author.name for author in material.co_authors.all())]


def attribution_for_version(
    version: MaterialVersion, *, material: Material, source_url: str
) -> Attribution:
    """Return the attribution of one published version, with the source as an absolute URL."""
    return Attribution(
        title=version.title,
        authors=material_authors(material),
        source_url=source_url,
        licence_code=version.licence,
        licence=LICENCES.get(version.licence),
    )


def attribution_for_material(material: Material, *, source_url: str) -> Attribution:
    """Return the attribution of the material as it is shown (a draft has no version yet)."""
    return Attribution(
        title=material.title,
        authors=material_authors(material),
        source_url=source_url,
        licence_code=material.licence,
        licence=LICENCES.get(material.licence),
    )
