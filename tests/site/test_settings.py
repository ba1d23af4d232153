"""Settings: production refuses to start without a secret and passes check --deploy."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.conf.locale import LANG_INFO

BASE_DIR = Path(__file__).resolve().parents[2]


def manage(*args, env=None):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(env or {})
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", env={"DJANGO_SETTINGS_MODULE": "settings.production"})
    assert result.returncode != 0
    assert "Set SECRET_KEY in the environment" in result.stderr


def test_production_settings_pass_check_deploy_without_warnings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "DJANGO_SETTINGS_MODULE": "settings.production",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": "peer.example.org",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_every_language_is_a_content_language_and_haitian_creole_has_lang_info():
    codes = [code for code, _name in settings.LANGUAGES]
    assert codes == ["en", "es", "pt", "ht", "zh-hans", "vi"]
    assert settings.WAGTAIL_CONTENT_LANGUAGES == settings.LANGUAGES
    assert LANG_INFO["ht"]["name_local"] == "Kreyòl ayisyen"


def test_database_connections_are_health_checked():
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] > 0


@pytest.mark.parametrize("directive", ["default-src", "script-src", "style-src", "img-src"])
def test_content_security_policy_allows_only_our_own_assets(directive):
    sources = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"][directive]
    assert "'self'" in sources
    assert not [source for source in sources if source.startswith("http") or source == "*"]


@pytest.mark.django_db
def test_public_pages_get_the_strict_policy_and_the_admin_may_frame_itself(client, home_page):
    public = client.get("/")
    assert "frame-ancestors 'none'" in public["Content-Security-Policy"]
    assert "unsafe-inline" not in public["Content-Security-Policy"]
    assert public["X-Frame-Options"] == "DENY"
    admin = client.get("/admin/login/")
    assert "frame-ancestors 'self'" in admin["Content-Security-Policy"]
    assert admin["X-Frame-Options"] == "SAMEORIGIN"
    assert "gravatar" not in admin.content.decode()
