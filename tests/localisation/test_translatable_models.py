"""Everything readers see can be translated with wagtail-localize."""

import pytest
from django.urls import reverse
from wagtail.models import TranslatableMixin, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import TranslationSource

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", get_snippet_models(), ids=lambda model: model._meta.label)
def test_every_snippet_is_translatable(model):
    assert issubclass(model, TranslatableMixin)


@pytest.mark.parametrize("model", get_page_models(), ids=lambda model: model._meta.label)
def test_every_page_type_is_translatable(model):
    assert issubclass(model, TranslatableMixin)


def test_translators_are_offered_snippet_translation(clients, locales):
    from home.models import Region

    region = Region.objects.create(name="Testshire", slug="testshire", locale=locales["en"])
    region.save_revision().publish()
    url = reverse("wagtail_localize:submit_snippet_translation", args=["home", "region", region.pk])
    response = clients["editor"].get(url)
    assert response.status_code == 200
    source, _created = TranslationSource.get_or_create_from_instance(region)
    assert "Testshire" in {entry.msgid for entry in source.export_po()}


def test_site_settings_hold_no_words_for_readers():
    """Words that change with the language live on each language's home page;
    site settings hold only facts (email, phone, links, retention)."""
    from home.models import SiteSettings

    text_fields = {
        field.name
        for field in SiteSettings._meta.get_fields()
        if getattr(field, "get_internal_type", lambda: "")() in {"CharField", "TextField"}
    }
    assert text_fields <= {"phone", "contact_email"}
