"""One query over a saved index, without numpy: what a one-shot command (``oim-archive search``,
``contacts QUERY``) needs, in a fraction of numpy's own import time.

It applies the same rules as the numpy engine (`scoring`), on the documents a query reaches
only, and rounds exactly where numpy does (the vectors hold float32), so both rank the same
releases in the same order with the same scores. A query that reaches too many postings (one
letter over a large archive) raises `TooBroad`, anything unexpected in the file a ValueError
(`SavedFormatError`): the caller then uses the numpy engine, which gives the same answer.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import orjson
from rapidfuzz.distance import OSA

from oim_archive.store.search.facets import country_codes, language_codes
from oim_archive.store.search.fold import fold
from oim_archive.store.search.npz import SavedArrays, SavedFormatError
from oim_archive.store.search.scoring import (
    DENSITY,
    PREFIX,
    UNDATED,
    WORD_COUNT_STEP,
    Hit,
    best_fuzzy,
    fuzzy_quality,
    fuzzy_slices,
    is_finished,
    match_steps,
    max_edits,
    parse_query,
    phone_query_digits,
    rarity,
    slack,
    term_range,
)

__all__ = ["LiteContactSearch", "LiteSearch", "saved_contact_matches", "saved_hits"]

_Search = TypeVar("_Search", "LiteSearch", "LiteContactSearch")
_Answer = TypeVar("_Answer")

# Postings one query may read before the numpy engine is the quicker way.
MAX_POSTINGS = 400_000


class TooBroad(Exception):
    """The query reaches more postings than a pure-Python pass should read."""


def _float32(value: float) -> float:
    return array("f", (value,))[0]


class _Words:
    """The word index of a saved file, read on demand: the vocabulary whole, postings by slice."""

    def __init__(self, saved: SavedArrays) -> None:
        self._saved = saved
        blob = saved.read("terms").tobytes().decode("utf-8")
        self.terms = blob.split("\0") if blob else []
        self.n_docs = int(saved.read("n_docs")[0])
        self.weights = [float(w) for w in saved.read("weights")]
        self._fuzzy_ids = saved.read("fuzzy_ids")
        if len(self._fuzzy_ids) and max(self._fuzzy_ids) >= len(self.terms):
            raise SavedFormatError("fuzzy list points past the vocabulary")
        for number in range(len(self.weights)):
            offsets, postings = f"offsets{number}", f"postings{number}"
            if saved.length(offsets) != len(self.terms) + 1 or saved.slice(
                offsets, len(self.terms), len(self.terms) + 1
            )[0] != saved.length(postings):
                raise SavedFormatError("postings do not match the vocabulary")
        self._budget = 0  # postings the query being scored may still read

    def first_tier_sizes(self) -> array[Any]:
        sizes = self._saved.read("first_tier_sizes")
        if len(sizes) != self.n_docs:
            raise SavedFormatError("first tier sizes do not match the documents")
        return sizes

    def _postings(self, tier: int, first_term: int, end_term: int) -> Sequence[int]:
        offsets = f"offsets{tier}"
        start = int(self._saved.slice(offsets, first_term, first_term + 1)[0])
        end = int(self._saved.slice(offsets, end_term, end_term + 1)[0])
        self._budget -= max(0, end - start)
        if self._budget < 0:
            raise TooBroad
        docs = self._saved.slice(f"postings{tier}", start, end)
        if len(docs) != max(0, end - start) or (len(docs) and max(docs) >= self.n_docs):
            raise SavedFormatError("postings point past the documents")
        return docs

    def _fuzzy(self, word: str) -> list[tuple[float, int]]:
        terms, ids, edits = self.terms, self._fuzzy_ids, max_edits(len(word))
        found: list[tuple[float, int]] = []
        for start, end in fuzzy_slices(ids, lambda i: (terms[i][0], len(terms[i])), word):
            for position in range(start, end):
                term = int(ids[position])
                distance = OSA.distance(word, terms[term], score_cutoff=edits)
                if distance <= edits:
                    found.append((fuzzy_quality(distance), term))
        return best_fuzzy(found)

    def match(self, word: str, prefix: bool) -> tuple[dict[int, float], tuple[str, ...]]:
        """The documents a folded query word reaches, with the float32 value numpy's vector
        holds for each, and the terms reached by typos only."""
        first, end, exact = term_range(self.terms, word, prefix)
        fuzzy = [(q, t) for q, t in self._fuzzy(word) if not (first <= t < end)]
        vector: dict[int, float] = {}
        for value, tier, a, b in match_steps(self.weights, first, end, exact, fuzzy):
            docs = self._postings(tier, a, b)
            if len(docs):
                vector.update(dict.fromkeys(docs, _float32(value)))
        return vector, tuple(self.terms[t] for _, t in sorted(fuzzy, reverse=True))

    def score(
        self, words: Sequence[str]
    ) -> tuple[dict[int, int], dict[int, float], tuple[str, ...]]:
        """Like `WordIndex.score`, for the documents matching at least one word only."""
        self._budget = MAX_POSTINGS
        count: dict[int, int] = {}
        relevance: dict[int, float] = {}
        first_tier_hits: dict[int, int] = {}
        threshold = _float32((self.weights[0] if self.weights else 1.0) * PREFIX)
        terms: list[str] = []
        for position, word in enumerate(words):
            finished = is_finished(words, position)
            vector, fuzzy_terms = self.match(word, prefix=not finished)
            weight = _float32(rarity(self.n_docs, len(vector)))
            docs = list(vector)
            products = array("f", [value * weight for value in vector.values()])
            sums = array(
                "f", [relevance.get(d, 0.0) + p for d, p in zip(docs, products, strict=True)]
            )
            relevance.update(zip(docs, sums, strict=True))
            for doc, value in vector.items():
                count[doc] = count.get(doc, 0) + 1
                if value >= threshold:
                    first_tier_hits[doc] = first_tier_hits.get(doc, 0) + 1
            if not finished:
                terms.append(word)
            terms.extend(fuzzy_terms)
        if words and first_tier_hits:
            sizes = self.first_tier_sizes()
            docs = list(first_tier_hits)
            bonus = array("f", [DENSITY * min(first_tier_hits[d] / sizes[d], 1.0) for d in docs])
            sums = array("f", [relevance[d] + b for d, b in zip(docs, bonus, strict=True)])
            relevance.update(zip(docs, sums, strict=True))
        return count, relevance, tuple(dict.fromkeys(terms))


def _ranked(
    count: dict[int, int],
    relevance: dict[int, float],
    chosen: Iterable[int],
    tiebreak: Sequence[int],
) -> list[tuple[int, float]]:
    """(document, score) best first, as the numpy engines order them: scores rounded to three
    decimals so near-equal matches fall back to ``tiebreak`` (smaller first), then position."""
    scored = [(d, count[d] * WORD_COUNT_STEP + relevance.get(d, 0.0)) for d in sorted(chosen)]
    step = len(tiebreak) + 1
    key = {d: round(score * 1000.0) * step - tiebreak[d] for d, score in scored}
    scored.sort(key=lambda pair: -key[pair[0]])
    return [(d, round(score * 1000.0) / 1000.0) for d, score in scored]


def _open(path: Path, file_stamp: tuple[int, int]) -> SavedArrays | None:
    """The saved file when it was saved from the archive file with ``file_stamp``."""
    try:
        saved = SavedArrays(path)
    except (OSError, SavedFormatError):
        return None
    try:
        if "file_stamp" in saved and list(saved.read("file_stamp")) == list(file_stamp):
            return saved
    except (KeyError, SavedFormatError):
        pass
    saved.close()
    return None


class LiteSearch:
    """Release search over the index saved from the archive file with a given stamp."""

    def __init__(self, saved: SavedArrays) -> None:
        self._words = _Words(saved)
        n = self._words.n_docs
        self.ids = orjson.loads(saved.read("list_ids").tobytes())
        if not isinstance(self.ids, list) or len(self.ids) != n:
            raise SavedFormatError("saved ids do not match the index")
        self._date_rank = saved.read("list_date_rank")
        names = orjson.loads(saved.read("list_country_names").tobytes())
        self._country_names = {str(name): set(codes) for name, codes in names.items()}
        self._facets = {}
        for name in ("country", "year", "language"):
            values = orjson.loads(saved.read(f"list_{name}_values").tobytes())
            codes = saved.read(f"list_{name}_codes")
            if len(codes) != n or (n and not 0 <= min(codes) <= max(codes) < len(values)):
                raise SavedFormatError("saved facet codes do not match its values")
            self._facets[name] = (values, codes)
        if len(self._date_rank) != n:
            raise SavedFormatError("saved date order does not match the index")

    def search(self, query: str, limit: int | None = None) -> list[Hit]:
        """What `SearchIndex.search` gives (TooBroad / SavedFormatError: ask it instead)."""
        parsed = parse_query(query)
        allowed = self._allowed(parsed.country, parsed.year, parsed.language)
        shown = None if limit is None else max(0, limit)
        if not parsed.words:
            chosen = range(len(self.ids)) if allowed is None else sorted(allowed)
            return [Hit(d, self.ids[d], 0.0, ()) for d in list(chosen)[:shown]]
        count, relevance, terms = self._words.score(parsed.words)
        if allowed is not None:
            count = {d: c for d, c in count.items() if d in allowed}
        best = max(count.values(), default=0)
        need = max(1, best - slack(parsed.words))
        chosen = [d for d, c in count.items() if c >= need]
        ranked = _ranked(count, relevance, chosen, self._date_rank)
        return [Hit(d, self.ids[d], score, terms) for d, score in ranked[:shown]]

    def _allowed(
        self, country: str | None, year: str | None, language: str | None
    ) -> set[int] | None:
        """The documents the query's facets let through (None: no facet)."""
        wanted: list[tuple[str, set[str]]] = []
        if country:
            wanted.append(("country", country_codes(country, self._country_names)))
        if year in UNDATED:
            wanted.append(("year", {""}))
        elif year:
            wanted.append(("year", {v for v in self._facets["year"][0] if v.startswith(year)}))
        if language:
            wanted.append(("language", set(language_codes(language))))
        allowed: set[int] | None = None
        for name, accepted in wanted:
            values, codes = self._facets[name]
            numbers = {i for i, value in enumerate(values) if value in accepted}
            docs = {d for d, code in enumerate(codes) if code in numbers}
            allowed = docs if allowed is None else allowed & docs
        return allowed


