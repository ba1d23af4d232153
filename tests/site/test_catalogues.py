"""UI string catalogues (site/locale): Spanish complete, the other four languages
cover what every reader meets, placeholders intact, and a /ht/ page really shows
Haitian Creole (Django has no catalog for it, so ours must carry dates and form
errors too)."""

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django import forms
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from tests.conftest import sync_locales
from tests.events.conftest import local, make_event, make_index

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
LANGUAGES = ["es", "pt", "ht", "zh_Hans", "vi"]
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%%|\{[a-z_]*\}")

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# What every reader meets, in every language: navigation, header and footer, the
# language switcher, the notes about translations, dates, form errors and the
# error pages.
CORE = [
    # Navigation, header, footer, search, pagination
    "Skip to main content",
    "Main",
    "Search",
    "Search the site",
    "Search for",
    "Pages of results",
    "Previous",
    "Next",
    "Page %(number)s of %(total)s",
    "Contact us",
    "This site uses no trackers and loads nothing from other websites.",
    "Massachusetts Peer Support Networks",
    # Language switcher
    "Choose a language",
    # Notes about translations
    "This page is not translated into your language yet. You are reading the English text.",
    "The page you were reading is not translated into this language yet, so we brought you to the home page.",
    "The English version of this page has been updated since this translation was made.",
    "Read the English version",
    "Translated with machine translation and checked by one of our reviewers.",
    "Translated with machine translation. None of our reviewers has checked it yet.",
    "Translated by a person and checked by one of our reviewers.",
    "Translated by a person. None of our reviewers has checked it yet.",
    # Dates
    *MONTHS,
    *WEEKDAYS,
    # Form errors and messages (ours and Django's)
    "Please check the answers marked below.",
    "Please correct the errors below.",
    "Please confirm this.",
    "Leave this field empty",
    "This field is required.",
    "Enter a valid email address.",
    "Select a valid choice. %(value)s is not one of the available choices.",
    "That search is too long or has characters we cannot search for.",
    "Your form has expired",
    "We could not accept this form",
    "Please wait a minute",
    "This email address is already registered for this date.",
    "Sorry, this date is full.",
    # Error pages
    "Page not found",
    "We could not find that page",
    "Go to the home page",
    "You do not have access to this page",
    "Something in that request was not right",
    "Something went wrong on our side",
    "We will be back in a moment",
]

CREOLE_MONTHS = [
    "janvye", "fevriye", "mas", "avril", "me", "jen",
    "jiyè", "out", "septanm", "oktòb", "novanm", "desanm",
]  # fmt: skip
CREOLE_WEEKDAYS = ["lendi", "madi", "mèkredi", "jedi", "vandredi", "samdi", "dimanch"]


def catalogue(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def is_translated(entry):
    if "fuzzy" in entry.flags or entry.obsolete:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def test_every_language_has_a_catalogue_and_the_compiled_files_are_not_committed():
    codes = {code.replace("-hans", "_Hans") for code, _name in settings.LANGUAGES if code != "en"}
    assert codes == set(LANGUAGES)
    for language in LANGUAGES:
        assert (LOCALE_DIR / language / "LC_MESSAGES" / "django.po").is_file()
    gitignore = (settings.BASE_DIR / ".gitignore").read_text().split()
    assert "*.mo" in gitignore


def test_the_spanish_catalogue_is_complete():
    spanish = catalogue("es")
    assert not spanish.metadata_is_fuzzy
    assert len(spanish) > 500
    assert [entry.msgid for entry in spanish if not is_translated(entry)] == []
    assert spanish.obsolete_entries() == []


def test_the_catalogues_hold_every_string_marked_in_the_code(tmp_path, settings, monkeypatch):
    """makemessages (into a copy) finds nothing that the committed catalogue lacks."""
    copy = tmp_path / "es" / "LC_MESSAGES"
    copy.mkdir(parents=True)
    shutil.copy(LOCALE_DIR / "es" / "LC_MESSAGES" / "django.po", copy)
    settings.LOCALE_PATHS = [tmp_path]
    monkeypatch.chdir(settings.BASE_DIR)
    before = (LOCALE_DIR / "es" / "LC_MESSAGES" / "django.po").read_bytes()
    call_command(
        "makemessages",
        locale=["es"],
        # "locale": otherwise makemessages would write site/'s strings into site/locale itself.
        ignore_patterns=["locale", ".venv", "node_modules", "tests", "bench", "media", "static_collected"],
        no_obsolete=True,
        no_location=True,
        verbosity=0,
    )
    assert (LOCALE_DIR / "es" / "LC_MESSAGES" / "django.po").read_bytes() == before
    extracted = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(copy / "django.po"))}
    committed = {(entry.msgctxt, entry.msgid) for entry in catalogue("es")}
    assert sorted(extracted - committed, key=str) == [], "run makemessages (see README, Languages) and translate"
    assert sorted(committed - extracted, key=str) == [], "run makemessages with --no-obsolete"


@pytest.mark.parametrize("language", ["pt", "ht", "zh_Hans", "vi"])
def test_the_other_catalogues_translate_what_every_reader_meets(language):
    entries = {entry.msgid: entry for entry in catalogue(language) if not entry.msgctxt}
    missing = [msgid for msgid in CORE if msgid not in entries]
    assert missing == [], "not in the catalogue (run makemessages)"
    untranslated = [msgid for msgid in CORE if not is_translated(entries[msgid])]
    assert untranslated == []
    # The catalogue is not a copy of the English.
    assert entries["Choose a language"].msgstr != "Choose a language"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder(language):
    broken = []
    for entry in catalogue(language):
        if not is_translated(entry):
            continue
        expected = set(PLACEHOLDER.findall(entry.msgid)) | set(PLACEHOLDER.findall(entry.msgid_plural))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            if set(PLACEHOLDER.findall(text)) != expected:
                broken.append((entry.msgid, text))
    assert broken == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogues_pass_msgfmt_check(language):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.fail("GNU gettext (msgfmt) is needed to compile the UI translations: apt-get install gettext")
    path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)  # noqa: S603
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("es", "Este campo es obligatorio."),
        ("pt", "Este campo é obrigatório."),
        ("ht", "Ou dwe ranpli espas sa a."),
        ("zh-hans", "此项为必填项。"),
        ("vi", "Bạn cần điền ô này."),
    ],
)
def test_django_form_errors_come_in_the_readers_language(language, expected):
    with translation.override(language):
        with pytest.raises(forms.ValidationError) as error:
            forms.EmailField().clean("")
        messages = error.value.messages  # lazy: read while the language is active
    assert messages == [expected]


@pytest.mark.django_db
def test_a_haitian_creole_page_shows_the_creole_note_and_creole_dates(client, home_page):
    index = make_index(home_page, title="Calendar", slug="events")
    start = local(2031, 1, 14, 19)
    make_event(index, "Winter call", start=start)
    sync_locales()

    response = client.get("/ht/events/winter-call/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.html["lang"] == "ht"
    assert "poko tradui" in page.select_one(".note").get_text()  # "not translated yet"
    when = page.select_one(".event-facts dd").get_text(" ", strip=True)
    assert CREOLE_MONTHS[start.month - 1] in when
    assert CREOLE_WEEKDAYS[start.weekday()] in when
    assert "January" not in when and start.strftime("%A") not in when
    # The English text stays English, marked as such.
    assert page.select_one("article")["lang"] == "en"
    assert page.h1.get_text() == "Winter call"
