"""Admin views of participation: applications to join, meeting registrations, invitations."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import MenuItem
from wagtail.log_actions import log
from wagtail.models import Locale

from .models import (
    AssociationIndexPage,
    AssociationPage,
    EditorInvitation,
    MeetingRegistration,
    MembershipApplication,
)
from .notifications import send_application_declined, send_invitation


def invite(email, association, invited_by, request=None):
    """Create an invitation, mail its link, and log it; returns the invitation."""
    invitation = EditorInvitation(email=email, association=association, invited_by=invited_by)
    token = invitation.issue_token()
    invitation.save()
    send_invitation(invitation, token, request)
    log(invitation, "network.invitation_sent", user=invited_by, data={"email": email})
    return invitation


# Invitations -------------------------------------------------------------------------------


class InvitationCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return invite(data["email"], data["association"], self.request.user, self.request)

    def get_success_message(self, instance):
        return gettext("Einladung an %(email)s ist verschickt.") % {"email": instance.email}


class InvitationIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not instance.is_accepted and self.permission_policy.user_has_permission(
            self.request.user, "add"
        ):
            buttons.append(
                MenuItem(
                    _("Neu senden"),
                    url=reverse("network_invitations:resend", args=[instance.pk]),
                    icon_name="mail",
                    priority=5,
                )
            )
        return buttons


class InvitationViewSet(ModelViewSet):
    model = EditorInvitation
    icon = "mail"
    menu_label = _("Einladungen")
    url_prefix = "einladungen"
    name = "network_invitations"
    form_fields = ["email", "association"]
    list_display = ["email", "association", "state", "invited_by", "created_at", "expires_at"]
    list_filter = ["association"]
    add_view_class = InvitationCreateView
    index_view_class = InvitationIndexView
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("resend/<int:pk>/", self.resend_view, name="resend"),
        ]

    def resend_view(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "add"):
            raise PermissionDenied
        old = get_object_or_404(EditorInvitation, pk=pk, accepted_at__isnull=True)
        if request.method == "POST":
            with transaction.atomic():
                invitation = invite(old.email, old.association, request.user, request)
                old.delete()  # the old link stops working
            messages.success(
                request,
                gettext("Neue Einladung an %(email)s ist verschickt.")
                % {"email": invitation.email},
            )
            return redirect(self.get_url_name("index"))
        return TemplateResponse(
            request,
            "admin/participation/confirm.html",
            {
                "title": gettext("Einladung neu senden"),
                "question": gettext(
                    "Eine neue Einladung an %(email)s schicken? Der alte Link funktioniert dann nicht mehr."
                )
                % {"email": old.email},
                "submit_label": gettext("Neu senden"),
                "back_url": reverse(self.get_url_name("index")),
            },
        )


# Applications to join ----------------------------------------------------------------------


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Nachricht an den Verein (freiwillig)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ApplicationIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if (
            instance.status == MembershipApplication.Status.NEW
            and self.permission_policy.user_has_permission(self.request.user, "change")
        ):
            buttons += [
                MenuItem(
                    _("Aufnehmen"),
                    url=reverse("network_applications:accept", args=[instance.pk]),
                    icon_name="check",
                    priority=1,
                ),
                MenuItem(
                    _("Ablehnen"),
                    url=reverse("network_applications:decline", args=[instance.pk]),
                    icon_name="cross",
                    priority=2,
                ),
            ]
        return buttons


def accept_application(application, user, request=None):
    """The association joins: its draft profile, its editors' group (created with the page) and
    an invitation for its contact."""
    index = AssociationIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        raise ValueError(
            gettext(
                "Es gibt noch kein Vereinsverzeichnis, in das der Verein aufgenommen werden kann."
            )
        )
    association = AssociationPage(
        title=application.association_name,
        short_description=application.focus[:300],
        contact_email=application.email,
        contact_phone=application.phone,
        live=False,
        owner=user,
    )
    index.add_child(instance=association)
    association.save_revision(user=user, log_action=True)
    invite(application.email, association, user, request)
    application.status = MembershipApplication.Status.ACCEPTED
    application.decided_at = timezone.now()
    application.decided_by = user
    application.association = association
    application.save()
    log(
        application, "network.application_accepted", user=user, data={"association": association.pk}
    )
    return association


class ApplicationViewSet(ModelViewSet):
    model = MembershipApplication
    icon = "group"
    menu_label = _("Aufnahmeanträge")
    url_prefix = "aufnahmeantraege"
    name = "network_applications"
    form_fields = ["association_name", "focus", "contact_name", "email", "phone", "message"]
    list_display = ["association_name", "contact_name", "email", "status", "created_at"]
    list_filter = ["status"]
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = ApplicationIndexView

    def get_urlpatterns(self):
        return [
            *[pattern for pattern in super().get_urlpatterns() if pattern.name != "add"],
            path("accept/<int:pk>/", self.accept_view, name="accept"),
            path("decline/<int:pk>/", self.decline_view, name="decline"),
        ]

    def _new_application(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        return get_object_or_404(
            MembershipApplication, pk=pk, status=MembershipApplication.Status.NEW
        )

    def accept_view(self, request, pk):
        application = self._new_application(request, pk)
        if request.method == "POST":
            with transaction.atomic():
                association = accept_application(application, request.user, request)
            messages.success(
                request,
                gettext(
                    "„%(name)s“ ist aufgenommen: Das Profil ist als Entwurf angelegt, die "
                    "Einladung an %(email)s ist verschickt."
                )
                % {"name": association.title, "email": application.email},
            )
            return redirect("wagtailadmin_pages:edit", association.pk)
        return TemplateResponse(
            request,
            "admin/participation/confirm.html",
            {
                "title": gettext("Verein aufnehmen"),
                "question": gettext(
                    "„%(name)s“ aufnehmen? Ein Profil als Entwurf und eine Redaktionsgruppe werden "
                    "angelegt, und %(email)s erhält eine Einladung."
                )
                % {"name": application.association_name, "email": application.email},
                "submit_label": gettext("Aufnehmen"),
                "back_url": reverse(self.get_url_name("index")),
            },
        )

    def decline_view(self, request, pk):
        application = self._new_application(request, pk)
        form = DeclineForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            with transaction.atomic():
                application.status = MembershipApplication.Status.DECLINED
                application.decided_at = timezone.now()
                application.decided_by = request.user
                application.save()
                log(application, "network.application_declined", user=request.user)
            send_application_declined(application, form.cleaned_data["reason"])
            messages.success(
                request, gettext("Der Antrag ist abgelehnt; der Verein ist benachrichtigt.")
            )
            return redirect(self.get_url_name("index"))
        return TemplateResponse(
            request,
            "admin/participation/confirm.html",
            {
                "title": gettext("Antrag ablehnen"),
                "question": gettext("Den Antrag von „%(name)s“ ablehnen?")
                % {"name": application.association_name},
                "form": form,
                "submit_label": gettext("Ablehnen"),
                "back_url": reverse(self.get_url_name("index")),
            },
        )


# Meeting registrations ---------------------------------------------------------------------


class RegistrationViewSet(ModelViewSet):
    model = MeetingRegistration
    icon = "date"
    menu_label = _("Anmeldungen zu Treffen")
    url_prefix = "anmeldungen"
    name = "network_registrations"
    form_fields = ["meeting", "name", "association_name", "email", "people", "status"]
    list_display = ["name", "association_name", "people", "status", "meeting", "created_at"]
    list_filter = ["meeting", "status"]
    list_export = ["meeting", "name", "association_name", "email", "people", "status", "created_at"]
    export_filename = "anmeldungen"
    copy_view_enabled = False


class ParticipationGroup(ViewSetGroup):
    menu_label = _("Beteiligung")
    menu_icon = "group"
    menu_order = 240

    def __init__(self):
        # Other apps add theirs (the stories sent for walks) through this hook.
        self.items = (
            ApplicationViewSet,
            RegistrationViewSet,
            InvitationViewSet,
            *[fn() for fn in hooks.get_hooks("register_participation_viewset")],
        )
        super().__init__()
