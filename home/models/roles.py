"""Which Wagtail group and media collection belong to which association."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class AssociationEditors(models.Model):
    """Links an association to its editors' group and its own media collection.

    Kept apart from the page so that copying or translating the page never copies the link.
    """

    association = models.OneToOneField(
        "home.AssociationPage",
        verbose_name=_("Verein"),
        on_delete=models.CASCADE,
        related_name="editors",
    )
    group = models.OneToOneField(
        Group, verbose_name=_("Gruppe"), on_delete=models.CASCADE, related_name="association_link"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("Sammlung"),
        on_delete=models.PROTECT,
        related_name="association_link",
    )

    class Meta:
        verbose_name = _("Redaktion eines Vereins")
        verbose_name_plural = _("Redaktionen der Vereine")

    def __str__(self):
        return str(self.group)
