"""Browser tests: Playwright for Python driving Debian's Chromium (never a downloaded browser).

Without Chromium or Playwright these tests are skipped locally; CI sets REQUIRE_BROWSER_TESTS=1,
which turns a missing browser into a failure.
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
    cookie, storage or cache carries over to the next test."""
    shared, loop = chromium
    asyncio._set_running_loop(loop)
    try:
        yield GermanReader(shared)
    finally:
        try:
            for context in shared.contexts:
                context.close()
        finally:
            asyncio._set_running_loop(None)


class GermanReader:
    """The browser of a reader whose language is German: pages and contexts ask for German
    (Accept-Language, navigator.language) unless a test names another ``locale``."""

    LOCALE = "de-DE"

    def __init__(self, browser):
        self._browser = browser

    def __getattr__(self, name):
        return getattr(self._browser, name)

    def new_page(self, **options):
        return self._browser.new_page(**{"locale": self.LOCALE, **options})

    def new_context(self, **options):
        return self._browser.new_context(**{"locale": self.LOCALE, **options})


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
