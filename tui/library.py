"""What the screens share: the archive file, one loaded snapshot of it, and its search structures.

Reading is the store's (``ArchiveReader``), done in workers; the UI thread only swaps in a
finished ``Snapshot``, so a screen never sees half-built data.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from oim_archive.store.file.archive import Archive
from oim_archive.store.reader import ArchiveReader
from oim_archive.store.records import Release
from oim_archive.store.snapshot import EMPTY, Contacts, Snapshot

if TYPE_CHECKING:
    from oim_archive.store.search.engine import SearchIndex

__all__ = ["EMPTY", "Contacts", "Library", "Snapshot"]


class Library:
    """The archive the app browses and the snapshot currently shown."""

    def __init__(
        self,
        db_path: Path,
        export_dir: Path,
        archive: Archive | None = None,
        first_list: Snapshot | None = None,
    ) -> None:
        self.path = Path(db_path).expanduser()
        self.export_dir = Path(export_dir).expanduser()
        self.archive = archive if archive is not None else Archive(self.path)
        self.reader = ArchiveReader(self.archive)
        self.snapshot: Snapshot = EMPTY
        self.error: str | None = None
        self._reads = itertools.count(1)
        # Removals made in this session, newest last, whole (bodies too): ``u`` puts them back.
        self.removed: list[list[Release]] = []
        # A list read before the app started (``ArchiveReader.quick``), shown at once.
        self._first_list = first_list

    # -- worker side (no UI, no shared state changed) -----------------------------------

    def catalog_snapshot(self) -> Snapshot | None:
        """The list as saved by the last full read, if the archive has not changed since (or
        the unchecked list read before the app started)."""
        sequence = next(self._reads)
        snapshot, self._first_list = self._first_list, None
        if snapshot is None:
            snapshot = self.reader.catalog()
        if snapshot is not None:
            snapshot.sequence = sequence
        return snapshot

    def list_index(self, snapshot: Snapshot) -> SearchIndex:
        """An index to search a list snapshot with while the archive is read: the saved one,
        or one of the list fields only (first start)."""
        return self.reader.list_index(snapshot)

    def saved_contacts(self, snapshot: Snapshot) -> Contacts | None:
        """The contact directory and its search saved from the file a list snapshot shows,
        for the contacts to open while the archive is read; None when none was saved."""
        return self.reader.saved_contacts(snapshot)

    def read_snapshot(self, searchable: SearchIndex | None = None) -> Snapshot:
        """Read the archive file (raises ArchiveError with a one-line message); on a first
        start (no saved index) the same read collects the words the index needs.
        ``searchable``: the index the list shown meanwhile was given (``list_index``)."""
        sequence = next(self._reads)
        shown = self.snapshot
        partial = shown if shown.partial else None
        snapshot = self.reader.read(partial, index=True, searchable=searchable)
        snapshot.sequence = sequence
        return snapshot

    def index_snapshot(self, snapshot: Snapshot) -> SearchIndex:
        """Build the search index (or load the saved one)."""
        return self.reader.release_index(snapshot)

    def contacts_snapshot(self, snapshot: Snapshot) -> Contacts:
        """Build the contact directory and its search (or load the saved ones)."""
        return self.reader.contacts(snapshot)

    # -- UI side --------------------------------------------------------------------------

    def adopt(self, snapshot: Snapshot) -> bool:
        """Show ``snapshot`` from now on, unless a read started later is already shown."""
        if snapshot.sequence < self.snapshot.sequence:
            return False
        self.snapshot = snapshot
        self.error = None
        return True

    @property
    def releases(self) -> Sequence[Release]:
        """The releases shown, newest first."""
        return self.snapshot.releases

    def get(self, release_id: str) -> Release | None:
        """The release with this exact id in the current snapshot."""
        position = self.snapshot.position(release_id)
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
