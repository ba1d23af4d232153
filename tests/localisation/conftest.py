"""Pages with translations in the states translators and readers meet."""

import pytest
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from home.models import ContentPage
from tests.conftest import publish, sync_locales


def add_english_page(parent, title="Weekly groups", slug="weekly-groups", intro="Groups meet weekly."):
    page = ContentPage(title=title, slug=slug, intro=intro)
    parent.add_child(instance=page)
    publish(page)
    sync_locales()
    page.refresh_from_db()
    return page


def translate_page(page, locale, strings, *, user=None, machine=False):
    """Translate through wagtail-localize (as the editor does: translate_object,
    strings from a PO file) and publish the result as an administrator would."""
    translate_object(page, [locale], user=user)
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, "")
    translation.import_po(po, translation_type="machine" if machine else "manual")
    translation.save_target(user=user, publish=False)
    target = page.get_translation(locale).specific
    publish(target)
    return target, translation


@pytest.fixture
def english_page(home_page):
    return add_english_page(home_page)


@pytest.fixture
def spanish(english_page, locales, users):
    """A live Spanish translation of the English page, published by an administrator."""
    return translate_page(
        english_page,
        locales["es"],
        {"Weekly groups": "Grupos semanales", "Groups meet weekly.": "Los grupos se reúnen cada semana."},
        user=users["admin"],
    )
