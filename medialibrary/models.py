"""What the city decides about media: which collections are public as a whole."""

from django import forms
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="folder-open-inverse")
class MediaSettings(ClusterableModel, BaseGenericSetting):
    public_collections = ParentalManyToManyField(
        "wagtailcore.Collection",
        verbose_name=_("Öffentliche Sammlungen"),
        blank=True,
        related_name="+",
        help_text=_(
            "Bilder und Dokumente in diesen Sammlungen (und ihren Untersammlungen) sind für alle "
            "abrufbar, auch über die API, selbst wenn keine veröffentlichte Seite sie verwendet. "
            "Alle anderen Medien sind öffentlich, solange eine veröffentlichte, öffentliche "
            "Seite sie verwendet, und sonst nur für die Redaktion."
        ),
    )

    panels = [FieldPanel("public_collections", widget=forms.CheckboxSelectMultiple)]

    class Meta:
        verbose_name = _("Medien")
        verbose_name_plural = _("Medien")
