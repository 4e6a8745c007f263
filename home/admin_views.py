"""Admin views of participation: applications to join, meeting registrations, invitations."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, UserColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import MenuItem
from wagtail.log_actions import log
from wagtail.models import Locale

from .admin_reading import ReadingView, TitleOpensReading, mailto, reading_url_finder
from .models import (
    AssociationIndexPage,
    AssociationPage,
    EditorInvitation,
    MeetingRegistration,
    MembershipApplication,
)
from .notifications import send_application_declined, send_invitation


def invite(email, association, invited_by, request=None, *, language=None, personal_note=""):
    """Create an invitation, mail its link (in ``language``, German by default, with the
    personal note if there is one), and log it; returns the invitation."""
    invitation = EditorInvitation(
        email=email,
        association=association,
        invited_by=invited_by,
        language=language or settings.LANGUAGE_CODE,
        personal_note=personal_note or "",
    )
    token = invitation.issue_token()
    invitation.save()
    send_invitation(invitation, token, request)
    log(invitation, "network.invitation_sent", user=invited_by, data={"email": email})
    return invitation


#: The personal note runs in the direction of whatever language it is written in.
NOTE_INPUT = forms.Textarea(attrs={"rows": 4, "dir": "auto"})


def invitation_fields():
    """The invitation's language and personal note, as the city chooses and writes them on
    accepting an application (the invitations' own form has them from the model)."""
    field = EditorInvitation._meta.get_field
    return {
        "language": field("language").formfield(),
        "personal_note": field("personal_note").formfield(widget=NOTE_INPUT),
    }


# Invitations -------------------------------------------------------------------------------


class InvitationCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return invite(
            data["email"],
            data["association"],
            self.request.user,
            self.request,
            language=data["language"],
            personal_note=data["personal_note"],
        )

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
    panels = [
        FieldPanel("email"),
        FieldPanel("association", widget=forms.Select),
        FieldPanel("language"),
        FieldPanel("personal_note", widget=NOTE_INPUT),
    ]
    # Headers in the city's words: "state" is a property and "created_at" reads "Eingegangen
    # am" for records that come in, not for invitations that go out.
    list_display = [
        "email",
        "association",
        Column("get_language_display", label=_("Sprache"), sort_key="language"),
        Column("state", label=_("Stand")),
        UserColumn("invited_by", label=_("Eingeladen von"), blank_display_name=_("unbekannt")),
        Column("created_at", label=_("Verschickt am"), sort_key="created_at"),
        Column("expires_at", label=_("Gültig bis"), sort_key="expires_at"),
    ]
    list_filter = ["association", "language"]
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
                # The same person, association, language and note; a new link.
                invitation = invite(
                    old.email,
                    old.association,
                    request.user,
                    request,
                    language=old.language,
                    personal_note=old.personal_note,
                )
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


class ApplicationIndexView(TitleOpensReading, generic.IndexView):
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


def association_named(name):
    """The association of the network called so (any language, live or draft; the original
    first), or None: a second one of the same name is not to be made by accepting."""
    wanted = " ".join(name.split()).casefold()
    # Compared in Python: SQLite's case-insensitive comparison knows only ASCII ("Ü" ≠ "ü").
    found = [
        page
        for page in AssociationPage.objects.only("title", "draft_title", "locale").order_by("pk")
        if wanted
        in {
            " ".join(page.title.split()).casefold(),
            " ".join((page.draft_title or "").split()).casefold(),
        }
    ]
    default = Locale.get_default()
    return next((page for page in found if page.locale_id == default.pk), None) or (
        found[0] if found else None
    )


def check_new_association_name(name):
    """Raises a ValidationError, for the city editor, when the name is taken."""
    existing = association_named(name)
    if existing is not None:
        raise forms.ValidationError(
            gettext(
                "Es gibt schon einen Verein mit dem Namen „%(name)s“. Nehmen Sie diesen Verein "
                "unter einem anderen Namen auf, oder laden Sie die Ansprechperson als Redaktion "
                "des bestehenden Vereins ein."
            ),
            code="association_exists",
            params={"name": existing.title},
        )


NO_DIRECTORY = _("Es gibt noch kein Vereinsverzeichnis, in das der Verein aufgenommen werden kann.")


def association_directory():
    return AssociationIndexPage.objects.filter(locale=Locale.get_default()).first()


def accept_application(
    application, user, request=None, name=None, *, language=None, personal_note=""
):
    """The association joins: its draft profile (named ``name``, by default as it applied), its
    editors' group (created with the page) and an invitation for its contact (in ``language``,
    by default the application's, with the personal note if there is one). Nothing is written
    when the name is taken (see check_new_association_name)."""
    name = " ".join((name or application.association_name).split())
    check_new_association_name(name)
    index = association_directory()
    if index is None:
        raise forms.ValidationError(NO_DIRECTORY, code="no_directory")
    association = AssociationPage(
        title=name,
        short_description=application.focus[:300],
        contact_email=application.email,
        contact_phone=application.phone,
        live=False,
        owner=user,
    )
    index.add_child(instance=association)
    association.save_revision(user=user, log_action=True)
    _accepted(application, association, user, request, language, personal_note)
    return association


def invite_to_existing_association(
    application, association, user, request=None, *, language=None, personal_note=""
):
    """The applicant's association is one of the network already: its contact is invited as an
    editor of it (in ``language``, by default the application's), and no second profile is
    made."""
    _accepted(application, association, user, request, language, personal_note, existing=True)


def _accepted(application, association, user, request, language, personal_note, existing=False):
    # Decided before the invitation goes out: its mail tells the applicant why they are invited.
    application.status = MembershipApplication.Status.ACCEPTED
    application.decided_at = timezone.now()
    application.decided_by = user
    application.association = association
    application.save()
    invite(
        application.email,
        association,
        user,
        request,
        language=language or application.language,
        personal_note=personal_note,
    )
    data = {"association": association.pk}
    if existing:
        data["existing"] = True
    log(application, "network.application_accepted", user=user, data=data)


class AcceptForm(forms.Form):
    """Accepting an application: under the name it gave, or another one where that is taken;
    or, for an association of the network, inviting its contact to it instead."""

    INVITE = "invite"  # the value of the button that invites to the existing association

    association_name = forms.CharField(
        label=_("Name des Vereins"),
        max_length=MembershipApplication._meta.get_field("association_name").max_length,
        required=False,  # empty: the name from the application
    )

    def __init__(self, data=None, *, application):
        # The invitation for its contact: in the language the application was sent in, unless
        # the city chooses another, with a note if it writes one.
        initial = {
            "association_name": application.association_name,
            "language": application.language,
        }
        if data is not None and not set(initial) <= set(data):
            # Sent without a name or language: the application's, the name shown as such if it
            # is taken.
            data = data.copy()
            for name, value in initial.items():
                data.setdefault(name, value)
        super().__init__(data, initial=initial)
        self.application = application
        self.fields.update(invitation_fields())

    @property
    def name(self):
        """The name asked for, as entered or as in the application."""
        entered = " ".join(self.data.get("association_name", "").split())
        return entered or self.application.association_name

    @cached_property
    def existing(self):
        """The association of that name, if there is one."""
        return association_named(self.name)

    @property
    def invites_instead(self):
        return self.data.get("action") == self.INVITE

    def clean(self):
        cleaned = super().clean()
        if self.invites_instead:
            if self.existing is None:
                raise forms.ValidationError(
                    gettext("Es gibt keinen Verein mit dem Namen „%(name)s“."),
                    params={"name": self.name},
                )
        elif association_directory() is None:
            raise forms.ValidationError(NO_DIRECTORY, code="no_directory")
        elif "association_name" in cleaned:
            try:
                check_new_association_name(self.name)
            except forms.ValidationError as error:
                self.add_error("association_name", error)
        return cleaned


class ApplicationReadingView(ReadingView):
    """An application as the city reads it before deciding, with the decisions on the same
    screen while it is new."""

    template_name = "admin/participation/application_inspect.html"
    context_object_name = "application"

    def decisions(self, application):
        if not application.is_new:
            return []
        subject = gettext(
            "Ihr Aufnahmeantrag für „%(name)s“ beim Netzwerk Migrantenorganisationen Sindelfingen"
        ) % {"name": application.association_name}
        return [
            {
                "label": _("Aufnehmen"),
                "url": reverse("network_applications:accept", args=[application.pk]),
            },
            {
                "label": _("Ablehnen"),
                "url": reverse("network_applications:decline", args=[application.pk]),
            },
            {"label": _("Rückfrage per E-Mail"), "url": mailto(application.email, subject)},
        ]


class ApplicationViewSet(ModelViewSet):
    model = MembershipApplication
    icon = "group"
    menu_label = _("Aufnahmeanträge")
    url_prefix = "aufnahmeantraege"
    name = "network_applications"
    form_fields = ["association_name", "focus", "contact_name", "email", "phone", "message"]
    list_display = [
        "association_name",
        "contact_name",
        "email",
        Column("get_language_display", label=_("Sprache"), sort_key="language"),
        "status",
        "created_at",
    ]
    list_filter = ["status", "language"]
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = ApplicationIndexView
    inspect_view_class = ApplicationReadingView

    @property
    def url_finder_class(self):
        # Links to an application (the city's notice, the audit log) open it for reading.
        return reading_url_finder(self)

    def reading_url(self, application):
        return reverse(self.get_url_name("inspect"), args=[application.pk])

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
        # Bound on every POST: one without data accepts under the application's name.
        form = AcceptForm(
            request.POST if request.method == "POST" else None, application=application
        )
        if request.method == "POST" and form.is_valid():
            with transaction.atomic():
                invitation = {
                    "language": form.cleaned_data["language"],
                    "personal_note": form.cleaned_data["personal_note"],
                }
                if form.invites_instead:
                    association = form.existing
                    invite_to_existing_association(
                        application, association, request.user, request, **invitation
                    )
                else:
                    association = accept_application(
                        application, request.user, request, name=form.name, **invitation
                    )
            if form.invites_instead:
                messages.success(
                    request,
                    gettext(
                        "%(email)s ist als Redaktion von „%(name)s“ eingeladen; ein neuer Verein "
                        "ist nicht angelegt."
                    )
                    % {"name": association.title, "email": application.email},
                )
                return redirect(self.get_url_name("index"))
            messages.success(
                request,
                gettext(
                    "„%(name)s“ ist aufgenommen: Das Profil ist als Entwurf angelegt, die "
                    "Einladung an %(email)s ist verschickt."
                )
                % {"name": association.title, "email": application.email},
            )
            return redirect("wagtailadmin_pages:edit", association.pk)
        existing = form.existing
        return TemplateResponse(
            request,
            "admin/participation/accept_application.html",
            {
                "title": gettext("Verein aufnehmen"),
                "question": gettext(
                    "„%(name)s“ aufnehmen? Ein Profil als Entwurf und eine Redaktionsgruppe werden "
                    "angelegt, und %(email)s erhält eine Einladung."
                )
                % {"name": form.name, "email": application.email},
                "form": form,
                "submit_label": gettext("Aufnehmen"),
                "back_url": self.reading_url(application),
                "application": application,
                "existing": existing,
                "existing_url": reverse("wagtailadmin_pages:edit", args=[existing.pk])
                if existing
                else None,
                "invite_value": AcceptForm.INVITE,
            },
            status=400 if form.is_bound else 200,
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
                "back_url": self.reading_url(application),
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
