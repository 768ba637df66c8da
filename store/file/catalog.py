"""Derived files that make the browser start fast: the list catalog and the search-index cache.

Both live in the user cache folder (never beside the archive, which may sit on a read-only
stick), are keyed by the archive's path, and are trusted only while the archive file still has
the (mtime, size) they were made from. Losing them costs one slower start, nothing else.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, BinaryIO, TypeVar, cast

import orjson
import platformdirs

from oim_archive.store.directory import DirectoryEntry
from oim_archive.store.file.layout import chunks, gc_paused
from oim_archive.store.file.storage import write_atomically
from oim_archive.store.records import (
    ListRow,
    Release,
    sort_newest_first,
)
from oim_archive.store.stored import RecordSource, StoredRelease

CATALOG_VERSION = 2  # 2: one row per line, with date_basis and the rows' line offsets
DIRECTORY_VERSION = 3  # 2: each entry's countries; 3: same name and a shared phone merged
CACHE_ENV_VAR = "OIM_ARCHIVE_CACHE"
Row = TypeVar("Row")
_LIST_FIELDS = (
    "id",
    "date",
    "country",
    "country_name",
    "language",
    "dateline",
    "title",
    "date_basis",
)
_DATE, _TITLE = _LIST_FIELDS.index("date"), _LIST_FIELDS.index("title")
_LISTED = attrgetter(*_LIST_FIELDS)


def cache_dir() -> Path:
    """``$OIM_ARCHIVE_CACHE`` if set, else the user cache folder of oim-archive."""
    env = os.environ.get(CACHE_ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_cache_dir("oim-archive", appauthor=False))


def cache_stem(archive_path: Path) -> Path:
    """The cache files' common path for one archive (a hash of its absolute path)."""
    key = hashlib.sha256(str(archive_path.expanduser().resolve()).encode()).hexdigest()[:16]
    return cache_dir() / key


def catalog_path(archive_path: Path) -> Path:
    """Where the list catalog of ``archive_path`` is kept."""
    return cache_stem(archive_path).with_suffix(".catalog.json")


def index_cache_path(archive_path: Path) -> Path:
    """Where the saved search index of ``archive_path`` is kept."""
    return cache_stem(archive_path).with_suffix(".index")


def read_catalog_rows(archive_path: Path, stamp: tuple[int, int] | None) -> list[ListRow] | None:
    """The list catalog's rows if it matches ``stamp``."""
    return None if stamp is None else _read_catalog_file(archive_path, stamp, ListRow)


def listed_maker(source: RecordSource) -> Callable[..., Release]:
    """Makes a listed release from a catalog row's fields (``ListRow`` order), its other
    fields read from ``source`` when asked for."""

    def listed(
        release_id: str,
        date: str | None,
        country: str | None,
        country_name: str | None,
        language: str,
        dateline: str | None,
        title: str,
        date_basis: str | None,
        record_at: int = -1,
        body_at: int = -1,
    ) -> Release:
        return StoredRelease(
            id=release_id,
            title=title,
            language=language,
            country=country,
            country_name=country_name,
            dateline=dateline,
            date=date,
            date_basis=date_basis,
            source=source,
            at=(record_at, body_at),
        )

    return listed


def catalog_matches(archive_path: Path, stamp: tuple[int, int] | None) -> bool:
    """Whether the saved catalog was made from the file with this ``stamp`` (its first line
    only: the rows are checked as they are read)."""
    if stamp is None:
        return False
    try:
        with catalog_path(archive_path).open("rb") as handle:
            return header_matches(orjson.loads(handle.readline()), stamp)
    except (OSError, ValueError, AttributeError):
        return False


def header_matches(header: Any, stamp: tuple[int, int]) -> bool:
    return bool(header.get("version") == CATALOG_VERSION and header.get("stamp") == list(stamp))


