"""Headers of a public authority's site (issue 13, point 7): a strict Content-Security-Policy on
the public site and the API, the admin's as strict as Wagtail allows (plus the strict one
reported), Permissions-Policy, Cross-Origin-Opener-Policy, Referrer-Policy and nosniff on every
answer, WWW-Authenticate on the API's 401s, and robots.txt."""

import re

import pytest
from api_tokens import bearer
from network_users import make_city_editor
from public_pages import PAGES

from django.db import OperationalError
from django.test import Client

from wagtail.models import Site

pytestmark = pytest.mark.django_db

PUBLIC_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
NONCE = re.compile(r"'nonce-([^']+)'")
INLINE_ELEMENT = re.compile(r"<(script|style)\b([^>]*)>", re.IGNORECASE)


def directives(policy):
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    assert "geolocation=(self)" in permissions
    for feature in ("camera", "microphone", "payment", "usb", "serial", "hid"):
        assert f"{feature}=()" in permissions


def assert_strict_policy(response):
    """The public policy; a nonce in script-src and style-src only if the page used one."""
    policy = directives(response["Content-Security-Policy"])
    without_nonce = {
        name: [value for value in values if not value.startswith("'nonce-")]
        for name, values in policy.items()
    }
    assert without_nonce == directives(PUBLIC_POLICY)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "Content-Security-Policy-Report-Only" not in response
    return policy


def assert_inline_elements_carry_the_nonce(response):
    """Every inline script and style of the page has the nonce of the answer's policy; no
    style attributes or event handlers (a nonce does not cover them)."""
    policy = response["Content-Security-Policy"]
    nonces = set(NONCE.findall(policy))
    html = response.content.decode()
    inline = [
        (tag, attributes)
        for tag, attributes in INLINE_ELEMENT.findall(html)
        if not re.search(r"\bsrc=", attributes) and "application/json" not in attributes
    ]
    for tag, attributes in inline:
        nonce = re.search(r'nonce="([^"]+)"', attributes)
        assert nonce, f"<{tag}{attributes}> without a nonce"
        assert nonces == {nonce.group(1)}, (policy, attributes)
        assert f"'nonce-{nonce.group(1)}'" in directives(policy)[f"{tag.lower()}-src"]
    assert not re.search(r"<[^>]+\sstyle=", html), "a style attribute"
    assert not re.search(r"<[^>]+\son[a-z]+=", html), "an inline event handler"
    return inline


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_public_page_type_has_the_strict_policy(client, name):
    response = client.get(PAGES[name])

    assert response.status_code == 200, PAGES[name]
    assert_strict_policy(response)
    assert_common_headers(response)
    assert_inline_elements_carry_the_nonce(response)


def test_a_form_with_mistakes_runs_its_script_with_the_nonce(client):
    response = client.post(PAGES["join"], {})

    assert response.status_code == 400  # the form's mistakes
    assert 'id="form-errors"' in response.content.decode()
    policy = assert_strict_policy(response)
    (nonce,) = set(NONCE.findall(response["Content-Security-Policy"]))
    assert policy["script-src"] == ["'self'", f"'nonce-{nonce}'"]
    inline = assert_inline_elements_carry_the_nonce(response)
    assert [tag for tag, _attributes in inline] == ["script"]


def test_each_answer_has_a_nonce_of_its_own(client):
    nonces = {
        NONCE.findall(client.post(PAGES["join"], {})["Content-Security-Policy"])[0]
        for _ in range(3)
    }
    assert len(nonces) == 3


