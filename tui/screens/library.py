"""What the screens share: the archive file, one loaded snapshot of it, and its search structures.

Loading happens in workers (``read_snapshot``, ``index_snapshot``); the UI thread only swaps in a
finished ``Snapshot``, so a screen never sees half-built data.
"""

from __future__ import annotations

import gc
import itertools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from oim_archive.store.directory import DirectoryEntry, build_directory
from oim_archive.store.file.archive import Archive
from oim_archive.store.file.catalog import index_cache_path, read_catalog, write_catalog
from oim_archive.store.records import Release

if TYPE_CHECKING:  # numpy and the search engine load in the worker, after the list is shown
    from oim_archive.store.search.engine import ContactSearch, SearchIndex


@dataclass(slots=True, eq=False)
class Snapshot:
    """The archive as read at one moment, plus the structures built from it."""

    releases: list[Release]
    stamp: tuple[int, int] | None
    positions: dict[str, int] = field(default_factory=dict)
    index: SearchIndex | None = None
    directory: list[DirectoryEntry] | None = None
    contact_search: ContactSearch | None = None
    # From the list catalog: titles, dates, countries only, until the archive itself is read.
    partial: bool = False
    # Order in which reads started: an older read never replaces a newer one.
    sequence: int = 0

    @property
    def ready(self) -> bool:
        """Whether searching and the contact directory are available."""
        return self.index is not None and self.contact_search is not None


EMPTY = Snapshot(releases=[], stamp=None)

# What ``Library.index_snapshot`` builds: search index, contact directory, contact search.
Indexes = tuple["SearchIndex", list[DirectoryEntry], "ContactSearch"]


class Library:
    """The archive the app browses and the snapshot currently shown."""

    def __init__(self, db_path: Path, export_dir: Path, archive: Archive | None = None) -> None:
        self.path = Path(db_path).expanduser()
        self.export_dir = Path(export_dir).expanduser()
        self.archive = archive if archive is not None else Archive(self.path)
        self.snapshot: Snapshot = EMPTY
        self.error: str | None = None
        self._reads = itertools.count(1)
        # Removals made in this session, newest last, whole (bodies too): ``u`` puts them back.
        self.removed: list[list[Release]] = []

    # -- worker side (no UI, no shared state changed) -----------------------------------

    def catalog_snapshot(self) -> Snapshot | None:
        """The list as saved by the last full read, if the archive has not changed since."""
        stamp = self.archive.stamp()
        releases = read_catalog(self.path, stamp)
        if releases is None:
            return None
        positions = {release.id: i for i, release in enumerate(releases)}
        return Snapshot(
            releases=releases,
            stamp=stamp,
            positions=positions,
            partial=True,
            sequence=next(self._reads),
        )

    def read_snapshot(self) -> Snapshot:
        """Read the archive file (raises ArchiveError with a one-line message)."""
        # The storage re-reads the file when its (mtime, size) changed, else reuses its parse.
        sequence = next(self._reads)
        stamp = self.archive.stamp()
        self.archive.require(validate=False)
        releases = self.archive.releases()  # checks every record
        if read_catalog(self.path, stamp) is None:
            write_catalog(self.path, stamp, releases)
        positions = {release.id: i for i, release in enumerate(releases)}
        return Snapshot(releases=releases, stamp=stamp, positions=positions, sequence=sequence)

    def index_snapshot(self, snapshot: Snapshot) -> Indexes:
        """Build the search index (or load it from the cache) and the contact directory."""
        from oim_archive.store.search.engine import ContactSearch, SearchIndex

        index = SearchIndex.cached(snapshot.releases, index_cache_path(self.path))
        directory = build_directory(snapshot.releases)
        contact_search = ContactSearch(directory)
        # Everything loaded lives until the next reload: keep it out of the GC's full scans,
        # which otherwise pause the UI for ~0.3 s at 100k releases.
        gc.freeze()
        return index, directory, contact_search

    # -- UI side --------------------------------------------------------------------------

    def adopt(self, snapshot: Snapshot) -> bool:
        """Show ``snapshot`` from now on, unless a read started later is already shown."""
        if snapshot.sequence < self.snapshot.sequence:
            return False
        self.snapshot = snapshot
        self.error = None
        return True

    @property
    def releases(self) -> list[Release]:
        """The releases shown, newest first."""
        return self.snapshot.releases

    def get(self, release_id: str) -> Release | None:
        """The release with this exact id in the current snapshot."""
        position = self.snapshot.positions.get(release_id)
        return None if position is None else self.snapshot.releases[position]

    def changed_on_disk(self) -> bool:
        """Whether another process wrote the archive since the snapshot was read."""
        if self.snapshot is EMPTY:
            return False
        # The browser's own last write (a removal, an import) is no outside change.
        return self.archive.stamp() not in (self.snapshot.stamp, self.archive.last_written)

    def forget_change(self) -> None:
        """Stop reporting the current outside change (the user chose not to reload)."""
        self.snapshot.stamp = self.archive.stamp()

    @property
    def read_only(self) -> bool:
        """Whether this process may not write the archive (a write-protected stick...)."""
        target = self.path if self.path.exists() else self.path.parent
        return not (os.access(target, os.W_OK) and os.access(self.path.parent, os.W_OK))
