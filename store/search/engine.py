"""Search over releases and contacts: folded, typo-tolerant, ranked; one engine for CLI and browser.

Query syntax: words in any order (accents, case and punctuation ignored; a word may be cut short
or carry a typo), plus facet tokens `country:SN` (or a country name, `country:senegal`),
`year:2021` and `lang:fr`. Ranking: releases matching more query words first; then title and
contact-name hits above dateline/country/office hits above body hits, exact words above word
starts above fuzzy matches, rare words weighing more than common ones; ties newest first.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import orjson
from numpy.typing import NDArray

from oim_archive.store.records import (
    Listed,
    Release,
    search_fields,
    sort_newest_first,
)
from oim_archive.store.search import cache as search_cache
from oim_archive.store.search.build import (
    RELEASE_TIER_WEIGHTS,
    body_tier,
    first_tiers,
    indexed_fields,
    release_tiers,
    words_from_file,
)
from oim_archive.store.search.facets import country_codes, country_names, language_codes
from oim_archive.store.search.fold import fold, highlight_spans
from oim_archive.store.search.index import WordIndex
from oim_archive.store.search.ranking import Facet, Ranking, from_json_array, json_array
from oim_archive.store.search.scoring import (
    UNDATED,
    WORD_COUNT_STEP,
    Hit,
    Query,
    parse_query,
    slack,
)
from oim_archive.store.stopping import check, checked

__all__ = [
    "Hit",
    "Query",
    "Ranking",
    "SearchIndex",
    "fold",
    "highlight_spans",
    "parse_query",
]

# Saved beside the word index: the releases' ids in index order (then their date order, facets).
_SAVED_IDS = "list_ids"


class SearchIndex:
    """Everything needed to search a fixed list of releases, built once per archive load."""

    # False for an index of the list fields only (`of_list_fields`): no body, no contacts.
    complete = True

    def __init__(
        self,
        releases: Sequence[Release],
        *,
        words: WordIndex | None = None,
        whole: Callable[[], Iterable[Release]] | None = None,
    ) -> None:
        """Fold and index the releases (or reuse `words`, a word index built from them).

        `whole` gives the releases whole, in the same order, one at a time (listed releases
        read from the archive file as they are indexed)."""
        if words is None or words.n_docs != len(releases):
            documents = map(release_tiers, checked(releases if whole is None else whole()))
            words = WordIndex(documents, RELEASE_TIER_WEIGHTS)
        self._setup(releases, words)

    def _setup(self, releases: Sequence[Listed], words: WordIndex) -> None:
        """Facets and date order from the list fields; the words from `words`."""
        self._ids = [r.id for r in releases]
        self._index = words
        n = len(self._ids)
        # Rank of each release in newest-first order (undated last; stable on the given order).
        dates = [r.date for r in releases]
        newest_first = list(range(n))
        sort_newest_first(newest_first, date=dates.__getitem__, title=None)
        self._date_rank: NDArray[Any] = np.empty(n, dtype=np.int64)
        self._date_rank[np.asarray(newest_first, dtype=np.int64)] = np.arange(n, dtype=np.int64)
        self._countries = Facet([(r.country or "").upper() for r in releases])
        self._country_names = country_names(releases)
        self._years = Facet([(date or "")[:4] for date in dates])
        self._languages = Facet([(r.language or "").lower() for r in releases])
        self._last: tuple[str, Ranking] | None = None  # the same query twice (e.g. Enter)

    @classmethod
    def of_list_fields(cls, releases: Sequence[Listed]) -> SearchIndex:
        """An index of what a list row holds (title, dateline, country), not of bodies or
        contacts: searchable within a second at 100k releases while the whole index is built
        (the first start on an archive copied without its cache)."""
        documents = (
            (r.title, "", " ".join(filter(None, (r.dateline, r.country_name))), r.country or "")
            for r in checked(releases)
        )
        index = cls.__new__(cls)
        index._setup(releases, WordIndex(documents, RELEASE_TIER_WEIGHTS))
        index.complete = False
        return index

    @classmethod
    def cached(
        cls,
        releases: Sequence[Release],
        cache_file: str | os.PathLike[str],
        file_stamp: tuple[int, int] | None = None,
        whole: Callable[[], Iterable[Release]] | None = None,
    ) -> SearchIndex:
        """Like `SearchIndex(releases)`, reusing the word index saved in `cache_file` when it was
        made from these same releases, else building it and saving it there (best effort).

        `file_stamp`, the archive file's (mtime_ns, size) the releases were read from, is saved
        with it so that `saved` can trust it later without the releases' contacts."""
        path = Path(cache_file)
        stamp = _cache_stamp(releases if whole is None else whole())
        words, same_file = search_cache.read(path, stamp, file_stamp)
        index = cls(releases, words=words, whole=whole)
        if words is None or (file_stamp is not None and not same_file):
            index._save(path, stamp, file_stamp)
        return index

    @classmethod
    def built_and_saved(
        cls,
        releases: Sequence[Release],
        whole: Iterable[Release],
        cache_file: str | os.PathLike[str],
        file_stamp: tuple[int, int] | None,
    ) -> SearchIndex:
        """Like `cached` with no saved index to reuse, in one pass over `whole` (the releases
        whole, in order) that makes both the index and its fingerprint."""
        running = search_cache.Fingerprint(repr(RELEASE_TIER_WEIGHTS))

        def documents() -> Iterator[tuple[str, ...]]:
            for release in whole:
                fields = search_fields(release)
                running.add(indexed_fields(fields))
                yield (*first_tiers(fields), body_tier(release.body, release.country))

        words = WordIndex(documents(), RELEASE_TIER_WEIGHTS)
        return cls._saved_as(releases, words, running.hexdigest(), cache_file, file_stamp)

    @classmethod
    def built_from_file(
        cls,
        releases: Sequence[Listed],
        path: Path,
        file_stamp: tuple[int, int],
        cache_file: str | os.PathLike[str],
    ) -> SearchIndex | None:
        """Like `built_and_saved`, reading the releases' records and bodies in one sequential
        pass over the archive file (the version with `file_stamp` they were listed from), in
        file order, without making a release of each (`build.words_from_file`); None when
        that pass cannot be made: the caller then builds from the releases one by one, which
        reports any damage."""
        built = words_from_file([r.id for r in releases], path, file_stamp)
        if built is None:
            return None
        words, fingerprint = built
        return cls._saved_as(releases, words, fingerprint, cache_file, file_stamp)

    @classmethod
    def built_from_words(
        cls,
        releases: Sequence[Listed],
        words: WordIndex,
        fingerprint: str,
        cache_file: str | os.PathLike[str],
        file_stamp: tuple[int, int],
    ) -> SearchIndex:
        """The index over `releases` with their word index and its fingerprint, made by
        another pass (a first start's checked read), saved in `cache_file` (best effort)."""
        return cls._saved_as(releases, words, fingerprint, cache_file, file_stamp)

    @classmethod
    def _saved_as(
        cls,
        releases: Sequence[Listed],
        words: WordIndex,
        fingerprint: str,
        cache_file: str | os.PathLike[str],
        file_stamp: tuple[int, int] | None,
    ) -> SearchIndex:
        """The index over `releases` with these words, saved in `cache_file` (best effort)."""
        index = cls.__new__(cls)
        index._setup(releases, words)
        check()
        index._save(Path(cache_file), fingerprint, file_stamp)
        return index

    @classmethod
    def saved(
        cls,
        releases: Sequence[Listed] | None,
        cache_file: str | os.PathLike[str],
        file_stamp: tuple[int, int],
    ) -> SearchIndex | None:
        """The index saved in `cache_file` from the archive file with this `file_stamp`, over
        `releases` in the order it was built (list rows suffice: no body, no contacts);
        None when there is no such saved index, or it was built over other releases.

        With `releases` None, the index stands alone: ids, date order and facets come from
        the file too (a command then reads only the list rows of its hits)."""
        path = Path(cache_file)
        arrays, _ = search_cache.read_arrays(path, None, file_stamp)
        if arrays is None:
            return None
        index = cls.__new__(cls)
        try:
            words = WordIndex.from_arrays(arrays)
            if _SAVED_IDS in arrays:
                index._setup_saved(arrays, words)
                return index if releases is None or index._same_ids(releases) else None
            if releases is None or words.n_docs != len(releases):
                return None
            fingerprint = search_cache.saved_fingerprint(arrays)
        except (KeyError, ValueError, TypeError, UnicodeDecodeError, orjson.JSONDecodeError):
            return None
        index._setup(releases, words)
        check()
        index._save(path, fingerprint, file_stamp)  # saved by an older version: add the list
        return index

    def _save(self, path: Path, fingerprint: str, file_stamp: tuple[int, int] | None) -> None:
        """Save the word index with the list fields it ranks by (best effort)."""
        listed = {
            _SAVED_IDS: json_array(self._ids),
            "list_date_rank": self._date_rank,
            "list_country_names": json_array(
                {name: sorted(codes) for name, codes in self._country_names.items()}
            ),
        }
        for name, facet in self._facets().items():
            listed[f"list_{name}_values"] = json_array(facet.values)
            listed[f"list_{name}_codes"] = facet.codes
        search_cache.write(path, fingerprint, self._index, file_stamp, extra=listed)

    def _setup_saved(self, arrays: Mapping[str, NDArray[Any]], words: WordIndex) -> None:
        """Like `_setup`, from the list fields `_save` kept (ValueError when they do not fit)."""
        ids = from_json_array(arrays[_SAVED_IDS])
        n = words.n_docs
        if not isinstance(ids, list) or len(ids) != n or not all(type(i) is str for i in ids):
            raise ValueError("saved ids do not match the index")
        self._ids = ids
        self._index = words
        self._date_rank = arrays["list_date_rank"]
        if self._date_rank.shape != (n,):
            raise ValueError("saved date order does not match the index")
        names = from_json_array(arrays["list_country_names"])
        self._country_names = {str(name): set(codes) for name, codes in names.items()}
        self._countries, self._years, self._languages = (
            Facet.saved(
                from_json_array(arrays[f"list_{name}_values"]), arrays[f"list_{name}_codes"], n
            )
            for name in ("country", "year", "language")
        )
        self._last = None

    def _facets(self) -> dict[str, Facet]:
        return {"country": self._countries, "year": self._years, "language": self._languages}

    def _same_ids(self, releases: Sequence[Listed]) -> bool:
        return len(releases) == len(self._ids) and all(
            map(str.__eq__, (r.id for r in releases), self._ids)
        )

    def __len__(self) -> int:
        return len(self._ids)

    def search(self, query: str, limit: int | None = None) -> list[Hit]:
        """Releases matching the query, best first (blank query: every release, in order)."""
        return self.rank(query).hits(limit)

    def clear_cache(self) -> None:
        """Forget cached per-word results (for benchmarks timing cold queries)."""
        self._last = None
        self._index.clear_cache()

    def rank(self, query: str) -> Ranking:
        """The same result as `search`, as a lazy sequence: Hit objects are made on access.

        At 100k releases a one-letter query matches nearly everything; making 100k Hit objects
        costs more than the search itself, so a list view should use this and read rows on demand.
        """
        last = self._last
        if last is not None and last[0] == query:
            return last[1]
        ranking = self._rank(query)
        self._last = (query, ranking)
        return ranking

    def _rank(self, query: str) -> Ranking:
        parsed = parse_query(query)
        mask = self._facet_mask(parsed)
        n = len(self._ids)
        if not parsed.words:
            chosen = np.arange(n, dtype=np.int64) if mask is None else np.flatnonzero(mask)
            return Ranking(self._ids, chosen, np.zeros(len(chosen), dtype=np.float64), ())
        count, relevance, terms = self._index.score(parsed.words)
        if mask is not None:
            count[~mask] = 0
        best = int(count.max()) if n else 0
        if best == 0:
            return Ranking(self._ids, np.empty(0, np.int64), np.empty(0, np.float64), terms)
        chosen = np.flatnonzero(count >= max(1, best - slack(parsed.words)))
        score = count[chosen] * WORD_COUNT_STEP + relevance[chosen]
        # Scores are rounded so that near-equal matches fall back to date order.
        rounded = np.round(score * 1000.0).astype(np.int64)
        key = rounded * (n + 1) - self._date_rank[chosen]
        order = np.argsort(-key, kind="stable")
        return Ranking(self._ids, chosen[order], np.round(score[order], 3), terms)

    def _facet_mask(self, query: Query) -> NDArray[Any] | None:
        masks: list[NDArray[Any]] = []
        if query.country:
            codes = country_codes(query.country, self._country_names)
            masks.append(self._countries.mask(codes))
        if query.year in UNDATED:
            masks.append(self._years.mask([""]))
        elif query.year:
            year = query.year
            masks.append(self._years.mask(v for v in self._years.values if v.startswith(year)))
        if query.language:
            masks.append(self._languages.mask(language_codes(query.language)))
        if not masks:
            return None
        combined = masks[0].copy()
        for m in masks[1:]:
            combined &= m
        return combined


def _cache_stamp(releases: Iterable[Release]) -> str:
    """Fingerprint of everything the word index is made from (and of how it is made)."""
    fields = map(indexed_fields, map(search_fields, releases))
    return search_cache.fingerprint(fields, salt=repr(RELEASE_TIER_WEIGHTS))
