"""The test suite: fast password hashing, media in a temporary folder, no e-mail sent."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Serve static files from the apps, as in development, without a collectstatic run.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = tempfile.mkdtemp(prefix="netzwerk-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="netzwerk-test-private-")
WAGTAILADMIN_BASE_URL = "http://testserver"
