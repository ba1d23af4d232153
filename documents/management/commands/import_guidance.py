"""Import a plain-text or Markdown guidance document as a draft GuidanceDocumentPage.

A second import with the same title (or --slug) adds a draft of a new edition
to the existing page; nothing is published until a reviewer approves it.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale

from documents.importer import ImportFileError, parse, read_text
from documents.models import LABEL_PATTERN, DocumentLibraryPage, GuidanceDocumentPage


def describe_errors(error):
    """ "edition label: Use letters, ..." - which value is wrong, not only why."""
    if not hasattr(error, "error_dict"):
        return "; ".join(error.messages)
    return "; ".join(
        f"{field.replace('_', ' ')}: {' '.join(messages)}" if field != "__all__" else " ".join(messages)
        for field, messages in error.message_dict.items()
    )


class Command(BaseCommand):
    help = "Turn a plain-text or Markdown guidance document into a draft guidance document page."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A UTF-8 text or Markdown file.")
        parser.add_argument("--title", help="The document's title (default: the file's first heading or name).")
        parser.add_argument("--slug", help="The page's slug (default: made from the title).")
        parser.add_argument("--edition", default="", help="Edition label, e.g. 2015: the draft is a new edition.")
        parser.add_argument("--date", help="Edition date, YYYY-MM-DD.")
        parser.add_argument("--summary", default="", help="What changed in this edition.")
        parser.add_argument("--parent", help="Slug of the document library to put it in (needed if there are several).")

    def handle(self, *args, **options):
        self.check_options(options)
        try:
            text = read_text(options["file"])
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        edition_date = self.parse_date(options["date"])

        def progress(done, total):
            self.stdout.write(f"  read {done} of {total} lines")

        result = parse(text, progress=progress)
        if not result.blocks:
            raise CommandError("Nothing to import: the file has no text that could be read as a document.")
        library = self.find_library(options["parent"])
        title = (options["title"] or result.title or self.title_from_file(options["file"])).strip()[:255]
        slug = options["slug"] or slugify(title)[:255]

        with transaction.atomic():
            page = GuidanceDocumentPage.objects.child_of(library).filter(slug=slug).first()
            created = page is None
            if created:
                page = GuidanceDocumentPage(title=title, slug=slug, live=False)
            else:
                page = page.get_latest_revision_as_object()
            page.body = result.blocks
            if options["edition"]:
                page.edition_kind = GuidanceDocumentPage.EditionKind.NEW
                page.edition_label = options["edition"]
                page.edition_date = edition_date
                page.edition_summary = options["summary"]
            try:
                if created:
                    library.add_child(instance=page)
                else:
                    page.full_clean()
                # save_revision validates again (the edition fields, the slug): an
                # error there is the reader's too, and rolls back the new page.
                page.save_revision(log_action=True)
            except ValidationError as error:
                raise CommandError(f"The document could not be saved: {describe_errors(error)}") from error

        self.report(page, result, created)

    def check_options(self, options):
        """Refuse bad options before anything is written: the page row is saved
        (and PostgreSQL checks column lengths and refuses NUL) before Wagtail validates."""
        for name in ("title", "slug", "edition", "summary", "parent"):
            if "\x00" in (options[name] or ""):
                raise CommandError(f"--{name} contains a NUL character.")
        if options["edition"] and not LABEL_PATTERN.match(options["edition"]):
            raise CommandError(
                "--edition: use letters, digits, dots or dashes only, at most 40 characters "
                f"(it becomes part of the address), not {options['edition'][:60]!r}."
            )

    def parse_date(self, value):
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError as error:
            raise CommandError(f"--date must look like 2015-06-01, not {value!r}.") from error

    def find_library(self, slug):
        libraries = DocumentLibraryPage.objects.filter(locale=Locale.get_default())
        if slug:
            libraries = libraries.filter(slug=slug)
        libraries = list(libraries[:2])
        if not libraries:
            raise CommandError(
                f"No document library with the slug {slug!r}." if slug else "There is no document library yet."
            )
        if len(libraries) > 1:
            raise CommandError("There are several document libraries: say which with --parent <slug>.")
        return libraries[0]

    @staticmethod
    def title_from_file(path):
        from pathlib import Path

        return Path(path).stem.replace("-", " ").replace("_", " ").strip().capitalize()

    def report(self, page, result, created):
        kinds = {}
        for value in result.numbered_lists():
            kinds[value["kind"]] = kinds.get(value["kind"], 0) + len(value["items"])
        counted = ", ".join(f"{count} {kind}{'s' if count != 1 else ''}" for kind, count in kinds.items())
        action = "Created a draft" if created else "Saved a new draft revision of"
        self.stdout.write(self.style.SUCCESS(f"{action} “{page.title}” (page {page.pk}): {len(result.blocks)} blocks."))
        if counted:
            self.stdout.write(f"Numbered items: {counted}.")
        for note in result.notes:
            self.stdout.write(self.style.WARNING(f"Note: {note}"))
        if result.unclassified:
            self.stdout.write(self.style.WARNING("Kept as plain paragraphs, but could not tell what these are:"))
            for line_number, text in result.unclassified:
                self.stdout.write(f"  line {line_number}: {text[:100]}")
        self.stdout.write("It is a draft: submit it for review in the admin to publish it.")
