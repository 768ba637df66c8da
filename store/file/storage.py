"""A TinyDB storage that parses with orjson, caches the parsed file and writes atomically.

Writes go to a temporary file in the archive's folder, are flushed and fsynced, the previous
version is kept as ``<name>.bak``, then ``os.replace`` swaps the new file in and the folder is
fsynced: a crash at any moment leaves the old or the new archive, never a broken one. The new file
keeps the permission bits (and, where allowed, the owner and group) of the file it replaces.

An existing file that is blank, truncated, not JSON or JSON of another shape is *damaged*: it is
never read as an empty archive, never overwritten and never copied to the ``.bak``.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO, cast

import orjson
from tinydb.storages import Storage

from oim_archive.store.errors import (
    ArchiveLockedError,
    CorruptArchiveError,
    ReadOnlyArchiveError,
)
from oim_archive.store.file import atomic, layout
from oim_archive.store.file.layout import StoredLine, dump_tables

Tables = dict[str, dict[str, Any]]
Stamp = tuple[int, int]  # (mtime_ns, size): how a change made by another process is noticed

# A temporary file this old cannot belong to a write in progress: a writer killed mid-write
# left it, and the next write removes it (each is a full copy of the archive).
STALE_TEMP_SECONDS = 600

LOCATED_TABLES = ("releases", "bodies")  # whose line offsets a write notes
# What a write keeps of a record it leaves in the file (the list fields of a release).
Summarize = Callable[[str, str, dict[str, Any]], Any]
# Where the releases' and bodies' lines of a version already checked start: key and summary.
CheckedLines = Mapping[int, tuple[str, Any]]


def _reused(written: Tables) -> Tables | None:
    """The tables a write noted of its file (``_written_tables``), for the next write: the
    located tables copied (a write replaces rows in them), the others parsed again from their
    JSON, as a scan of the file would give them. None when the file had no releases table."""
    if not written:
        return None
    return {
        name: dict(rows) if name in LOCATED_TABLES else orjson.loads(orjson.dumps(rows))
        for name, rows in written.items()
    }


class _NotChecked(Exception):
    """A line that the check a write relies on does not know."""


RECOVERY_HINT = "restore '{bak}' if it exists, or import your pages into a new archive with --db"


def recovery_hint(path: Path) -> str:
    """How to recover from a damaged archive at ``path``."""
    return RECOVERY_HINT.format(bak=backup_path(path))


def backup_path(path: Path) -> Path:
    """Where the previous version of the archive is kept."""
    return path.with_name(path.name + ".bak")


def file_stamp(path: Path) -> Stamp | None:
    """(mtime_ns, size) of ``path``, or None when there is no file."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


def parse_archive_bytes(raw: bytes, path: Path) -> Tables:
    """Parse and shape-check an archive file's bytes; raise CorruptArchiveError if damaged.

    A blank file is damaged too (a yanked stick, a failed copy): never an empty archive."""
    if not raw.strip():
        raise CorruptArchiveError(
            f"{path}: the archive is damaged (the file is blank, {len(raw)} bytes); "
            + recovery_hint(path)
        )
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise CorruptArchiveError(
            f"{path}: the archive is damaged (not valid JSON: {exc.msg} at byte {exc.pos}); "
            + recovery_hint(path)
        ) from None
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("releases"), dict)
        or not all(
            isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
            for table in data.values()
        )
    ):
        raise CorruptArchiveError(
            f"{path}: the file is JSON but not an oim-archive archive; " + recovery_hint(path)
        )
    return data


