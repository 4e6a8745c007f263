"""The admin in the browser tests: a person logged in, in a context of their own."""

import re

from network_users import PASSWORD
from playwright.sync_api import expect


def log_in(browser, base, username, **context_options):
    """A page of a new browser context (1280×900 unless ``viewport`` says otherwise) in which
    ``username`` has logged in to the admin and sees its dashboard."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **context_options})
    page = context.new_page()
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return page


def with_database(work):
    """Run ``work`` (database reads or writes) in the middle of a browser test: the shared
    Chromium's event loop counts as running while the test drives it, and Django refuses the
    database inside a running loop (see the ``browser`` fixture)."""
    import asyncio

    loop = asyncio._get_running_loop()
    asyncio._set_running_loop(None)
    try:
        return work()
    finally:
        asyncio._set_running_loop(loop)
