"""The association directory's filters: each facet in the URL, so a filtered view can be shared.

Within a facet the choices widen the result (Turkish or Arabic); across facets they narrow it
(Turkish and offering rooms).
"""

import django_filters

from django import forms
from django.utils.translation import gettext_lazy as _

from .models.snippets import FocusArea, Language, SupportTopic


class TermFilter(django_filters.ModelMultipleChoiceFilter):
    """A facet over a vocabulary relation, addressed by the terms' slugs, shown as checkboxes."""

    def __init__(self, relation, **kwargs):
        super().__init__(
            field_name=f"{relation}__slug",
            to_field_name="slug",
            widget=forms.CheckboxSelectMultiple,
            **kwargs,
        )


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
        """(facet label, term) pairs the reader chose, for the summary above the results."""
        if not self.is_bound or not self.is_valid():
            return []
        return [
            (self.filters[name].label, term)
            for name, terms in self.form.cleaned_data.items()
            for term in terms
        ]
