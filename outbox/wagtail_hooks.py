from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_outbox_urls():
    urls = [
        path("", views.UndeliveredMailView.as_view(), name="index"),
        path(
            "results/", views.UndeliveredMailView.as_view(results_only=True), name="index_results"
        ),
        path("<int:pk>/retry/", views.retry_view, name="retry"),
    ]
    return [path("nicht-zugestellte-emails/", include((urls, "outbox"), namespace="outbox"))]


class UndeliveredMailMenuItem(MenuItem):
    def is_shown(self, request):
        return views.permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def register_undelivered_mail_report():
    return UndeliveredMailMenuItem(
        _("Nicht zugestellte E-Mails"),
        reverse("outbox:index"),
        name="undelivered-mail",
        icon_name="mail",
        order=900,
    )
