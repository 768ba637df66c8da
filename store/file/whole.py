"""An archive file read whole (TinyDB's tables, parsed at once): a file in another layout
than the line layout, or a damaged one (whose parse says what is wrong), and the tables a
write holds. Also the sources table read alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from oim_archive.store.errors import CorruptArchiveError
from oim_archive.store.file import layout
from oim_archive.store.file.scan import ArchiveScan, decode_body
from oim_archive.store.file.storage import Stamp, Tables, recovery_hint
from oim_archive.store.file.tables import (
    BODIES_TABLE,
    MARKS_TABLE,
    RELEASES_TABLE,
    REMOVED_TABLE,
    SOURCES_TABLE,
)
from oim_archive.store.records import Release, sort_newest_first


def load_release(
    path: Path, release_id: str, raw: dict[str, Any], bodies: dict[str, Any]
) -> Release:
    """The whole release from its stored record and the stored bodies; CorruptArchiveError
    (one line, with how to recover) when damaged."""
    try:
        body = decode_body(bodies.get(release_id))
        return Release.from_dict({**raw, "id": raw.get("id") or release_id, "body": body})
    except ValueError as exc:
        raise CorruptArchiveError(
            f"{path}: release {release_id} is damaged ({exc}); " + recovery_hint(path)
        ) from None


def scan_of_tables(path: Path, tables: Tables, stamp: Stamp | None) -> ArchiveScan:
    """The scan of a file read whole: every release decoded, newest first."""
    bodies = tables.get(BODIES_TABLE, {})
    raws = tables.get(RELEASES_TABLE, {})
    records = [load_release(path, i, raw, bodies) for i, raw in raws.items()]
    sort_newest_first(records)
    return ArchiveScan(
        stamp=stamp,
        rows=records,
        by_id={r.id: r for r in records},
        marks=frozenset(tables.get(MARKS_TABLE, {})),
        removed=frozenset(tables.get(REMOVED_TABLE, {})),
    )


def read_sources(path: Path, read_whole: Callable[[], Tables]) -> dict[str, Any]:
    """The sources table (hash of a raw file -> the ids it brought), read alone: the
    releases' and bodies' lines are passed over, not parsed (``read_whole`` for a file in
    another layout, or damaged)."""
    sources: dict[str, Any] = {}
    try:
        for chunk in layout.scan(path, skip=(RELEASES_TABLE, BODIES_TABLE)):
            if chunk.table == SOURCES_TABLE and chunk.rows is not None:
                sources.update(chunk.rows)
    except (layout.NotLineLayout, OSError):
        sources = read_whole().get(SOURCES_TABLE, {})
    return sources
