"""python manage.py restore_site BACKUP --database-url URL [--media-root DIR] [--replace]"""

import json
from pathlib import Path

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from psycopg import sql

from home import backups


def connect(settings_dict, dbname):
    return psycopg.connect(
        dbname=dbname,
        host=settings_dict.get("HOST") or None,
        port=settings_dict.get("PORT") or None,
        user=settings_dict.get("USER") or None,
        password=settings_dict.get("PASSWORD") or None,
        autocommit=True,
    )


class Command(BaseCommand):
    help = (
        "Restore a backup made by backup_site into the database named by --database-url (required: "
        "there is no default target) and its media into --media-root (default: MEDIA_ROOT)."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The dated backup folder made by backup_site.")
        parser.add_argument("--database-url", help="postgres://... of the database to restore into (required).")
        parser.add_argument("--media-root", help="Where to put the media (default: the MEDIA_ROOT setting).")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Allow overwriting a database that already has tables and a media folder that has files.",
        )

    def handle(self, *args, backup, database_url, media_root, replace, **options):
        if not database_url:
            raise CommandError(
                "Say which database to restore into: --database-url postgres://... "
                "(with make: make restore BACKUP=backups/peer-networks-... DATABASE_URL=postgres://...)."
            )
        folder = Path(backup)
        manifest = backups.read_manifest(folder)
        target = backups.parse_url(database_url)
        media_root = Path(media_root or settings.MEDIA_ROOT)

        # Every refusal comes before anything is changed.
        with connect(target, "postgres") as admin:
            exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [target["NAME"]]).fetchone()
            if not exists:
                admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(target["NAME"])))
                self.stdout.write(f"Created the database {target['NAME']}.")
        with connect(target, target["NAME"]) as conn:
            tables = conn.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
            ).fetchone()[0]
        if tables and not replace:
            raise CommandError(
                f"The database {target['NAME']} already has {tables} tables. Restore into an empty database, "
                "or add --replace to overwrite it."
            )
        if media_root.exists() and any(media_root.iterdir()) and not replace:
            raise CommandError(f"{media_root} already has files. Choose an empty folder, or add --replace.")

        restore = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", f"--dbname={target['NAME']}"]
        if tables:
            restore += ["--clean", "--if-exists"]
        backups.run_tool([*restore, str(folder / backups.DUMP_NAME)], target)
        backups.extract_media(folder / backups.MEDIA_NAME, media_root)

        restored = self.counts_in(target)
        expected = json.loads(json.dumps(manifest["counts"]))
        differences = {
            key: (expected[key], restored.get(key)) for key in expected if restored.get(key) != expected[key]
        }
        if differences:
            raise CommandError(f"The restored database differs from the backup's manifest: {differences}")
        self.stdout.write(
            f"Restored {restored['pages']} pages, {restored['revisions']} revisions, {restored['editions']} editions, "
            f"{restored['form submissions']} form submissions, {restored['signatures']} signatures and "
            f"{restored['registrations']} registrations into {target['NAME']}, and {manifest['media_files']} media "
            f"files into {media_root}. Every count matches the backup."
        )

    def counts_in(self, target):
        """The same counts as the manifest's, taken in the restored database."""
        with connect(target, target["NAME"]) as conn, conn.cursor() as cursor:
            return json.loads(json.dumps(backups.site_counts(cursor)))
