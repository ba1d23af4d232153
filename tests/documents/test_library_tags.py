from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from tests.documents.conftest import make_document, publish_edition, values_body


def render(source, **context):
    request = RequestFactory().get("/")
    return Template("{% load library_tags %}" + source).render(Context({"request": request, **context}))


def test_latest_editions_lists_newest_live_editions_only(library):
    older = make_document(library, title="Code of ethics", slug="ethics")
    publish_edition(older, "2008", values_body(2))
    newer = make_document(library, title="Values", slug="values")
    publish_edition(newer, "2015", values_body(2))
    draft = make_document(library, title="Draft only", slug="draft", live=False)
    draft.save_revision()

    with translation.override("en"):
        html = render("{% latest_editions limit=5 %}")

    assert html.index("Values") < html.index("Code of ethics")
    assert "2015 edition" in html
    assert "/library/values/editions/2015/" in html
    assert "Draft only" not in html

    with translation.override("en"):
        assert "Code of ethics" not in render("{% latest_editions limit=1 %}")


def test_organisation_documents_lists_that_organisations_documents(home_page, library):
    from home.models import OrganisationPage

    ours = OrganisationPage(title="Western Mass Peer Network", slug="wmpn")
    home_page.add_child(instance=ours)
    ours.save_revision().publish()
    theirs = OrganisationPage(title="Central Mass Peer Network", slug="cmpn")
    home_page.add_child(instance=theirs)
    theirs.save_revision().publish()
    publish_edition(make_document(library, title="Values", origin_organisation=ours), "2013", values_body(1))
    publish_edition(make_document(library, title="Ethics", origin_organisation=theirs), "2015", values_body(1))

    with translation.override("en"):
        html = render("{% organisation_documents organisation %}", organisation=ours)

    assert "Values" in html
    assert "Ethics" not in html
    assert "<ul" in html


def test_tags_query_count_does_not_grow_with_the_library(library, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(2):
        publish_edition(make_document(library, title=f"Doc {n}", slug=f"doc-{n}"), "2015", values_body(1))
    source = "{% latest_editions limit=10 %}"
    with translation.override("en"):
        render(source)
        with CaptureQueriesContext(connection) as small:
            render(source)
        for n in range(2, 8):
            publish_edition(make_document(library, title=f"Doc {n}", slug=f"doc-{n}"), "2015", values_body(1))
        with django_assert_num_queries(len(small.captured_queries)):
            assert render(source).count("<li>") == 8
