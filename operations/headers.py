"""Security headers that depend on the address: the Content-Security-Policy of the public site
and the API, and the admin's.

The public site and the API get ``SECURE_CSP``: everything from our own origin, inline scripts
and styles only with the request's nonce. Wagtail's admin has inline scripts, styles and style
attributes of its own, so ``/admin/`` gets ``NETWORK_ADMIN_CSP`` (with ``'unsafe-inline'``)
enforced and the strict ``NETWORK_ADMIN_CSP_REPORT_ONLY`` reported, to see how far it is from
the public one.

Origins that follow other settings are added per request, so that changing a setting (or a
test's ``settings`` fixture) never leaves the policy behind: the map's tile server
(``TOURS_MAP_TILE_URL``) in the public ``img-src``, the headless preview's front end
(``NETWORK_HEADLESS_PREVIEW_URL``) in the admin's ``frame-src``, and a media or static URL on
another origin (a CDN, object storage).

The nonce is Django's: ``{% csp_nonce_attr %}`` on every inline ``<script>`` and ``<style>``;
error pages rendered without a request context get ``csp_nonce`` passed in (operations.views,
operations.outage). Wagtail's previews of public pages are answers of the admin: its policy.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.middleware import csp
from django.urls import NoReverseMatch, reverse


def source_origin(url):
    """The origin of a configured absolute URL as a CSP source, or None for an empty or
    relative one. A ``{s}`` (a tile server's subdomains, ``https://{s}.tile.example.org/…``)
    in the host's first label becomes CSP's wildcard, the only place CSP allows one."""
    if not url or "//" not in url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    # netloc without credentials; the host lower-cased, the port kept.
    netloc = parts.netloc.rpartition("@")[2].lower()
    host, colon, port = netloc.partition(":")
    labels = host.split(".")
    if "{" in labels[0]:
        labels[0] = "*"
    if any("{" in label or not label for label in labels):
        return None
    return f"{parts.scheme}://{'.'.join(labels)}{colon}{port}"


def with_sources(policy, directive, sources):
    """A copy of ``policy`` with ``sources`` added to ``directive`` (or to what it falls back
    to, default-src, when the policy does not name it)."""
    sources = [source for source in sources if source]
    if not policy or not sources:
        return policy
    policy = dict(policy)
    current = policy.get(directive, policy.get("default-src", []))
    if isinstance(current, str):
        current = [current]
    policy[directive] = [*current, *(source for source in sources if source not in current)]
    return policy


def file_origins():
    """Where public media and static files come from when not from our own origin."""
    return [source_origin(settings.MEDIA_URL), source_origin(settings.STATIC_URL)]


def is_admin_request(request):
    try:
        prefix = reverse("wagtailadmin_home")
    except NoReverseMatch:  # pragma: no cover - a URLconf without the admin
        return False
    return request.path_info.startswith(prefix)


def public_policy(config):
    config = with_sources(config, "img-src", [*file_origins(), source_origin(tile_url())])
    return with_sources(config, "media-src", file_origins()[:1])


def admin_policy(config):
    config = with_sources(config, "img-src", file_origins())
    return with_sources(config, "frame-src", [source_origin(settings.NETWORK_HEADLESS_PREVIEW_URL)])


def tile_url():
    return getattr(settings, "TOURS_MAP_TILE_URL", "")


class ContentSecurityPolicyMiddleware(csp.ContentSecurityPolicyMiddleware):
    """Django's CSP middleware with the policy chosen by the address. A view that sets its own
    (Django's ``csp_override`` decorators) keeps it."""

    def process_response(self, request, response):
        if getattr(request, "is_dummy", False):
            # Wagtail's preview renders the page through the middleware with a made-up request
            # for the page's public address; the admin's real request, around it, decides
            # (the public policy's frame-ancestors 'none' would refuse the preview panel).
            return response
        if is_admin_request(request):
            enforced = admin_policy(settings.NETWORK_ADMIN_CSP)
            reported = admin_policy(settings.NETWORK_ADMIN_CSP_REPORT_ONLY)
        else:
            enforced = public_policy(settings.SECURE_CSP)
            reported = public_policy(settings.SECURE_CSP_REPORT_ONLY)
        if not hasattr(response, "_csp_config"):
            response._csp_config = enforced
        if not hasattr(response, "_csp_ro_config"):
            response._csp_ro_config = reported
        return super().process_response(request, response)
