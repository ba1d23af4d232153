"""Query counts that do not grow with documents, items or editions: the count
measured at a small size must hold exactly at a larger one."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.documents.conftest import make_document, make_library, numbered, publish_edition


def body(items, changed_every=0):
    return [
        ("heading", {"text": "Principles", "level": "h2"}),
        numbered(
            "principle",
            [
                (
                    n,
                    f"Title {n}",
                    f"Principle {n} text{' revised' if changed_every and n % changed_every == 0 else ''}.",
                    ["a", "b"],
                )
                for n in range(1, items + 1)
            ],
        ),
    ]


def count_queries(client, url):
    client.get(url)  # warm Wagtail's site and locale caches
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def assert_same_count(client, django_assert_num_queries, small_url, large_url):
    expected = count_queries(client, small_url)
    client.get(large_url)
    with django_assert_num_queries(expected):
        assert client.get(large_url).status_code == 200


def test_library_index(client, home_page, django_assert_num_queries):
    small, large = make_library(home_page, "small"), make_library(home_page, "large")
    for library, count in ((small, 2), (large, 15)):
        for n in range(count):
            page = make_document(library, title=f"Document {n}", slug=f"doc-{n}")
            publish_edition(page, "2015", body(2))
    assert_same_count(client, django_assert_num_queries, "/small/", "/large/")
    assert_same_count(client, django_assert_num_queries, "/small/?q=principle", "/large/?q=principle")


def test_document_with_200_items(client, library, django_assert_num_queries):
    publish_edition(make_document(library, title="Short", slug="short"), "2015", body(5))
    publish_edition(make_document(library, title="Long", slug="long"), "2015", body(200))
    assert_same_count(client, django_assert_num_queries, "/library/short/", "/library/long/")
    assert_same_count(
        client, django_assert_num_queries, "/library/short/editions/2015/", "/library/long/editions/2015/"
    )


def test_history_of_20_editions(client, library, django_assert_num_queries):
    few, many = make_document(library, title="Few", slug="few"), make_document(library, title="Many", slug="many")
    for year in range(2001, 2003):
        publish_edition(few, str(year), body(3, changed_every=year % 3 + 1))
    for year in range(2001, 2021):
        publish_edition(many, str(year), body(3, changed_every=year % 3 + 1))
    assert many.editions.count() == 20
    assert_same_count(client, django_assert_num_queries, "/library/few/editions/", "/library/many/editions/")


def test_comparison_of_two_200_item_editions(client, library, django_assert_num_queries):
    short, long = make_document(library, title="Short", slug="short"), make_document(library, title="Long", slug="long")
    publish_edition(short, "2013", body(10))
    publish_edition(short, "2015", body(10, changed_every=3))
    publish_edition(long, "2013", body(200))
    publish_edition(long, "2015", body(200, changed_every=3))
    response = client.get("/library/long/compare/2013/2015/")
    assert len(response.context["comparison"].changed) == 66
    assert_same_count(
        client, django_assert_num_queries, "/library/short/compare/2013/2015/", "/library/long/compare/2013/2015/"
    )