def _read_catalog_file(
    archive_path: Path, stamp: tuple[int, int], make: Callable[..., Row]
) -> list[Row] | None:
    """Header line, then one JSON array per row, parsed a few thousand lines at a time (a
    whole-file parse would need several times the file's size at once); ``make`` makes each
    row from its fields, in ``ListRow`` order."""
    rows: list[Row] = []
    try:
        with catalog_path(archive_path).open("rb") as handle, gc_paused():
            header = orjson.loads(handle.readline())
            if not header_matches(header, stamp):
                return None
            shared: dict[Any, Any] = {}  # one copy of each country, date, dateline…
            for lines in chunks(handle):
                for fields in orjson.loads(b"[" + b",".join(lines) + b"]"):
                    row = catalog_row(make, fields, shared)
                    if row is None:
                        return None
                    rows.append(row)
            if len(rows) != header["count"]:
                return None
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None  # missing, stale or damaged: the archive itself is read instead
    return rows


def catalog_lines(archive_path: Path, stamp: tuple[int, int] | None) -> list[bytes] | None:
    """The catalog's row lines, unparsed, if it matches ``stamp`` and holds as many rows as
    its header says (else None: the archive itself is read)."""
    if stamp is None:
        return None
    try:
        lines = catalog_path(archive_path).read_bytes().split(b"\n")
        header = orjson.loads(lines[0])
        # The header, one line per row, and the empty text after the last newline.
        if not header_matches(header, stamp) or len(lines) != header["count"] + 2 or lines[-1]:
            return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    del lines[-1], lines[0]
    return lines


def read_catalog_rows_at(
    archive_path: Path, stamp: tuple[int, int] | None, positions: Iterable[int]
) -> list[ListRow] | None:
    """Only the catalog's rows at ``positions`` (0: the first row) if it matches ``stamp``:
    a search reads the rows it prints, not the whole list."""
    lines = catalog_lines(archive_path, stamp)
    if lines is None:
        return None
    shared: dict[Any, Any] = {}
    try:
        rows = [catalog_row(ListRow, orjson.loads(lines[at]), shared) for at in positions]
    except (ValueError, TypeError, IndexError):
        return None
    return None if None in rows else cast("list[ListRow]", rows)


def catalog_row(make: Callable[..., Row], fields: Any, shared: dict[Any, Any]) -> Row | None:
    """One row made from its catalog fields (None when they are not a row); ``shared``
    keeps one copy of each repeated value across rows."""
    _id, date, country, name, language, dateline, title, basis, *at = fields
    if type(_id) is not str or type(title) is not str:
        return None
    one = shared.setdefault
    return make(
        _id,
        one(date, date),
        one(country, country),
        one(name, name),
        one(language, language) or "fr",
        one(dateline, dateline),
        title,
        one(basis, basis),
        *at,
    )


def write_catalog(
    archive_path: Path, stamp: tuple[int, int] | None, releases: Sequence[Release]
) -> None:
    """Save the list catalog of ``releases`` (in display order); best effort, atomic."""
    rows = [[*listed_fields(r), *getattr(r, "at", (-1, -1))] for r in releases]
    _save(archive_path, stamp, rows)


def listed_fields(release: Release) -> list[Any]:
    """What the catalog keeps of a release read from the archive."""
    return list(_LISTED(release))


def catalog_fields(key: str, record: Mapping[str, Any]) -> list[Any]:
    """What the catalog keeps of a stored release record (``key``: its id in the table)."""
    row = list(map(record.get, _LIST_FIELDS))
    row[0] = row[0] or key
    return row


def write_catalog_rows(
    archive_path: Path,
    stamp: tuple[int, int] | None,
    fields: Iterable[list[Any]],
    offsets: Mapping[str, Mapping[str, int]],
) -> None:
    """Save the list catalog from stored releases' ``catalog_fields``, sorted newest first,
    with where each record and body line starts in the file (``offsets`` by table, from the
    write)."""
    at_record, at_body = offsets.get("releases", {}), offsets.get("bodies", {})
    rows = [[*row, at_record.get(row[0], -1), at_body.get(row[0], -1)] for row in fields]
    for row in rows:  # the date basis as a read gives it: none without a date
        if not row[_DATE]:
            row[_LIST_FIELDS.index("date_basis")] = None
    sort_newest_first(rows, date=itemgetter(_DATE), title=itemgetter(_TITLE))
    _save(archive_path, stamp, rows)


