"""Site-wide settings that editors manage: footer, contact address, social media."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from cms.blocks import SocialLinkBlock


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    footer_text = models.TextField(
        _("tekst in de voettekst"),
        blank=True,
        help_text=_("Eén of twee zinnen over de alliantie, onderaan elke pagina."),
    )
    footer_text_en = models.TextField(
        _("tekst in de voettekst (Engels)"),
        blank=True,
        help_text=_("Leeg laten toont de Nederlandse tekst ook op Engelse pagina's."),
    )
    contact_email = models.EmailField(_("e-mailadres voor contact"), blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())], blank=True, verbose_name=_("sociale media")
    )

    panels = [
        FieldPanel("footer_text"),
        FieldPanel("footer_text_en"),
        FieldPanel("contact_email"),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = _("instellingen van de website")
        verbose_name_plural = _("instellingen van de website")
