"""The server-side report of a revision, the reviewer's view of it, and the
language_report command."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail import blocks
from wagtail.blocks import StreamValue

from home.models import ContentPage
from language_guide.models import LanguageGuideEntry
from language_guide.report import report_for_revision, texts_of_block
from tests.conftest import publish, sync_locales

BODY = [
    ("heading", {"text": "Our consumers come first", "level": "h2"}),
    ("paragraph", "<p>We never say <b>non</b>-compliant.</p><p>Fine words only.</p>"),
    ("list", {"style": "bulleted", "items": ["Open to all", "Peer-run", "Free", "For every client"]}),
    ("callout", {"title": "Note", "text": "<p>Nobody here <i>suffers from</i> anything &amp; more.</p>"}),
    (
        "table",
        {
            "caption": "Who comes",
            "table": {"data": [["Group", "Size"], ["Former patients", "12"], ["The mentally ill", "3"]]},
        },
    ),
    ("quote", {"text": "Clientele is a different word.", "attribution": "A client"}),
]


def make_page(home_page, title="Welcome, clients", body=BODY, intro="Peer support, not client services."):
    page = ContentPage(title=title, slug="welcome", intro=intro, body=body)
    home_page.add_child(instance=page)
    return page


def as_rows(findings):
    return [(finding.term, finding.where, finding.text) for finding in findings]


@pytest.mark.django_db
def test_report_walks_title_fields_and_every_block(home_page, guide):
    page = make_page(home_page)
    revision = page.save_revision()
    findings = report_for_revision(revision)
    assert as_rows(findings) == [
        ("client", "Title", "clients"),
        ("client", "Summary", "client"),
        ("consumer", "Body › Heading › Heading", "consumers"),
        ("non-compliant", "Body › Paragraph", "non-compliant"),
        ("client", "Body › List › Items › item 4", "client"),
        ("suffers from", "Body › Call-out › Text", "suffers from"),
        ("the mentally ill", "Body › Table › Table › row 3, column 1", "The mentally ill"),
        ("client", "Body › Quote › Who said it", "client"),
    ]
    callout = findings[5]
    assert callout.context == "Nobody here suffers from anything & more."
    assert callout.alternatives == ["lives with"]


@pytest.mark.django_db
def test_report_is_of_the_revision_not_of_the_live_page(home_page, guide):
    page = make_page(home_page, title="Welcome", body=[], intro="")
    publish(page)
    page.title = "Welcome, consumers"
    revision = page.save_revision()
    assert as_rows(report_for_revision(revision)) == [("consumer", "Title", "consumers")]
    assert report_for_revision(page.live_revision) == []


def test_deeply_nested_blocks_have_readable_paths():
    inner = blocks.StreamBlock([("note", blocks.TextBlock(label="Note"))])
    value_block = blocks.StructBlock(
        [("name", blocks.CharBlock(label="Value")), ("actions", blocks.ListBlock(inner, label="Actions"))],
        label="Value",
    )
    body = blocks.StreamBlock([("values", blocks.ListBlock(value_block, label="Values"))])
    value = StreamValue(
        body,
        [("values", [{"name": "Dignity", "actions": [[("note", "a")], [("note", "b"), ("note", "our clients")]]}])],
    )
    texts = dict(texts_of_block(body, value, ["Body"]))
    assert texts["Body › Values › item 1 › Actions › item 2 › Note 2"] == "our clients"
    assert texts["Body › Values › item 1 › Value"] == "Dignity"


@pytest.mark.django_db
def test_spanish_pages_are_checked_with_the_spanish_guide(home_page, guide, locales):
    sync_locales()
    spanish_home = home_page.get_translation(locales["es"])
    page = ContentPage(title="Para el cliente", slug="bienvenida", intro="Quien padece de ansiedad; the client.")
    spanish_home.add_child(instance=page)
    findings = report_for_revision(page.save_revision())
    assert as_rows(findings) == [("cliente", "Title", "cliente"), ("padece de", "Summary", "padece de")]


@pytest.mark.django_db
def test_reviewer_sees_the_report_of_the_submitted_revision(client, home_page, guide, users):
    page = make_page(home_page)
    revision = page.save_revision(user=users["editor"])
    client.force_login(users["reviewer"])
    response = client.get(reverse("language_guide:revision_report", args=[revision.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Body › List › Items › item 4" in html
    assert "person, member, participant" in html
    assert "It labels people instead of describing them." in html
    assert len(response.context["findings"]) == 8


@pytest.mark.django_db
def test_the_editor_links_to_the_report_with_the_count(client, home_page, guide, users):
    page = make_page(home_page)
    revision = page.save_revision(user=users["editor"])
    client.force_login(users["reviewer"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    html = response.content.decode()
    assert reverse("language_guide:revision_report", args=[revision.pk]) in html
    assert "Language guide: 8 words to review" in html


@pytest.mark.django_db
def test_a_clean_revision_says_so(client, home_page, guide, users):
    page = make_page(home_page, title="Welcome", body=[], intro="")
    revision = page.save_revision()
    client.force_login(users["editor"])
    response = client.get(reverse("language_guide:revision_report", args=[revision.pk]))
    assert "No words from the language guide in this revision." in response.content.decode()


@pytest.mark.django_db
def test_people_without_access_to_the_page_cannot_read_its_report(client, home_page, guide, users):
    revision = make_page(home_page).save_revision()
    client.force_login(users["member"])
    response = client.get(reverse("language_guide:revision_report", args=[revision.pk]))
    assert response.status_code in {302, 403}
    client.force_login(users["editor"])
    assert client.get(reverse("language_guide:revision_report", args=[999999])).status_code == 404


@pytest.mark.django_db
def test_snippet_revisions_have_a_report_too(client, guide, users):
    entry = guide["client"]
    entry.reason = "Say consumer instead of client? No."
    revision = entry.save_revision()
    client.force_login(users["admin"])
    response = client.get(reverse("language_guide:revision_report", args=[revision.pk]))
    wheres = [finding.where for finding in response.context["findings"]]
    assert "Why" in wheres


@pytest.mark.django_db
def test_language_report_lists_live_pages_with_terms(home_page, guide, capsys):
    page = make_page(home_page)
    publish(page)
    draft = ContentPage(title="Draft for consumers", slug="draft")
    home_page.add_child(instance=draft)
    draft.save_revision()
    ContentPage.objects.filter(pk=draft.pk).update(live=False)

    call_command("language_report")
    output = capsys.readouterr().out
    assert "Welcome, clients [en]" in output
    assert "“The mentally ill” in Body › Table › Table › row 3, column 1" in output
    assert "(try: person, member, participant)" in output
    assert "Draft for consumers" not in output
    assert output.strip().endswith("8 words to review on 1 live pages.")

    call_command("language_report", locale="es")
    assert capsys.readouterr().out.strip() == "0 words to review on 0 live pages."


@pytest.mark.django_db
def test_language_report_refuses_an_unknown_language(guide):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Unknown language 'xx'"):
        call_command("language_report", locale="xx")


@pytest.mark.django_db
def test_report_queries_do_not_grow_with_the_number_of_blocks(home_page, guide, django_assert_max_num_queries):
    page = make_page(home_page, body=BODY * 20)
    revision = page.save_revision()
    with django_assert_max_num_queries(6):
        findings = report_for_revision(revision)
    assert len(findings) == 2 + 6 * 20
    assert LanguageGuideEntry.objects.count() == 9
