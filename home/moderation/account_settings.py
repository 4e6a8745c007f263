"""The moderators' own setting in the admin's account page (tab "Notifications"): single mails
for each new item, or one digest a day (sent by ``manage.py send_moderation_digest``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab

from ..models import ModerationMailPreference
from ..roles import moderates


class ModerationMailForm(forms.ModelForm):
    class Meta:
        model = ModerationMailPreference
        fields = ["frequency"]
        widgets = {"frequency": forms.RadioSelect}
        labels = {"frequency": _("Wie möchten Sie von neuen Einsendungen erfahren?")}
        help_texts = {
            "frequency": _(
                "Gemeint sind Geschichten, Aufnahmeanträge, Anmeldungen auf der Warteliste und "
                "Seiten, die auf Ihre Freigabe warten. Mit der Zusammenfassung kommen auch die "
                "einzelnen E-Mails zu eingereichten Seiten nicht mehr."
            )
        }

    def save(self, commit=True):
        self.instance.choose(self.cleaned_data["frequency"])
        return self.instance


class ModerationMailSettingsPanel(BaseSettingsPanel):
    name = "moderation_mail"
    title = _("E-Mails zu neuen Einsendungen")
    tab = notifications_tab
    order = 150  # after Wagtail's switches, which this one overrides for submitted pages
    form_class = ModerationMailForm

    def is_active(self):
        return moderates(self.user)

    def get_form(self):
        kwargs = {"instance": ModerationMailPreference.for_user(self.user), "prefix": self.name}
        if self.request.method == "POST":
            return self.form_class(self.request.POST, **kwargs)
        return self.form_class(**kwargs)
