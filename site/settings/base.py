"""Settings shared by every environment. Environment-specific modules import * from here."""

import os
from pathlib import Path

import dj_database_url

from django.utils.csp import CSP

CONFIG_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = CONFIG_DIR.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# Our apps in dependency order: the media library and the outbox below everything, home is the
# base of the network, walks build on it, projects link walks.
INSTALLED_APPS = [
    # Limits on what clients send (rate limits, login throttle, body size): below everything.
    "limits",
    "medialibrary",
    "outbox",
    "home",
    "tours",
    "projects",
    # Health endpoint, answers during outages, backup and restore.
    "operations",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    # Editors translate a page (and its subtree) into another language; see home.i18n.
    "wagtail.contrib.simple_translation",
    # The headless API (django-ninja) with its token admin; see config.api.
    "wagtail.api.v3",
    # Serves the API's interactive docs from our own static files instead of a CDN.
    "ninja",
    "corsheaders",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # The database backend of the tasks framework (the task table and `manage.py db_worker`).
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Wagtail's search index uses PostgreSQL's full-text fields there; inert on SQLite.
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # CORS first, so that its headers reach error responses too (none allowed by default).
    "corsheaders.middleware.CorsMiddleware",
    # Every error of the API as problem+json, whichever layer made it (operations.middleware).
    "operations.middleware.APIProblemMiddleware",
    # Oversized bodies are refused (413) before anything reads them; see limits.uploads.
    "limits.uploads.RequestBodyLimitMiddleware",
    # HSTS, nosniff, Referrer-Policy and Cross-Origin-Opener-Policy (settings below).
    "django.middleware.security.SecurityMiddleware",
    # What the browser may let pages use (camera, microphone …): PERMISSIONS_POLICY below.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Content-Security-Policy by address (public site and API, admin): see operations.headers.
    "operations.headers.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language from the URL prefix (/de/, /en/ …); "/" goes to the reader's best match.
    "home.languages.LocaleMiddleware",
    # German pages that stand in for missing translations keep the reader's language prefix.
    "home.languages.ReadingLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Who is looking, for what depends on it without a request at hand (home.permissions).
    "home.permissions.ViewingRequestMiddleware",
    # Absolute URLs and caching headers for the API (see home.api.middleware).
    "home.api.middleware.APIMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# Headers for every environment (tests and development see what production sends): no MIME
# sniffing, the address of a page only to our own origin, no shared browsing context with
# windows of other origins. Production adds HSTS and HTTPS (settings.production).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content-Security-Policy of the public site and the API (operations.headers adds the map's tile
# server to img-src, and a media or static URL on another origin, from their settings): our own
# origin only; inline scripts and styles only with the request's nonce, no style attributes or
# event handlers; no plugins; nobody frames the site.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CSP_REPORT_ONLY = {}
# The admin (/admin/), enforced: Wagtail's admin writes inline scripts, styles and style
# attributes (no nonces), shows images as data: and blob: URLs (previews of uploads) and frames
# its own previews; the headless preview's front end is added to frame-src from its setting.
# A nonce beside 'unsafe-inline' would switch 'unsafe-inline' off, so none here.
NETWORK_ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-src": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
# …and reported only: the public site's strictness, to see what Wagtail still needs inline.
NETWORK_ADMIN_CSP_REPORT_ONLY = {
    **NETWORK_ADMIN_CSP,
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
}
# What pages may use of the browser: nothing of this list, except geolocation for our own pages
# (the admin's "use my location" for a stop, a reader's "you are here" on a walk) and
# fullscreen for our own (audio players, the map).
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "fullscreen": ["self"],
    "geolocation": ["self"],
    "gyroscope": [],
    "hid": [],
    "idle-detection": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                # csp_nonce, for {% csp_nonce_attr %} on inline scripts and styles.
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite on local disk unless DATABASE_URL names another database (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable server fails within seconds instead of holding the worker (libpq waits
    # for the operating system's TCP timeout otherwise); /health/ and the 503 pages rely on it.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: German first; every page type is translatable (one tree per locale).
LANGUAGE_CODE = "de"
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
# The one list of the network's languages: public URLs (/de/, /en/ …), content locales, the
# language switcher and the admin's choices all follow it. To add a language, add it here with
# its own name (as its speakers write it) and run `manage.py setup_network` (migrate does too).
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("it", "Italiano"),
    ("el", "Ελληνικά"),
    ("hr", "Hrvatski"),
    ("ar", "العربية"),
]
# The language a reader last read in, for "/" and the QR codes' short links (a functional
# cookie: only the language code, nothing about the person).
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    # Public images in MEDIA_ROOT, documents and private images in PRIVATE_MEDIA_ROOT; see
    # medialibrary.storage.
    "default": {"BACKEND": "medialibrary.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Work off the request path (Django's tasks framework). "default" runs Wagtail's own tasks
# (reference index, renditions) at once, as before: the media rules read the reference index
# right after a save. "background" is the database backend: mail goes there (see outbox), and a
# worker works it off: `manage.py db_worker --backend background` (scripts/run starts one).
TASKS = {
    "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# Wagtail's tasks run at once in the web process: their start and end are no news (the worker,
# `db_worker`, still logs its own at INFO).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "loggers": {"django.tasks": {"level": "WARNING"}},
}
# Mail: "default" stores each message in the outbox and enqueues its delivery; "delivery"
# sends it (the console here, SMTP in production, see there).
MAILERS = {
    "default": {"BACKEND": "outbox.backends.QueuedBackend"},
    "delivery": {"BACKEND": "django.core.mail.backends.console.EmailBackend"},
}
# A failed delivery is tried again after these many seconds (1 min, 5 min, 30 min, 2 h); after
# the last try it waits for the city editors (admin: Berichte › Nicht zugestellte E-Mails).
OUTBOX_RETRY_DELAYS = (60, 5 * 60, 30 * 60, 2 * 60 * 60)

# Wagtail's page editor posts many fields for pages with StreamFields and inline panels.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Netzwerk Migrantenorganisationen Sindelfingen"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend, with queries made safe for it (quotes, NUL, length): see there.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search_backend"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's German stemming for the index, so that "Geschichten" finds "Geschichte".
    # After changing it, rebuild the index: manage.py update_index.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "german"
# Documents include the audio of walk stops; their players need audio served inline.
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "mp3",
    "m4a",
    "ogg",
    "oga",
    "opus",
    "wav",
]
WAGTAILDOCS_INLINE_CONTENT_TYPES = [
    "application/pdf",
    "text/plain",
    "audio/mpeg",
    "audio/mp4",
    "audio/ogg",
    "audio/opus",
    "audio/wav",
    "audio/x-wav",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents are served only through medialibrary's view, which checks who may read them.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Checked before decoding: a small file claiming a huge picture is refused (50 megapixels is
# more than any phone photo).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Python strftime formats, as Wagtail's date widgets expect them.
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# No avatars from gravatar.com: they would send a hash of each editor's e-mail address and
# their IP address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Keep Wagtail's change history, comments and locking on: who changed what stays answerable.
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True

# The headless API (Wagtail's API v3, see config.api and the README's "API" section).
# Rich text as HTML a front end can show, with links to pages and documents resolved.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
# A front end may ask for a whole walk's stops at once.
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_SEARCH_ENABLED = True
# Front ends on other origins that may call the API from a browser: none unless configured,
# e.g. CORS_ALLOWED_ORIGINS="https://rundgaenge.sindelfingen.de https://app.example.org".
CORS_ALLOWED_ORIGINS = os.environ.get("CORS_ALLOWED_ORIGINS", "").split()
CORS_URLS_REGEX = r"^/api/"
# Token requests carry no cookies; the Authorization header must be allowed through.
CORS_ALLOW_CREDENTIALS = False
# Headless preview: the external front end that renders drafts, with {token} for the signed
# preview token, e.g. "https://rundgaenge.example.org/vorschau?token={token}". Empty: off.
NETWORK_HEADLESS_PREVIEW_URL = os.environ.get("NETWORK_HEADLESS_PREVIEW_URL", "")
NETWORK_HEADLESS_PREVIEW_MAX_AGE = 60 * 60  # seconds a preview link stays valid
# How long shared caches and browsers may keep anonymous API answers (seconds).
NETWORK_API_CACHE_SECONDS = 60

# The network's own settings.
NETWORK_DIRECTORY_PAGE_SIZE = 12

# Participation: consent, retention of personal data, limits on what the public sends.
NETWORK_CONSENT_VERSION = "2026-11"
NETWORK_RETENTION_DAYS = {
    "meeting_registrations": 28,  # after the meeting
    "membership_applications": 180,  # after the decision
    "story_submissions": 365,  # after arrival, for stories not taken over
    "invitations": 90,  # after expiry
    "undelivered_mails": 30,  # mail that failed for good, after it was written
}
NETWORK_INVITATION_VALID_DAYS = 7
# Submissions per client and form: (count, seconds).
NETWORK_PARTICIPATION_RATE_LIMIT = (5, 60 * 60)
NETWORK_UPLOAD_MAX_BYTES = 10 * 1024 * 1024
# Request bodies (limits.uploads): a multipart body (an upload) may hold the largest file
# accepted anywhere plus 1 MB of other fields; anything longer is refused by its
# Content-Length (413) before it is read. The reverse proxy's limit should match (README).
NETWORK_REQUEST_BODY_MAX_BYTES = (
    max(WAGTAILDOCS_MAX_UPLOAD_SIZE, WAGTAILIMAGES_MAX_UPLOAD_SIZE, NETWORK_UPLOAD_MAX_BYTES)
    + 1024 * 1024
)
# Other bodies (forms, JSON), and the form fields of a multipart body, as Django's default.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Uploaded files above this size are spooled to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Admin logins (limits.logins): after this many failures within NETWORK_LOGIN_LOCKOUT_SECONDS,
# the account (as typed, from any client) or the client (for any account) is locked for as
# long; the lock ends by itself.
NETWORK_LOGIN_FAILURE_LIMITS = {"account": 10, "client": 30}
NETWORK_LOGIN_LOCKOUT_SECONDS = 15 * 60
# Password reset mails: (count, seconds) per e-mail address and per client.
NETWORK_PASSWORD_RESET_LIMITS = {"address": (3, 60 * 60), "client": (10, 60 * 60)}
WAGTAILADMIN_USER_LOGIN_FORM = "limits.views.ThrottledLoginForm"
# How many reverse proxies (that set X-Forwarded-For) stand in front of the app servers. The
# limits above count the client address the outermost of them saw; with 0 (the default) the
# header is ignored, as any client could write it.
NETWORK_TRUSTED_PROXIES = int(os.environ.get("NETWORK_TRUSTED_PROXIES", "0"))
# Documents, private images and what the public sends (photos) are kept here, outside
# MEDIA_ROOT: never served by the web server, only through views that check who asks.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))

# Where walks take place: a stop outside these bounds is refused (it usually means latitude
# and longitude were swapped). (south, north, west, east) in degrees.
TOURS_REGION_BOUNDS = (48.55, 48.90, 8.80, 9.25)

# Walks: the pace behind a walk's computed duration, and the time readers spend at each stop.
TOURS_WALKING_SPEED_KMH = float(os.environ.get("TOURS_WALKING_SPEED_KMH", "4.0"))
TOURS_MINUTES_PER_STOP = int(os.environ.get("TOURS_MINUTES_PER_STOP", "8"))
# The interactive map is off unless a tile server is named: loading tiles from a third party
# sends readers' addresses there. Example: "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
TOURS_MAP_TILE_URL = os.environ.get("TOURS_MAP_TILE_URL", "")
TOURS_MAP_ATTRIBUTION = os.environ.get("TOURS_MAP_ATTRIBUTION", "© OpenStreetMap contributors")

# Caches. "default" serves what a process may keep for itself; "shared" holds what every worker
# and server must count together (rate limits, failed logins; see limits.counting). With
# REDIS_URL both live in that Redis; without it "default" stays in each process's memory and
# "shared" is a table in the database (created by `manage.py migrate`).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "netzwerk",
        },
        "shared": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "netzwerk-shared",
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "shared": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "network_shared_cache",
        },
    }

# Operations (see the README's "Operations"): what a 503 tells clients to wait before they try
# again, how long a task may wait for a worker before /health/ calls the queue failing, and
# where manage.py backup writes its archives.
OPERATIONS_RETRY_AFTER_SECONDS = int(os.environ.get("OPERATIONS_RETRY_AFTER_SECONDS", "30"))
OPERATIONS_TASKS_MAX_WAIT_SECONDS = int(os.environ.get("OPERATIONS_TASKS_MAX_WAIT_SECONDS", "600"))
BACKUP_ROOT = Path(os.environ.get("BACKUP_ROOT", BASE_DIR / "backups"))