_ROWS_AT_ONCE = 4096  # catalog rows written at once: a few hundred KB


def _save(archive_path: Path, stamp: tuple[int, int] | None, rows: list[list[Any]]) -> None:
    """Header line, then one row per line; best effort (a cache), atomic."""
    if stamp is None:
        return
    header = {"version": CATALOG_VERSION, "stamp": list(stamp), "count": len(rows)}

    def write(out: BinaryIO) -> None:
        out.write(orjson.dumps(header) + b"\n")
        for start in range(0, len(rows), _ROWS_AT_ONCE):
            out.write(
                b"".join([orjson.dumps(row) + b"\n" for row in rows[start : start + _ROWS_AT_ONCE]])
            )

    with contextlib.suppress(Exception):
        path = catalog_path(archive_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, write, keep_backup=False)


def _save_json(path: Path, stamp: tuple[int, int] | None, key: str, data: Any) -> None:
    """Save ``{version, stamp, key: data}``; best effort (a cache), atomic."""
    if stamp is None:
        return
    payload = orjson.dumps({"version": DIRECTORY_VERSION, "stamp": list(stamp), key: data})
    with contextlib.suppress(Exception):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, payload, keep_backup=False)


def contact_index_path(archive_path: Path) -> Path:
    """Where the saved word index of ``archive_path``'s contact directory is kept. Its name
    changes with what the index holds (2: the countries of each one's releases), so that an
    index saved by an older version is never read for a newer directory."""
    return cache_stem(archive_path).with_suffix(f".contacts-{DIRECTORY_VERSION}.index")


def directory_path(archive_path: Path) -> Path:
    """Where the saved contact directory of ``archive_path`` is kept."""
    return cache_stem(archive_path).with_suffix(".directory.json")


def write_directory(
    archive_path: Path, stamp: tuple[int, int] | None, entries: Sequence[DirectoryEntry]
) -> None:
    """Save the contact directory built from the archive file with this ``stamp``."""
    data = [
        [e.name, e.office, e.phones, e.emails, e.releases, e.offices, e.last_named, e.countries]
        for e in entries
    ]
    _save_json(directory_path(archive_path), stamp, "entries", data)


def read_directory_rows(archive_path: Path, stamp: tuple[int, int] | None) -> list[Any] | None:
    """The saved contact directory's rows, not yet made entries (`directory_entry`), if it was
    built from the file as it is now (``stamp``)."""
    if stamp is None:
        return None
    try:
        data = orjson.loads(directory_path(archive_path).read_bytes())
        if data.get("version") != DIRECTORY_VERSION or data.get("stamp") != list(stamp):
            return None
        rows = data["entries"]
        return rows if isinstance(rows, list) else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # missing, stale or damaged: built again from the archive


def directory_entry(row: Any) -> DirectoryEntry:
    """One saved row of the contact directory as an entry (ValueError/TypeError if damaged)."""
    name, office, phones, emails, releases, offices, last_named, countries = row
    return DirectoryEntry(
        name=str(name),
        office=office if isinstance(office, str) else None,
        phones=[str(p) for p in phones],
        emails=[str(e) for e in emails],
        releases=[str(r) for r in releases],
        offices=[str(o) for o in offices],
        last_named=last_named if isinstance(last_named, str) else None,
        countries=[str(c) for c in countries],
    )


def read_directory(
    archive_path: Path, stamp: tuple[int, int] | None
) -> list[DirectoryEntry] | None:
    """The saved contact directory if it was built from the file as it is now (``stamp``)."""
    rows = read_directory_rows(archive_path, stamp)
    try:
        return None if rows is None else [directory_entry(row) for row in rows]
    except (ValueError, TypeError):
        return None  # damaged: built again from the archive
