from django.urls import path
from django.utils.translation import pgettext_lazy

from . import search, views

app_name = "network"

urlpatterns = [
    # Translators: the address of the site's search, e.g. /en/search/; lower case, no spaces.
    path(pgettext_lazy("address", "suche/"), search.search_view, name="search"),
    # The German address works in every language too (a link shared across languages).
    path("suche/", search.search_view),
    path("einladung/<str:token>/", views.accept_invitation, name="accept_invitation"),
]
