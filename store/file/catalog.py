"""Derived files that make the browser start fast: the list catalog and the search-index cache.

Both live in the user cache folder (never beside the archive, which may sit on a read-only
stick), are keyed by the archive's path, and are trusted only while the archive file still has
the (mtime, size) they were made from. Losing them costs one slower start, nothing else.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterable, Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any

import orjson
import platformdirs

from oim_archive.store.file.storage import write_atomically
from oim_archive.store.records import Release, sort_newest_first

CATALOG_VERSION = 1
CACHE_ENV_VAR = "OIM_ARCHIVE_CACHE"
_LIST_FIELDS = ("id", "date", "country", "country_name", "language", "dateline", "title")
_DATE, _TITLE = _LIST_FIELDS.index("date"), _LIST_FIELDS.index("title")


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


_last_read: tuple[Path, tuple[int, int], list[Release]] | None = None


def read_catalog(archive_path: Path, stamp: tuple[int, int] | None) -> list[Release] | None:
    """The releases of the list (no body, no contacts) if the catalog matches ``stamp``.

    The CLI checks the catalog and the browser then shows it: the second call is free."""
    global _last_read
    if stamp is None:
        return None
    if _last_read is not None and _last_read[:2] == (archive_path, stamp):
        return list(_last_read[2])
    releases = _read_catalog_file(archive_path, stamp)
    if releases is not None:
        _last_read = (archive_path, stamp, releases)
        return list(releases)
    return None


def _read_catalog_file(archive_path: Path, stamp: tuple[int, int]) -> list[Release] | None:
    try:
        data = orjson.loads(catalog_path(archive_path).read_bytes())
        if data.get("version") != CATALOG_VERSION or data.get("stamp") != list(stamp):
            return None
        return [
            Release(
                id=row[0],
                date=row[1],
                country=row[2],
                country_name=row[3],
                language=row[4] or "fr",
                dateline=row[5],
                title=row[6],
                body="",
            )
            for row in data["rows"]
        ]
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None  # missing, stale or damaged: the archive itself is read instead


def write_catalog(
    archive_path: Path, stamp: tuple[int, int] | None, releases: Sequence[Release]
) -> None:
    """Save the list catalog of ``releases`` (in display order); best effort, atomic."""
    rows = [[getattr(r, name) for name in _LIST_FIELDS] for r in releases]
    _save(archive_path, stamp, rows)


def write_catalog_rows(
    archive_path: Path, stamp: tuple[int, int] | None, records: Iterable[dict[str, Any]]
) -> None:
    """Save the list catalog from stored release records, sorted newest first."""
    rows = [[record.get(name) for name in _LIST_FIELDS] for record in records]
    sort_newest_first(rows, date=itemgetter(_DATE), title=itemgetter(_TITLE))
    _save(archive_path, stamp, rows)


def _save(archive_path: Path, stamp: tuple[int, int] | None, rows: list[list[Any]]) -> None:
    if stamp is None:
        return
    payload = orjson.dumps({"version": CATALOG_VERSION, "stamp": list(stamp), "rows": rows})
    path = catalog_path(archive_path)
    with contextlib.suppress(Exception):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, payload, keep_backup=False)
