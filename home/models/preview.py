"""Headless preview: an editor sees a draft in the external front end before it is published.

The editor's unsaved page is kept as a snapshot; the front end gets a signed token that expires
(NETWORK_HEADLESS_PREVIEW_MAX_AGE) and reads the snapshot from the API with it. This is the idea
of wagtail-headless-preview, whose releases do not support Wagtail 8 yet.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SIGNING_SALT = "home.headless-preview"


class HeadlessPreview(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("Seite")
    )
    # Like Wagtail's revisions: page data holds dates and times.
    content = models.JSONField(_("Inhalt"), encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(_("Erstellt am"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("Externe Vorschau")
        verbose_name_plural = _("Externe Vorschauen")

    def __str__(self):
        return f"{self.page_id} @ {self.created_at:%Y-%m-%d %H:%M}"

    @classmethod
    def create_for(cls, page, user):
        """A snapshot of ``page`` as it is in memory (unsaved edits included) and its token."""
        expired = timezone.now() - datetime.timedelta(
            seconds=settings.NETWORK_HEADLESS_PREVIEW_MAX_AGE
        )
        cls.objects.filter(created_at__lt=expired).delete()
        preview = cls.objects.create(
            page_id=page.pk, content=page.serializable_data(), created_by=user
        )
        return preview, signing.dumps(preview.pk, salt=SIGNING_SALT, compress=True)

    @classmethod
    def from_token(cls, token):
        """The preview a token names, or None when it is forged, expired or gone."""
        try:
            pk = signing.loads(
                token, salt=SIGNING_SALT, max_age=settings.NETWORK_HEADLESS_PREVIEW_MAX_AGE
            )
        except signing.BadSignature:
            return None
        return cls.objects.select_related("page").filter(pk=pk).first()

    def as_page(self):
        """The previewed page, rebuilt from its snapshot (never saved)."""
        page_class = self.page.specific_class
        page = page_class.from_serializable_data(self.content, check_fks=False, strict_fks=False)
        return page

    @staticmethod
    def front_end_url(token):
        return settings.NETWORK_HEADLESS_PREVIEW_URL.replace("{token}", token)


class HeadlessPreviewMixin:
    """Adds "Externe Vorschau" to a page type's preview modes when a front end is configured."""

    HEADLESS_MODE = "headless"

    @property
    def preview_modes(self):
        modes = super().preview_modes
        if settings.NETWORK_HEADLESS_PREVIEW_URL:
            modes = [*modes, (self.HEADLESS_MODE, _("Externe Vorschau"))]
        return modes

    def serve_preview(self, request, mode_name):
        if mode_name != self.HEADLESS_MODE or not settings.NETWORK_HEADLESS_PREVIEW_URL:
            return super().serve_preview(request, mode_name)
        _preview, token = HeadlessPreview.create_for(self, request.user)
        return TemplateResponse(
            request,
            "admin/headless_preview.html",
            {
                "page": self,
                "preview_url": HeadlessPreview.front_end_url(token),
                "max_age_minutes": settings.NETWORK_HEADLESS_PREVIEW_MAX_AGE // 60,
            },
        )
