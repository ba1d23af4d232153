"""The library index: filters, Wagtail search, pagination, live and public only; the editor's forms."""

import pytest
from wagtail.models import PageViewRestriction

from documents.models import DocumentLibraryPage, GuidanceDocumentPage
from home.models import OrganisationPage, Topic
from tests.documents.conftest import make_document, publish_edition, values_body


@pytest.fixture
def shelf(home_page, library, locales):
    org = OrganisationPage(title="Central Mass Peer Network", slug="cmpn")
    home_page.add_child(instance=org)
    org.save_revision().publish()
    ethics_topic = Topic.objects.create(name="Ethics", slug="ethics", locale=locales["en"])
    ethics = make_document(
        library, title="Code of ethics", slug="ethics", document_type="ethics", origin_organisation=org
    )
    ethics.topics.set([ethics_topic])
    publish_edition(ethics, "2015", [("paragraph", "<p>Confidentiality and boundaries.</p>")])
    values = make_document(library, title="Values and actions", slug="values", document_type="values")
    publish_edition(values, "2014", values_body(2))
    draft = make_document(library, title="Unpublished ethics draft", slug="draft", live=False)
    draft.save_revision()
    private = make_document(library, title="Members only ethics", slug="private", document_type="ethics")
    publish_edition(private, "2015", values_body(1))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return {"org": org, "ethics": ethics, "values": values}


def titles(response):
    return [page.title for page in response.context["items"]]


def test_lists_live_public_documents_only(client, shelf):
    assert titles(client.get("/library/")) == ["Code of ethics", "Values and actions"]


def test_filters_by_topic_organisation_and_type(client, shelf):
    assert titles(client.get("/library/?topic=ethics")) == ["Code of ethics"]
    assert titles(client.get(f"/library/?organisation={shelf['org'].pk}")) == ["Code of ethics"]
    assert titles(client.get("/library/?type=values")) == ["Values and actions"]
    assert titles(client.get("/library/?type=values&topic=ethics")) == []
    # Unknown filter values are ignored or match nothing, never an error.
    assert client.get("/library/?type=nonsense&organisation=abc").status_code == 200
    assert titles(client.get("/library/?topic=nonsense")) == []


def test_full_text_search_finds_words_in_the_body(client, shelf):
    assert titles(client.get("/library/?q=confidentiality")) == ["Code of ethics"]
    assert titles(client.get("/library/?q=confidentiality&type=values")) == []
    response = client.get("/library/?q=zzzzqqq")
    assert "No document matches" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "q=%00",
        "q=%22unbalanced",
        "q=%22a+phrase%22+OR+NOT+*+(x",
        "q=title%3Afoo+-bar+%5E2",
        "q=a%00b&topic=%00",
        "organisation=99999999999999999999999999",
        "organisation=%EF%BC%91%EF%BC%92",
        "type=%00",
        "q=" + "x" * 5000,
    ],
)
def test_odd_queries_are_handled(client, shelf, query):
    response = client.get(f"/library/?{query}")
    assert response.status_code == 200


def test_pagination(client, library, shelf):
    DocumentLibraryPage.per_page = 1
    try:
        first = client.get("/library/?type=&page=1")
        second = client.get("/library/?page=2")
        assert titles(first) == ["Code of ethics"]
        assert titles(second) == ["Values and actions"]
        assert 'href="?page=2"' in first.content.decode()
        assert client.get("/library/?page=3").status_code == 404
        assert client.get("/library/?q=ethics&page=2").status_code == 404
    finally:
        DocumentLibraryPage.per_page = 20


def test_admin_forms_for_library_and_document(client, users, shelf):
    client.force_login(users["admin"])
    library = DocumentLibraryPage.objects.get()
    response = client.get(f"/admin/pages/add/documents/guidancedocumentpage/{library.pk}/")
    assert response.status_code == 200
    assert "edition_label" in response.content.decode()
    response = client.get(f"/admin/pages/{shelf['values'].pk}/edit/")
    assert response.status_code == 200
    assert "Editions published so far" in response.content.decode()
    assert "2014 (current)" in response.content.decode()
    assert GuidanceDocumentPage.objects.get(pk=shelf["values"].pk).editions.count() == 1
