"""The city editors' report of mail not delivered, with a button to send it again."""

import django_filters

from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .models import OutgoingMail
from .tasks import retry

permission_policy = ModelPermissionPolicy(OutgoingMail)


class StatusFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Stand"), choices=OutgoingMail.Status.choices, empty_label=_("Alle")
    )

    class Meta:
        model = OutgoingMail
        fields = ["status"]


class RetryColumn(Column):
    cell_template_name = "outbox/retry_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["may_retry"] = instance.retryable and (
            request is not None and permission_policy.user_has_permission(request.user, "change")
        )
        if context["may_retry"]:
            context["retry_url"] = reverse("outbox:retry", args=[instance.pk])
            context["csrf_token"] = get_token(request)
        return context


class UndeliveredMailView(ReportView):
    """Every message not delivered yet: failed ones (after the last try, or refused for good)
    and those still waiting for a try. Delivered mail is deleted, so it is not here."""

    page_title = _("Nicht zugestellte E-Mails")
    header_icon = "mail"
    model = OutgoingMail
    permission_policy = permission_policy
    permission_required = "view"
    index_url_name = "outbox:index"
    index_results_url_name = "outbox:index_results"
    filterset_class = StatusFilterSet
    paginate_by = 50
    columns = [
        Column(
            "recipients", label=_("Empfänger"), accessor=lambda mail: ", ".join(mail.recipients)
        ),
        Column("subject", label=_("Betreff")),
        Column("status", label=_("Stand"), accessor="get_status_display"),
        Column("attempts", label=_("Versuche")),
        Column("last_error", label=_("Fehler")),
        DateColumn("last_attempt_at", label=_("Letzter Versuch")),
        DateColumn("next_attempt_at", label=_("Nächster Versuch")),
        DateColumn("created_at", label=_("Eingereiht am")),
        RetryColumn("retry", label=""),
    ]

    def get_queryset(self):
        return OutgoingMail.objects.order_by("-created_at", "-pk")


@require_POST
def retry_view(request, pk):
    if not permission_policy.user_has_permission(request.user, "change"):
        raise PermissionDenied
    mail = get_object_or_404(OutgoingMail, pk=pk)
    if retry(mail.pk):
        messages.success(
            request,
            gettext("Die E-Mail „%(subject)s“ wird erneut zugestellt.") % {"subject": mail.subject},
        )
    else:
        messages.warning(
            request,
            gettext("Die E-Mail „%(subject)s“ wartet schon auf ihre Zustellung.")
            % {"subject": mail.subject},
        )
    return redirect("outbox:index")
