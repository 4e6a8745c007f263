from django.urls import path

from . import views

app_name = "tours"

urlpatterns = [
    # The address printed in a stop's QR code: short, and stable when the stop is renamed
    # or moved.
    path("q/<int:stop_id>/", views.stop_short_link, name="stop"),
]
