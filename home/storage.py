"""Media storage that never leaves a truncated file behind.

Django's FileSystemStorage writes an upload straight to its final name, so a
disk that fills up half-way (or any error while writing) leaves a truncated file
there. This one writes to a hidden partial file in the same folder and only
links it to its final name once every byte is written; on any error the partial
file is removed and the error goes on (the request gets the 503 page, see
home.middleware.OutageMiddleware)."""

import contextlib
import os
import secrets

from django.core.files.storage import FileSystemStorage as DjangoFileSystemStorage

PARTIAL_PREFIX = ".partial-"


class FileSystemStorage(DjangoFileSystemStorage):
    def _save(self, name, content):
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        os.makedirs(directory, exist_ok=True)
        partial = os.path.join(directory, f"{PARTIAL_PREFIX}{secrets.token_hex(8)}")
        try:
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
            with os.fdopen(fd, "wb") as output:
                for chunk in content.chunks():
                    output.write(chunk if isinstance(chunk, bytes) else chunk.encode())
                output.flush()
                os.fsync(output.fileno())
            while True:
                try:
                    os.link(partial, full_path)  # atomic, and never replaces an existing file
                    break
                except FileExistsError:
                    name = self.get_available_name(name)
                    full_path = self.path(name)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(partial)
        if self.file_permissions_mode is not None:
            os.chmod(full_path, self.file_permissions_mode)
        if hasattr(self, "_ensure_location_group_id"):
            self._ensure_location_group_id(full_path)
        return os.path.relpath(full_path, self.location).replace("\\", "/")
