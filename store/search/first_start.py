"""A first start (no saved index): the checked read of the archive file gives the search
index the words of every release as it decodes them, so that the index need not read and
decode the whole file again (~2–4 s at 100k releases).

``FirstStartPass`` is the ``ScanVisitor`` the read is given; after the read, ``index`` makes
the search index in the list's order (known only once every record is read). None when the
read did not give exactly the listed releases (another layout, a version read before): the
caller then builds the index as before.

The contact directory is not collected here: kept for every release until the index is
made, its contacts were ~50 MB more at the index's peak of memory (100k releases, each
naming its own people); it comes from one pass over the records after the index.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from oim_archive.store.records import Listed, Release, search_fields
from oim_archive.store.search.build import FileOrderWords
from oim_archive.store.search.engine import SearchIndex


class FirstStartPass:
    """Collects, from one checked read, the words of every release."""

    def __init__(self) -> None:
        self._words: FileOrderWords | None = FileOrderWords()
        self.complete = False  # the read gave the whole file, then called ``done``

    def record(self, key: str, release: Release) -> None:
        """A checked record (ScanVisitor)."""
        # By the release's id: the very string its list row keeps (the key is another copy,
        # ~10 MB more for 100k releases).
        if self._words is not None:
            self._words.record(release.id, search_fields(release))

    def body(self, key: str, text: str) -> None:
        """A decoded body (ScanVisitor)."""
        if self._words is not None:
            self._words.body(key, text)

    def done(self) -> None:
        """The whole file was checked (ScanVisitor)."""
        self.complete = True

    def index(
        self,
        releases: Sequence[Listed],
        cache_file: str | os.PathLike[str],
        file_stamp: tuple[int, int],
    ) -> SearchIndex | None:
        """The search index over ``releases`` (the read's list), saved in ``cache_file``;
        None when the read did not give exactly these releases. The collector is spent."""
        words, self._words = self._words, None
        if not self.complete or words is None:
            return None
        built = words.built([row.id for row in releases])
        del words
        if built is None:
            return None
        return SearchIndex.built_from_words(releases, *built, cache_file, file_stamp)
