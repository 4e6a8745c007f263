"""Local development: debug on, e-mail to the console, an insecure key that never leaves the laptop."""

from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
SECRET_KEY = "django-insecure-dev-only-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", *env_list("ALLOWED_HOSTS")]
# Mail goes through the outbox to the console (base: MAILERS); scripts/run starts the worker.
