"""python manage.py backup_site [--output-dir DIR]: the database and the media, dated."""

import json
import os
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from home import backups


class Command(BaseCommand):
    help = (
        "Back up the PostgreSQL database (pg_dump, custom format) and the media folder (tar.gz) "
        "into a new dated folder, with a manifest of counts and checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=os.environ.get("BACKUP_DIR", "backups"),
            help="Where to put the dated backup folder (default: $BACKUP_DIR or ./backups).",
        )

    def handle(self, *args, output_dir, **options):
        database = backups.database_settings()
        stamp = timezone.now().strftime("%Y-%m-%dT%H%M%SZ")
        folder = Path(output_dir).resolve() / f"peer-networks-{stamp}"
        try:
            folder.mkdir(parents=True)
        except FileExistsError as error:
            raise CommandError(f"{folder} already exists; wait a second and run it again.") from error
        dump = folder / backups.DUMP_NAME
        # The dump and the manifest's counts see the same moment of a live site: pg_dump
        # reads the snapshot this transaction exports, and the counts are taken in it.
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
            backups.run_tool(
                ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
                 f"--file={dump}"],
                database,
            )  # fmt: skip
            counts = backups.site_counts()
        media_files = backups.archive_media(settings.MEDIA_ROOT, folder / backups.MEDIA_NAME)
        manifest = {
            "created": timezone.now().isoformat(),
            "database": database["NAME"],
            "media_root": str(settings.MEDIA_ROOT),
            "media_files": media_files,
            "versions": {"django": django.get_version(), "wagtail": wagtail.__version__},
            "counts": counts,
            "sha256": {name: backups.sha256(folder / name) for name in (backups.DUMP_NAME, backups.MEDIA_NAME)},
        }
        (folder / backups.MANIFEST_NAME).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        self.stdout.write(
            f"Backed up {counts['pages']} pages, {counts['revisions']} revisions, {counts['form submissions']} "
            f"form submissions and {media_files} media files to:\n{folder}"
        )
