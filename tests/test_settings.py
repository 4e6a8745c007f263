"""Configuration: German first, i18n on, PostgreSQL by URL, production refuses to run insecurely."""

import importlib
import sys
from pathlib import Path

import pytest
from management import PRODUCTION_ENV, REPOSITORY, manage

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from wagtail.models import Locale


def fresh_import(module_name):
    sys.modules.pop(module_name, None)
    return importlib.import_module(module_name)


def test_german_is_the_default_language_in_berlin_time():
    assert settings.LANGUAGE_CODE == "de"
    assert settings.TIME_ZONE == "Europe/Berlin"
    assert settings.USE_TZ
    assert settings.WAGTAIL_I18N_ENABLED
    assert [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES][:2] == ["de", "en"]


@pytest.mark.django_db
def test_every_content_language_has_a_locale_after_migrating():
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"de", "en"}
    assert Locale.get_default().language_code == "de"


def test_database_url_selects_postgresql_with_health_checks(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://netzwerk:pw@db.example.org:5432/netzwerk")

    database = fresh_import("config.settings.base").DATABASES["default"]

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["NAME"] == "netzwerk"
    assert database["HOST"] == "db.example.org"
    assert database["CONN_HEALTH_CHECKS"] is True


def test_sqlite_is_the_default_database(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    base = fresh_import("config.settings.base")
    assert base.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)

    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY is not set"):
        fresh_import("config.settings.production")


def test_production_reads_hosts_and_serves_compressed_static_files(monkeypatch):
    for name, value in PRODUCTION_ENV.items():
        monkeypatch.setenv(name, value)

    production = fresh_import("config.settings.production")

    assert production.DEBUG is False
    assert production.ALLOWED_HOSTS == ["netzwerk.example.org"]
    assert production.CSRF_TRUSTED_ORIGINS == ["https://netzwerk.example.org"]
    assert production.STORAGES["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in production.MIDDLEWARE
    assert production.WAGTAILADMIN_BASE_URL == "https://netzwerk.example.org"


def test_deploy_check_on_production_settings_prints_no_warning():
    result = manage("check", "--deploy", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


def test_production_start_without_secret_key_fails_with_a_clear_message():
    result = manage("check", env=PRODUCTION_ENV, unset=("SECRET_KEY",))

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_import_site_stays_the_standard_library():
    result = manage(
        "shell",
        "-c",
        "import site, config; print(site.__file__); print(config.__file__)",
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test"},
    )

    assert result.returncode == 0, result.stderr
    site_file, config_file = result.stdout.strip().splitlines()[-2:]
    assert not site_file.startswith(str(REPOSITORY))
    assert Path(config_file) == REPOSITORY / "site" / "__init__.py"
