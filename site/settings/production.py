"""Production: PostgreSQL through DATABASE_URL, gunicorn, static files through whitenoise.

Secrets and host names come from the environment; nothing secret is committed.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production needs a long random secret in the environment, "
        "for example: export SECRET_KEY=\"$(python -c 'import secrets; "
        "print(secrets.token_urlsafe(50))')\""
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Links in notification e-mails point here.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or (
    f"https://{ALLOWED_HOSTS[0]}" if ALLOWED_HOSTS else ""
)

STORAGES = {
    "default": {"BACKEND": "medialibrary.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS everywhere; a reverse proxy terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers and monitoring ask /health/ over plain HTTP on the internal network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# Referrer-Policy, Cross-Origin-Opener-Policy, nosniff and the Content-Security-Policy hold in
# every environment: settings.base.

# Every message goes into the outbox (a table); the worker (`manage.py db_worker --backend
# background`) delivers it through SMTP, and a server that stalls costs it EMAIL_TIMEOUT
# seconds per try, never a request.
MAILERS = {
    "default": {"BACKEND": "outbox.backends.QueuedBackend"},
    "delivery": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("EMAIL_PORT", "587")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", True),
            "timeout": int(os.environ.get("EMAIL_TIMEOUT", "30")),
        },
    },
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "netzwerk@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who gets a report of every server error (comma-separated addresses); nobody when unset.
ADMINS = env_list("ADMINS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # Reports to ADMINS go through the outbox: a stalled mail server never holds a worker.
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "outbox.error_reports.QueuedAdminEmailHandler",
        },
    },
    # Django's own logger, with the queued handler instead of Django's AdminEmailHandler; its
    # records reach the console through the root.
    "loggers": {
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        "django.tasks": {"level": "WARNING"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