def test_calendar_and_feed_answers_carry_the_headers_too(client):
    for path in ("/de/treffen/kalender/", "/sitemap.xml"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_strict_policy(response)
        assert_common_headers(response)


def test_a_configured_tile_server_is_allowed_for_images_only(client, settings):
    settings.TOURS_MAP_TILE_URL = "https://{s}.Tiles.example.org:8443/{z}/{x}/{y}.png"

    response = client.get(PAGES["walk"])

    policy = directives(response["Content-Security-Policy"])
    assert policy["img-src"] == ["'self'", "https://*.tiles.example.org:8443"]
    assert "tiles.example.org" not in response["Content-Security-Policy"].replace(
        "img-src 'self' https://*.tiles.example.org:8443", ""
    )


def test_without_a_tile_server_no_other_origin_is_allowed(client, settings):
    settings.TOURS_MAP_TILE_URL = ""
    assert directives(client.get(PAGES["walk"])["Content-Security-Policy"])["img-src"] == ["'self'"]


# The API ----------------------------------------------------------------------------------


def test_the_api_has_the_strict_policy(client):
    response = client.get("/api/v3/pages/?limit=1")

    assert response.status_code == 200
    assert_strict_policy(response)
    assert_common_headers(response)


def test_a_401_of_the_api_says_how_to_authenticate(client):
    response = client.get("/api/v3/whoami/")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response["Content-Type"] == "application/problem+json"
    assert_strict_policy(response)


def test_a_refused_token_is_named_invalid(client):
    response = client.get("/api/v3/whoami/", HTTP_AUTHORIZATION="Bearer not-a-token")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api", error="invalid_token"'


def test_a_write_without_a_token_is_a_401_with_the_challenge(client):
    response = client.post("/api/v3/pages/", {}, content_type="application/json")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_a_valid_token_gets_no_challenge(client):
    response = client.get("/api/v3/whoami/", headers=bearer(make_city_editor("stadt-headers")))

    assert response.status_code == 200
    assert "WWW-Authenticate" not in response


# The admin --------------------------------------------------------------------------------


def test_the_admin_enforces_what_wagtail_allows_and_reports_the_strict_policy(client, settings):
    settings.NETWORK_HEADLESS_PREVIEW_URL = "https://vorschau.example.org/preview?token={token}"

    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert_common_headers(response)
    enforced = directives(response["Content-Security-Policy"])
    assert enforced["script-src"] == ["'self'", "'unsafe-inline'"]
    assert enforced["style-src"] == ["'self'", "'unsafe-inline'"]
    assert enforced["object-src"] == ["'none'"]
    assert enforced["base-uri"] == ["'self'"]
    assert enforced["form-action"] == ["'self'"]
    # Wagtail's preview panel frames the admin's own preview.
    assert enforced["frame-ancestors"] == ["'self'"]
    assert enforced["frame-src"] == ["'self'", "https://vorschau.example.org"]
    assert "'nonce-" not in response["Content-Security-Policy"]  # it would void unsafe-inline
    reported = directives(response["Content-Security-Policy-Report-Only"])
    assert "'unsafe-inline'" not in response["Content-Security-Policy-Report-Only"]
    assert reported["script-src"][0] == "'self'"
    assert reported["frame-ancestors"] == ["'self'"]


def test_the_headless_preview_page_styles_itself_with_the_nonce():
    from django.template import loader

    html = loader.get_template("admin/headless_preview.html").render(
        {
            "page": {"title": "T"},
            "preview_url": "https://x.example.org/",
            "max_age_minutes": 5,
            "csp_nonce": "abc123",
        }
    )
    assert '<style nonce="abc123">' in html


# Error pages ------------------------------------------------------------------------------


def failing(exc):
    def fail(*args, **kwargs):
        raise exc

    return fail


@pytest.mark.parametrize(
    ("error", "status"), [(RuntimeError("a bug"), 500), (OperationalError("down"), 503)]
)
def test_error_pages_style_themselves_with_the_nonce(monkeypatch, error, status):
    monkeypatch.setattr(Site, "find_for_request", failing(error))

    response = Client(raise_request_exception=False).get("/de/")

    assert response.status_code == status
    assert_common_headers(response)
    inline = assert_inline_elements_carry_the_nonce(response)
    assert [tag for tag, _attributes in inline] == ["style"]
    assert_strict_policy(response)


# robots.txt -------------------------------------------------------------------------------


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_what_is_not_for_them(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    disallowed = {line.removeprefix("Disallow: ") for line in lines if line.startswith("Disallow:")}
    assert {
        "/admin/",
        "/api/v3/pages/*/actions/",
        "/api/v3/participation/",
        "/api/v3/moderation/",
        "/api/v3/preview/",
        "/api/v3/meetings/*/registrations/",
        "/*/druck/",
        "/*/qr/",
        "/q/",
        "/*/einladung/",
        "/*/suche/",
        "/en/search/",
        "/ar/bahth/",
    } <= disallowed
    # What readers and crawlers should find stays open.
    assert not disallowed & {"/", "/de/", "/api/", "/api/v3/", "/api/v3/pages/", "/documents/"}


def test_robots_txt_needs_no_database(monkeypatch, client):
    monkeypatch.setattr(Site, "find_for_request", failing(OperationalError("down")))
    assert client.get("/robots.txt").status_code == 200


def test_the_sitemap_named_in_robots_txt_is_there(client):
    sitemap_line = next(
        line
        for line in client.get("/robots.txt").content.decode().splitlines()
        if line.startswith("Sitemap:")
    )
    response = client.get(sitemap_line.split("http://testserver", 1)[1])
    assert response.status_code == 200


def test_wagtails_preview_leaves_the_policy_to_the_admins_request(demo_tour):
    """The preview renders the public page through the middleware with a made-up request for
    its public address: that answer takes no policy of its own, the admin's request (around
    it) gives the admin's, whose frame-ancestors 'self' lets the preview panel frame it."""
    response = demo_tour.make_preview_request()

    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert "Content-Security-Policy-Report-Only" not in response
