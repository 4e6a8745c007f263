"""Shared vocabularies of the network, kept as snippets so the city can extend them.

Each vocabulary is translatable: a term has one row per locale, linked by translation_key,
and pages of a locale refer to the terms of that locale.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from ..languages import language_direction


class VocabularyTerm(TranslatableMixin, index.Indexed, models.Model):
    """A named term with a slug that stays stable in shareable filter URLs."""

    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(
        _("Kurzname für Adressen"),
        max_length=100,
        allow_unicode=False,
        help_text=_("Erscheint in Filter-Adressen, z. B. ?schwerpunkt=kultur. Bitte nicht ändern."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    api_fields = [APIField("name", writable=True), APIField("slug", writable=True)]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class FocusArea(VocabularyTerm):
    """What an association mainly works on: culture, social work, education, ..."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("Schwerpunkt")
        verbose_name_plural = _("Schwerpunkte")


class District(VocabularyTerm):
    """A district of the city."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("Stadtteil")
        verbose_name_plural = _("Stadtteile")


class SupportTopic(VocabularyTerm):
    """Something an association can offer the network or seeks from it: rooms, translation, ..."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("Angebots- und Bedarfsthema")
        verbose_name_plural = _("Angebots- und Bedarfsthemen")


class MeetingSeries(VocabularyTerm):
    """A recurring kind of meeting of the exchange format: network meeting, workshop, ..."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("Treffenreihe")
        verbose_name_plural = _("Treffenreihen")


class Language(VocabularyTerm):
    """A language an association works in, or a walk is offered in."""

    code = models.CharField(
        _("Sprachcode"),
        max_length=12,
        help_text=_(
            "BCP-47-Code wie de, tr, ar oder sr-Latn. Bestimmt Schreibrichtung und lang-Attribut."
        ),
    )
    native_name = models.CharField(
        _("Eigenbezeichnung"),
        max_length=100,
        blank=True,
        help_text=_("Der Name der Sprache in ihr selbst, z. B. Türkçe oder العربية."),
    )

    panels = [*VocabularyTerm.panels, FieldPanel("code"), FieldPanel("native_name")]
    api_fields = [
        *VocabularyTerm.api_fields,
        APIField("code", writable=True),
        APIField("native_name", writable=True),
        APIField("direction"),
    ]

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("Sprache")
        verbose_name_plural = _("Sprachen")

    @property
    def direction(self):
        return language_direction(self.code)

    @property
    def is_rtl(self):
        return self.direction == "rtl"
