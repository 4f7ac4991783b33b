"""Attribution (TASL: title, author, source, licence) of a material version, ready to copy."""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from metadata.licences import LICENCES, Licence
from repository.models import Material, MaterialSource, MaterialVersion


@dataclass(frozen=True)
class Attribution:
    title: str
    authors: list[str]
    source_url: str
    licence_code: str
    licence: Licence | None
    # Set for a remix source, which names the exact version it derives from.
    version_number: int | None = None
    # The attribution lines of everything the material is based on, over all generations.
    based_on: tuple[str, ...] = ()

    @property
    def authors_text(self) -> str:
        return get_text_list(self.authors, _("en"))

    @property
    def licence_label(self) -> str:
        return str(self.licence.label) if self.licence else self.licence_code

    @property
    def line(self) -> str:
        """Return the attribution of this work alone, as one line of plain text."""
        if self.licence is None:
            licence = self.licence_label
        else:
            licence = f"{self.licence_label} ({self.licence.url})"
        values = {
            "title": self.title,
            "version": self.version_number,
            "authors": self.authors_text,
            "source": self.source_url,
            "licence": licence,
        }
        if self.version_number is None:
            template = _("‘%(title)s’ door %(authors)s, bron: %(source)s, licentie: %(licence)s")
        else:
            template = _(
                "‘%(title)s’ (versie %(version)s) door %(authors)s, bron: %(source)s, "
                "licentie: %(licence)s"
            )
        return template % values

    @property
    def text(self) -> str:
        """Plain text to paste under the material wherever it is reused, with its sources."""
        if not self.based_on:
            return self.line
        return "\n".join([self.line, _("Gebaseerd op:"), *(f"- {line}" for line in self.based_on)])

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
        html = format_html(
            _("‘{title}’ door {authors}, licentie: {licence}"),
            title=title,
            authors=self.authors_text,
            licence=licence,
        )
        if not self.based_on:
            return html
        # Earlier generations are stored as text only, so they are quoted, not linked.
        return format_html(
            "{}<br>{}<br>{}",
            html,
            _("Gebaseerd op:"),
            format_html_join(mark_safe("<br>"), "- {}", ((line,) for line in self.based_on)),
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
        based_on=attribution_chain(material),
    )


def attribution_for_material(material: Material, *, source_url: str) -> Attribution:
    """Return the attribution of the material as it is shown (a draft has no version yet)."""
    return Attribution(
        title=material.title,
        authors=material_authors(material),
        source_url=source_url,
        licence_code=material.licence,
        licence=LICENCES.get(material.licence),
        based_on=attribution_chain(material),
    )


def attribution_for_source(source: MaterialSource) -> Attribution:
    """Return the attribution of a remix source as recorded, whatever became of the source."""
    return Attribution(
        title=source.title,
        authors=[source.authors],
        source_url=source.source_url,
        licence_code=source.licence,
        licence=LICENCES.get(source.licence),
        version_number=source.version_number,
    )


def attribution_chain(material: Material) -> tuple[str, ...]:
    """Return one attribution line per work the material is based on, over all generations.

    Each source row carries its own ancestors as text, so the chain needs no other rows and
    survives withdrawn or deleted sources. A work reached along two paths is named once.
    """
    lines: dict[str, None] = {}
    for source in material.sources.all():
        lines[attribution_for_source(source).line] = None
        lines.update(dict.fromkeys(source_inherited_lines(source)))
    return tuple(lines)


def source_inherited_lines(source: MaterialSource) -> list[str]:
    """Return the source's own attribution chain as recorded, one line per earlier work."""
    return [line.strip() for line in source.inherited_attribution.splitlines() if line.strip()]
