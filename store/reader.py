"""Opening an archive for reading: the one path the CLI and the browser share.

Three things, each as cheap as the archive allows:
- the **list** (``catalog``): titles, dates, countries from the list catalog in the user cache,
  trusted while the archive file keeps the (mtime, size) it was made from; without one,
  ``quick`` lists the releases from an unchecked pass over the file, shown only until
  ``read`` has checked them;
- the **snapshot** (``read``): every release decoded and checked, which refreshes the catalog;
- the **search index** (``search``, ``indexes``): loaded from the saved index when it was built
  from this same file, else built once and saved for every later command and the browser.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, cast

from oim_archive.store.directory import (
    DirectoryEntry,
    build_directory,
    contacts_from_file,
    directory_of,
)
from oim_archive.store.file.archive import Archive
from oim_archive.store.file.catalog import (
    catalog_matches,
    contact_index_path,
    directory_entry,
    index_cache_path,
    read_catalog_rows,
    read_catalog_rows_at,
    read_directory,
    read_directory_rows,
    write_catalog,
    write_directory,
)
from oim_archive.store.file.catalog_list import catalog_list
from oim_archive.store.file.quick import quick_list
from oim_archive.store.file.scan import RecordFile
from oim_archive.store.file.tables import resolve_prefix
from oim_archive.store.records import Listed, Release
from oim_archive.store.snapshot import (
    Contacts,
    Indexes,
    Listing,
    Snapshot,
    same_ids,
)
from oim_archive.store.stored import whole_releases

if TYPE_CHECKING:  # numpy and the search engine load only when a search needs them
    from oim_archive.store.search.contacts import ContactSearch
    from oim_archive.store.search.engine import SearchIndex
    from oim_archive.store.search.first_start import FirstStartWords
    from oim_archive.store.search.scoring import Hit


def _snapshot(releases: list[Release], stamp: tuple[int, int] | None, *, partial: bool) -> Snapshot:
    return Snapshot(releases=releases, stamp=stamp, partial=partial)


class ArchiveReader:
    """Read one archive: its list, its checked releases, its search structures."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.path = archive.path

    def catalog(self) -> Snapshot | None:
        """The list as saved by the last full read or write, if the archive has not changed."""
        stamp = self.archive.stamp()
        if stamp is None or not catalog_matches(self.path, stamp):
            return None
        source = RecordFile(self.path, stamp, self.archive.get)
        releases = catalog_list(self.path, stamp, source)
        if releases is None:
            return None
        return Snapshot(releases=releases, stamp=stamp, partial=True)

    def quick(self) -> Snapshot | None:
        """The list from one unchecked pass over the archive file (no catalog needed), to
        show while ``read`` checks every release; None when only a checked read can tell
        (another layout, a field of the wrong type, no release at all)."""
        # On a first start, passes over the file collect the search index's words meanwhile.
        words = None
        if not index_cache_path(self.path).exists():
            words = self._first_start_words(list_first=True)
        found = quick_list(self.path, self.archive.get)
        if found is None:
            if words is not None:
                words.cancel()
            return None
        stamp, releases = found
        snapshot = _snapshot(releases, stamp, partial=True)
        snapshot.collected = words
        return snapshot

    def _first_start_words(self, *, list_first: bool = False) -> FirstStartWords:
        """What collects the words of the file for the search index on a first start
        (``list_first``: started before the list is made, which the read then checks)."""
        from oim_archive.store.search.first_start import first_start_words

        return first_start_words(self.path, self.archive.stamp(), list_first=list_first)

    def has_catalog(self) -> bool:
        """Whether the list catalog matches the archive file as it is now."""
        return catalog_matches(self.path, self.archive.stamp())

    def read(
        self,
        shown: Snapshot | None = None,
        *,
        index: bool = False,
        searchable: SearchIndex | None = None,
    ) -> Snapshot:
        """Read and check every release (ArchiveError with a one-line message); saves the list
        catalog when it is missing or stale. The releases of ``shown``, a list of the same
        file shown meanwhile, are kept where identical (one copy in memory).

        ``index``: when no search index was ever saved for the file (a first start), the
        read also collects every release's words for ``search_index``, which then need not
        read the file again. ``searchable``: the index ``shown`` is searched with meanwhile
        (``list_index``), kept when the file and its list are unchanged."""
        collected, started = None, shown.collected if shown is not None else None
        if shown is not None:
            shown.collected = None
        if index and not index_cache_path(self.path).exists():
            collected = started or self._first_start_words()
        elif started is not None:
            started.cancel()
        # One checked pass per version of the file; the releases keep their list fields only.
        try:
            scanned = self.archive.scan(
                shown.releases if shown is not None else (),
                None if collected is None else collected.visitor,
            )
        except BaseException:
            if collected is not None:
                collected.cancel()
            raise
        stamp, releases = scanned.stamp, list(scanned.rows)
        if not catalog_matches(self.path, stamp):
            write_catalog(self.path, stamp, releases)
        snapshot = _snapshot(releases, stamp, partial=False)
        if collected is not None:
            if collected.complete:
                snapshot.collected = collected
            else:
                collected.cancel()
        if shown is not None and shown.stamp == stamp and same_ids(shown.releases, releases):
            # What the list shown meanwhile was searched with holds for the checked releases.
            snapshot.index = searchable
            if shown.directory is not None and shown.contact_search is not None:
                snapshot.directory, snapshot.contact_search = shown.directory, shown.contact_search
        return snapshot

    def saved_contacts(self, snapshot: Snapshot) -> Contacts | None:
        """The contact directory and its search saved from the very file ``snapshot`` lists
        (a catalog shown while the archive is read), for the contacts to open at once; None
        when none was saved for it (nothing is built or written here)."""
        from oim_archive.store.search.contacts import ContactSearch

        if snapshot.stamp is None:
            return None
        directory = read_directory(self.path, snapshot.stamp)
        if directory is None:
            return None
        search = ContactSearch.saved(directory, contact_index_path(self.path), snapshot.stamp)
        if search is None:
            return None
        search.prepare()
        return directory, search

    def list_index(self, snapshot: Snapshot) -> SearchIndex:
        """An index to search a list snapshot (catalog or unchecked pass) at once, while the
        archive is read: the saved one when it was built from this very file, else one of
        the list fields only (``SearchIndex.complete`` False) until the whole is built."""
        from oim_archive.store.search.engine import SearchIndex

        if snapshot.stamp is not None:
            cache = index_cache_path(self.path)
            saved = SearchIndex.saved(snapshot.releases, cache, snapshot.stamp)
            if saved is not None:
                return saved
        return SearchIndex.of_list_fields(snapshot.releases)

    def search_index(self, snapshot: Snapshot) -> SearchIndex:
        """The search index over ``snapshot``'s releases: the saved one when it was built from
        the same file (a list snapshot is enough then), else built from a full read and saved."""
        from oim_archive.store.search.engine import SearchIndex

        if snapshot.index is not None and snapshot.index.complete:
            return snapshot.index
        cache = index_cache_path(self.path)
        if snapshot.stamp is not None:
            saved = SearchIndex.saved(snapshot.releases, cache, snapshot.stamp)
            if saved is not None:
                return saved
        if snapshot.partial:
            raise ValueError("a list snapshot has no saved index: read the archive first")
        releases = snapshot.releases
        collected = snapshot.collected
        if collected is not None and snapshot.stamp is not None:  # what the read collected
            built = collected.index(releases, cache, snapshot.stamp)
            snapshot.collected = None
            if built is not None:
                return built
        if snapshot.stamp is not None and not cache.exists():  # none to reuse: one file pass
            built = SearchIndex.built_from_file(releases, self.path, snapshot.stamp, cache)
            if built is not None:
                return built
        return SearchIndex.cached(
            releases, cache, snapshot.stamp, whole=lambda: whole_releases(releases)
        )

    def listing(self) -> Listing:
        """The list for a command: the catalog's rows when they match the file, else a full
        checked read (which saves the catalog for next time)."""
        stamp = self.archive.stamp()
        rows = read_catalog_rows(self.path, stamp)
        if rows is not None:
            return Listing(rows, stamp, full=False)
        snapshot = self.read()
        return Listing(snapshot.releases, snapshot.stamp, full=True)

    def searchable(self) -> tuple[Listing, SearchIndex]:
        """The quickest list that can be searched, with its index: the catalog's rows and the
        saved index when both match the file, else a full read (building and saving both)."""
        from oim_archive.store.search.engine import SearchIndex

        stamp = self.archive.stamp()
        rows = read_catalog_rows(self.path, stamp)
        if rows is not None and stamp is not None:
            saved = SearchIndex.saved(rows, index_cache_path(self.path), stamp)
            if saved is not None:
                return Listing(rows, stamp, full=False), saved
        # One checked read (no catalog, or no saved index): on a first start it also gives
        # the index its words.
        snapshot = self.read(index=True)
        return Listing(snapshot.releases, snapshot.stamp, full=True), self.search_index(snapshot)

    def search(self, query: str, limit: int | None = None) -> list[Listed]:
        """The list rows of the releases matching ``query``, best first: with a saved index
        of the file as it is now, only the hits' rows are read, else as ``searchable``."""
        stamp = self.archive.stamp()
        if stamp is not None:
            hits = self._saved_hits(query, limit, stamp)
            if hits is not None:
                rows = read_catalog_rows_at(self.path, stamp, (hit.index for hit in hits))
                if rows is not None and [r.id for r in rows] == [h.release_id for h in hits]:
                    return list(rows)
        listing, index = self.searchable()
        return [listing.rows[hit.index] for hit in index.search(query, limit)]

    def _saved_hits(
        self, query: str, limit: int | None, stamp: tuple[int, int]
    ) -> list[Hit] | None:
        """The hits of the index saved from the file with ``stamp``: without numpy when the
        query reaches few documents (a command spends longer importing numpy than searching)."""
        from oim_archive.store.search.lite import saved_hits

        cache = index_cache_path(self.path)
        hits = saved_hits(cache, stamp, query, limit)
        if hits is None:
            from oim_archive.store.search.engine import SearchIndex

            index = SearchIndex.saved(None, cache, stamp)
            hits = None if index is None else index.search(query, limit)
        return hits

    def release(self, row: Listed) -> Release:
        """The whole release (body, contacts) of a row; one record decoded, not the archive."""
        return next(self.whole([row]))

    def whole(self, rows: Sequence[Listed]) -> Iterator[Release]:
        """The whole releases of ``rows`` (list rows or listed releases), one at a time, read
        from their lines in the archive file."""
        if all(isinstance(row, Release) for row in rows):
            yield from whole_releases(cast("Sequence[Release]", rows))
            return
        stamp = self.archive.stamp()
        if stamp is None:
            self.archive.require(validate=False)
            return
        yield from RecordFile(self.path, stamp, self.archive.get).iter_full(rows)

    def get(self, id_or_prefix: str) -> Release:
        """The whole release with this id or unique id prefix, resolved against the list and
        read from its own lines of the file (not the whole archive)."""
        listing = self.listing()
        if listing.full:
            return self.archive.get(id_or_prefix)
        by_id = {row.id: row for row in listing.rows}
        return self.release(by_id[resolve_prefix(id_or_prefix, by_id.keys())])

    def directory(self) -> tuple[list[DirectoryEntry], tuple[int, int] | None]:
        """The contact directory and the stamp of the file it was built from: the saved one
        when it was built from the file as it is now (no list read), else built from a
        checked read and saved."""
        stamp = self.archive.stamp()
        saved = read_directory(self.path, stamp)
        if saved is not None:
            return saved, stamp
        snapshot = self.read()
        return self._built_directory(snapshot), snapshot.stamp

    def contact_search(
        self, entries: list[DirectoryEntry], stamp: tuple[int, int] | None
    ) -> ContactSearch:
        """The search over the directory of the file with ``stamp`` (its index saved too)."""
        from oim_archive.store.search.contacts import ContactSearch

        return ContactSearch.saved_or_built(entries, contact_index_path(self.path), stamp)

    def matching_contacts(self, query: str) -> list[DirectoryEntry]:
        """The directory's contacts matching ``query``, best first. With the directory and its
        index saved from the file as it is now, ranked without numpy and only the matches
        decoded; else as the browser does (building and saving what is missing)."""
        from oim_archive.store.search.lite import saved_contact_matches

        stamp = self.archive.stamp()
        rows = read_directory_rows(self.path, stamp)
        if rows is not None and stamp is not None:
            found = saved_contact_matches(contact_index_path(self.path), stamp, query)
            if found is not None and all(0 <= i < len(rows) for i in found):
                with contextlib.suppress(ValueError, TypeError):
                    return [directory_entry(rows[i]) for i in found]
        entries, stamp = self.directory()
        return [entries[i] for i in self.contact_search(entries, stamp).search(query)]

    def _built_directory(self, snapshot: Snapshot) -> list[DirectoryEntry]:
        """The directory saved from the snapshot's file, else built and saved: from one pass
        over the file's records (after a checked read), else from every release read."""
        saved = read_directory(self.path, snapshot.stamp)
        if saved is not None:
            return saved
        releases, stamp = snapshot.releases, snapshot.stamp
        people = None
        if stamp is not None and not snapshot.partial:
            people = contacts_from_file([r.id for r in releases], self.path, stamp)
        if people is not None:
            entries = directory_of(releases, people)
        else:
            entries = build_directory(whole_releases(releases, bodies=False))
        del people
        write_directory(self.path, stamp, entries)
        return entries

    def indexes(self, snapshot: Snapshot) -> Indexes:
        """Search index (saved or built), contact directory and contact search of a full read
        (``release_index``, then ``contacts``)."""
        index = self.release_index(snapshot)
        return (index, *self.contacts(snapshot))

    def release_index(self, snapshot: Snapshot) -> SearchIndex:
        """The search index of a full read (saved, or built: from what the read collected on
        a first start), ready before the contact directory is.

        What is built lives until the next reload: it is kept out of the garbage collector's
        full scans, which otherwise pause a long-running reader ~0.3 s at 100k releases."""
        index = self.search_index(snapshot)
        gc.freeze()
        return index

    def contacts(self, snapshot: Snapshot) -> Contacts:
        """The contact directory (saved or built) and its search, of a full read; after
        ``release_index`` (on a first start, its peak of memory past). Kept out of the
        garbage collector's scans too."""
        if snapshot.directory is not None and snapshot.contact_search is not None:
            return snapshot.directory, snapshot.contact_search  # kept from the list shown
        directory = self._built_directory(snapshot)
        contact_search = self.contact_search(directory, snapshot.stamp)
        contact_search.prepare()
        gc.freeze()
        return directory, contact_search
