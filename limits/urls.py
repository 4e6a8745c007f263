"""The admin's login and password reset with their limits, in place of Wagtail's views at the
same addresses and names (config.urls includes these before Wagtail's admin)."""

from django.urls import path

from .views import ThrottledLoginView, ThrottledPasswordResetView

urlpatterns = [
    path("login/", ThrottledLoginView.as_view(), name="wagtailadmin_login"),
    path(
        "password_reset/",
        ThrottledPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
]
