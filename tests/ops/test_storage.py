"""A file that cannot be written in full is not left behind, truncated, under its name.

The failure is real: the kernel's file-size limit (RLIMIT_FSIZE) makes the write
fail part-way with EFBIG, as a full disk fails with ENOSPC."""

import errno
import os
import resource
import signal

import pytest
from django.core.files.base import ContentFile

from home.storage import FileSystemStorage


@pytest.fixture
def storage(tmp_path):
    return FileSystemStorage(location=tmp_path / "media", base_url="/media/")


class FileSizeLimit:
    def __init__(self, limit):
        self.limit = limit

    def __enter__(self):
        self.old_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
        self.old_signal = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (self.limit, self.old_limit[1]))

    def __exit__(self, *exc):
        resource.setrlimit(resource.RLIMIT_FSIZE, self.old_limit)
        signal.signal(signal.SIGXFSZ, self.old_signal)


def all_files(root):
    return sorted(
        os.path.relpath(os.path.join(folder, name), root) for folder, _, names in os.walk(root) for name in names
    )


def test_a_file_is_stored_whole_under_a_free_name(storage):
    first = storage.save("documents/guide.pdf", ContentFile(b"%PDF-1.4 first"))
    second = storage.save("documents/guide.pdf", ContentFile(b"%PDF-1.4 second"))
    assert first == "documents/guide.pdf"
    assert second != first and second.startswith("documents/guide")
    assert storage.open(first).read() == b"%PDF-1.4 first"
    assert storage.open(second).read() == b"%PDF-1.4 second"
    assert all_files(storage.location) == sorted([first, second])


def test_a_write_that_fails_part_way_leaves_no_file(storage):
    storage.save("documents/existing.pdf", ContentFile(b"kept"))
    with FileSizeLimit(64 * 1024), pytest.raises(OSError) as failure:
        storage.save("documents/big.pdf", ContentFile(b"x" * (256 * 1024)))
    assert failure.value.errno == errno.EFBIG  # the write itself failed part-way
    assert all_files(storage.location) == ["documents/existing.pdf"]
    assert not storage.exists("documents/big.pdf")
