"""Backups of the site: the PostgreSQL database (pg_dump, custom format) and the
media folder (a tar.gz), side by side in one dated folder with a manifest of
what they hold. Used by the backup_site and restore_site commands."""

import hashlib
import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import dj_database_url
from django.core.management.base import CommandError
from django.db import connections

DUMP_NAME = "database.dump"
MEDIA_NAME = "media.tar.gz"
MANIFEST_NAME = "manifest.json"
PARTIAL_PREFIX = ".partial-"  # home.storage's files being written: never backed up


def site_counts(cursor=None):
    """What a backup must bring back, counted with plain SQL through `cursor` (a
    DB-API cursor on any copy of the site's database; default: Django's own)."""
    from wagtail.models import Locale, Page, Revision

    from documents.models import Edition, EditionFile
    from events.models import Registrant
    from home.models import FormPageSubmission, Signature, Subscriber

    if cursor is None:
        from django.db import connection

        with connection.cursor() as django_cursor:
            return site_counts(django_cursor)

    def scalar(query, params=()):
        cursor.execute(query, params)
        return cursor.fetchone()[0]

    def count(model):
        return scalar(f'SELECT count(*) FROM "{model._meta.db_table}"')  # noqa: S608 - our own table names

    pages, locales = Page._meta.db_table, Locale._meta.db_table
    cursor.execute(
        f'SELECT l.language_code, count(*) FROM "{pages}" p JOIN "{locales}" l ON p.locale_id = l.id '  # noqa: S608
        "WHERE p.depth > 1 GROUP BY l.language_code ORDER BY l.language_code"
    )
    per_locale = dict(cursor.fetchall())
    return {
        "pages": count(Page),
        "live pages": scalar(f'SELECT count(*) FROM "{pages}" WHERE live'),  # noqa: S608
        "revisions": count(Revision),
        "editions": count(Edition),
        "edition files": count(EditionFile),
        "pages per locale": per_locale,
        "form submissions": count(FormPageSubmission),
        "signatures": count(Signature),
        "mailing list subscribers": count(Subscriber),
        "registrations": count(Registrant),
    }


def database_settings(alias="default"):
    settings_dict = connections[alias].settings_dict
    if connections[alias].vendor != "postgresql":
        raise CommandError(
            "Backups need PostgreSQL (DATABASE_URL=postgres://...). With SQLite, copy the db.sqlite3 file "
            "and the media folder while the site is stopped."
        )
    return settings_dict


def parse_url(url):
    settings_dict = dj_database_url.parse(url)
    if "postgresql" not in settings_dict["ENGINE"]:
        raise CommandError(f"Restores go into PostgreSQL only; {url.split('@')[-1]!r} is not a postgres:// address.")
    return settings_dict


def libpq_env(settings_dict):
    """Connection settings for pg_dump / pg_restore, in their environment (never on the command line)."""
    env = {**os.environ}
    for key, variable in [
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ]:
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
        else:
            env.pop(variable, None)
    return env


def run_tool(command, settings_dict):
    tool = shutil.which(command[0])
    if tool is None:
        raise CommandError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client).")
    result = subprocess.run(  # noqa: S603 - a fixed tool and our own arguments
        [tool, *command[1:]], env=libpq_env(settings_dict), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise CommandError(f"{command[0]} failed: {result.stderr.strip() or result.stdout.strip()}")
    return result


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def archive_media(media_root, target):
    """media_root's files into a tar.gz (paths relative to media_root); returns how many."""
    media_root = Path(media_root)
    files = 0
    with tarfile.open(target, "w:gz") as archive:
        if media_root.is_dir():
            for path in sorted(media_root.rglob("*")):
                if path.is_file() and not path.name.startswith(PARTIAL_PREFIX):
                    archive.add(path, arcname=str(path.relative_to(media_root)), recursive=False)
                    files += 1
    return files


def extract_media(archive_path, media_root):
    """Unpack into a fresh folder beside media_root, then swap it in (the old one is removed)."""
    media_root = Path(media_root)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    incoming = media_root.with_name(media_root.name + ".restoring")
    if incoming.exists():
        shutil.rmtree(incoming)
    incoming.mkdir()
    with tarfile.open(archive_path, "r:gz") as archive:
        archive.extractall(incoming, filter="data")  # refuses absolute paths, '..' and links out
    if media_root.exists():
        old = media_root.with_name(media_root.name + ".replaced")
        if old.exists():
            shutil.rmtree(old)
        media_root.rename(old)
        incoming.rename(media_root)
        shutil.rmtree(old)
    else:
        incoming.rename(media_root)


def read_manifest(folder):
    folder = Path(folder)
    missing = [name for name in (DUMP_NAME, MEDIA_NAME, MANIFEST_NAME) if not (folder / name).is_file()]
    if missing:
        raise CommandError(f"{folder} is not a complete backup: {', '.join(missing)} missing.")
    manifest = json.loads((folder / MANIFEST_NAME).read_text())
    for name in (DUMP_NAME, MEDIA_NAME):
        if sha256(folder / name) != manifest["sha256"][name]:
            raise CommandError(f"{folder / name} does not match its checksum in the manifest: it is damaged.")
    return manifest
