"""Hostile files and bodies: documents and images uploaded by an editor in the
admin, request bodies over the limits, markup and javascript: links typed by an
editor, and files handed to the guidance import command. Refused with a clear
message (no row, no file left in media), or served so a browser cannot run them."""

import struct
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from documents.models import GuidanceDocumentPage
from home.models import ContentPage, FormPageSubmission
from tests.documents.conftest import make_library
from tests.security.hostile import (
    NUL,
    SCRIPT,
    build_contact_form,
    build_organisation,
    contact_data,
    in_site_look,
    soup,
)

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(client, users):
    client.force_login(users["editor"])
    return client


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def upload_document(client, name, content, content_type="application/octet-stream"):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type), "collection": 1},
    )


def upload_image(client, name, content, content_type="image/png"):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type), "collection": 1},
    )


def png_header(width, height):
    """A valid, tiny PNG that claims `width` x `height` pixels: a decompression bomb's
    header (the pixels would take gigabytes once decoded)."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def form_errors(response):
    return " ".join(
        element.get_text(" ", strip=True)
        for element in soup(response).select(".error-message, .help-critical, .w-field__errors")
    )


# --- documents -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("report.pdf.html", b"<html><script>alert(1)</script></html>"),
        ("page.htm", b"<script>alert(1)</script>"),
        ("tool.exe", b"MZ\x90\x00"),
        ("noextension", b"<script>alert(1)</script>"),
    ],
)
def test_documents_that_a_browser_would_run_are_refused(editor, name, content):
    before = media_files()
    response = upload_document(editor, name, content)
    assert response.status_code == 200  # the form again, with its error
    assert "Not a supported document extension" in response.content.decode() or "extension" in form_errors(response)
    assert not Document.objects.exists()
    assert media_files() == before


@pytest.mark.parametrize(
    ("name", "content_type", "disposition"),
    [
        ("minutes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "attachment"),
        ("notes.txt", "text/plain", None),
        ("sneaky.html.pdf", "application/pdf", None),
    ],
)
def test_accepted_documents_are_served_with_a_safe_type(editor, client, name, content_type, disposition):
    """A file named like a PDF but full of HTML is still sent as a PDF, with
    nosniff and a CSP that runs nothing; other types are downloads."""
    response = upload_document(editor, name, b"<html><script>alert(1)</script></html>")
    assert response.status_code == 302
    document = Document.objects.get()
    client.logout()
    served = client.get(document.url)
    assert served.status_code == 200
    assert served["Content-Type"].split(";")[0] == content_type
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Security-Policy"] == "default-src 'none'"
    if disposition:
        assert served["Content-Disposition"].startswith(disposition)
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert not {"svg", "html", "htm", "xml", "js"} & set(settings.WAGTAILDOCS_EXTENSIONS)


def test_a_document_over_the_size_limit_is_refused(editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    before = media_files()
    response = upload_document(editor, "big.pdf", b"%PDF-1.4\n" + b"0" * 4096)
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert not Document.objects.exists()
    assert media_files() == before


# --- images --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("width", "height"),
    [(20_000, 20_000), (7_000, 7_000)],  # beyond Pillow's own bomb limit; beyond WAGTAILIMAGES_MAX_IMAGE_PIXELS
)
def test_a_decompression_bomb_image_is_refused(editor, width, height):
    assert width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    before = media_files()
    response = upload_image(editor, "bomb.png", png_header(width, height))
    assert response.status_code == 200
    assert "too many pixels" in response.content.decode()
    assert not Image.objects.exists()
    assert media_files() == before


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("page.png", b"<html><script>alert(1)</script></html>"),
        ("photo.png.html", png_header(10, 10)),
        # A fine header, data cut short: Willow's decoder raised OSError (a 500 before home/image_forms.py).
        ("truncated.png", png_header(300, 300)),
    ],
)
def test_images_that_are_not_images_are_refused(editor, name, content):
    before = media_files()
    response = upload_image(editor, name, content)
    assert response.status_code == 200
    assert not Image.objects.exists()
    assert media_files() == before


@pytest.mark.parametrize("content", [png_header(20_000, 20_000), png_header(7_000, 7_000), png_header(300, 300)])
def test_the_multiple_uploader_refuses_bombs_and_broken_images_too(editor, content):
    before = media_files()
    response = editor.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("bomb.png", content, content_type="image/png"), "collection": 1},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert not Image.objects.exists()
    assert media_files() == before


def test_a_small_real_image_is_accepted(editor):
    response = upload_image(editor, "dot.png", png_header(8, 8))
    assert response.status_code == 302
    assert Image.objects.get().width == 8


# --- request bodies over the limit ------------------------------------------------------


def test_a_body_over_the_upload_limit_is_a_400_in_the_site_look(home_page):
    contact = build_contact_form(build_organisation(home_page))
    message = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = Client().post(contact.url, contact_data(message=message))
    assert response.status_code in (400, 413)
    assert in_site_look(response)
    assert not FormPageSubmission.objects.exists()


def test_too_many_fields_is_a_400_in_the_site_look(home_page):
    contact = build_contact_form(build_organisation(home_page))
    data = contact_data()
    data.update({f"extra{number}": "x" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)})
    response = Client().post(contact.url, data)
    assert response.status_code in (400, 413)
    assert in_site_look(response)
    assert not FormPageSubmission.objects.exists()


# --- what editors type in the admin -----------------------------------------------------


def test_a_page_title_with_markup_is_escaped_in_the_admin_and_the_site(client, users, home_page):
    page = ContentPage(title=SCRIPT, slug="script-title", intro=SCRIPT)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    client.force_login(users["editor"])
    explorer = client.get(reverse("wagtailadmin_explore", args=[home_page.pk]))
    assert explorer.status_code == 200
    assert SCRIPT not in explorer.content.decode()
    client.logout()
    public = client.get(page.url)
    assert public.status_code == 200
    assert SCRIPT not in public.content.decode()


def test_a_javascript_link_in_rich_text_is_dropped_when_an_editor_saves(client, users, home_page):
    """The editor's Draftail content goes through Wagtail's whitelist: a
    javascript: link does not reach the database or the page."""
    import json

    from home.models import OrganisationPage

    client.force_login(users["admin"])
    contentstate = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "text": "Click me",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 8, "key": 0}],
                "data": {},
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(1)"}}},
    }
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    data = nested_form_data(
        {
            "title": "Network",
            "slug": "network-js",
            "kind": "network",
            "mission": json.dumps(contentstate),
            "body": streamfield([]),
            "membership_criteria": inline_formset([]),
            "agenda_items": inline_formset([]),
            "social_links": inline_formset([]),
        }
    )
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["home", "organisationpage", home_page.pk]),
        {**data, "action-publish": "1"},
    )
    assert response.status_code == 302, form_errors(response)
    page = OrganisationPage.objects.get(slug="network-js", locale=home_page.locale)
    assert "javascript:" not in page.mission
    assert "Click me" in page.mission
    assert "javascript:" not in client.get(page.url).content.decode()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>"])
def test_a_social_link_must_be_a_web_address(url):
    from django.core.exceptions import ValidationError

    from home.models import OrganisationLink

    link = OrganisationLink(label="Facebook", url=url)
    with pytest.raises(ValidationError):
        link.clean_fields(exclude=["page", "locale", "translation_key"])


# --- the guidance import command -----------------------------------------------------------


@pytest.fixture
def library(home_page):
    return make_library(home_page)


def run_import(path, *args):
    call_command("import_guidance", str(path), *args, stdout=open("/dev/null", "w"))  # noqa: SIM115


def no_new_document():
    return not GuidanceDocumentPage.objects.exists()


def test_an_import_with_a_nul_character_past_the_first_8_kb_makes_no_page(library, tmp_path):
    path = tmp_path / "values.txt"
    path.write_text(
        "# Our values\n\n" + "We support each other. " * 500 + f"\n\n1. Hope{NUL} for all\n", encoding="utf-8"
    )
    with pytest.raises(CommandError, match="binary|control"):
        run_import(path)
    assert no_new_document()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--edition", "../../etc"], "--edition: use letters"),
        (["--edition", "x" * 500], "--edition: use letters"),
        (["--slug", "not a slug!"], "slug: Enter a valid"),
        (["--date", "2015-02-30"], "--date"),
        (["--parent", NUL], "--parent contains a NUL"),
        (["--summary", NUL], "--summary contains a NUL"),
    ],
)
def test_bad_import_options_are_clear_errors_and_make_no_page(library, tmp_path, args, message):
    path = tmp_path / "values.txt"
    path.write_text("# Our values\n\n1. Hope: we believe in recovery.\n", encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        run_import(path, *args)
    assert no_new_document()


def test_markup_and_javascript_links_in_an_imported_file_stay_text(library, tmp_path):
    path = tmp_path / "values.md"
    path.write_text(
        f'# Our values\n\n{SCRIPT}\n\n[click](javascript:alert(1)) <a href="javascript:alert(1)">x</a>\n\n'
        "1. Hope: we believe in recovery.\n",
        encoding="utf-8",
    )
    run_import(path)
    page = GuidanceDocumentPage.objects.get()
    assert not page.live  # a draft until a reviewer approves it
    page.get_latest_revision().publish()
    response = Client().get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript:' not in html