def write_atomically(
    path: Path, payload: atomic.Payload, *, keep_backup: bool = True, expected: Stamp | None = None
) -> None:
    """Replace ``path`` with ``payload`` atomically, keeping the previous version as .bak.

    With ``keep_backup``, the file replaced must still be the one read and checked under the
    lock (stamp ``expected``, None: no file): only that version may become the ``.bak``."""

    def check_and_backup() -> None:
        if file_stamp(path) != expected:
            raise ArchiveLockedError(
                f"{path}: another program changed the archive while it was being written; "
                "nothing was written, try again"
            )
        if expected is not None:
            _refresh_backup(path)

    try:
        atomic.replace(path, payload, before_swap=check_and_backup if keep_backup else None)
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
            with contextlib.suppress(OSError):
                shutil.copymode(path, staging)
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
    """TinyDB storage: one JSON file, parsed once and cached until it changes on disk.

    TinyDB writes only inside :meth:`batch` (which the archive opens under its lock): they
    change a working copy, and the batch's end writes the file once, atomically."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        summarize: Summarize | None = None,
        checked_lines: Callable[[Stamp], CheckedLines | None] | None = None,
    ) -> None:
        """``summarize`` lets a write leave records in the file (see ``StoredLine``);
        ``checked_lines`` tells the lines of a version the caller has checked already, which
        a write then copies without parsing them again."""
        self.path = Path(path)
        self._summarize = summarize
        self._checked_lines = checked_lines
        # The tables of the file this storage last wrote, as a scan of it would give them.
        self._own_tables: tuple[Stamp, Tables] | None = None
        self._source: BinaryIO | None = None  # the file a write copies untouched records from
        # The last parse and the stamp of the file it came from: one value, replaced whole.
        self._cached: tuple[Stamp, Tables] | None = None
        self._working: Tables | None = None
        self._working_thread: int | None = None
        self._dirty = False
        self.writes = 0
        self.last_written: Stamp | None = None
        # Where each release's lines start in the file last written (for the list catalog).
        self.last_offsets: dict[str, dict[str, int]] = {}

    def read(self) -> Tables | None:
        if self._working is not None and self._working_thread == threading.get_ident():
            return self._working
        stamp = file_stamp(self.path)
        if stamp is None:
            return None
        cached = self._cached
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            raw = self.path.read_bytes()
        except IsADirectoryError:
            raise CorruptArchiveError(f"{self.path}: is a folder, not an archive file") from None
        except PermissionError as exc:
            raise CorruptArchiveError(
                f"{self.path}: cannot read the archive ({exc.strerror})"
            ) from None
        data = parse_archive_bytes(raw, self.path)
        self._cached = (stamp, data)
        return data

    def write(self, data: Tables) -> None:
        if self._working is None or self._working_thread != threading.get_ident():
            raise RuntimeError("the archive is written only by Archive methods, under its lock")
        self._working = data
        self._dirty = True

    @contextlib.contextmanager
    def batch(self, *, create: bool = False) -> Iterator[None]:
        """Collect TinyDB's writes and write the file once at the end (the caller holds the
        lock). The file is read and checked first: a damaged one stops the batch unwritten.

        ``create``: write even without changes when there is no file yet."""
        if self._working is not None:
            raise RuntimeError("archive writes do not nest")
        self._cached = None  # see what other processes wrote while we waited for the lock
        expected = file_stamp(self.path)
        with contextlib.ExitStack() as stack:
            current = None if expected is None else self._read_in_place(expected, stack)
            in_place = current is not None
            if current is None and expected is not None:
                current = self.read()
            self._working = dict(current or {})  # TinyDB replaces whole tables, never edits ours
            self._working_thread = threading.get_ident()
            self._dirty = create and expected is None
            try:
                yield
                if self._dirty:
                    data = self._working
                    spans: dict[str, dict[str, tuple[int, int]]] = {n: {} for n in LOCATED_TABLES}

                    def write(out: BinaryIO) -> None:
                        dump_tables(data, out, spans, copy=self._copy)
                        stack.close()  # Windows cannot replace a file that is still open

                    write_atomically(self.path, write, expected=expected)
                    self.writes += 1
                    stamp = file_stamp(self.path)
                    self.last_written = stamp
                    self.last_offsets = {
                        name: {key: span[0] for key, span in noted.items()}
                        for name, noted in spans.items()
                    }
                    self._own_tables = None
                    if stamp is not None and self._summarize is not None:
                        self._own_tables = (stamp, self._written_tables(data, spans))
                    # Tables holding records left in the old file are no parse of the new one.
                    self._cached = None if stamp is None or in_place else (stamp, data)
            finally:
                self._working = None
                self._working_thread = None
                self._dirty = False
                self._source = None

    def _read_in_place(self, expected: Stamp, stack: contextlib.ExitStack) -> Tables | None:
        """The tables for a write with the releases and bodies left in the file (``StoredLine``
        values); None when the file is not in the line layout (it is then read whole, which
        tells damage from another layout). Every line is parsed and checked a few thousand at
        a time, unless this very version was checked already (by this process's scan); the
        version this storage wrote last is not read at all: its write noted where each line
        is. The file stays open so that the write copies the lines from this version."""
        if self._summarize is None:
            return None
        try:
            source = stack.enter_context(self.path.open("rb"))
        except OSError:
            return None
        stat = os.fstat(source.fileno())
        if (stat.st_mtime_ns, stat.st_size) != expected:
            return None
        own = self._own_tables
        if own is not None and own[0] == expected:
            tables: Tables | None = _reused(own[1])
        else:
            checked = None if self._checked_lines is None else self._checked_lines(expected)
            try:
                tables = self._located_tables(checked)
            except _NotChecked:
                tables = self._located_tables(None)
            except layout.NotLineLayout:
                return None
        if tables is None or file_stamp(self.path) != expected:
            return None
        self._source = source
        return tables

    def _located_tables(self, checked: CheckedLines | None) -> Tables | None:
        """One pass over the file; the lines ``checked`` knows are not parsed again."""
        tables: Tables = {}
        summarize = cast("Summarize", self._summarize)
        skip = LOCATED_TABLES if checked is not None else ()
        for chunk in layout.scan(self.path, skip):
            table = tables.setdefault(chunk.table, {})
            if chunk.rows is None:
                for at, length in zip(chunk.offsets, chunk.lengths, strict=True):
                    known = cast("CheckedLines", checked).get(at)
                    if known is None:
                        raise _NotChecked(at)
                    table[known[0]] = StoredLine(at, length, known[1])
            elif chunk.table in LOCATED_TABLES:
                for (key, row), at, length in zip(
                    chunk.rows.items(), chunk.offsets, chunk.lengths, strict=True
                ):
                    table[key] = StoredLine(at, length, summarize(chunk.table, key, row))
            else:
                table.update(chunk.rows)
        return tables if "releases" in tables else None

    def _written_tables(
        self, data: Tables, spans: Mapping[str, Mapping[str, tuple[int, int]]]
    ) -> Tables:
        """The tables of the file a write just wrote, as ``_located_tables`` would find them
        there: the next write of the same import then starts without a pass over the file
        (~1.2 s at 100k releases). The other tables are the rows written, parsed again when
        reused (``_reused``)."""
        summarize = cast("Summarize", self._summarize)
        tables: Tables = {}
        for name, rows in data.items():
            noted = spans.get(name)
            if noted is None:
                tables[name] = rows
                continue
            located: dict[str, Any] = {}
            for key, (start, length) in noted.items():
                row = rows[key]
                summary = row.summary if isinstance(row, StoredLine) else summarize(name, key, row)
                located[key] = StoredLine(start, length, summary)
            tables[name] = located
        return tables if "releases" in tables else {}

    def stored(self, table: str, key: str) -> Any:
        """A record of the tables being written, read from the file if it was left there."""
        row = (self._working or {}).get(table, {}).get(key)
        if not isinstance(row, StoredLine):
            return row
        return layout.parse_line(self._copy(row), key)

    def _copy(self, stored: StoredLine) -> bytes:
        if self._source is None:
            raise RuntimeError("records are left in the file only while a write reads it")
        self._source.seek(stored.offset)
        return self._source.read(stored.length)

    def cached_stamp(self) -> Stamp | None:
        """The stamp of the file the cached parse came from (None: nothing cached)."""
        cached = self._cached
        return None if cached is None else cached[0]

    def invalidate(self) -> None:
        """Forget the cached parse so the next read sees other processes' writes."""
        self._cached = None
