"""A guidance document translated through wagtail-localize keeps editions of its own."""

from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from home.demo import translate
from tests.conftest import sync_locales
from tests.documents.conftest import make_document, publish_edition, values_body
from tests.documents.test_edition_files import make_file


def test_spanish_translation_records_its_own_edition_and_lists_in_spanish(
    client, library, locales, django_capture_on_commit_callbacks
):
    page = make_document(library, title="Values", slug="values")
    page.files.create(document=make_file("Values (PDF)", "values.pdf", b"%PDF-1.4 values"))
    publish_edition(page, "2014", values_body(1), "First edition.")
    sync_locales()

    # wagtail-localize publishes the translation once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        spanish = translate(
            page, locales["es"], {"Values": "Valores", "We hold value 1 dear.": "Apreciamos el valor 1."}
        )

    assert spanish.live
    edition = spanish.editions.get()
    assert edition.label == "2014"
    assert edition.files.count() == 1
    html = client.get(spanish.url + "editions/2014/").content.decode()
    assert "Apreciamos el valor 1." in html

    with translation.override("es"):
        listed = Template("{% load library_tags %}{% latest_editions %}").render(
            Context({"request": RequestFactory().get("/es/")})
        )
    assert "Valores" in listed
    assert ">Values<" not in listed


def test_untranslated_alias_shows_the_source_editions(client, library):
    page = make_document(library, title="Ethics", slug="ethics")
    publish_edition(page, "2013", values_body(1))
    publish_edition(page, "2015", values_body(2))
    sync_locales()

    response = client.get("/pt/library/ethics/editions/")
    assert response.status_code == 200
    assert [edition.label for edition in response.context["editions"]] == ["2013", "2015"]
    assert client.get("/pt/library/ethics/compare/2013/2015/").status_code == 200
