"""Record editions when guidance documents are published."""

from pathlib import PurePath

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from .models import SAFE_CONTENT_TYPES, Edition, EditionFile, GuidanceDocumentPage


def on_page_published(sender, instance, revision, alias=False, **kwargs):
    """Every publish of a guidance document (a reviewer's approval, an
    administrator's publish, a scheduled go-live) records or corrects an edition.
    Aliases show their source's editions, so they record none of their own."""
    if alias or not isinstance(instance, GuidanceDocumentPage) or revision is None:
        return
    record_edition(instance, revision)


def record_edition(page, revision):
    """Record the edition this publish makes: a new one, or a correction of the current one."""
    with transaction.atomic():
        current = page.editions.select_for_update().last()
        label = (page.edition_label or "").strip()
        today = timezone.localdate()
        is_new = page.edition_kind == GuidanceDocumentPage.EditionKind.NEW and label
        if current is None or (is_new and not page.editions.filter(label=label).exists()):
            edition = Edition.objects.create(
                page=page,
                label=label or str(page.first_issued or today.year),
                date=page.edition_date or today,
                summary=page.edition_summary,
                revision=revision,
            )
        else:
            edition = current
            edition.revision = revision
            edition.corrected_at = timezone.now()
            if page.edition_summary and is_new and label == current.label:
                edition.summary = page.edition_summary
            edition.save()
            edition.files.all().delete()
        _copy_files(edition, page)
    return edition


def _copy_files(edition, page):
    for position, attached in enumerate(page.files.select_related("document")):
        document = attached.document
        suffix = PurePath(document.file.name).suffix.lower()
        if suffix not in SAFE_CONTENT_TYPES:
            continue
        with document.file.open("rb") as handle:
            content = handle.read()
        copy = EditionFile(
            edition=edition,
            title=attached.title or document.title,
            size=len(content),
            source_document=document,
            sort_order=position,
        )
        copy.file.save(f"{document.title}{suffix}", ContentFile(content), save=False)
        copy.save()
