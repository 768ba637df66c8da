"""An exclusive lock file around read-modify-write of the archive, shared by all processes."""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

from store.errors import ArchiveLockedError, ReadOnlyArchiveError

DEFAULT_LOCK_TIMEOUT = 30.0


def lock_path(archive_path: Path) -> Path:
    """The lock file that sits beside the archive."""
    return archive_path.with_name(archive_path.name + ".lock")


@contextlib.contextmanager
def exclusive_lock(archive_path: Path, timeout: float = DEFAULT_LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the archive's write lock; raise ArchiveLockedError after ``timeout`` seconds."""
    path = lock_path(archive_path)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise ReadOnlyArchiveError(
            f"{archive_path}: the archive is read-only (cannot create its lock file: "
            f"{exc.strerror}); browse and export still work"
        ) from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise ArchiveLockedError(
                        f"{archive_path}: another oim-archive process has been writing for over "
                        f"{timeout:.0f} s; try again when it is done"
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
