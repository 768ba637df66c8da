"""The search's rules that need no arrays: the query syntax, how a word matches the vocabulary
(exact, prefix, fuzzy), what each match and each release is worth, and the result type.

Both engines apply them: the numpy one (`index`, `engine`, `contacts`: a long-running browser,
any archive size) and the one-shot one (`lite`: a command over a saved index, without numpy).
Keeping the rules here is what makes the two rank identically.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from oim_archive.store.search.facets import country_value
from oim_archive.store.search.fold import fold

EXACT = 1.0
PREFIX = 0.8
FUZZY_BEST = 0.55
FUZZY_STEP = 0.1
# Bonus for the share of the first tier's words (title, name) the query accounts for: a short
# title made of the query words beats a long one that merely contains them. Kept below the gap
# between any two match kinds so that it only orders otherwise equal matches.
DENSITY = 0.07
MAX_FUZZY_TERMS = 24
MIN_FUZZY_LENGTH = 4
# Relevance is below this per word, so one more matched word always ranks higher.
WORD_COUNT_STEP = 100.0
PREFIX_END = "\U0010ffff"

# ``year:undated`` (or ``year:none``): releases without a date.
UNDATED = frozenset({"undated", "none"})

_FACET_KEYS = {
    "country": "country",
    "pays": "country",
    "pais": "country",
    "year": "year",
    "annee": "year",
    "ano": "year",
    "lang": "language",
    "language": "language",
    "langue": "language",
    "idioma": "language",
}
_FACET = re.compile(r"^([^\W\d_]+):(\S+)$")
_Candidate = TypeVar("_Candidate")


@dataclass(slots=True)
class Hit:
    """One search result (slotted, not frozen: a query may make 100k of them)."""

    index: int  # position in the sequence given to SearchIndex
    release_id: str
    score: float
    terms: tuple[str, ...]  # folded words that matched, for highlight_spans


@dataclass(slots=True)
class Query:
    """A parsed query: folded words plus optional facets."""

    words: list[str] = field(default_factory=list)
    country: str | None = None  # ISO code in capitals, or a folded country name
    year: str | None = None  # a year or the start of one ("20" while typing)
    language: str | None = None  # folded language code or name


def parse_query(query: str) -> Query:
    """Split a query into folded words and facet tokens (`country:SN`, `year:2021`, `lang:fr`)."""
    parsed = Query()
    for token in query.split():
        facet = _FACET.match(token)
        key = _FACET_KEYS.get(fold(facet.group(1))) if facet else None
        if facet is None or key is None:
            parsed.words.extend(fold(token).split())
            continue
        value = fold(facet.group(2))
        if not value:
            continue
        if key == "country":
            parsed.country = country_value(value)
        elif key == "year":
            parsed.year = value.replace(" ", "")
        else:
            parsed.language = value
    return parsed


def max_edits(length: int) -> int:
    """Typos tolerated in a query word of this length (OSA distance: a swap counts as one)."""
    if length < MIN_FUZZY_LENGTH:
        return 0
    return 1 if length < 8 else 2


def fuzzy_slices(
    candidates: Sequence[_Candidate],
    first_and_length: Callable[[_Candidate], tuple[str, int]],
    word: str,
) -> list[tuple[int, int]]:
    """Where to look for terms within a typo or two of ``word``, in fuzzy candidates ordered by
    (first letter, length): terms starting with the word's first or second letter (a typo in
    the very first letter is rare; the second covers a swapped or extra first letter), of a
    length within the typo budget. A few percent of the vocabulary."""
    edits = max_edits(len(word))
    if edits == 0 or word.isdigit():
        return []
    slices = []
    for first in dict.fromkeys(word[:2]):
        start = bisect_left(candidates, (first, len(word) - edits), key=first_and_length)
        end = bisect_right(candidates, (first, len(word) + edits), start, key=first_and_length)
        if start < end:
            slices.append((start, end))
    return slices


def fuzzy_quality(distance: int) -> float:
    """What a vocabulary term ``distance`` typos away from the query word is worth."""
    return FUZZY_BEST - FUZZY_STEP * (distance - 1)


def best_fuzzy(found: list[tuple[float, int]]) -> list[tuple[float, int]]:
    """The (quality, term id) pairs kept when a word reaches too many terms by typos."""
    if len(found) > MAX_FUZZY_TERMS:
        return sorted(found, reverse=True)[:MAX_FUZZY_TERMS]
    return found


def term_range(terms: Sequence[str], word: str, prefix: bool) -> tuple[int, int, bool]:
    """(first, end, exact): the term ids the word starts (all ids in a sorted vocabulary),
    or with ``prefix`` False only the word itself; ``exact`` when the word is a term."""
    first = bisect_left(terms, word)
    end = bisect_left(terms, word + PREFIX_END, first)
    exact = first < end and terms[first] == word
    if not prefix:
        end = first + 1 if exact else first
    return first, end, exact


def match_steps(
    weights: Sequence[float],
    first: int,
    end: int,
    exact: bool,
    fuzzy: Sequence[tuple[float, int]],
) -> list[tuple[float, int, int, int]]:
    """(value, tier, first term, end term) to give the postings of each term range, ascending:
    applied in order, the best value a document reaches is the one it keeps."""
    steps: list[tuple[float, int, int, int]] = []
    for number, weight in enumerate(weights):
        steps.extend((weight * quality, number, term, term + 1) for quality, term in fuzzy)
        if end > first + exact:
            steps.append((weight * PREFIX, number, first, end))
        if exact:
            steps.append((weight * EXACT, number, first, first + 1))
    steps.sort()
    return steps


def rarity(n_docs: int, matched_docs: int) -> float:
    """A word's weight in the relevance: rare words count more (0.5 to ~1.5)."""
    return 0.5 + math.log((n_docs + 1.0) / (matched_docs + 1.0)) / math.log(n_docs + 2.0)


def is_finished(words: Sequence[str], position: int) -> bool:
    """A lone letter before the last word is an elision ("l'", "d'") or an initial, not a word
    being typed: it is matched whole, and not highlighted."""
    return len(words[position]) == 1 and position < len(words) - 1


def slack(words: Sequence[str]) -> int:
    """Words a release may miss and still be listed: from three words on, one (a typo too far
    off should not empty the list); with one or two, none, so the list narrows as one types."""
    return 1 if len(words) >= 3 else 0


_PHONE_QUERY = re.compile(r"^[\s+().\-/\d]+$")


def digits(text: str) -> str:
    """The digits of a text (a phone number as the contact search indexes it)."""
    return re.sub(r"\D", "", text)


def phone_query_digits(query: str) -> str | None:
    """The digits of a query that is only a phone number (3+ digits), else None."""
    if not _PHONE_QUERY.match(query):
        return None
    found = digits(query)
    return found if len(found) >= 3 else None


def phone_matches(wanted: str, phones: str) -> bool:
    """Whether the digits ``wanted`` are in an entry's phones (as digits, space-separated)."""
    # A local number may be typed with its trunk zero ("032 ...") where E.164 drops it.
    local = wanted.lstrip("0")
    return wanted in phones or (len(local) >= 3 and local in phones)
