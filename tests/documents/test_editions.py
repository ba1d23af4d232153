import pytest
from wagtail.models import Revision

from documents.models import Edition, GuidanceDocumentPage
from tests.documents.conftest import (
    approve_through_workflow,
    make_document,
    publish_edition,
    set_edition,
    values_body,
)


def test_edition_is_recorded_only_when_a_reviewer_approves(library, users):
    page = make_document(library, title="Code of ethics", slug="ethics", live=False)
    set_edition(page, "new", "2013", summary="First edition on this site.", body=values_body(2))
    page.save_revision(user=users["editor"])
    workflow_state = page.get_workflow().start(page, users["editor"])

    assert not Edition.objects.filter(page=page).exists()  # submitted, not yet approved
    assert not GuidanceDocumentPage.objects.get(pk=page.pk).live

    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, users["reviewer"], "approve")

    page.refresh_from_db()
    edition = Edition.objects.get(page=page)
    assert page.live
    assert (edition.label, edition.summary) == ("2013", "First edition on this site.")
    assert edition.revision_id == page.live_revision_id


def test_rejected_or_draft_revisions_record_no_edition(library, users):
    page = make_document(library, title="Code of ethics", slug="ethics", live=False)
    set_edition(page, "new", "2013", body=values_body(2))
    page.save_revision(user=users["editor"])
    workflow_state = page.get_workflow().start(page, users["editor"])
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, users["reviewer"], "reject")

    assert not Edition.objects.filter(page=page).exists()


def test_new_edition_then_correction(library, users):
    page = make_document(library, title="Values", slug="values")
    publish_edition(page, "2013", values_body(2))
    set_edition(page, "new", "2015", summary="Two values rewritten.", body=values_body(3))
    approve_through_workflow(page, users["editor"], users["reviewer"])
    assert list(page.editions.values_list("label", flat=True)) == ["2013", "2015"]

    set_edition(page, "correction", body=values_body(3, changed={1: "A typo fixed."}))
    approve_through_workflow(page, users["editor"], users["reviewer"])

    editions = list(page.editions.all())
    assert [edition.label for edition in editions] == ["2013", "2015"]
    assert editions[-1].revision_id == page.live_revision_id
    assert editions[-1].corrected_at is not None
    assert "A typo fixed." in str(editions[-1].revision.as_object().body.raw_data)
    assert "A typo fixed." not in str(editions[0].revision.as_object().body.raw_data)


def test_new_edition_may_not_reuse_an_old_label(three_editions):
    from django.core.exceptions import ValidationError

    set_edition(three_editions, "new", "2008")
    with pytest.raises(ValidationError) as error:
        three_editions.full_clean()
    assert "edition_label" in error.value.message_dict


def test_past_edition_renders_exactly_its_text(client, three_editions):
    response = client.get("/library/values/editions/2013/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "We put choice first, always." in html
    assert "self-determination" not in html
    assert "This edition has been replaced." in html
    assert 'href="/library/values/"' in html
    assert 'id="value-4"' in html
    assert "Cite this edition" in html
    assert "/library/values/editions/2013/" in html

    current = client.get("/library/values/").content.decode()
    assert "We put choice and self-determination first." in current
    assert "This edition has been replaced." not in current


def test_past_edition_survives_later_edits(client, three_editions):
    set_edition(three_editions, "new", "2020", body=values_body(1))
    three_editions.save_revision()  # a draft: readers still see 2015
    html = client.get("/library/values/editions/2013/").content.decode()
    assert "We put choice first, always." in html
    assert "2020" not in client.get("/library/values/editions/").content.decode()


def test_history_lists_editions_newest_first(client, three_editions):
    html = client.get("/library/values/editions/").content.decode()
    assert html.index("2015") < html.index("2013") < html.index("2008")
    assert "Added value 4." in html
    assert 'href="/library/values/editions/2013/"' in html


def test_comparison_names_changed_added_and_removed_items(client, three_editions):
    response = client.get("/library/values/compare/2008/2015/")
    html = response.content.decode()
    comparison = response.context["comparison"]

    assert response.status_code == 200
    assert [change.label for change in comparison.changed] == ["Value 2"]
    assert [change.label for change in comparison.added] == ["Value 4"]
    assert comparison.removed == []
    assert "<del>hold value 2 dear.</del>" in html
    assert "<ins>put choice and self-determination first.</ins>" in html

    backwards = client.get("/library/values/compare/2015/2008/").context["comparison"]
    assert [change.label for change in backwards.removed] == ["Value 4"]


def test_compare_form_redirects_to_the_permanent_comparison(client, three_editions):
    response = client.get("/library/values/compare/?from=2013&to=2015")
    assert response.status_code == 302
    assert response["Location"] == "/library/values/compare/2013/2015/"


@pytest.mark.parametrize(
    "url",
    [
        "/library/values/editions/1999/",
        "/library/values/editions/2013/files/1/",
        "/library/values/editions/%3Cscript%3E/",
        "/library/values/compare/2008/1999/",
        "/library/values/compare/2008/",
        "/library/values/compare/2008/2013/extra/",
        "/library/values/compare/?from=2008",
        "/library/values/compare/?from=&to=",
        "/library/values/compare/?from=2008/x&to=2015",
        "/library/values/compare/?from=2008&to=..%2F..%2F",
        "/library/values/file/",
        "/library/values/file/0/",
        "/library/values/editions/%00/",
        "/library/values/compare/%00/2013/",
        "/library/%00/",
        "/library/?page=99999999999999999999",
        "/library/?page=abc",
        "/library/?page=-1",
    ],
)
def test_bad_addresses_are_not_found(client, three_editions, url):
    assert client.get(url).status_code == 404


def test_comparing_an_edition_with_itself_says_so(client, three_editions):
    response = client.get("/library/values/compare/2013/2013/")
    assert response.status_code == 400
    assert "same edition" in response.content.decode()


def test_another_documents_edition_cannot_be_compared(client, library, three_editions):
    other = make_document(library, title="Ethics", slug="ethics")
    publish_edition(other, "1999", values_body(1))
    assert client.get("/library/values/compare/2008/1999/").status_code == 404
    assert client.get("/library/values/editions/1999/").status_code == 404


def test_edition_keeps_its_revision(three_editions):
    revision_ids = list(three_editions.editions.values_list("revision_id", flat=True))
    assert len(set(revision_ids)) == 3
    assert Revision.objects.filter(pk__in=revision_ids).count() == 3


def test_past_edition_shows_the_summary_it_had(client, library):
    page = make_document(library, title="Values", slug="values", summary="What we believed in 2013.")
    publish_edition(page, "2013", values_body(1))
    page.summary = "What we believe now."
    publish_edition(page, "2015", values_body(1))

    assert "What we believed in 2013." in client.get("/library/values/editions/2013/").content.decode()
    assert "What we believe now." in client.get("/library/values/").content.decode()
