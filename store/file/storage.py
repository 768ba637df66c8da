"""A TinyDB storage that parses with orjson, caches the parsed file and writes atomically.

Writes go to a temporary file in the archive's folder, are flushed and fsynced, the previous
version is kept as ``<name>.bak``, then ``os.replace`` swaps the new file in and the folder is
fsynced: a crash at any moment leaves the old or the new archive, never a broken one.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import shutil
import time
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from oim_archive.store.errors import CorruptArchiveError, ReadOnlyArchiveError
from oim_archive.store.file import atomic

# A temporary file this old cannot belong to a write in progress: a writer killed mid-write
# left it, and the next write removes it (each is a full copy of the archive).
STALE_TEMP_SECONDS = 600

RECOVERY_HINT = "restore '{bak}' if it exists, or import your pages into a new archive with --db"


def recovery_hint(path: Path) -> str:
    """How to recover from a damaged archive at ``path``."""
    return RECOVERY_HINT.format(bak=backup_path(path))


def backup_path(path: Path) -> Path:
    """Where the previous version of the archive is kept."""
    return path.with_name(path.name + ".bak")


def parse_archive_bytes(raw: bytes, path: Path) -> dict[str, dict[str, Any]] | None:
    """Parse and shape-check an archive file's bytes; raise CorruptArchiveError if damaged."""
    if not raw.strip():
        return None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise CorruptArchiveError(
            f"{path}: the archive is damaged (not valid JSON: {exc.msg} at byte {exc.pos}); "
            + recovery_hint(path)
        ) from None
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    ):
        raise CorruptArchiveError(
            f"{path}: the file is JSON but not an oim-archive archive; " + recovery_hint(path)
        )
    return data


def write_atomically(path: Path, payload: bytes, *, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``payload`` atomically, keeping the previous version as .bak."""
    refresh = (lambda: _refresh_backup(path)) if keep_backup and path.exists() else None
    try:
        atomic.replace(path, payload, before_swap=refresh)
    except OSError as exc:
        raise _write_error(path, exc) from None
    _remove_stale_temps(path)


def _remove_stale_temps(path: Path) -> None:
    """Delete temporary files that writers killed mid-write left beside the archive."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if leftover.lstat().st_mtime < cutoff:
                leftover.unlink()


def _refresh_backup(path: Path) -> None:
    """Make ``<path>.bak`` a copy of the current archive, itself replaced atomically."""
    bak = backup_path(path)
    staging = bak.with_name(bak.name + ".tmp")
    with contextlib.suppress(FileNotFoundError):
        staging.unlink()
    try:
        try:
            os.link(path, staging)
        except OSError:
            shutil.copyfile(path, staging)
        os.replace(staging, bak)
        # rename() does nothing when both names already link the same file (the .bak of a
        # write killed just before its swap): drop the staging name then.
        with contextlib.suppress(FileNotFoundError):
            staging.unlink()
    except BaseException:
        with contextlib.suppress(OSError):
            staging.unlink()
        raise


def _write_error(path: Path, exc: OSError) -> ReadOnlyArchiveError:
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyArchiveError(
            f"{path}: the archive is read-only ({exc.strerror}); browse and export still work"
        )
    return ReadOnlyArchiveError(
        f"{path}: cannot write the archive ({exc.strerror or exc}); it is unchanged"
    )


class AtomicOrjsonStorage(Storage):
    """TinyDB storage: one JSON file, parsed once and cached until it changes on disk."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._cache: dict[str, dict[str, Any]] | None = None
        self._cache_stamp: tuple[int, int] | None = None
        self.writes = 0

    def _stamp(self) -> tuple[int, int] | None:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return None
        return (stat.st_mtime_ns, stat.st_size)

    def read(self) -> dict[str, dict[str, Any]] | None:
        stamp = self._stamp()
        if stamp is None:
            return None
        if self._cache is not None and stamp == self._cache_stamp:
            return self._cache
        try:
            raw = self.path.read_bytes()
        except IsADirectoryError:
            raise CorruptArchiveError(f"{self.path}: is a folder, not an archive file") from None
        except PermissionError as exc:
            raise CorruptArchiveError(
                f"{self.path}: cannot read the archive ({exc.strerror})"
            ) from None
        self._cache = parse_archive_bytes(raw, self.path)
        self._cache_stamp = stamp
        return self._cache

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        payload = orjson.dumps(data)
        try:
            write_atomically(self.path, payload)
        except BaseException:
            self.invalidate()  # TinyDB changed the cached dict in place before calling us
            raise
        self.writes += 1
        self._cache = data
        self._cache_stamp = self._stamp()

    def invalidate(self) -> None:
        """Forget the cached parse so the next read sees other processes' writes."""
        self._cache = None
        self._cache_stamp = None
