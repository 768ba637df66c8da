"""Reading an archive file in the line layout without holding it: a checked pass that keeps
only the list fields of each release and where its lines are, then one release at a time.

Memory stays near the size of the list (tens of MB at 100k releases) instead of the parsed
file (~800 MB at 100k). A file in another layout raises ``NotLineLayout``; the archive then
reads it whole, as before.
"""

from __future__ import annotations

import base64
import os
import re
import zlib
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from oim_archive.store import stopping
from oim_archive.store.errors import CorruptArchiveError
from oim_archive.store.file import layout
from oim_archive.store.file.storage import Stamp, file_stamp, recovery_hint
from oim_archive.store.records import (
    RELEASE_FIELDS,
    Listed,
    Release,
    sort_newest_first,
)
from oim_archive.store.stored import StoredRelease

RELEASES, BODIES, REMOVED, MARKS = "releases", "bodies", "removed", "marks"
SOURCES = "sources"
# What a list shows of a release (``StoredRelease`` keeps these in memory): the fields a
# record starts with, before ``dates``.
LISTED_FIELDS = RELEASE_FIELDS[: RELEASE_FIELDS.index("dates")]


@dataclass(slots=True)
class ArchiveScan:
    """One checked pass over the archive file: its releases newest first (list fields only,
    unless the file was read whole), and the small tables."""

    stamp: Stamp | None
    rows: list[Release]
    by_id: dict[str, Release]
    marks: frozenset[str]
    removed: frozenset[str]


def encode_body(body: str) -> dict[str, str]:
    """The stored form of a body: zlib at a fast level, base64 so it stays JSON."""
    return {"z": base64.b64encode(zlib.compress(body.encode("utf-8"), 3)).decode("ascii")}


# Release id -> (body text, its stored form): bodies compressed ahead of a write (by the import's
# worker processes, in parallel, instead of by the writing process while the workers wait).
StoredBodies = Mapping[str, tuple[str, dict[str, str]]]


def stored_body(body: str, ahead: tuple[str, dict[str, str]] | None) -> dict[str, str]:
    """The stored form of a body: the one compressed ahead when it was made from this text."""
    return ahead[1] if ahead is not None and ahead[0] == body else encode_body(body)


def stored_bodies(releases: Iterable[Release]) -> dict[str, tuple[str, dict[str, str]]]:
    """The stored form of each release's body, ahead of the write that adds them."""
    return {release.id: (release.body, encode_body(release.body)) for release in releases}


def decode_body(stored: Any) -> str:
    """The body text from its stored form; ValueError when damaged."""
    try:
        return zlib.decompress(base64.b64decode(stored["z"])).decode("utf-8")
    except (KeyError, TypeError, ValueError, zlib.error) as exc:
        raise ValueError(f"its body cannot be decoded ({exc.__class__.__name__})") from None


# A body line as the archive writes it: the key (printable ASCII, no escapes), then the
# base64 text alone.
_PLAIN_BODY_LINE = re.compile(rb'"([ !#-\[\]-~]*)":\{"z":"([A-Za-z0-9+/=]*)"\},?\n')


class ScanVisitor(Protocol):
    """Given what a checked pass (``scan_file``) decodes anyway, in file order, so that no
    other pass decodes it again (a first start's search index and contact directory)."""

    def record(self, key: str, release: Release) -> None:
        """A record, checked: the release without its body."""

    def body(self, key: str, text: str) -> None:
        """A body, decoded (after every record)."""

    def done(self) -> None:
        """The pass checked the whole file: what was given is all there is."""


def each_record_and_body(
    path: Path,
    stamp: Stamp,
    record: Callable[[str, dict[str, Any]], None],
    body: Callable[[str, str], None],
    keys: Container[str] | None = None,
    bodies: bool = True,
) -> bool:
    """Give every release record, then every body (decoded), of the file in file order: one
    sequential pass (the search index reads them all); with ``keys``, those of these releases
    only (the other lines are not parsed); ``bodies=False``: the records only (the pass
    stops where the bodies start). False when
    the file is not the version with ``stamp`` (before or after the pass) or not in the
    line layout; what was given then is not to be used. CorruptArchiveError for a body that
    cannot be decoded.

    Lines are parsed one at a time: parsing 4,096 at once (as the checked read does) made
    orjson ~3x slower here, and a plain body line needs no JSON parser at all."""
    if file_stamp(path) != stamp:
        return False
    try:
        skip = (SOURCES,) if bodies else (SOURCES, BODIES)
        for chunk in layout.scan(
            path, skip=skip, raw=(RELEASES, BODIES) if bodies else (RELEASES,)
        ):
            stopping.check()
            if not bodies and chunk.table == BODIES:
                break  # the records are all read (the bodies table follows theirs)
            if chunk.table == RELEASES:
                for line in chunk.lines:
                    key = layout.line_key(line)
                    if keys is not None and key not in keys:
                        continue
                    row = layout.parse_line(line, key)
                    if row is None:
                        raise layout.NotLineLayout("a record line is not one record")
                    record(key, row)
            elif chunk.table == BODIES:
                for line in chunk.lines:
                    if keys is None or layout.line_key(line) in keys:
                        body(*_body_of_line(path, line))
    except layout.NotLineLayout:
        return False
    return file_stamp(path) == stamp


