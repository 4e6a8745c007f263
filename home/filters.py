"""The association directory's filters: each facet in the URL, so a filtered view can be shared.

Within a facet the choices widen the result (Turkish or Arabic); across facets they narrow it
(Turkish and offering rooms).
"""

import django_filters

from django import forms
from django.utils.translation import gettext_lazy as _

from .models.snippets import FocusArea, Language, SupportTopic


class TermFilter(django_filters.ModelMultipleChoiceFilter):
    """A facet over a vocabulary relation, addressed by the terms' slugs, shown as checkboxes.

    The reader chooses terms of their language; pages match by the terms' translation keys,
    so a German profile that stands in for a missing translation is found too."""

    def __init__(self, relation, **kwargs):
        self.relation = relation
        super().__init__(
            field_name=f"{relation}__slug",
            to_field_name="slug",
            widget=forms.CheckboxSelectMultiple,
            **kwargs,
        )

    def filter(self, qs, value):
        if not value:
            return qs
        keys = [term.translation_key for term in value]
        matching = qs.model.objects.filter(**{f"{self.relation}__translation_key__in": keys})
        return qs.filter(pk__in=matching.values("pk"))


class AssociationFilter(django_filters.FilterSet):
    schwerpunkt = TermFilter(
        "focus_areas", queryset=FocusArea.objects.none(), label=_("Schwerpunkt")
    )
    sprache = TermFilter("languages", queryset=Language.objects.none(), label=_("Sprache"))
    angebot = TermFilter("offers", queryset=SupportTopic.objects.none(), label=_("Bietet an"))
    bedarf = TermFilter(
        "needs", queryset=SupportTopic.objects.none(), label=_("Sucht Unterstützung bei")
    )

    def __init__(self, data=None, queryset=None, *, locale, **kwargs):
        super().__init__(data, queryset, **kwargs)
        # Offer the terms of the directory's own language only.
        for name, model in (
            ("schwerpunkt", FocusArea),
            ("sprache", Language),
            ("angebot", SupportTopic),
            ("bedarf", SupportTopic),
        ):
            self.filters[name].queryset = model.objects.filter(locale=locale)

    def active_filters(self):
        """The terms the reader chose, each with the query string that drops just that term
        (and the page number), for removable chips above the results."""
        if not self.is_bound or not self.is_valid():
            return []
        chosen = []
        for name, terms in self.form.cleaned_data.items():
            for term in terms:
                remaining = self.data.copy()
                remaining.setlist(
                    name, [slug for slug in self.data.getlist(name) if slug != term.slug]
                )
                remaining.pop("seite", None)
                chosen.append(
                    {
                        "label": self.filters[name].label,
                        "term": term,
                        "remove_query": remaining.urlencode(),
                    }
                )
        return chosen