class LiteContactSearch:
    """Contact search by words over the saved contact index (phone queries: see ContactSearch)."""

    def __init__(self, saved: SavedArrays) -> None:
        self._words = _Words(saved)

    def search(self, query: str, limit: int | None = None) -> list[int]:
        """What `ContactSearch.search` gives for a query of words (not blank, not a phone)."""
        count, relevance, _ = self._words.score(fold(query).split())
        chosen = [d for d, c in count.items() if c > 0]
        ranked = _ranked(count, relevance, chosen, range(self._words.n_docs))
        return [d for d, _ in ranked[: None if limit is None else max(0, limit)]]


def _answer(
    kind: Callable[[SavedArrays], _Search],
    path: Path,
    file_stamp: tuple[int, int],
    ask: Callable[[_Search], _Answer],
) -> _Answer | None:
    """What ``ask`` gets from the search of ``kind`` over the index saved in ``path`` from the
    archive file with ``file_stamp``; None when it cannot answer (no such index, a broad
    query, any doubt about the file)."""
    saved = _open(path, file_stamp)
    if saved is None:
        return None
    with saved:
        try:
            return ask(kind(saved))
        except (KeyError, ValueError, UnicodeDecodeError, TooBroad):
            return None


def saved_hits(
    path: Path, file_stamp: tuple[int, int], query: str, limit: int | None
) -> list[Hit] | None:
    """`LiteSearch.search` over the saved index (None: ask `SearchIndex` instead)."""
    return _answer(LiteSearch, path, file_stamp, lambda search: search.search(query, limit))


def saved_contact_matches(
    path: Path, file_stamp: tuple[int, int], query: str, limit: int | None = None
) -> list[int] | None:
    """Like `saved_hits`, the contacts a query of words matches (None: ask ContactSearch)."""
    if not query.strip() or phone_query_digits(query) is not None:
        return None
    return _answer(LiteContactSearch, path, file_stamp, lambda search: search.search(query, limit))
