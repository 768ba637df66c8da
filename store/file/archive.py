"""The archive: releases kept in one TinyDB file, each stored once under its content-hash id
(an import inserts what is missing and leaves what is there)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from tinydb.table import Table

from oim_archive.store.errors import ArchiveMissingError, UnknownReleaseError
from oim_archive.store.file import layout
from oim_archive.store.file.catalog import write_catalog_rows
from oim_archive.store.file.lock import DEFAULT_LOCK_TIMEOUT, exclusive_lock
from oim_archive.store.file.scan import (
    ArchiveScan,
    ScanVisitor,
    StoredBodies,
    scan_file,
    stored_body,
)
from oim_archive.store.file.storage import AtomicOrjsonStorage, Stamp, file_stamp
from oim_archive.store.file.tables import (
    BODIES_TABLE,
    MARKS_TABLE,
    RELEASES_TABLE,
    REMOVED_TABLE,
    SOURCES_TABLE,
    ArchiveDB,
    ReplaceResult,
    UpsertResult,
    checked_lines,
    differs,
    documents,
    drop,
    now_iso,
    replacements,
    resolve_prefix,
    stored_catalog_fields,
    summary,
)
from oim_archive.store.file.whole import load_release, read_sources, scan_of_tables
from oim_archive.store.records import Release
from oim_archive.store.stored import whole_release


class Archive:
    """One archive file. Reads are cached; every write is locked, batched and atomic."""

    def __init__(self, path: str | os.PathLike[str], *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT):
        self.path = Path(path).expanduser()
        self.lock_timeout = lock_timeout
        self._storage = AtomicOrjsonStorage(
            self.path, summarize=summary, checked_lines=self._checked_lines
        )
        self._scanned: ArchiveScan | None = None
        self._sources_read: tuple[Stamp, dict[str, Any]] | None = None
        # Private: every write goes through the methods below, under the lock.
        self._db = ArchiveDB(storage=lambda: self._storage)

    @property
    def write_count(self) -> int:
        """How many times this object has written the archive file."""
        return self._storage.writes

    @property
    def last_written(self) -> Stamp | None:
        """The stamp of the file this object wrote last (its own change, not another's)."""
        return self._storage.last_written

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

    def stamp(self) -> Stamp | None:
        """(mtime_ns, size) of the file, to notice changes made by another process."""
        return file_stamp(self.path)

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
        return load_release(self.path, release_id, raw, bodies)

    def releases(self) -> list[Release]:
        """Every release, newest first, undated last: list fields in memory, the rest read
        from the file when asked for (see ``scan``)."""
        return list(self.scan().rows)

    def scan(
        self, listed_before: Iterable[Release] = (), visitor: ScanVisitor | None = None
    ) -> ArchiveScan:
        """Check every record of the file once per version of it (CorruptArchiveError with a
        one-line message when one is damaged) and keep what a list needs.

        A file in the line layout is read a few thousand records at a time and its releases
        keep only their list fields (``StoredRelease``, those of ``listed_before`` reused
        when identical); another layout is read whole. ``visitor`` is given what the read of
        a file in the line layout decodes (``scan_file``); not called for another layout or
        a version scanned already."""
        stamp = self.stamp()
        cached = self._scanned
        if cached is not None and stamp is not None and cached.stamp == stamp:
            return cached
        if stamp is None:
            self.require(validate=False)
        try:
            with layout.gc_paused():
                scanned = scan_file(self.path, self._get_whole, listed_before, visitor)
        except layout.NotLineLayout:
            scanned = self._scan_whole()
        self._scanned = scanned
        return scanned

    def _scan_whole(self) -> ArchiveScan:
        """The scan of a file in another layout: parsed whole, every release decoded."""
        tables = self._storage.read() or {}
        return scan_of_tables(self.path, tables, self._storage.cached_stamp())

    def _checked_lines(self, stamp: Stamp) -> dict[int, tuple[str, Any]] | None:
        """Where each release's and body's line starts in the version of the file this
        object's scan checked (None: no such scan), for a write to copy them unparsed."""
        scanned = self._scanned
        return None if scanned is None or scanned.stamp != stamp else checked_lines(scanned)

    def _current_scan(self) -> ArchiveScan | None:
        """The scan of the file as it is now, if one was made (no read)."""
        cached = self._scanned
        return cached if cached is not None and cached.stamp == self.stamp() else None

    def known_digests(self) -> frozenset[str]:
        """Hashes of every raw file imported so far."""
        return frozenset(self._sources())

    def _sources(self) -> dict[str, Any]:
        """The sources table (hash of a raw file -> the ids it brought), read alone: the
        releases' and bodies' lines are passed over, not parsed."""
        stamp = self.stamp()
        cached = self._sources_read
        if cached is not None and cached[0] == stamp:
            return cached[1]
        sources = read_sources(self.path, lambda: self._storage.read() or {})
        if stamp is not None and self.stamp() == stamp:
            self._sources_read = (stamp, sources)
        return sources

    def resolve_id(self, prefix: str) -> str:
        """The full id of the one release whose id starts with ``prefix``."""
        scanned = self._current_scan()
        return resolve_prefix(
            prefix, scanned.by_id.keys() if scanned is not None else self.raw_records().keys()
        )

    def get(self, id_or_prefix: str) -> Release:
        """The release with this id or unique id prefix."""
        full = self.resolve_id(id_or_prefix)
        scanned = self._current_scan()
        if scanned is not None:
            return whole_release(scanned.by_id[full])
        return self._get_whole(full)

    def _get_whole(self, release_id: str) -> Release:
        raws = self.raw_records()
        if release_id not in raws:
            raise UnknownReleaseError(f"no release with the id '{release_id}'")
        return self._load(release_id, raws[release_id], self._bodies())

    def removed_ids(self) -> frozenset[str]:
        """Ids of the releases the user removed (an import does not bring them back)."""
        scanned = self._current_scan()
        if scanned is not None:
            return scanned.removed
        tables = self._storage.read() or {}
        return frozenset(tables.get(REMOVED_TABLE, {}).keys())

    def marked_ids(self) -> frozenset[str]:
        """Ids of the releases the user marked (kept across runs)."""
        scanned = self._current_scan()
        if scanned is not None:
            return scanned.marks
        tables = self._storage.read() or {}
        return frozenset(tables.get(MARKS_TABLE, {}).keys())

    def set_marked(self, ids: Iterable[str], marked: bool) -> None:
        """Mark (or unmark) releases by exact id, in one locked atomic write."""
        wanted = list(dict.fromkeys(ids))
        with self._writing() as tables:
            current = tables.get(MARKS_TABLE, {})
            if marked:
                new = {i: {"marked_at": now_iso()} for i in wanted if i not in current}
                if new:
                    self._table(MARKS_TABLE).insert_multiple(documents(new))
            else:
                gone = [i for i in wanted if i in current]
                if gone:
                    drop(self._table(MARKS_TABLE), gone)

    def known_source(self, digest: str) -> list[str] | None:
        """Release ids of a raw file already imported, by the hash of its bytes."""
        entry = self._sources().get(digest)
        return list(entry.get("ids", [])) if entry else None

    @contextlib.contextmanager
    def _writing(self) -> Iterator[dict[str, Any]]:
        """Hold the lock, read the file fresh and check it, collect TinyDB's table writes and
        write the file once, atomically; refresh the list catalog. Yields the tables as read."""
        with exclusive_lock(self.path, self.lock_timeout), layout.gc_paused():
            writes = self._storage.writes
            with self._storage.batch(create=True):
                yield dict(self._storage.read() or {})
                written = self._storage.read() or {}
            if self._storage.writes != writes:
                # The browser's list catalog, so the next start after a write is fast too.
                records = written.get(RELEASES_TABLE, {})
                write_catalog_rows(
                    self.path,
                    self._storage.last_written,
                    stored_catalog_fields(records),
                    self._storage.last_offsets,
                )

    def _stored_release(self, release_id: str) -> Release:
        """A release of the tables being written, whole."""
        record = self._storage.stored(RELEASES_TABLE, release_id)
        body = self._storage.stored(BODIES_TABLE, release_id)
        return self._load(release_id, record, {release_id: body})

    def _table(self, name: str) -> Table:
        return self._db.table(name, cache_size=0)

    def add(
        self,
        releases: Iterable[Release],
        sources: Mapping[str, Sequence[str]] | None = None,
        *,
        restore: bool = False,
        stored_bodies: StoredBodies | None = None,
    ) -> UpsertResult:
        """Store the releases not yet in the archive, and the raw-file hashes seen, in one
        locked atomic write. Releases the user removed stay out unless ``restore`` (undo).
        ``stored_bodies``: bodies already compressed (by the import's workers), by id."""
        result = UpsertResult()
        with self._writing() as tables:
            records = tables.get(RELEASES_TABLE, {})
            removed = tables.get(REMOVED_TABLE, {})
            stamp = now_iso()
            new_records: dict[str, dict[str, Any]] = {}
            for release in releases:
                if release.id in records or release.id in new_records:
                    result.duplicates.append(release.id)
                elif release.id in removed and not restore:
                    result.removed_earlier.append(release.id)
                else:
                    record = release.to_dict()
                    record["imported_at"] = record.get("imported_at") or stamp
                    new_records[release.id] = record
                    result.added.append(release.id)
            known_sources = tables.get(SOURCES_TABLE, {})
            new_sources = {
                digest: {"ids": list(ids)}
                for digest, ids in (sources or {}).items()
                if digest not in known_sources
            }
            self._insert_records(new_records, stored_bodies)
            if new_sources:
                self._table(SOURCES_TABLE).insert_multiple(documents(new_sources))
            if restore:
                back = [i for i in result.added if i in removed]
                if back:
                    drop(self._table(REMOVED_TABLE), back)
        return result

    def remove(self, ids_or_prefixes: Iterable[str]) -> list[Release]:
        """Remove releases by id or unique id prefix in one locked atomic write, and remember
        them as removed. An unknown or ambiguous id raises before anything is written.
        Returns the removed releases, whole (to undo)."""
        with self._writing():
            full = list(dict.fromkeys(self.resolve_id(i) for i in ids_or_prefixes))
            gone = [self._stored_release(i) for i in full]
            if full:
                drop(self._table(RELEASES_TABLE), full)
                drop(self._table(BODIES_TABLE), full)
                marks = {r.id: {"title": r.title, "removed_at": now_iso()} for r in gone}
                removed = self._table(REMOVED_TABLE)
                drop(removed, list(marks))
                removed.insert_multiple(documents(marks))
        return gone

    def replace_sources(
        self,
        parsed: Mapping[str, Sequence[Release]],
        stored_bodies: StoredBodies | None = None,
    ) -> ReplaceResult:
        """Replace the releases that came from each source (by the hash of its bytes) with
        ``parsed[digest]``, in one locked atomic write. A release still brought by another
        source stays; one the user removed stays removed."""
        result = ReplaceResult()
        with self._writing() as tables:
            records = tables.get(RELEASES_TABLE, {})
            removed = tables.get(REMOVED_TABLE, {})
            sources = tables.get(SOURCES_TABLE, {})
            elsewhere = {
                i for digest, entry in sources.items() if digest not in parsed for i in entry["ids"]
            }
            old_ids = {i for digest in parsed for i in sources.get(digest, {}).get("ids", [])}
            fresh, origins = replacements(
                parsed,
                sources,
                lambda i: (self._storage.stored(RELEASES_TABLE, i) or {}) if i in records else {},
            )
            stamp = now_iso()
            writes: dict[str, dict[str, Any]] = {}
            for release_id, release in fresh.items():
                if release_id in removed:
                    result.removed_earlier.append(release_id)
                    continue
                record = release.to_dict()
                # The same bytes read again from elsewhere (a fetched page kept on disk): the
                # release still comes from where they were first found, its URL.
                record["source"] = origins.get(release_id, record["source"])
                old = self._storage.stored(RELEASES_TABLE, release_id)
                if old is None:
                    record["imported_at"] = record.get("imported_at") or stamp
                    result.appeared.append(release_id)
                elif differs(old, record, self._storage.stored(BODIES_TABLE, release_id)):
                    record["imported_at"] = old.get("imported_at") or stamp
                    result.changed.append(release_id)
                else:
                    continue
                writes[release_id] = record
            result.disappeared = sorted(
                i for i in old_ids - fresh.keys() - elsewhere if i in records
            )
            dropped = result.changed + result.disappeared
            if dropped:
                drop(self._table(RELEASES_TABLE), dropped)
                drop(self._table(BODIES_TABLE), dropped)
            self._insert_records(writes, stored_bodies)
            entries = {d: {"ids": [r.id for r in releases]} for d, releases in parsed.items()}
            source_table = self._table(SOURCES_TABLE)
            drop(source_table, [d for d in entries if d in sources])
            source_table.insert_multiple(documents(entries))
        return result

    def _insert_records(
        self, records: Mapping[str, dict[str, Any]], stored_bodies: StoredBodies | None = None
    ) -> None:
        """Insert release records (body stored apart, compressed) with their ids as doc ids;
        a body compressed already is used when it was made from the same text."""
        if not records:
            return
        known = stored_bodies or {}
        bodies = {i: stored_body(record["body"], known.get(i)) for i, record in records.items()}
        rows = {
            i: {k: v for k, v in record.items() if k != "body"} for i, record in records.items()
        }
        self._table(RELEASES_TABLE).insert_multiple(documents(rows))
        self._table(BODIES_TABLE).insert_multiple(documents(bodies))

    def reload(self) -> None:
        """Drop cached data so the next read comes from disk."""
        self._storage.invalidate()

    def close(self) -> None:
        """Release the TinyDB handle."""
        self._db.close()
