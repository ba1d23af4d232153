"""The guide as rules of Wagtail's content checker: the configuration that the
Checks panel and the userbar hand to axe-core, per language."""

import json
import sys

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.userbar import ContentCheckerItem, apply_userbar_hooks

from home.models import ContentPage
from language_guide.checks import LanguageGuideCheckerItem
from language_guide.demo import load
from language_guide.models import LanguageGuideEntry
from tests.conftest import publish, sync_locales


def checker_for(page, user):
    request = RequestFactory().get("/")
    request.user = user
    items = [ContentCheckerItem(in_editor=True)]
    apply_userbar_hooks(request, items, page)
    [item] = items
    return item, item.get_axe_configuration(request)


def guide_rules(config):
    return {rule["id"]: rule for rule in config["spec"]["rules"] if rule["id"].startswith("language-guide-")}


@pytest.mark.django_db
def test_wagtails_checker_is_replaced_with_one_rule_per_published_entry(home_page, guide, users):
    item, config = checker_for(home_page, users["editor"])
    assert isinstance(item, LanguageGuideCheckerItem) and item.in_editor
    english = LanguageGuideEntry.objects.filter(locale__language_code="en", live=True)
    expected = {f"language-guide-{entry.pk}" for entry in english}
    assert set(guide_rules(config)) == expected
    assert expected <= set(config["options"]["runOnly"])
    assert "alt-text-quality" in config["options"]["runOnly"]  # Wagtail's own rules stay

    client_rule = f"language-guide-{guide['client'].pk}"
    assert config["messages"][client_rule] == {
        "error_name": "Language guide: avoid “client”",
        "help_text": "It labels people instead of describing them. Try: person, member, participant",
    }
    suffers = f"language-guide-{guide['suffers from'].pk}"
    assert config["messages"][suffers]["error_name"] == "Language guide: consider another word for “suffers from”"
    [check] = [check for check in config["spec"]["checks"] if check["id"] == suffers]
    assert {"suffers from", "suffer from", "suffering from"} <= set(check["options"]["phrases"])
    assert check["options"]["inside"] == []


@pytest.mark.django_db
def test_a_spanish_page_is_checked_against_the_spanish_guide(home_page, guide, users, locales):
    sync_locales()
    spanish_home = home_page.get_translation(locales["es"])
    _item, config = checker_for(spanish_home, users["editor"])
    assert set(guide_rules(config)) == {
        f"language-guide-{guide[term].pk}" for term in ("cliente", "enfermo mental", "padece de")
    }


@pytest.mark.django_db
def test_the_editors_checks_panel_carries_the_guide(client, home_page, guide, users):
    client.force_login(users["editor"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[home_page.pk]))
    html = response.content.decode()
    start = html.index('<script id="checker-axe-configuration" type="application/json">')
    payload = html[html.index(">", start) + 1 : html.index("</script>", start)]
    config = json.loads(payload)
    assert f"language-guide-{guide['consumer'].pk}" in guide_rules(config)
    assert "data-language-guide-level" in html
    assert "language_guide/js/reading-level.js" in html


@pytest.mark.django_db
def test_the_userbar_on_a_page_loads_the_evaluate_functions(client, home_page, guide, users):
    page = ContentPage(title="Welcome", slug="welcome", body=[("paragraph", "<p>Every client welcome.</p>")])
    home_page.add_child(instance=page)
    publish(page)
    client.force_login(users["editor"])
    html = client.get(page.url).content.decode()
    assert "language_guide/js/language-guide-checks.js" in html
    assert f"language-guide-{guide['client'].pk}" in html


@pytest.mark.django_db
def test_demo_guide_is_bilingual_and_idempotent(capsys):
    context = {"stdout": sys.stdout}
    load(context)
    load(context)
    entries = LanguageGuideEntry.objects.filter(live=True)
    assert entries.filter(locale__language_code="en").count() == 7
    assert entries.filter(locale__language_code="es").count() == 7
    consumer = entries.get(term="consumer")
    assert consumer.get_translation_or_none(entries.get(term="consumidor").locale).term == "consumidor"
    output = capsys.readouterr().out
    assert "Language guide: 14 entries added." in output
    assert "Language guide: 0 entries added." in output
    matcher = LanguageGuideEntry.matcher_for("es")
    assert [match.entry.term for match in matcher.find("Las enfermas mentales; quien sufre de")] == [
        "enfermo mental",
        "padece de",
    ]
