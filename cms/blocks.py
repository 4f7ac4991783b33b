"""The stream blocks that content pages share."""

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tekst"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Kop 2")), ("h3", _("Kop 3")), ("h4", _("Kop 4"))],
        default="h2",
        label=_("Niveau"),
    )

    class Meta:
        icon = "title"
        label = _("Tussenkop")
        template = "blocks/heading_block.html"


class ImageWithAltTextBlock(blocks.StructBlock):
    """An image that always carries a text alternative for people who cannot see it."""

    image = ImageChooserBlock(label=_("Afbeelding"))
    alt_text = blocks.CharBlock(
        label=_("Alternatieve tekst"),
        max_length=250,
        help_text=_("Beschrijf in één zin wat de afbeelding laat zien en waarom die ertoe doet."),
    )
    caption = blocks.CharBlock(required=False, label=_("Onderschrift"))

    class Meta:
        icon = "image"
        label = _("Afbeelding")
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citaat"))
    attribution = blocks.CharBlock(required=False, label=_("Van wie"))

    class Meta:
        icon = "openquote"
        label = _("Citaat")
        template = "blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    """A short invitation with one link, to a page on this site or elsewhere."""

    title = blocks.CharBlock(label=_("Titel"))
    text = blocks.TextBlock(required=False, label=_("Tekst"))
    page = blocks.PageChooserBlock(required=False, label=_("Pagina"))
    url = blocks.URLBlock(required=False, label=_("Of een adres (URL)"))
    link_text = blocks.CharBlock(
        label=_("Tekst op de knop"),
        help_text=_("Zeg waar de link heen gaat, bijvoorbeeld 'Lees het kwaliteitskader'."),
    )

    class Meta:
        icon = "pick"
        label = _("Oproep")
        template = "blocks/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Kies een pagina of vul een adres in, niet allebei."))
                }
            )
        return value


class MediaEmbedBlock(blocks.StructBlock):
    """A video or other embedded medium, with a title and a link to the original."""

    embed = EmbedBlock(label=_("Adres (URL) van de video of het medium"))
    title = blocks.CharBlock(
        label=_("Titel"),
        help_text=_("Schermlezers en wie de video niet kan afspelen krijgen deze titel te zien."),
    )
    transcript = blocks.RichTextBlock(
        required=False,
        features=RICH_TEXT_FEATURES,
        label=_("Uitgeschreven tekst"),
        help_text=_("Wat er gezegd en getoond wordt, voor wie niet kan kijken of luisteren."),
    )

    class Meta:
        icon = "media"
        label = _("Video of ingebed medium")
        template = "blocks/embed_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        required=False,
        label=_("Linktekst"),
        help_text=_("Laat leeg om de titel van het document te gebruiken."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document_link_block.html"


class TableBlock(TypedTableBlock):
    """A data table with a caption and column headings (WCAG 1.3.1)."""

    text = blocks.CharBlock(label=_("Tekst"))
    number = blocks.DecimalBlock(label=_("Getal"))
    rich_text = blocks.RichTextBlock(
        features=["bold", "italic", "link"], label=_("Opgemaakte tekst")
    )

    class Meta:
        icon = "table"
        label = _("Tabel")
        template = "blocks/table_block.html"


class MaterialChooserBlock(SnippetChooserBlock):
    """Choose a learning material; loaded with `is_published`, so rendering needs no query."""

    def __init__(self, **kwargs):
        super().__init__("repository.Material", **kwargs)

    def deconstruct(self):
        path, _args, kwargs = super().deconstruct()
        return path, (), kwargs

    def bulk_to_python(self, values):
        from repository.models import Material

        published = Material.objects.published().filter(pk=OuterRef("pk"))
        found = Material.objects.annotate(is_published=Exists(published)).in_bulk(
            [value for value in values if value is not None]
        )
        return [found.get(value) for value in values]

    def to_python(self, value):
        return self.bulk_to_python([value])[0]


class MaterialTeaserBlock(blocks.StructBlock):
    """A pointer to a learning material in the repository, shown only while it is published."""

    material = MaterialChooserBlock(label=_("Leermiddel"))
    note = blocks.TextBlock(
        required=False,
        label=_("Toelichting"),
        help_text=_("Waarom raad je dit leermiddel aan?"),
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("Leermiddel uitlichten")
        template = "blocks/material_teaser_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["material"] = material_if_published(value.get("material"))
        return context


def material_if_published(material):
    """Return the material when anyone may see it, else None."""
    if material is None:
        return None
    published = getattr(material, "is_published", None)
    if published is None:
        published = type(material).objects.published().filter(pk=material.pk).exists()
    return material if published else None


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Alinea"),
        template="blocks/paragraph_block.html",
    )
    image = ImageWithAltTextBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = MediaEmbedBlock()
    document = DocumentLinkBlock()
    table = TableBlock()
    material = MaterialTeaserBlock()


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Naam"), help_text=_("Bijvoorbeeld Mastodon of LinkedIn."))
    url = blocks.URLBlock(label=_("Adres (URL)"))

    class Meta:
        icon = "link"
        label = _("Sociale media")
