"""Settings read from the environment: production refuses unsafe defaults, env values are typed."""

import json
import os
import subprocess
import sys

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

import pytest

from website.settings.env import env_bool, env_int, env_list, env_required

PRODUCTION_ENV = {
    "SECRET_KEY": "una-clave-de-produccion-larga",
    "ALLOWED_HOSTS": "protege.example.org, www.protege.example.org",
}
PRINT_PRODUCTION = (
    "import json, website.settings.production as s;"
    "print(json.dumps({'hosts': s.ALLOWED_HOSTS, 'debug': s.DEBUG, 'ssl': s.SECURE_SSL_REDIRECT,"
    " 'secure_cookies': s.SESSION_COOKIE_SECURE and s.CSRF_COOKIE_SECURE}))"
)
PRINT_DATABASE = (
    "import json, website.settings.base as s;"
    "print(json.dumps({'engine': s.DATABASES['default']['ENGINE'], 'name': s.DATABASES['default']['NAME'],"
    " 'postgres_app': 'django.contrib.postgres' in s.INSTALLED_APPS}))"
)


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    """Run code in a fresh interpreter with only PATH and the given variables in its environment."""
    clean_env = {"PATH": os.environ.get("PATH", ""), "PYTHONDONTWRITEBYTECODE": "1", **env}
    return subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=clean_env, capture_output=True, text=True, timeout=60
    )


# --- Production ------------------------------------------------------------------------------


def test_production_refuses_to_start_without_a_secret_key():
    """Importing production settings without SECRET_KEY fails with ImproperlyConfigured naming it."""
    result = run_python("import website.settings.production", ALLOWED_HOSTS="protege.example.org")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY is required in production" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    """Importing production settings without ALLOWED_HOSTS fails with ImproperlyConfigured naming it."""
    result = run_python("import website.settings.production", SECRET_KEY=PRODUCTION_ENV["SECRET_KEY"])
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "ALLOWED_HOSTS is required in production" in result.stderr


def test_production_refuses_a_blank_secret_key():
    """A SECRET_KEY of only spaces counts as missing."""
    result = run_python("import website.settings.production", SECRET_KEY="   ", ALLOWED_HOSTS="protege.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY is required in production" in result.stderr


def test_production_starts_with_both_and_is_secure():
    """With SECRET_KEY and ALLOWED_HOSTS set, production imports with DEBUG off, HTTPS and secure cookies."""
    result = run_python(PRINT_PRODUCTION, **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values == {
        "hosts": ["protege.example.org", "www.protege.example.org"],
        "debug": False,
        "ssl": True,
        "secure_cookies": True,
    }


# --- Database --------------------------------------------------------------------------------


def test_database_url_switches_to_postgresql_and_adds_contrib_postgres():
    """DATABASE_URL=postgres://… selects the PostgreSQL engine and installs django.contrib.postgres."""
    result = run_python(PRINT_DATABASE, DATABASE_URL="postgres://protege@db.example.org:5432/protege")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values == {"engine": "django.db.backends.postgresql", "name": "protege", "postgres_app": True}


def test_without_database_url_the_site_uses_sqlite_without_contrib_postgres():
    """Without DATABASE_URL the site runs on SQLite and does not install django.contrib.postgres."""
    result = run_python(PRINT_DATABASE)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["postgres_app"] is False


# --- Environment readers ------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("TRUE", True), (" yes ", True), ("on", True)])
def test_env_bool_reads_true_values(monkeypatch, raw, expected):
    """1, true, yes and on (any case, any spaces) are true."""
    monkeypatch.setenv("PROTEGE_FLAG", raw)
    assert env_bool("PROTEGE_FLAG", False) is expected


@pytest.mark.parametrize("raw", ["0", "false", "No", "off", ""])
def test_env_bool_reads_false_values(monkeypatch, raw):
    """0, false, no, off and empty are false."""
    monkeypatch.setenv("PROTEGE_FLAG", raw)
    assert env_bool("PROTEGE_FLAG", True) is False


def test_env_bool_uses_the_default_when_unset(monkeypatch):
    """An unset variable gives the default."""
    monkeypatch.delenv("PROTEGE_FLAG", raising=False)
    assert env_bool("PROTEGE_FLAG", True) is True
    assert env_bool("PROTEGE_FLAG") is False


@pytest.mark.parametrize("raw", ["maybe", "2", "truee", "sí"])
def test_env_bool_rejects_garbage_with_a_clear_message(monkeypatch, raw):
    """A value that is neither true nor false stops start-up with a message naming the variable and value."""
    monkeypatch.setenv("PROTEGE_FLAG", raw)
    with pytest.raises(ImproperlyConfigured) as error:
        env_bool("PROTEGE_FLAG")
    assert str(error.value) == f"PROTEGE_FLAG must be true or false, not {raw!r}."


def test_env_bool_garbage_stops_the_settings_import():
    """EMAIL_USE_TLS=perhaps makes the settings refuse to load."""
    result = run_python("import website.settings.base", EMAIL_USE_TLS="perhaps")
    assert result.returncode != 0
    assert "EMAIL_USE_TLS must be true or false, not 'perhaps'." in result.stderr


def test_env_int_rejects_garbage_and_reads_numbers(monkeypatch):
    """A number is read; anything else stops start-up with a message naming the variable."""
    monkeypatch.setenv("PROTEGE_NUMBER", " 42 ")
    assert env_int("PROTEGE_NUMBER", 1) == 42
    monkeypatch.setenv("PROTEGE_NUMBER", "cuarenta")
    with pytest.raises(ImproperlyConfigured, match="PROTEGE_NUMBER must be a whole number"):
        env_int("PROTEGE_NUMBER", 1)
    monkeypatch.setenv("PROTEGE_NUMBER", "")
    assert env_int("PROTEGE_NUMBER", 7) == 7


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    """A comma-separated list is split, trimmed and stripped of empty items."""
    monkeypatch.setenv("PROTEGE_LIST", " a.example.org, ,b.example.org ,")
    assert env_list("PROTEGE_LIST") == ["a.example.org", "b.example.org"]
    monkeypatch.delenv("PROTEGE_LIST")
    assert env_list("PROTEGE_LIST", ["x"]) == ["x"]


def test_env_required_refuses_missing_and_blank_values(monkeypatch):
    """A required variable that is unset or blank raises ImproperlyConfigured naming it."""
    monkeypatch.delenv("PROTEGE_REQUIRED", raising=False)
    with pytest.raises(ImproperlyConfigured, match="PROTEGE_REQUIRED is required in production"):
        env_required("PROTEGE_REQUIRED")
    monkeypatch.setenv("PROTEGE_REQUIRED", "  ")
    with pytest.raises(ImproperlyConfigured):
        env_required("PROTEGE_REQUIRED")
    monkeypatch.setenv("PROTEGE_REQUIRED", " valor ")
    assert env_required("PROTEGE_REQUIRED") == "valor"
