"""Editions outlive ordinary revision clean-up, and go away with their document."""

from io import StringIO

from django.core.management import call_command
from wagtail.models import Revision

from documents.models import Edition


def test_deleting_a_document_deletes_its_editions(three_editions):
    revision_ids = list(three_editions.editions.values_list("revision_id", flat=True))
    three_editions.delete()
    assert not Edition.objects.exists()
    assert not Revision.objects.filter(pk__in=revision_ids).exists()


def test_purge_revisions_keeps_the_revisions_of_editions(three_editions):
    revision_ids = list(three_editions.editions.values_list("revision_id", flat=True))
    three_editions.save_revision()  # a later draft
    call_command("purge_revisions", days=0, stdout=StringIO())
    assert Revision.objects.filter(pk__in=revision_ids).count() == 3


def test_deleting_the_library_deletes_documents_and_editions(library, three_editions):
    library.delete()
    assert not Edition.objects.exists()


def test_an_editions_revision_cannot_be_deleted_on_its_own(three_editions):
    import pytest
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        three_editions.editions.first().revision.delete()
