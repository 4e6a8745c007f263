"""The test suite: fast password hashing, media in a temporary folder, no e-mail sent."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail goes through the outbox as everywhere, and is delivered at once into mail.outbox: Django's
# test environment turns every mailer into locmem; tests/conftest.py puts the outbox back in
# front (see there).
MAILERS = {
    "default": {"BACKEND": "outbox.backends.QueuedBackend"},
    "delivery": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
}
TASKS = {
    "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"},
}
# Serve static files from the apps, as in development, without a collectstatic run.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = tempfile.mkdtemp(prefix="netzwerk-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="netzwerk-test-private-")
WAGTAILADMIN_BASE_URL = "http://testserver"
# Both caches in memory, in each process: tests that need one shared between processes (the
# database cache of the embedded default, tests/limits) configure their own; each test starts
# empty (tests/conftest.py). Never a REDIS_URL's Redis: clearing it before every test would wipe
# what parallel test processes (pytest-xdist) or a running server keep there.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared"},
}
