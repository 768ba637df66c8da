"""An exclusive lock file around read-modify-write of the archive, shared by all processes."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from oim_archive.store.errors import ArchiveLockedError, ReadOnlyArchiveError

try:
    import fcntl
except ImportError:  # Windows: the C runtime's byte-range lock on the lock file's first byte
    fcntl = None  # type: ignore[assignment]
    import msvcrt

DEFAULT_LOCK_TIMEOUT = 30.0


def _try_lock(fd: int) -> bool:
    """Take the exclusive lock on an open lock file without waiting; False when it is held."""
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except (BlockingIOError, PermissionError):
        return False
    except OSError:  # Windows reports a held lock as EDEADLOCK
        if fcntl is None:
            return False
        raise
    return True


def _unlock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
    else:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


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
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise ArchiveLockedError(
                    f"{archive_path}: another oim-archive process has been writing for over "
                    f"{timeout:.0f} s; try again when it is done"
                ) from None
            time.sleep(0.05)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)
