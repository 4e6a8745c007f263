"""Per-site settings the city edits in the admin: contact and legal pages in the footer."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class NetworkSettings(BaseSiteSetting):
    contact_email = models.EmailField(
        _("Kontakt-E-Mail der Koordination"),
        blank=True,
        help_text=_("Erscheint in der Fußzeile jeder Seite."),
    )
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Impressum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Datenschutzerklärung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("contact_email"), FieldPanel("imprint_page"), FieldPanel("privacy_page")]

    class Meta:
        verbose_name = _("Netzwerk-Einstellungen")
        # Facts only the city's coordination sets, e.g. since when an association is a member.
        permissions = [("coordinate_network", _("Netzwerk koordinieren"))]
