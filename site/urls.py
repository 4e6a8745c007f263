from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from config.api import api
from home.views import favicon

urlpatterns = [
    # Browsers and crawlers ask for /favicon.ico whatever the page says.
    path("favicon.ico", favicon),
    path("admin/", include(wagtailadmin_urls)),
    path("api/v3/", api.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("", include("home.urls")),
    path("", include("tours.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
    # The example front end (examples/walk-client/), on the same origin as the API.
    walk_client = {"document_root": settings.BASE_DIR / "examples" / "walk-client"}
    urlpatterns += [
        path("examples/walk-client/", serve, {**walk_client, "path": "index.html"}),
        re_path(r"^examples/walk-client/(?P<path>[\w.-]+)$", serve, walk_client),
    ]

urlpatterns += [
    # Wagtail's page serving comes last: it answers every path the patterns above leave.
    path("", include(wagtail_urls)),
]
