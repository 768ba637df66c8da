"""The archive: releases kept in one TinyDB file, upserted by content-hash id."""

from __future__ import annotations

import base64
import os
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

from oim_archive.store.errors import (
    AmbiguousReleaseError,
    ArchiveMissingError,
    CorruptArchiveError,
    UnknownReleaseError,
)
from oim_archive.store.file.catalog import write_catalog_rows
from oim_archive.store.file.lock import DEFAULT_LOCK_TIMEOUT, exclusive_lock
from oim_archive.store.file.storage import AtomicOrjsonStorage, recovery_hint
from oim_archive.store.records import Release, date_sort_text

RELEASES_TABLE = "releases"  # every field but the body: small, so the list loads fast
BODIES_TABLE = "bodies"  # id -> {"z": base64 of the zlib-compressed body}, decoded on demand
SOURCES_TABLE = "sources"  # sha256 of raw file bytes -> release ids, to skip known files fast


class _ReleaseTable(Table):
    """A TinyDB table whose document ids are the releases' content-hash ids."""

    document_id_class = str  # type: ignore[assignment]


class _ArchiveDB(TinyDB):
    table_class = _ReleaseTable


@dataclass(slots=True)
class UpsertResult:
    """What one write did: ids newly stored and ids that were already there."""

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)


def sort_key_newest_first(record: dict[str, Any] | Release) -> tuple[int, str, str]:
    """Sort key for 'newest first, undated last' (ISO dates compare as text)."""
    date = record.date if isinstance(record, Release) else record.get("date")
    title = record.title if isinstance(record, Release) else record.get("title", "")
    return (0 if date else 1, _invert(date_sort_text(date)), title)


def _invert(text: str) -> str:
    # Sorting ascending on the inverted code points puts the newest ISO date first.
    return "".join(chr(0x10FFFF - ord(ch)) for ch in text)


def sort_newest_first(releases: list[Release]) -> None:
    """Sort in place like ``sort_key_newest_first``, with two cheap stable sorts."""
    releases.sort(key=lambda r: r.title)
    releases.sort(key=lambda r: date_sort_text(r.date), reverse=True)


def encode_body(body: str) -> dict[str, str]:
    """The stored form of a body: zlib at a fast level, base64 so it stays JSON."""
    return {"z": base64.b64encode(zlib.compress(body.encode("utf-8"), 3)).decode("ascii")}


def decode_body(stored: Any) -> str:
    """The body text from its stored form; ValueError when damaged."""
    try:
        return zlib.decompress(base64.b64decode(stored["z"])).decode("utf-8")
    except (KeyError, TypeError, ValueError, zlib.error) as exc:
        raise ValueError(f"its body cannot be decoded ({exc.__class__.__name__})") from None


