"""Helpers for the document library: a library under the home page, documents
built from plain Python lists, and publishing through Wagtail's real workflow."""

import datetime

import pytest

from documents.models import DocumentLibraryPage, GuidanceDocumentPage


def numbered(kind, items):
    """A numbered_list block value from [(number, title, text, [sub texts])]."""
    return (
        "numbered_list",
        {
            "kind": kind,
            "items": [
                {
                    "number": str(number),
                    "title": title,
                    "text": text,
                    "sub_items": [{"label": "", "text": sub} for sub in subs],
                }
                for number, title, text, subs in items
            ],
        },
    )


def values_body(count=3, changed=None):
    """A values document with `count` values; `changed` maps number -> new text."""
    changed = changed or {}
    items = [(n, f"Value title {n}", changed.get(n, f"We hold value {n} dear."), []) for n in range(1, count + 1)]
    return [
        ("heading", {"text": "Our values", "level": "h2"}),
        ("paragraph", "<p>What we believe.</p>"),
        numbered("value", items),
    ]


def make_library(parent, slug="library"):
    library = DocumentLibraryPage(title="Library", slug=slug, intro="Guidance we share.")
    parent.add_child(instance=library)
    library.save_revision().publish()
    return library


def make_document(library, title="Our values", slug=None, body=None, **fields):
    page = GuidanceDocumentPage(title=title, slug=slug or title.lower().replace(" ", "-"), body=body or [], **fields)
    library.add_child(instance=page)
    return page


def set_edition(page, kind, label="", date=None, summary="", body=None):
    page.edition_kind = kind
    page.edition_label = label
    page.edition_date = date or (datetime.date(int(label), 6, 1) if label.isdigit() else None)
    page.edition_summary = summary
    if body is not None:
        page.body = body
    return page


def approve_through_workflow(page, editor, reviewer):
    """The editor saves and submits; the reviewer approves: Wagtail publishes."""
    page.save_revision(user=editor)
    workflow = page.get_workflow()
    state = workflow.start(page, editor)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, reviewer, "approve")
    page.refresh_from_db()
    return page


def publish_edition(page, label, body, summary="", kind="new"):
    """Publish straight away (as an administrator), recording an edition."""
    set_edition(page, kind, label, summary=summary, body=body)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def library(home_page):
    return make_library(home_page)


@pytest.fixture
def three_editions(library):
    """A values document published in 2008, 2013 and 2015."""
    page = make_document(library, title="Values of the peer role", slug="values")
    publish_edition(page, "2008", values_body(3), "First edition.")
    publish_edition(page, "2013", values_body(4, changed={2: "We put choice first, always."}), "Added value 4.")
    publish_edition(page, "2015", values_body(4, changed={2: "We put choice and self-determination first."}), "V2.")
    return page
