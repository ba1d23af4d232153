"""import_guidance: a draft page from a file, a new edition of an existing page, no half-made pages."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from documents.models import GuidanceDocumentPage

VALUES = "/work/shared/seeds/western-mass-peer-role-values-and-actions.txt"


def run(*args):
    out = StringIO()
    call_command("import_guidance", *args, stdout=out)
    return out.getvalue()


def test_import_creates_a_draft_with_structured_blocks(library):
    output = run(VALUES, "--title", "Peer role values and actions", "--edition", "2014")

    page = GuidanceDocumentPage.objects.get(slug="peer-role-values-and-actions")
    draft = page.get_latest_revision_as_object()
    assert not page.live
    assert page.get_parent().pk == library.pk
    assert "12 values" in output and "13 actions" in output
    assert "line 68: wmpn logo" in output
    kinds = [block.value["kind"] for block in draft.body if block.block_type == "numbered_list"]
    assert kinds == ["area", "value", "action"]
    assert (draft.edition_kind, draft.edition_label) == ("new", "2014")


def test_second_import_is_a_draft_of_a_new_edition_of_the_same_page(library, tmp_path):
    from tests.documents.conftest import publish_edition

    first = tmp_path / "ethics.md"
    first.write_text("# Code of ethics\n\nPrinciples\n\n1. We respect choice.\n2. We keep confidences.\n")
    run(str(first))
    page = GuidanceDocumentPage.objects.get(slug="code-of-ethics")
    publish_edition(page, "2008", page.get_latest_revision_as_object().body.raw_data)

    second = tmp_path / "ethics-2013.md"
    second.write_text("# Code of ethics\n\nPrinciples\n\n1. We respect choice, always.\n2. We keep confidences.\n")
    run(str(second), "--edition", "2013", "--summary", "Principle 1 made stronger.", "--date", "2013-05-01")

    assert GuidanceDocumentPage.objects.filter(title="Code of ethics").count() == 1
    page.refresh_from_db()
    assert list(page.editions.values_list("label", flat=True)) == ["2008"]  # a draft until approved
    assert "always" not in str(page.body.raw_data)
    draft = page.get_latest_revision_as_object()
    assert "always" in str(draft.body.raw_data)
    draft.save_revision().publish()
    assert list(page.editions.values_list("label", "summary")) == [
        ("2008", ""),
        ("2013", "Principle 1 made stronger."),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"), (b"caf\xe9", "UTF-8")],
)
def test_bad_files_make_no_page(library, tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        run(str(path))
    assert not GuidanceDocumentPage.objects.exists()


def test_missing_library_and_bad_date_are_clear_errors(library):
    with pytest.raises(CommandError, match="No document library"):
        run(VALUES, "--parent", "nowhere")
    with pytest.raises(CommandError, match="--date"):
        run(VALUES, "--date", "June 2015")
    assert not GuidanceDocumentPage.objects.exists()
