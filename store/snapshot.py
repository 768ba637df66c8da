"""What a read of the archive gives: a snapshot of the releases and what was built from them,
and the rows a command lists or searches."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from oim_archive.store.directory import DirectoryEntry
from oim_archive.store.records import Listed, Release

if TYPE_CHECKING:
    from oim_archive.store.search.contacts import ContactSearch
    from oim_archive.store.search.engine import SearchIndex
    from oim_archive.store.search.first_start import FirstStartWords


@dataclass(slots=True, eq=False)
class Snapshot:
    """The archive as read at one moment, plus the structures built from it."""

    releases: Sequence[Release]
    stamp: tuple[int, int] | None
    index: SearchIndex | None = None
    directory: list[DirectoryEntry] | None = None
    contact_search: ContactSearch | None = None
    # From the list catalog or an unchecked pass (``quick``): the list fields only, until the
    # archive itself is read and checked; nothing is written while it is shown.
    partial: bool = False
    # Order in which reads started: an older read never replaces a newer one.
    sequence: int = 0
    # What a first start's read collected for the search index (``ArchiveReader.read`` with
    # ``index``), until the index is made.
    collected: FirstStartWords | None = None

    _positions: dict[str, int] | None = None

    def position(self, release_id: str) -> int | None:
        """Where the release ``release_id`` is in ``releases`` (the ids are mapped once, when
        first asked for: not while the list is being shown)."""
        if self._positions is None:
            self._positions = {release.id: i for i, release in enumerate(self.releases)}
        return self._positions.get(release_id)

    @property
    def ready(self) -> bool:
        """Whether the archive was read and checked, and its search and contact directory
        are available."""
        return not self.partial and self.index is not None and self.contact_search is not None


EMPTY = Snapshot(releases=[], stamp=None)


@dataclass(slots=True)
class Listing:
    """The releases a command lists or searches: catalog rows, or the releases of a full read."""

    rows: Sequence[Listed]
    stamp: tuple[int, int] | None
    full: bool  # the rows are Releases (a checked read happened), not catalog rows


# What ``ArchiveReader.indexes`` builds: search index, contact directory, contact search.
Indexes = tuple["SearchIndex", list[DirectoryEntry], "ContactSearch"]
# What ``ArchiveReader.contacts`` builds: contact directory, contact search.
Contacts = tuple[list[DirectoryEntry], "ContactSearch"]


def same_ids(first: Sequence[Listed], second: Sequence[Listed]) -> bool:
    """Whether two lists hold the same releases in the same order."""
    return len(first) == len(second) and all(
        map(str.__eq__, (r.id for r in first), (r.id for r in second))
    )
