"""Dates and numbers in the reader's conventions (ht has a format module of our
own), <html lang> for every language, and DeepL only when a key is configured."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format, get_format, number_format, time_format

from .conftest import add_english_page

SITE_DIR = Path(settings.SITE_DIR)
DAY = datetime.date(2027, 1, 4)  # a Monday


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Jan. 4, 2027"),
        ("es", "4 de enero de 2027"),
        ("pt", "4 de janeiro de 2027"),
        ("ht", "4 janvye 2027"),
        ("vi", "Ngày 04 tháng 1 năm 2027"),
        ("zh-hans", "2027年1月4日"),
    ],
)
def test_dates_are_written_the_readers_way(language, expected):
    with translation.override(language):
        assert date_format(DAY) == expected


def test_haitian_creole_has_its_own_formats_and_month_and_day_names():
    assert get_format("DATE_FORMAT", "ht") == "j F Y"
    with translation.override("ht"):
        assert date_format(DAY, "l j F Y") == "lendi 4 janvye 2027"
        assert time_format(datetime.time(18, 30)) == "18:30"
        assert number_format(1234.5, decimal_pos=1, force_grouping=True) == "1\xa0234,5"


def test_numbers_follow_the_language(settings):
    with translation.override("es"):
        assert number_format(2.5, decimal_pos=1) == "2,5"
    with translation.override("en"):
        assert number_format(2.5, decimal_pos=1) == "2.5"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es", "pt", "ht", "zh-hans", "vi"])
def test_html_lang_is_right_in_every_language(client, home_page, language):
    add_english_page(home_page)
    prefix = "" if language == "en" else f"/{language}"
    response = client.get(f"{prefix}/weekly-groups/")
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").html["lang"] == language


def machine_translator_setting(env):
    """WAGTAILLOCALIZE_MACHINE_TRANSLATOR as production and development settings compute it."""
    code = "import json, settings.base as s; print(json.dumps(getattr(s, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', None)))"
    environ = {key: value for key, value in os.environ.items() if key != "DEEPL_KEY"} | env
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code], cwd=SITE_DIR, env=environ, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_deepl_is_enabled_only_when_a_key_is_in_the_environment():
    assert machine_translator_setting({}) == "null"
    enabled = machine_translator_setting({"DEEPL_KEY": "test-key:fx"})
    assert '"CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator"' in enabled
    assert '"AUTH_KEY": "test-key:fx"' in enabled


def test_tests_use_the_dummy_translator_never_deepl():
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["CLASS"].endswith("dummy.DummyTranslator")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Monday 4 January 2027, 6:30 PM – 8:00 PM"),
        ("es", "lunes 4 de enero de 2027, 18:30 – 20:00"),
        ("pt", "segunda-feira, 4 de janeiro de 2027, 18:30 – 20:00"),
        ("ht", "lendi 4 janvye 2027, 18:30 – 20:00"),
        ("vi", "18:30, Thứ 2, ngày 4 tháng 1 năm 2027 – 20:00"),
        ("zh-hans", "2027年1月4日 星期一 18:30 – 20:00"),
    ],
)
def test_event_times_are_written_the_readers_way(language, expected):
    from zoneinfo import ZoneInfo

    from django.template.loader import render_to_string

    boston = ZoneInfo("America/New_York")
    start = datetime.datetime(2027, 1, 4, 18, 30, tzinfo=boston)
    end = datetime.datetime(2027, 1, 4, 20, 0, tzinfo=boston)
    with translation.override(language):
        html = render_to_string("events/includes/when.html", {"start": start, "end": end, "all_day": False})
    text = " ".join(BeautifulSoup(html, "html.parser").get_text(" ", strip=True).split())
    assert text.startswith(expected)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "January 2027"),
        ("es", "enero de 2027"),
        ("ht", "janvye 2027"),
        ("vi", "tháng 1 năm 2027"),
        ("zh-hans", "2027年1月"),
    ],
)
def test_months_are_written_the_readers_way(language, expected):
    from django.template import engines

    template = engines["django"].from_string('{% load localisation_tags %}{{ day|local_date:"month" }}')
    with translation.override(language):
        assert template.render({"day": DAY}) == expected
