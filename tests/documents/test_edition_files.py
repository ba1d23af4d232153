"""Files per edition: copies kept with their edition, a current-file address that
never changes, and downloads that can never render as a web page."""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tests.documents.conftest import make_document, publish_edition, values_body


def make_file(title, name, content):
    Document = get_document_model()
    document = Document(title=title)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def replace_file(document, name, content):
    """What Wagtail's document edit form does: the old file is deleted, the new one stored."""
    document.file.storage.delete(document.file.name)
    document.file.save(name, ContentFile(content), save=False)
    document.save()


def download(client, url):
    response = client.get(url)
    return response, b"".join(response.streaming_content) if response.status_code == 200 else b""


def test_each_edition_keeps_its_file_and_the_current_link_follows_the_newest(client, library):
    page = make_document(library, title="Code of ethics", slug="ethics")
    document = make_file("Code of ethics (PDF)", "ethics.pdf", b"%PDF-1.4 the 2013 text")
    page.files.create(document=document)
    publish_edition(page, "2013", values_body(2))

    replace_file(document, "ethics-2015.pdf", b"%PDF-1.4 the 2015 text")
    publish_edition(page, "2015", values_body(3))

    response, body = download(client, "/library/ethics/file/")
    assert body == b"%PDF-1.4 the 2015 text"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"

    response, body = download(client, "/library/ethics/editions/2013/files/1/")
    assert body == b"%PDF-1.4 the 2013 text"

    html = client.get("/library/ethics/").content.decode()
    assert 'href="/library/ethics/file/"' in html
    past = client.get("/library/ethics/editions/2013/").content.decode()
    assert 'href="/library/ethics/editions/2013/files/1/"' in past


def test_a_file_that_is_not_an_allowed_type_is_not_copied_or_served(client, library):
    page = make_document(library, title="Ethics", slug="ethics")
    page.files.create(document=make_file("Sneaky", "sneaky.html", b"<script>alert(1)</script>"))
    page.files.create(document=make_file("Drawing", "drawing.svg", b"<svg onload='alert(1)'/>"))
    publish_edition(page, "2013", values_body(1))

    assert client.get("/library/ethics/file/").status_code == 404
    assert not page.editions.get().files.exists()


def test_wagtail_document_upload_refuses_html_and_svg(client, users):
    from wagtail.documents.forms import get_document_form

    Form = get_document_form(get_document_model())
    for name, content in [("page.html", b"<html></html>"), ("image.svg", b"<svg/>")]:
        from django.core.files.uploadedfile import SimpleUploadedFile

        form = Form(
            data={"title": name, "collection": 1},
            files={"file": SimpleUploadedFile(name, content)},
            user=users["admin"],
        )
        assert not form.is_valid()
        assert "file" in form.errors


def test_second_file_has_its_own_current_and_edition_links(client, library):
    page = make_document(library, title="Ethics", slug="ethics")
    page.files.create(document=make_file("PDF", "ethics.pdf", b"%PDF-1.4 one"), sort_order=0)
    page.files.create(document=make_file("Word", "ethics.docx", b"PK docx two"), sort_order=1)
    publish_edition(page, "2013", values_body(1))
    publish_edition(page, "2015", values_body(2))

    html = client.get("/library/ethics/").content.decode()
    assert 'href="/library/ethics/file/2/"' in html
    response, body = download(client, "/library/ethics/file/2/")
    assert body == b"PK docx two"
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert download(client, "/library/ethics/editions/2013/files/2/")[1] == b"PK docx two"
    assert client.get("/library/ethics/file/3/").status_code == 404
