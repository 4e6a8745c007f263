"""The addresses a smoke test of a running site requests (scripts/production_smoke).

Found in the database and the API's own document rather than listed by hand, so that a new page
type, sub-page (feed, calendar, download) or API endpoint is covered without anyone remembering.
"""

import logging
import re
import sys
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.templatetags.static import static
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.utils import translation

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Locale, Page, Site, get_page_models

# Addresses that other parts of the platform may answer; requested when they are routed.
OPTIONAL_PATHS = ["/robots.txt", "/health/"]
PATH_PARAMETER = re.compile(r"\{(\w+)\}")


class Command(BaseCommand):
    help = (
        "Prints, one a line, the addresses that must answer 200 on a working site: a live, "
        "public page of every page type with its sub-pages (feeds, calendars, downloads) and its "
        "API detail, the home page in every language, every public GET endpoint of the API, "
        "search, sitemap, robots.txt, admin login and a static file. Fails when a page type has "
        "no live, public page to show."
    )

    def handle(self, *args, **options):
        self.client = Client(
            HTTP_HOST=(settings.ALLOWED_HOSTS or ["localhost"])[0],
            # As the TLS-terminating proxy says (production redirects plain HTTP).
            HTTP_X_FORWARDED_PROTO="https",
            raise_request_exception=False,
        )
        # The probes of api_urls() that miss are expected; Django would log each one.
        logging.getLogger("django.request").setLevel(logging.ERROR)
        urls = []
        samples = self.sample_pages()
        for page in samples:
            urls.append(page.get_url())
            urls.extend(self.subpage_urls(page))
        urls.extend(home.get_url() for home in self.home_pages())
        urls.extend(self.api_urls(samples))
        urls.extend(self.other_urls(samples))
        for url in dict.fromkeys(urls):  # in order, once
            self.stdout.write(url)

    def sample_pages(self):
        """The first live, public page of every page type, in the default language."""
        locale = Locale.get_default()
        samples, missing = [], []
        for model in get_page_models():
            if model is Page:
                continue
            page = (
                model.objects.live()
                .public()
                .exact_type(model)
                .filter(locale=locale)
                .order_by("path")
                .first()
            )
            if page is None:
                missing.append(model._meta.label)
            else:
                samples.append(page.specific)
        if missing:
            raise CommandError(
                "No live, public page in the default language of: "
                + ", ".join(missing)
                + ". Load content that has one (the demo content should)."
            )
        return samples

    def subpage_urls(self, page):
        """Sub-pages of a routable page that take no arguments (feeds, calendars, downloads)."""
        if not isinstance(page, RoutablePageMixin):
            return []
        base = page.get_url()
        urls = []
        for pattern in page.get_subpage_urls():
            route = str(pattern.pattern)
            if route in ("", "^$") or pattern.pattern.regex.groups:
                continue
            urls.append(base + page.reverse_subpage(pattern.name))
        return urls

    def home_pages(self):
        """The site's root page in every language (right-to-left ones included)."""
        root = Site.objects.get(is_default_site=True).root_page
        return root.get_translations(inclusive=True).live().public().order_by("locale_id")

    def api_urls(self, samples):
        urls = ["/api/v3/openapi.json", "/api/v3/docs/"]
        urls.extend(f"/api/v3/pages/{page.pk}/" for page in samples)
        schema = self.get_json("/api/v3/openapi.json")
        for path, operations in schema["paths"].items():
            operation = operations.get("get")
            if operation is None or not self.is_public(operation):
                continue
            parameters = operation.get("parameters", [])
            if any(p.get("required") and p["in"] != "path" for p in parameters):
                continue  # needs a value (a preview token) that a smoke test cannot have
            if any(p["name"] == "html_path" for p in parameters):
                continue  # "find" redirects to a detail, which is requested anyway
            url = self.with_path_parameters(path, operation, samples)
            if url:
                urls.append(url)
        # A public document through the platform's own view (images are the web server's).
        documents = self.get_json("/api/v3/documents/")["items"]
        if documents:
            urls.append(urlsplit(documents[0]["meta"]["download_url"]).path)
        return urls

    @staticmethod
    def is_public(operation):
        security = operation.get("security")
        return security is None or {} in security

    def with_path_parameters(self, path, operation, samples):
        """The path with working values: an enum's first value, a page of a type the endpoint
        serves, the id of the first item its list shows. None (with a note) if there is none."""
        names = PATH_PARAMETER.findall(path)
        if not names:
            return path
        if len(names) > 1:
            return self.not_covered(path, "more than one path parameter")
        name = names[0]
        parameter = next(p for p in operation.get("parameters", []) if p["name"] == name)
        enum = parameter.get("schema", {}).get("enum")
        if enum:
            candidates = [enum[0]]
        elif name == "page_id":
            candidates = [page.pk for page in samples]
        else:
            listing = self.get_json(path.split("{")[0])
            items = listing.get("items", []) if isinstance(listing, dict) else []
            candidates = [items[0]["id"]] if items else []
        for candidate in candidates:
            url = path.replace("{" + name + "}", str(candidate))
            if self.client.get(url).status_code == 200:
                return url
        return self.not_covered(path, "no value found that answers 200")

    def not_covered(self, path, reason):
        sys.stderr.write(f"Not covered: {path} ({reason})\n")
        return None

    def other_urls(self, samples):
        with translation.override(settings.LANGUAGE_CODE):
            search = reverse("network:search")
        word = samples[0].title.split()[0]
        urls = [
            f"{search}?q={word}",
            "/sitemap.xml",
            reverse("operations:robots"),
            reverse("wagtailadmin_login"),
            # Through the manifest: the hashed name collectstatic wrote.
            static("network/site.css"),
        ]
        for path in OPTIONAL_PATHS:
            try:
                resolve(path)
            except Resolver404:
                continue
            urls.append(path)
        return urls

    def get_json(self, url):
        response = self.client.get(url)
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code} (expected 200)")
        return response.json()
