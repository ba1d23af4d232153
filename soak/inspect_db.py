"""The soak's look inside the site, run in its own process with the server's settings.

python soak/inspect_db.py targets         -> JSON: pages for readers, forms for submitters
python soak/inspect_db.py check FILE      -> JSON: what the database and media hold for the
                                             successes listed in FILE (see soak/run.py)
"""

import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django():
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.production")
    import django

    django.setup()


def targets():
    from wagtail.models import Locale, Page, PageViewRestriction

    from home.models import FormPage, SignOnPage

    restricted = list(PageViewRestriction.objects.values_list("page__path", flat=True))

    def public(queryset):
        for path in restricted:
            queryset = queryset.exclude(path__startswith=path)
        return queryset

    english = Locale.objects.get(language_code="en")
    readers = []
    for page in public(Page.objects.live().filter(depth__gt=1)).order_by("locale_id", "path")[:60]:
        url = page.get_url()
        if url and url.startswith("/"):
            readers.append(url)
    forms = [
        page.get_url()
        for page in public(FormPage.objects.live().filter(locale=english, confirm_membership_criteria=False))
    ]
    statements = [
        page.get_url() for page in public(SignOnPage.objects.live().filter(locale=english)) if page.specific.is_open
    ]
    return {"readers": readers + ["/search/?query=peer", "/sitemap.xml"], "forms": forms, "statements": statements}


def referenced_files():
    """{name: model label} for every file a model's FileField points at (documents,
    images, renditions, edition copies...)."""
    from django.apps import apps
    from django.db import models

    names = {}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                for name in model._default_manager.exclude(**{field.name: ""}).values_list(field.name, flat=True):
                    if name:
                        names[name] = model._meta.label
    return names


def check(path):
    from django.conf import settings
    from wagtail.documents import get_document_model

    from home.models import FormPageSubmission, Signature

    successes = json.loads(Path(path).read_text())
    # Submissions: each success's token once, and its marker in exactly one submission.
    by_token = {}
    marker_counts = {}
    markers = {item["marker"] for item in successes["forms"]}
    for token, data in FormPageSubmission.objects.values_list("token", "form_data"):
        if token is not None:
            by_token[str(token)] = by_token.get(str(token), 0) + 1
        text = json.dumps(data)
        for marker in markers:
            if marker in text:
                marker_counts[marker] = marker_counts.get(marker, 0) + 1
    forms = {
        "accepted": len(successes["forms"]),
        "missing": [i["token"] for i in successes["forms"] if by_token.get(i["token"], 0) == 0],
        "duplicated": [i["marker"] for i in successes["forms"] if marker_counts.get(i["marker"], 0) > 1],
        "marker_missing": [i["marker"] for i in successes["forms"] if marker_counts.get(i["marker"], 0) == 0],
    }
    emails = [item["email"] for item in successes["signatures"]]
    counts = {}
    for email in Signature.objects.filter(email__in=emails).values_list("email", flat=True):
        counts[email] = counts.get(email, 0) + 1
    signatures = {
        "accepted": len(emails),
        "missing": [e for e in emails if counts.get(e, 0) == 0],
        "duplicated": [e for e in emails if counts.get(e, 0) > 1],
    }
    # Media: every file is referenced, and every document's file is whole.
    media_root = Path(settings.MEDIA_ROOT)
    referenced = referenced_files()
    on_disk = sorted(
        str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file() and p.name != "lost+found"
    )
    orphans = [name for name in on_disk if name not in referenced]
    truncated = []
    for document in get_document_model().objects.all():
        file_path = media_root / document.file.name
        if not file_path.exists():
            truncated.append({"document": document.pk, "file": document.file.name, "problem": "missing"})
            continue
        data = file_path.read_bytes()
        if document.file_size is not None and len(data) != document.file_size:
            truncated.append({"document": document.pk, "file": document.file.name, "problem": "size differs"})
        elif document.file_hash and hashlib.sha1(data).hexdigest() != document.file_hash:  # noqa: S324 - Wagtail's own hash
            truncated.append({"document": document.pk, "file": document.file.name, "problem": "hash differs"})
    uploads = {
        title: get_document_model().objects.filter(title=title).count() for title in successes.get("uploads", [])
    }
    return {
        "forms": forms,
        "signatures": signatures,
        "media": {"files": len(on_disk), "orphans": orphans, "truncated": truncated},
        "uploads": uploads,
    }


if __name__ == "__main__":
    setup_django()
    if sys.argv[1] == "targets":
        print(json.dumps(targets()))
    elif sys.argv[1] == "check":
        print(json.dumps(check(sys.argv[2])))
    else:
        raise SystemExit(__doc__)