def _body_of_line(path: Path, line: bytes) -> tuple[str, str]:
    """(key, body text) of a body line; NotLineLayout or CorruptArchiveError when it is not
    one, or its body cannot be decoded."""
    key = layout.line_key(line)
    plain = _PLAIN_BODY_LINE.fullmatch(line)
    stored = {"z": plain.group(2)} if plain is not None else layout.parse_line(line, key)
    if stored is None:
        raise layout.NotLineLayout("a body line is not one record")
    try:
        return key, decode_body(stored)
    except ValueError as exc:
        raise _damaged(path, key, str(exc)) from None


def _damaged(path: Path, release_id: str, reason: str) -> CorruptArchiveError:
    return CorruptArchiveError(
        f"{path}: release {release_id} is damaged ({reason}); " + recovery_hint(path)
    )


class RecordFile:
    """Reads single releases of the version of the archive file that was scanned.

    Where an open file survives its replacement (POSIX), that version stays open, so a list
    read earlier keeps its releases while other programs write the archive. Elsewhere the file
    is opened for each read, and once it has been replaced ``fallback`` (the archive's whole
    read) answers."""

    def __init__(self, path: Path, stamp: Stamp, fallback: Callable[[str], Release]) -> None:
        self.path = path
        self.stamp = stamp
        self.fallback = fallback
        self._fd: int | None = None
        if os.name == "posix" and hasattr(os, "pread"):
            fd = os.open(path, os.O_RDONLY)
            if _fd_stamp(fd) == stamp:
                self._fd = fd
            else:
                os.close(fd)

    def __del__(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def load(self, row: Listed) -> Release:
        """The whole release ``row`` lists."""
        return next(self.iter_full([row]))

    def iter_full(self, rows: Iterable[Listed], *, bodies: bool = True) -> Iterator[Release]:
        """Each row's whole release, in the order given (a ``Release`` that is not a listed
        one is whole already). ``bodies=False``: every field but the body, left empty (its
        line is not read: for the contact directory)."""
        if self._fd is not None:
            fd = self._fd
            yield from self._each(rows, lambda size, at: os.pread(fd, size, at), bodies)
            return
        with self.path.open("rb") as handle:
            if _fd_stamp(handle.fileno()) != self.stamp:
                self.stamp = (-1, -1)  # replaced: every row from the whole new file
                handle.close()
            yield from self._each(rows, _reader_of(handle), bodies)

    def _each(
        self, rows: Iterable[Listed], read: Callable[[int, int], bytes], bodies: bool
    ) -> Iterator[Release]:
        for row in rows:
            at: tuple[int, int] | None = getattr(row, "at", None)
            if at is None and isinstance(row, Release):
                yield row
            elif at is None or at[0] < 0 or at[1] < 0 or self.stamp == (-1, -1):
                yield self.fallback(row.id)
            else:
                record = layout.parse_line(layout.line_at(read, at[0]), row.id)
                body = layout.parse_line(layout.line_at(read, at[1]), row.id) if bodies else {}
                if record is None or body is None:
                    raise _damaged(self.path, row.id, "its line is not where the list says")
                yield whole_release(self.path, row.id, record, body if bodies else None)


def _reader_of(handle: BinaryIO) -> Callable[[int, int], bytes]:
    """``read(size, offset)`` on an open file."""

    def read(size: int, at: int) -> bytes:
        handle.seek(at)
        return handle.read(size)

    return read


def _fd_stamp(fd: int) -> Stamp:
    stat = os.fstat(fd)
    return (stat.st_mtime_ns, stat.st_size)


def whole_release(path: Path, release_id: str, record: dict[str, Any], body: Any) -> Release:
    """A release from its stored record and stored body (None: left empty); CorruptArchiveError
    when damaged."""
    try:
        text = "" if body is None else decode_body(body)
        return Release.from_dict({**record, "id": record.get("id") or release_id, "body": text})
    except ValueError as exc:
        raise _damaged(path, release_id, str(exc)) from None


def _body_rows(lines: list[bytes]) -> list[tuple[str, Any]]:
    """(key, stored body) of each line of a chunk of the bodies table: a plain line (as the
    archive writes them) without a JSON parser, else as ``layout.parse_lines``."""
    last = len(lines) - 1
    rows: list[tuple[str, Any]] = []
    for number, line in enumerate(lines):
        plain = _PLAIN_BODY_LINE.fullmatch(line)
        if plain is None or (number < last and not line.endswith(b",\n")):
            return list(layout.parse_lines(lines))
        rows.append((plain.group(1).decode("ascii"), {"z": plain.group(2)}))
    if len({key for key, _ in rows}) != len(rows):
        raise layout.NotLineLayout("not one record object per line")
    return rows


def scan_file(
    path: Path,
    fallback: Callable[[str], Release],
    listed_before: Iterable[Release] = (),
    visitor: ScanVisitor | None = None,
) -> ArchiveScan:
    """Check every record and body of the file, keep list fields and line offsets.

    A release of ``listed_before`` (a list of this same file shown while it was checked)
    that the check finds identical is kept rather than made again: one copy in memory.
    ``visitor`` is given every checked record and decoded body (its ``done`` called once the
    whole file is checked). Raises layout.NotLineLayout (the caller reads the file whole) or
    CorruptArchiveError."""
    stamp = file_stamp(path)
    if stamp is None:
        raise layout.NotLineLayout("no file")
    source = RecordFile(path, stamp, fallback)
    listed: dict[str, StoredRelease] = {}
    bodies: dict[str, int] = {}
    small: dict[str, set[str]] = {REMOVED: set(), MARKS: set()}
    shared: dict[str | None, str | None] = {}  # one copy of each country, date, dateline…
    seen_releases = False
    known = {
        row.id: row
        for row in listed_before
        if isinstance(row, StoredRelease) and row.origin_stamp == stamp
    }
    for chunk in layout.scan(path, raw=(RELEASES, BODIES)):
        stopping.check()
        if chunk.table == RELEASES:
            seen_releases = True
            records = layout.parse_lines(chunk.lines)
            for (key, row), offset in zip(records, chunk.offsets, strict=True):
                whole = _checked(path, key, row)
                release = _listed(whole, shared, source, offset)
                same = known.get(release.id)
                listed[key] = same if same is not None and _same_listing(same, release) else release
                if visitor is not None:
                    visitor.record(key, whole)
        elif chunk.table == BODIES:
            for (key, row), offset in zip(_body_rows(chunk.lines), chunk.offsets, strict=True):
                try:
                    text = decode_body(row)
                except ValueError as exc:
                    raise _damaged(path, key, str(exc)) from None
                bodies[key] = offset
                if visitor is not None:
                    visitor.body(key, text)
        elif chunk.table in small:
            small[chunk.table].update(chunk.rows or {})
    if not seen_releases:
        raise layout.NotLineLayout("no releases table")
    if file_stamp(path) != stamp:
        raise layout.NotLineLayout("the file changed while it was read")
    rows: list[Release] = []
    for key, release in listed.items():
        body_at = bodies.get(key)
        if body_at is None:
            raise _damaged(path, key, "its body is missing")
        release.place_body(body_at)
        rows.append(release)
    del listed, bodies, shared
    sort_newest_first(rows)
    if visitor is not None:
        visitor.done()
    return ArchiveScan(
        stamp=stamp,
        rows=rows,
        by_id={row.id: row for row in rows},
        marks=frozenset(small[MARKS]),
        removed=frozenset(small[REMOVED]),
    )


def _same_listing(old: StoredRelease, new: StoredRelease) -> bool:
    """Whether two listed releases have the same list fields and record line."""
    return old.at[0] == new.at[0] and all(
        getattr(old, name) == getattr(new, name) for name in LISTED_FIELDS
    )


def _checked(path: Path, key: str, row: dict[str, Any]) -> Release:
    """The release of a stored record, body left empty; CorruptArchiveError when damaged."""
    try:
        return Release.from_dict({**row, "id": row.get("id") or key, "body": ""})
    except ValueError as exc:
        raise _damaged(path, key, str(exc)) from None


def _listed(
    release: Release, shared: dict[str | None, str | None], source: RecordFile, offset: int
) -> StoredRelease:
    """The listed form of a checked release; its repeated texts (country, date, dateline,
    language) shared with the other rows through ``shared``."""

    def one(text: str | None) -> str | None:
        return shared.setdefault(text, text)

    return StoredRelease(
        id=release.id,
        title=release.title,
        language=one(release.language) or release.language,
        country=one(release.country),
        country_name=one(release.country_name),
        dateline=one(release.dateline),
        date=one(release.date),
        date_basis=one(release.date_basis),
        source=source,
        at=(offset, -1),
    )
