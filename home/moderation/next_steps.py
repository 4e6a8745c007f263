"""After each step of the moderated path, a word on what happens next (Wagtail says what was
done: "submitted", "updated"). Shown to whoever just acted, in the admin's messages."""

from django.contrib import messages
from django.utils.translation import gettext as _

from wagtail.models import Page


def _author_name(page):
    state = page.current_workflow_state or page.workflow_states.order_by("-created_at").first()
    user = state.requested_by if state is not None else None
    return (
        (user.get_full_name() or user.get_username()) if user else _("die Autorin oder der Autor")
    )


def after_submitting(request, page):
    task = page.current_workflow_task
    if task is None:
        return
    messages.info(
        request,
        _(
            "Wie es weitergeht: Jetzt ist „%(task)s“ dran. Sie bekommen eine E-Mail, sobald "
            "entschieden ist; den Stand sehen Sie auf Ihrer Startseite."
        )
        % {"task": task.name},
    )


def after_saving_a_draft(request, page):
    """A draft of an author who cannot publish, not yet submitted: nobody is told yet."""
    if page.workflow_in_progress or page.permissions_for_user(request.user).can_publish():
        return
    messages.info(
        request,
        _(
            "Gespeichert, aber noch nicht eingereicht: Niemand prüft den Entwurf, bis Sie "
            "„Zur Prüfung einreichen“ wählen."
        ),
    )


def after_deciding(request, page, action):
    """``action``: the workflow action just taken ("approve", "reject")."""
    page = Page.objects.get(pk=page.pk).specific  # its state after the decision
    if action == "reject":
        message = _(
            "Änderungen erbeten: %(author)s sieht Ihren Kommentar auf der Startseite und bekommt "
            "eine E-Mail. Nach dem Überarbeiten kommt die Seite wieder zur Prüfung."
        ) % {"author": _author_name(page)}
    elif page.workflow_in_progress:
        message = _("Freigegeben. Weiter geht es mit „%(task)s“.") % {
            "task": page.current_workflow_task.name
        }
    elif page.live and not page.has_unpublished_changes:
        message = _("Freigegeben und veröffentlicht: Die Seite ist jetzt öffentlich.")
    else:
        return
    messages.info(request, message)
