"""Search of the contact directory: by name, office, email, the digits of a phone, or the
country of the releases naming them."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

import numpy as np

from oim_archive.store.countries import COUNTRY_NAMES
from oim_archive.store.directory import DirectoryEntry
from oim_archive.store.search import cache as search_cache
from oim_archive.store.search.fold import fold
from oim_archive.store.search.index import WordIndex
from oim_archive.store.search.ranking import top_order
from oim_archive.store.search.scoring import (
    WORD_COUNT_STEP,
    digits,
    phone_matches,
    phone_query_digits,
)

CONTACT_TIER_WEIGHTS = (1.0, 0.75, 0.6)


class ContactSearch:
    """Search the contact directory by name, office, email or phone digits."""

    def __init__(
        self, entries: Sequence[DirectoryEntry], *, words: WordIndex | None = None
    ) -> None:
        """Index the entries (or reuse `words`, a word index built from them)."""
        self._count = len(entries)
        if words is None or words.n_docs != len(entries):
            words = WordIndex(map(_contact_tiers, entries), CONTACT_TIER_WEIGHTS)
        self._index = words
        self._entries = entries

    @cached_property
    def _phone_digits(self) -> list[str]:
        """Each entry's phones as digits, made on the first phone query (most never are)."""
        return [" ".join(digits(p) for p in e.phones) for e in self._entries]

    @classmethod
    def saved_or_built(
        cls,
        entries: Sequence[DirectoryEntry],
        cache_file: str | os.PathLike[str],
        file_stamp: tuple[int, int] | None,
    ) -> ContactSearch:
        """The search over `entries`, the directory of the archive file with `file_stamp`:
        its word index loaded from `cache_file` when saved from that same file, else built
        and saved there (best effort)."""
        search = cls.saved(entries, cache_file, file_stamp) if file_stamp else None
        if search is None:
            search = cls(entries)
            if file_stamp is not None:
                stamp = search_cache.fingerprint([e.name for e in entries], salt="contacts")
                search_cache.write(Path(cache_file), stamp, search._index, file_stamp)
        return search

    @classmethod
    def saved(
        cls,
        entries: Sequence[DirectoryEntry],
        cache_file: str | os.PathLike[str],
        file_stamp: tuple[int, int],
    ) -> ContactSearch | None:
        """The search over ``entries`` with its word index saved from the archive file with
        ``file_stamp``; None when none was saved from that file (or not for these entries)."""
        words, _ = search_cache.read(Path(cache_file), None, file_stamp)
        if words is None or words.n_docs != len(entries):
            return None
        return cls(entries, words=words)

    def __len__(self) -> int:
        return self._count

    def prepare(self) -> None:
        """Make now what a first phone query would (a long-running reader, off its UI thread)."""
        _ = self._phone_digits

    def clear_cache(self) -> None:
        """Forget cached per-word results (for benchmarks timing cold queries)."""
        self._index.clear_cache()

    def search(self, query: str, limit: int | None = None) -> list[int]:
        """Indices into the entries, best first; a blank query gives all, in order."""
        if not query.strip():
            everything = list(range(self._count))
            return everything if limit is None else everything[:limit]
        wanted = phone_query_digits(query)
        if wanted is not None:
            found = [
                i for i, phones in enumerate(self._phone_digits) if phone_matches(wanted, phones)
            ]
            return found if limit is None else found[:limit]
        words = fold(query).split()
        count, relevance, _ = self._index.score(words)
        score = count * WORD_COUNT_STEP + relevance
        chosen = np.flatnonzero(count > 0)
        rounded = np.round(score[chosen] * 1000.0).astype(np.int64)
        key = rounded * (self._count + 1) - chosen
        return list(chosen[top_order(key, limit)].tolist())


def _contact_tiers(entry: DirectoryEntry) -> tuple[str, str, str]:
    """Raw text of each tier: name; offices; emails, phone digits and the names (in English,
    French and Spanish) of the countries of the releases naming them ("who to call in
    Haiti" finds the press officer in Port-au-Prince)."""
    offices = " ".join([entry.office or "", *entry.offices])
    phones = " ".join(digits(p) for p in entry.phones)
    countries = " ".join(
        name for code in entry.countries for name in COUNTRY_NAMES.get(code, {}).values()
    )
    return entry.name, offices, f"{' '.join(entry.emails)} {phones} {countries}"
