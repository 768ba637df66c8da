"""The one way this program replaces a file: write a temporary file beside it, fsync it, give
it the mode (and owner) of the file it replaces, rename it over, fsync the folder.

A crash at any moment leaves the old file or the new one, never half of one. Every writer of
the archive, its caches and the exports goes through :func:`stage` and :func:`replace`.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# Read once at start-up: os.umask can only be read by setting it, which races with threads.
_UMASK = _read_umask()
NEW_FILE_MODE = 0o666 & ~_UMASK

Payload = bytes | Callable[[BinaryIO], object]


def fsync_dir(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (best effort where folders cannot be fsynced)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _copy_ownership(temporary: Path, target: Path) -> None:
    """Give ``temporary`` the permission bits, owner and group of ``target`` if it exists,
    else the usual mode of a new file (umask-based, not mkstemp's 0600)."""
    try:
        existing = target.stat()
    except OSError:
        os.chmod(temporary, NEW_FILE_MODE)
        return
    os.chmod(temporary, stat.S_IMODE(existing.st_mode))
    if hasattr(os, "chown"):
        # Only root may give a file away; a user may still set a group they belong to.
        for uid, gid in ((existing.st_uid, existing.st_gid), (-1, existing.st_gid)):
            try:
                os.chown(temporary, uid, gid)
                break
            except OSError:
                continue


@contextlib.contextmanager
def stage(target: Path, payload: Payload) -> Iterator[Path]:
    """A fsynced temporary copy of ``payload`` beside ``target``, with ``target``'s mode.

    Inside the ``with`` block the caller publishes it (:func:`replace`, a hard link...);
    whatever is left of it afterwards is removed, also on errors. OSError from creating the
    temporary names ``target``, not the hidden file.
    """
    folder = target.parent
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name[:40]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise type(exc)(exc.errno, exc.strerror, str(target)) from None
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(payload, bytes):
                handle.write(payload)
            else:
                payload(handle)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_ownership(temporary, target)
        yield temporary
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def replace(
    target: Path, payload: Payload, *, before_swap: Callable[[], None] | None = None
) -> None:
    """Replace ``target`` with ``payload`` atomically; ``before_swap`` runs just before the
    rename (the archive refreshes its .bak there)."""
    with stage(target, payload) as temporary:
        if before_swap is not None:
            before_swap()
        os.replace(temporary, target)
    fsync_dir(target.parent)
