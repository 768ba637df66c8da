"""The word index behind release and contact search.

Each document is given as a few raw texts, one per *tier* (e.g. title and contact names, then
dateline/country/offices, then the body); each distinct whitespace token is folded once. The
index keeps one sorted vocabulary and, per tier, the posting lists in CSR form (one flat int32
array of document numbers plus one offset per term). Because the vocabulary is sorted, every
term starting with a prefix is one contiguous range of term ids, hence one contiguous slice of
postings: a one-letter prefix costs one numpy assignment, not thousands of list merges.

A query word becomes a score vector over all documents (cached, so typing the next letter only
recomputes the last word): exact term > prefix > fuzzy (rapidfuzz OSA distance against the
vocabulary terms of a similar length that share the first or second letter), each multiplied by
the tier's weight; the best value wins.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import process
from rapidfuzz.distance import OSA

from oim_archive.store.search.scoring import (
    DENSITY,
    MIN_FUZZY_LENGTH,
    PREFIX,
    best_fuzzy,
    fuzzy_quality,
    fuzzy_slices,
    is_finished,
    match_steps,
    max_edits,
    rarity,
    term_range,
)
from oim_archive.store.search.words import WordIndexBuilder

if TYPE_CHECKING:
    from oim_archive.store.search.words import BuiltTier

_CACHE_SIZE = 48


@dataclass(frozen=True, slots=True)
class WordMatch:
    """How one query word matched the vocabulary."""

    vector: NDArray[Any]  # float32 score per document, 0 where the word did not match
    fuzzy_terms: tuple[str, ...]  # vocabulary terms reached only by fuzzy matching
    matched_docs: int


def _first_and_length(term: str) -> tuple[str, int]:
    return term[0], len(term)


class _Tier:
    """Posting lists of one tier in CSR form."""

    __slots__ = ("offsets", "postings", "weight")

    def __init__(self, weight: float, offsets: NDArray[Any], postings: NDArray[Any]) -> None:
        self.weight = weight
        self.offsets = offsets
        self.postings = postings

    def slice(self, first_term: int, end_term: int) -> NDArray[Any]:
        return self.postings[self.offsets[first_term] : self.offsets[end_term]]


class WordIndex:
    """Sorted vocabulary plus per-tier postings over a fixed list of documents."""

    n_docs: int
    terms: list[str]
    first_tier_sizes: NDArray[Any]
    tiers: list[_Tier]
    _fuzzy_ids: NDArray[Any]
    _fuzzy_terms: list[str]
    _cache: OrderedDict[tuple[str, bool], WordMatch]
    _lock: threading.Lock

    def __init__(self, documents: Iterable[Sequence[str]], weights: Sequence[float]) -> None:
        """`documents` yields, per document, one raw text per tier; weights must decrease.

        A word is indexed in the first (heaviest) tier that holds it only: the same word in a
        lighter tier would always score less, so its postings there could never change a result.
        """
        builder = WordIndexBuilder(weights)
        add = builder.add
        n_docs = 0
        for texts in documents:
            add(n_docs, 0, texts)
            n_docs += 1
        builder.finish(self, n_docs)

    def to_arrays(self) -> dict[str, NDArray[Any]]:
        """Everything needed to rebuild this index without folding again (see `from_arrays`)."""
        arrays: dict[str, NDArray[Any]] = {
            "terms": np.frombuffer("\0".join(self.terms).encode("utf-8"), dtype=np.uint8),
            "fuzzy_ids": self._fuzzy_ids,
            "n_docs": np.array([self.n_docs], dtype=np.int64),
            "first_tier_sizes": self.first_tier_sizes,
            "weights": np.array([tier.weight for tier in self.tiers], dtype=np.float64),
        }
        for number, tier in enumerate(self.tiers):
            arrays[f"offsets{number}"] = tier.offsets
            arrays[f"postings{number}"] = tier.postings
        return arrays

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, NDArray[Any]]) -> WordIndex:
        """The index saved by `to_arrays`; KeyError/ValueError when the arrays do not fit."""
        index = cls.__new__(cls)
        blob = arrays["terms"].tobytes().decode("utf-8")
        index.terms = blob.split("\0") if blob else []
        index.n_docs = int(arrays["n_docs"][0])
        index.first_tier_sizes = arrays["first_tier_sizes"]
        if len(index.first_tier_sizes) != index.n_docs:
            raise ValueError("first tier sizes do not match the documents")
        index.tiers = []
        for number, weight in enumerate(arrays["weights"].tolist()):
            offsets, postings = arrays[f"offsets{number}"], arrays[f"postings{number}"]
            if len(offsets) != len(index.terms) + 1 or int(offsets[-1]) != len(postings):
                raise ValueError("postings do not match the vocabulary")
            if len(postings) and int(postings.max()) >= index.n_docs:
                raise ValueError("postings point past the documents")
            index.tiers.append(_Tier(float(weight), offsets, postings))
        index._fuzzy_ids = arrays["fuzzy_ids"]
        if len(index._fuzzy_ids) and int(index._fuzzy_ids.max()) >= len(index.terms):
            raise ValueError("fuzzy list points past the vocabulary")
        index._fuzzy_terms = [index.terms[i] for i in index._fuzzy_ids.tolist()]
        index._cache = OrderedDict()
        index._lock = threading.Lock()
        return index

    def set_contents(
        self,
        n_docs: int,
        terms: list[str],
        first_tier_sizes: NDArray[Any],
        tiers: Sequence[BuiltTier],
    ) -> None:
        """Take what a ``WordIndexBuilder`` made (sorted vocabulary, postings per tier)."""
        self.n_docs = n_docs
        self.terms = terms
        self.first_tier_sizes = first_tier_sizes
        self.tiers = [_Tier(weight, offsets, postings) for weight, offsets, postings in tiers]
        self._build_fuzzy_lists()
        self._cache = OrderedDict()
        self._lock = threading.Lock()

    def _build_fuzzy_lists(self) -> None:
        # Fuzzy candidates: words (not numbers) of 3+ characters, ordered by first letter, then
        # length, so "same first letter, length within the typo budget" is one contiguous slice.
        terms = self.terms
        candidates = [
            i for i, t in enumerate(terms) if len(t) >= MIN_FUZZY_LENGTH - 1 and not t.isdigit()
        ]
        candidates.sort(key=lambda i: (terms[i][0], len(terms[i])))
        self._fuzzy_ids = np.asarray(candidates, dtype=np.int32)
        self._fuzzy_terms = [terms[i] for i in candidates]

    def match(self, word: str, *, prefix: bool = True) -> WordMatch:
        """Score vector of one folded query word (cached); `prefix=False`: whole words only."""
        key = (word, prefix)
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return cached
        result = self._compute(word, prefix)
        with self._lock:
            self._cache[key] = result
            while len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        return result

    def clear_cache(self) -> None:
        """Forget cached word vectors (benchmarks use this to time cold queries)."""
        with self._lock:
            self._cache.clear()

    def _fuzzy(self, word: str) -> list[tuple[float, int]]:
        """(quality, term id) of vocabulary terms within a typo or two of the word."""
        edits = max_edits(len(word))
        found: list[tuple[float, int]] = []
        for start, end in fuzzy_slices(self._fuzzy_terms, _first_and_length, word):
            distances = process.cdist(
                [word],
                self._fuzzy_terms[start:end],
                scorer=OSA.distance,
                score_cutoff=edits,
                dtype=np.uint8,
                workers=1,
            )[0]
            for hit in np.flatnonzero(distances <= edits).tolist():
                quality = fuzzy_quality(int(distances[hit]))
                found.append((quality, int(self._fuzzy_ids[start + hit])))
        return best_fuzzy(found)

    def _compute(self, word: str, prefix: bool) -> WordMatch:
        vector = np.zeros(self.n_docs, dtype=np.float32)
        first, end, exact = term_range(self.terms, word, prefix)
        fuzzy = [(q, t) for q, t in self._fuzzy(word) if not (first <= t < end)]
        weights = [tier.weight for tier in self.tiers]
        steps = match_steps(weights, first, end, exact, fuzzy)
        for value, number, a, b in steps:
            docs = self.tiers[number].slice(a, b)
            if len(docs):
                vector[docs] = value
        return WordMatch(
            vector=vector,
            fuzzy_terms=tuple(self.terms[t] for _, t in sorted(fuzzy, reverse=True)),
            matched_docs=int(np.count_nonzero(vector)),
        )

    def score(self, words: Sequence[str]) -> tuple[NDArray[Any], NDArray[Any], tuple[str, ...]]:
        """(matched word count, relevance, matched terms) for a list of folded query words.

        Relevance sums each word's vector weighted by rarity (rare words count more), so within
        the same number of matched words a rare title word beats a common body word.
        """
        count = np.zeros(self.n_docs, dtype=np.int16)
        relevance = np.zeros(self.n_docs, dtype=np.float32)
        first_tier_hits = np.zeros(self.n_docs, dtype=np.int16)
        first_weight = self.tiers[0].weight if self.tiers else 1.0
        terms: list[str] = []
        for position, word in enumerate(words):
            finished = is_finished(words, position)
            match = self.match(word, prefix=not finished)
            count += match.vector > 0
            relevance += match.vector * np.float32(rarity(self.n_docs, match.matched_docs))
            first_tier_hits += match.vector >= first_weight * PREFIX
            if not finished:  # highlighting marks word starts: a lone "d" would mark too much
                terms.append(word)
            terms.extend(match.fuzzy_terms)
        if len(words):
            share = np.minimum(first_tier_hits / self.first_tier_sizes, 1.0)
            relevance += (DENSITY * share).astype(np.float32)
        return count, relevance, tuple(dict.fromkeys(terms))