def now_iso() -> str:
    """The current UTC time, to the second, as ISO 8601."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class Archive:
    """One archive file. Reads are cached; every write is locked, batched and atomic."""

    def __init__(self, path: str | os.PathLike[str], *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT):
        self.path = Path(path).expanduser()
        self.lock_timeout = lock_timeout
        self._storage = AtomicOrjsonStorage(self.path)
        self._decoded: tuple[object, list[Release]] | None = None
        self._db = _ArchiveDB(storage=lambda: self._storage)

    @property
    def db(self) -> TinyDB:
        """The TinyDB handle, for ad-hoc queries (``archive.db.table("releases").search(...)``)."""
        return self._db

    @property
    def write_count(self) -> int:
        """How many times this object has written the archive file."""
        return self._storage.writes

    def exists(self) -> bool:
        """Whether the archive file is there."""
        return self.path.is_file()

    def require(self, *, validate: bool = True) -> Archive:
        """Raise a clear error when the archive is missing or damaged; return self.

        ``validate=False`` checks only that the file is there and parses."""
        if not self.path.exists():
            raise ArchiveMissingError(
                f"{self.path}: no archive here; create it with 'oim-archive --db {self.path} "
                "import PAGES'"
            )
        if validate:
            self.releases()  # decodes every record: a damaged one raises CorruptArchiveError
        else:
            self.raw_records()
        return self

    def stamp(self) -> tuple[int, int] | None:
        """(mtime_ns, size) of the file, to notice changes made by another process."""
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def raw_records(self) -> dict[str, dict[str, Any]]:
        """The stored dicts keyed by id (shared with the cache: do not mutate)."""
        tables = self._storage.read() or {}
        return tables.get(RELEASES_TABLE, {})

    def __len__(self) -> int:
        return len(self.raw_records())

    def _bodies(self) -> dict[str, Any]:
        tables = self._storage.read() or {}
        return tables.get(BODIES_TABLE, {})

    def _load(self, release_id: str, raw: dict[str, Any], bodies: dict[str, Any]) -> Release:
        try:
            body = decode_body(bodies.get(release_id))
            return Release.from_dict({**raw, "id": raw.get("id") or release_id, "body": body})
        except ValueError as exc:
            raise CorruptArchiveError(
                f"{self.path}: release {release_id} is damaged ({exc}); " + recovery_hint(self.path)
            ) from None

    def releases(self) -> list[Release]:
        """Every release, newest first, undated last."""
        # One read for both tables: another process may replace the file between two reads.
        tables = self._storage.read() or {}
        cached = self._decoded
        if cached is not None and cached[0] is tables:
            return list(cached[1])  # same parse of the file: decode it only once
        bodies = tables.get(BODIES_TABLE, {})
        raws = tables.get(RELEASES_TABLE, {})
        records = [self._load(i, raw, bodies) for i, raw in raws.items()]
        sort_newest_first(records)
        self._decoded = (tables, records)
        return list(records)

    def known_digests(self) -> frozenset[str]:
        """Hashes of every raw file imported so far."""
        tables = self._storage.read() or {}
        return frozenset(tables.get(SOURCES_TABLE, {}).keys())

    def resolve_id(self, prefix: str) -> str:
        """The full id of the one release whose id starts with ``prefix``."""
        prefix = prefix.strip().lower()
        if not prefix:
            raise UnknownReleaseError("give a release id (or the start of one)")
        ids = self.raw_records().keys()
        if prefix in ids:
            return prefix
        matches = sorted(i for i in ids if i.startswith(prefix))
        if not matches:
            raise UnknownReleaseError(f"no release with an id starting with '{prefix}'")
        if len(matches) > 1:
            shown = ", ".join(matches[:5]) + (" …" if len(matches) > 5 else "")
            raise AmbiguousReleaseError(
                f"'{prefix}' matches {len(matches)} releases ({shown}); type more of the id"
            )
        return matches[0]

    def get(self, id_or_prefix: str) -> Release:
        """The release with this id or unique id prefix."""
        full = self.resolve_id(id_or_prefix)
        return self._load(full, self.raw_records()[full], self._bodies())

    def known_source(self, digest: str) -> list[str] | None:
        """Release ids of a raw file already imported, by the hash of its bytes."""
        tables = self._storage.read() or {}
        entry = tables.get(SOURCES_TABLE, {}).get(digest)
        return list(entry.get("ids", [])) if entry else None

    def add(
        self, releases: Iterable[Release], sources: Mapping[str, Sequence[str]] | None = None
    ) -> UpsertResult:
        """Store the releases not yet in the archive, and the raw-file hashes seen, in one
        locked atomic write."""
        result = UpsertResult()
        with exclusive_lock(self.path, self.lock_timeout):
            self._storage.invalidate()  # see writes made by others while we waited
            tables = dict(self._storage.read() or {})
            records = dict(tables.get(RELEASES_TABLE, {}))
            bodies = dict(tables.get(BODIES_TABLE, {}))
            stamp = now_iso()
            for release in releases:
                if release.id in records:
                    result.duplicates.append(release.id)
                    continue
                record = release.to_dict()
                record["imported_at"] = record.get("imported_at") or stamp
                bodies[release.id] = encode_body(record.pop("body"))
                records[release.id] = record
                result.added.append(release.id)
            known_sources = dict(tables.get(SOURCES_TABLE, {}))
            new_sources = {
                digest: {"ids": list(ids)}
                for digest, ids in (sources or {}).items()
                if digest not in known_sources
            }
            if result.added or new_sources or not self.path.exists():
                tables[RELEASES_TABLE] = records
                tables[BODIES_TABLE] = bodies
                known_sources.update(new_sources)
                tables[SOURCES_TABLE] = known_sources
                self._storage.write(tables)
                # The browser's list catalog, so the next start after an import is fast too.
                write_catalog_rows(self.path, self.stamp(), records.values())
        return result

    def reload(self) -> None:
        """Drop cached data so the next read comes from disk."""
        self._storage.invalidate()

    def close(self) -> None:
        """Release the TinyDB handle."""
        self._db.close()
