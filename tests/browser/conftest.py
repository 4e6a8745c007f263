"""Browser tests: Playwright for Python driving Debian's Chromium (never a downloaded browser).

Without Chromium or Playwright these tests are skipped locally; CI sets REQUIRE_BROWSER_TESTS=1,
which turns a missing browser into a failure.

Every page opened through the ``browser`` fixture watches for Content-Security-Policy
violations (the ``securitypolicyviolation`` events of the page and its frames, and Chromium's
console errors about the policy); a test during which one of them was enforced fails. The
admin's report-only policy reports what Wagtail still needs inline: those do not count.
"""

import asyncio
import os
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# As root on a closed network: no sandbox, and no background traffic to Google's hosts.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Runs in every document before its own scripts; reports an enforced violation to Python. The
# binding is looked up when the event comes: Playwright may install it after this script.
CSP_VIOLATION_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  if (event.disposition !== "enforce" || !window.__reportCspViolation) return;
  window.__reportCspViolation({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    source: event.sourceFile + ":" + event.lineNumber,
    sample: event.sample,
    document: event.documentURI,
  });
}, true);
"""
SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR", "test-artifacts/screenshots"))


def _unavailable_reason():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -e '.[test]')"
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    return None


@pytest.fixture(scope="session")
def chromium():
    """One Playwright driver and one Chromium for the whole run of this process (each xdist
    worker has its own); every test gets fresh contexts in it (see ``browser``).

    While Playwright runs, its event loop is marked as running in this thread, and Django then
    treats the thread as async and hands out other database connections (or refuses). So the
    loop is marked as running only while a test drives the page: unmarked here right after the
    launch, marked by ``browser`` for the test body alone."""
    reason = _unavailable_reason()
    if reason:
        if os.environ.get("REQUIRE_BROWSER_TESTS") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    loop = asyncio.get_running_loop()
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
    asyncio._set_running_loop(None)
    yield chromium, loop
    asyncio._set_running_loop(loop)
    try:
        chromium.close()
    finally:
        playwright.stop()
        asyncio._set_running_loop(None)


@pytest.fixture
def browser(demo_site, chromium):
    """The shared Chromium, for the test body only: set up after the database work of the
    test's other fixtures and closed before their teardown (see ``chromium``). Test bodies
    therefore only drive the page. The contexts a test opened are closed after it, so that no
    cookie, storage or cache carries over to the next test; an enforced Content-Security-Policy
    violation during the test fails it."""
    shared, loop = chromium
    asyncio._set_running_loop(loop)
    reader = GermanReader(shared)
    try:
        yield reader
    finally:
        try:
            for context in shared.contexts:
                context.close()
        finally:
            asyncio._set_running_loop(None)
    if reader.csp_violations:
        pytest.fail(
            "Content-Security-Policy violations:\n"
            + "\n".join(str(violation) for violation in reader.csp_violations)
        )


class GermanReader:
    """The browser of a reader whose language is German: pages and contexts ask for German
    (Accept-Language, navigator.language) unless a test names another ``locale``.

    Its pages record the Content-Security-Policy violations in ``csp_violations``."""

    LOCALE = "de-DE"

    def __init__(self, browser):
        self._browser = browser
        self.csp_violations = []

    def __getattr__(self, name):
        return getattr(self._browser, name)

    def new_page(self, **options):
        page = self._browser.new_page(**{"locale": self.LOCALE, **options})
        self._watch(page)
        page.on("console", self._console_message)
        return page

    def new_context(self, **options):
        context = self._browser.new_context(**{"locale": self.LOCALE, **options})
        self._watch(context)
        context.on("console", self._console_message)
        return context

    def _watch(self, target):
        """A page or a context: every document in it reports enforced violations."""
        target.expose_binding(
            "__reportCspViolation", lambda _source, violation: self.csp_violations.append(violation)
        )
        target.add_init_script(CSP_VIOLATION_LISTENER)

    def _console_message(self, message):
        # Chromium's own words for what a policy blocked (also where no event reaches a page,
        # e.g. a frame that was refused); "[Report Only]" is the admin's reported policy.
        text = message.text
        if (
            message.type == "error"
            and "Content Security Policy" in text
            and "[Report Only]" not in text
        ):
            self.csp_violations.append({"console": text, "document": message.location.get("url")})


@pytest.fixture
def decode_qr(tmp_path):
    """Decode the QR code in a PNG with zbarimg (Debian's zbar-tools)."""
    zbarimg = shutil.which("zbarimg")
    if zbarimg is None:
        reason = "zbarimg not found (apt-get install zbar-tools)"
        if os.environ.get("REQUIRE_BROWSER_TESTS") == "1":
            pytest.fail(reason)
        pytest.skip(reason)

    def decode(png_bytes):
        image = tmp_path / "qr.png"
        image.write_bytes(png_bytes)
        result = subprocess.run(
            [zbarimg, "--quiet", "--raw", str(image)], capture_output=True, text=True, check=False
        )
        return result.stdout.strip()

    return decode


@pytest.fixture
def screenshot(request):
    folder = SCREENSHOT_DIR / request.node.name
    folder.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        path = folder / f"{name}.png"
        page.screenshot(path=path, full_page=True)
        return path

    return take
