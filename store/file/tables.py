"""The archive file's tables as TinyDB sees them, and what writes to them report."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, cast

from tinydb import TinyDB
from tinydb.table import Document, Table

from oim_archive.store.errors import AmbiguousReleaseError, UnknownReleaseError
from oim_archive.store.file.catalog import catalog_fields, listed_fields
from oim_archive.store.file.layout import StoredLine
from oim_archive.store.file.scan import ArchiveScan, decode_body
from oim_archive.store.records import Release

RELEASES_TABLE = "releases"  # every field but the body: small, so the list loads fast
BODIES_TABLE = "bodies"  # id -> {"z": base64 of the zlib-compressed body}, decoded on demand
SOURCES_TABLE = "sources"  # sha256 of raw file bytes -> release ids, to skip known files fast
REMOVED_TABLE = "removed"  # id -> {title, removed_at}: releases the user removed stay out
MARKS_TABLE = "marks"  # id -> {marked_at}: releases the user marked in the browser


class ReleaseTable(Table):
    """A TinyDB table whose document ids are the releases' content-hash ids."""

    document_id_class = str  # type: ignore[assignment]


class ArchiveDB(TinyDB):
    """TinyDB over the archive file, its tables keyed by text ids."""

    table_class = ReleaseTable


@dataclass(slots=True)
class UpsertResult:
    """What one write did: ids newly stored, ids already there, ids the user removed earlier."""

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    removed_earlier: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ReplaceResult:
    """What re-reading some source files changed: ids changed in place, new, gone, and new
    ones left out because the user removed them earlier."""

    changed: list[str] = field(default_factory=list)
    appeared: list[str] = field(default_factory=list)
    disappeared: list[str] = field(default_factory=list)
    removed_earlier: list[str] = field(default_factory=list)


def drop(table: Table, doc_ids: Iterable[str]) -> None:
    """Remove documents by id (TinyDB types ids as int; ours are text, see ReleaseTable)."""
    table.remove(doc_ids=cast("list[int]", list(doc_ids)))


def documents(rows: Mapping[str, Mapping[str, Any]]) -> list[Document]:
    """TinyDB documents whose ids are the keys (release ids, source hashes)."""
    return [Document(row, doc_id=key) for key, row in rows.items()]  # type: ignore[arg-type]


def differs(old: Mapping[str, Any], new: Mapping[str, Any], old_body: Any) -> bool:
    """Whether a re-parsed record says something else than the stored one (import time aside)."""
    keys = (set(old) | set(new)) - {"imported_at", "body", "id"}
    if any(old.get(k) != new.get(k) for k in keys):
        return True
    try:
        return decode_body(old_body) != new.get("body")
    except ValueError:
        return True


def summary(table: str, key: str, record: dict[str, Any]) -> list[Any] | None:
    """What a write keeps of a record it leaves in the file: a release's list fields."""
    return catalog_fields(key, record) if table == RELEASES_TABLE else None


def stored_catalog_fields(records: Mapping[str, Any]) -> Iterator[list[Any]]:
    """The catalog fields of a releases table being written (records or lines left in place)."""
    for key, record in records.items():
        yield record.summary if isinstance(record, StoredLine) else catalog_fields(key, record)


def now_iso() -> str:
    """The current UTC time, to the second, as ISO 8601."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def resolve_prefix(prefix: str, ids: Collection[str]) -> str:
    """The one id of ``ids`` that starts with ``prefix`` (UnknownReleaseError or
    AmbiguousReleaseError with a one-line message otherwise)."""
    prefix = prefix.strip().lower()
    if not prefix:
        raise UnknownReleaseError("give a release id (or the start of one)")
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


def checked_lines(scanned: ArchiveScan) -> dict[int, tuple[str, Any]] | None:
    """Where each release's and body's line starts in the file ``scanned`` checked, with the
    release's list fields (None when it was read whole, not in lines)."""
    lines: dict[int, tuple[str, Any]] = {}
    for row in scanned.rows:
        at = getattr(row, "at", (-1, -1))
        if at[0] < 0 or at[1] < 0:
            return None
        lines[at[0]] = (row.id, listed_fields(row))
        lines[at[1]] = (row.id, None)
    return lines


def replacements(
    parsed: Mapping[str, Sequence[Release]],
    sources: Mapping[str, Any],
    stored_record: Callable[[str], Mapping[str, Any]],
) -> tuple[dict[str, Release], dict[str, str]]:
    """What replaces the releases of each source (by hash) in ``parsed``: each release id once
    (its first), and where each one's bytes first came from: the ``source`` of the first
    release still stored (``stored_record``, empty when gone) that the same bytes brought."""
    fresh: dict[str, Release] = {}
    origins: dict[str, str] = {}  # release id -> where its bytes first came from
    for digest, releases in parsed.items():
        origin = next(
            (
                str(source)
                for i in sources.get(digest, {}).get("ids", [])
                if (source := stored_record(i).get("source"))
            ),
            None,
        )
        for release in releases:
            fresh.setdefault(release.id, release)
            if origin is not None:
                origins.setdefault(release.id, origin)
    return fresh, origins
