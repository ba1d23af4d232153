"""make backup / make restore: a round trip into a scratch database brings back the
same pages, revisions, editions, translations and submissions, and the restored
site serves the same pages. PostgreSQL only (pg_dump and pg_restore)."""

import os
import re
import uuid
from io import StringIO
from pathlib import Path

import psycopg
import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connections
from psycopg import sql
from wagtail.documents import get_document_model

from documents.models import Edition, GuidanceDocumentPage
from events.models import EventOccurrence, EventPage, Registrant
from home import backups
from home.models import FormPage, FormPageSubmission, OrganisationPage

ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")
TOKENS = re.compile(rb'(name="(?:csrfmiddlewaretoken|form_token)" value=")[^"]*"')


def test_restore_refuses_without_an_explicit_target(tmp_path):
    with pytest.raises(CommandError, match="Say which database to restore into"):
        call_command("restore_site", str(tmp_path))


@pytest.mark.skipif(ON_POSTGRES, reason="what a SQLite installation is told")
def test_backup_on_sqlite_says_what_to_do_instead(tmp_path):
    with pytest.raises(CommandError, match="Backups need PostgreSQL"):
        call_command("backup_site", output_dir=str(tmp_path))
    assert not any(tmp_path.iterdir())


@pytest.mark.skipif(not ON_POSTGRES, reason="backups use pg_dump and pg_restore: PostgreSQL only (CI runs it)")
@pytest.mark.django_db(transaction=True)
def test_a_backup_restored_into_a_scratch_database_has_the_same_content_and_serves_the_same_pages(
    client, tmp_path, settings
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("load_demo", stdout=StringIO())
    FormPageSubmission.objects.create(
        page=FormPage.objects.filter(locale__language_code="en").first(),
        form_data={"your_name": "Ana", "your_message": "Hello"},
        token=uuid.uuid4(),
    )
    Registrant.objects.create(
        occurrence=EventOccurrence.objects.first(), name="Bo", email="bo@example.org", consent=True
    )
    get_document_model().objects.create(title="Meeting notes", file=ContentFile(b"Notes, word for word.", "notes.txt"))
    source = backups.site_counts()
    for key in ["pages", "revisions", "editions", "form submissions", "signatures", "registrations"]:
        assert source[key] > 0, f"the demo gives something to back up: {key}"
    assert len(source["pages per locale"]) == 6
    media_before = files_under(settings.MEDIA_ROOT)
    assert list(media_before) == ["documents/notes.txt"]

    pages = page_urls()
    served_before = {url: normalised(client.get(url)) for url in pages}

    call_command("backup_site", output_dir=str(tmp_path / "backups"), stdout=StringIO())
    (folder,) = (tmp_path / "backups").iterdir()
    assert folder.name.startswith("peer-networks-20")
    assert {p.name for p in folder.iterdir()} == {"database.dump", "media.tar.gz", "manifest.json"}

    # The live site moves on after the backup; the restored copy must not.
    organisation = OrganisationPage.objects.live().filter(locale__language_code="en").first()
    organisation.title = "Renamed after the backup"
    organisation.save_revision().publish()
    assert b"Renamed after the backup" in client.get(organisation.url).content
    assert backups.site_counts()["revisions"] == source["revisions"] + 1

    original = connections["default"]
    scratch = dict(original.settings_dict, NAME=f"{original.settings_dict['NAME']}_restored")
    drop_database(scratch)
    try:
        output = StringIO()
        call_command(
            "restore_site",
            str(folder),
            database_url=url_of(scratch),
            media_root=str(tmp_path / "restored-media"),
            stdout=output,
        )
        assert "Every count matches the backup." in output.getvalue()
        # A second restore into the now full database is refused without --replace.
        with pytest.raises(CommandError, match="already has"):
            call_command("restore_site", str(folder), database_url=url_of(scratch), media_root=str(tmp_path / "x"))

        assert files_under(tmp_path / "restored-media") == media_before

        restored = type(original)(scratch, alias="default")
        connections["default"] = restored
        try:
            assert connections["default"].settings_dict["NAME"].endswith("_restored")
            assert backups.site_counts() == source
            settings.MEDIA_ROOT = str(tmp_path / "restored-media")
            cache.clear()
            for url in pages:
                assert normalised(client.get(url)) == served_before[url], url
        finally:
            restored.close()
            connections["default"] = original
    finally:
        cache.clear()
        drop_database(scratch)


def page_urls():
    document = GuidanceDocumentPage.objects.live().filter(editions__isnull=False, locale__language_code="en").first()
    edition = Edition.objects.filter(page=document).first()
    urls = [
        "/",
        "/es/",
        "/zh-hans/",
        OrganisationPage.objects.live().filter(locale__language_code="en").first().url,
        document.url,
        f"{document.url}editions/",
        f"{document.url}editions/{edition.label}/",
        EventPage.objects.live().filter(locale__language_code="en").first().url,
        FormPage.objects.live().filter(locale__language_code="es").first().url,
    ]
    return urls


def normalised(response):
    assert response.status_code == 200
    return TOKENS.sub(rb'\1-"', response.content)


def files_under(root):
    root = Path(root)
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def url_of(settings_dict):
    user = settings_dict.get("USER") or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


def drop_database(settings_dict):
    with psycopg.connect(
        dbname="postgres",
        host=settings_dict.get("HOST") or None,
        port=settings_dict.get("PORT") or None,
        user=settings_dict.get("USER") or None,
        password=settings_dict.get("PASSWORD") or None,
        autocommit=True,
    ) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(settings_dict["NAME"])))
