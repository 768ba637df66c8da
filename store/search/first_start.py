"""A first start (no saved index): the search index's words are collected while the
archive file is checked, so that the index need not read and decode the whole file again
(~2–4 s at 100k releases).

``FirstStartPass`` is the ``ScanVisitor`` the read is given; ``WordPasses`` adds word passes
in other processes (``word_pass``) on a big archive, the read then collecting a small share.
After the read, ``index`` makes the search index in the list's order (known only once every
record is read). None when the words are not exactly those of the listed releases (another
layout, a version read before, a failed pass): the caller then builds the index as before.

The contact directory is not collected here: kept for every release until the index is
made, its contacts were ~50 MB more at the index's peak of memory (100k releases, each
naming its own people); it comes from one pass over the records after the index.
"""

from __future__ import annotations

import os
import weakref
from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path

from oim_archive.store.file.scan import ScanVisitor
from oim_archive.store.records import Listed, Release, search_fields
from oim_archive.store.search.build import FileOrderWords
from oim_archive.store.search.engine import SearchIndex
from oim_archive.store.search.word_pass import KeyShare, WordPass
from oim_archive.workers import pool_context, start_fork_server

# From this archive size on, the words are collected by passes in other processes (each
# start costs ~0.3 s of CPU importing the search code): ~5,000 releases.
PASSES_FROM_BYTES = 8_000_000
# Passes at most, whatever the cores: each holds the vocabulary of its share (one pass over
# 7/8 of 100k releases peaks at ~110 MB).
MOST_PASSES = 3


class FirstStartWords(ABC):
    """What collects the words of a first start's read for the search index."""

    @property
    @abstractmethod
    def visitor(self) -> ScanVisitor | None:
        """What the checked read is to give what it decodes, if anything."""

    @property
    @abstractmethod
    def complete(self) -> bool:
        """Whether the words of the whole file were (or are being) collected."""

    @abstractmethod
    def cancel(self) -> None:
        """Stop collecting (the read failed or was replaced)."""

    @abstractmethod
    def collected(self, file_stamp: tuple[int, int]) -> FileOrderWords | None:
        """Every word collected from the file with ``file_stamp`` (the version the read
        checked); None when they are not all there. The collector is spent."""

    def index(
        self,
        releases: Sequence[Listed],
        cache_file: str | os.PathLike[str],
        file_stamp: tuple[int, int],
    ) -> SearchIndex | None:
        """The search index over ``releases`` (the read's list), saved in ``cache_file``;
        None when the words collected are not exactly theirs. The collector is spent."""
        words = self.collected(file_stamp)
        if words is None:
            return None
        built = words.built([row.id for row in releases])
        del words
        if built is None:
            return None
        return SearchIndex.built_from_words(releases, *built, cache_file, file_stamp)


def first_start_words(
    path: Path, stamp: tuple[int, int] | None, *, list_first: bool = False
) -> FirstStartWords:
    """The collector of a first start: passes over the file in other processes when the
    archive is big and the machine has a core to spare, else the read's own words.
    ``list_first``: the reading process lists the releases (and indexes their titles)
    before it reads the file, so its own share of the words is smaller."""
    passes = min(_cores() - 1, MOST_PASSES)
    if stamp is None or passes < 1 or stamp[1] < PASSES_FROM_BYTES:
        return FirstStartPass()
    try:
        return WordPasses(path, stamp, passes, own_share=1 / 8 if list_first else 1 / 4)
    except OSError:  # no process could be started
        return FirstStartPass()


def _cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class FirstStartPass(FirstStartWords):
    """Collects, from one checked read, the words of every release (of ``share`` only, when
    given: passes in other processes collect the others)."""

    def __init__(self, share: KeyShare | None = None) -> None:
        self._words: FileOrderWords | None = FileOrderWords()
        self._share = share
        self._complete = False  # the read gave the whole file, then called ``done``

    @property
    def complete(self) -> bool:
        """Whether the read gave the whole file."""
        return self._complete

    @property
    def visitor(self) -> ScanVisitor:
        """The read gives this collector what it decodes."""
        return self

    def cancel(self) -> None:
        """Forget the words collected."""
        self._words = None

    def record(self, key: str, release: Release) -> None:
        """A checked record (ScanVisitor)."""
        # By the release's id: the very string its list row keeps (the key is another copy,
        # ~10 MB more for 100k releases).
        if self._words is not None and (self._share is None or release.id in self._share):
            self._words.record(release.id, search_fields(release))

    def body(self, key: str, text: str) -> None:
        """A decoded body (ScanVisitor)."""
        if self._words is not None:
            self._words.body(key, text)

    def done(self) -> None:
        """The whole file was checked (ScanVisitor)."""
        self._complete = True

    def collected(self, file_stamp: tuple[int, int] | None = None) -> FileOrderWords | None:
        """The words collected, once the read gave the whole file (the read's own version:
        ``file_stamp`` is not looked at); the collector is spent."""
        words, self._words = self._words, None
        return words if self._complete else None


class WordPasses(FirstStartWords):
    """The words of the archive file collected by passes in other processes, each over one
    share of the releases (``word_pass``), started before the read and taken when the index
    is made; the read itself collects a small share: at 100k releases the words are ~9 s of
    one core, the read ~4 s."""

    def __init__(
        self, path: Path, stamp: tuple[int, int], count: int, own_share: float = 1 / 4
    ) -> None:
        self.stamp = stamp
        # The read itself collects a share (``own_share`` of one pass's): it is done before
        # the passes otherwise (at 100k releases ~4.4 s against ~8 s, on one core each).
        own = int(KeyShare.SHARES * own_share / count)
        self._own = FirstStartPass(KeyShare(0, own))
        self._passes: list[WordPass] = []
        # Passes still running when this is dropped (a read replaced) or at exit stop.
        self._stop = weakref.finalize(self, _stop_passes, self._passes)
        context = pool_context()
        start_fork_server()
        for share in KeyShare.split(count, start=own):
            try:
                self._passes.append(WordPass(context, path, stamp, share))
            except BaseException:
                self.cancel()
                raise

    @property
    def visitor(self) -> ScanVisitor:
        """The read gives its words to the reading process's own share."""
        return self._own

    @property
    def complete(self) -> bool:
        """Whether the read gave the whole file (the passes check it themselves)."""
        return self._own.complete

    def collected(self, file_stamp: tuple[int, int]) -> FileOrderWords | None:
        """The words of the read's share and of every pass, as one; None when a pass failed
        or the passes read another version of the file than ``file_stamp``."""
        if file_stamp != self.stamp:
            self.cancel()
            return None
        own = self._own.collected()
        if own is None:
            self.cancel()
            return None
        try:
            parts = [own, *(one.words() for one in self._passes)]
        finally:  # stopped while waiting for a pass too
            self._stop()
        del own
        words = [part for part in parts if part is not None]
        if len(words) != len(parts):
            return None
        del parts
        return FileOrderWords.merged(words)

    def cancel(self) -> None:
        """Stop the passes still running."""
        self._own.cancel()
        self._stop()


def _stop_passes(passes: list[WordPass]) -> None:
    for one in passes:
        one.stop()
    passes.clear()
