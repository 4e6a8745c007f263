from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap

from config.api import api
from home.admin_pages import admin_urlpatterns as admin_pages_urlpatterns
from home.sitemaps import NetworkSitemap
from home.views import favicon, serve_page

# Addresses without a language: the admin, the API, files, and what is printed or subscribed
# to (QR codes, sitemap).
urlpatterns = [
    # Browsers and crawlers ask for /favicon.ico whatever the page says.
    path("favicon.ico", favicon),
    # For load balancers and monitoring: 503 while the database is down (operations.views).
    path("", include("operations.urls")),
    # Admin views that name a page by id, before Wagtail's own (see home.admin_pages).
    path("admin/", include(admin_pages_urlpatterns)),
    # Login and password reset with their limits (limits.logins), in place of Wagtail's.
    path("admin/", include("limits.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("api/v3/", api.urls),
    # Documents through the view that checks who may read them (medialibrary.views).
    path("documents/", include("medialibrary.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": NetworkSitemap}}, name="sitemap"),
    path("", include("tours.urls")),
]

# The API answers errors as problem details; a database outage is a 503 (operations.views).
handler400 = "operations.views.bad_request"
handler403 = "operations.views.permission_denied"
handler404 = "operations.views.page_not_found"
handler500 = "operations.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.views.static import serve

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
    # The example front end (examples/walk-client/), on the same origin as the API.
    walk_client = {"document_root": settings.BASE_DIR / "examples" / "walk-client"}
    urlpatterns += [
        path("examples/walk-client/", serve, {**walk_client, "path": "index.html"}),
        re_path(r"^examples/walk-client/(?P<path>[\w.-]+)$", serve, walk_client),
    ]

# The public site, under its language: /de/…, /en/…; "/" and addresses without a prefix lead
# to the reader's best language (Django's LocaleMiddleware), German otherwise.
urlpatterns += i18n_patterns(
    path("", include("home.urls")),
    # Wagtail's page serving comes last: it answers every path the patterns above leave. Ours
    # goes first, under Wagtail's own name, so that a German page can stand in for a missing
    # translation; Wagtail's (same pattern) stays for its password and login views.
    re_path(wagtail_urls.serve_pattern, serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
)
