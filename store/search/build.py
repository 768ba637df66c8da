"""What the release word index is made of, and building it from the archive file in one
sequential pass over the records and bodies (no ``Release`` made).

Folding is the cost (~17 M body words at 100k releases, each looked up in Python): the pass
reads and decodes in ~2 s, the words take ~7 s of one core.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Container, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from oim_archive.store import stopping
from oim_archive.store.file.scan import each_record_and_body
from oim_archive.store.records import (
    Release,
    SearchFields,
    search_fields,
    search_fields_of_record,
)
from oim_archive.store.search.words import WordIndexBuilder

if TYPE_CHECKING:  # numpy and the index load only where one is made (not in a word pass)
    from oim_archive.store.search.index import WordIndex

# Where a collector with a sink hands over its big arrays: ~4 MB of term ids.
ARRAYS_TAKEN_AT = 1 << 20
# Given the big arrays of a collector, taken out of it (``WordIndexBuilder.take_arrays``).
ArraySink = Callable[[list["array[int]"]], None]

# Tier weights: title; contact names; dateline, country name, offices; body and country code.
RELEASE_TIER_WEIGHTS = (1.0, 1.0, 0.75, 0.6)


def release_tiers(release: Release) -> tuple[str, str, str, str]:
    """Raw text of each tier: title; contact names; dateline, country, offices; body + code."""
    return (*first_tiers(search_fields(release)), body_tier(release.body, release.country))


def first_tiers(fields: SearchFields) -> tuple[str, str, str]:
    """Every tier's raw text but the body's: title; contact names; dateline, country, offices."""
    names = " ".join(name for name, _ in fields.people)
    offices = [office for _, office in fields.people if office]
    middle = " ".join([fields.dateline or "", fields.country_name or "", *offices])
    return fields.title, names, middle


def body_tier(body: str, country: str | None) -> str:
    """The last tier's raw text: the body and the country code."""
    return f"{body} {country or ''}"


def indexed_fields(fields: SearchFields) -> str:
    """What the word index depends on besides title and body (which the id covers)."""
    people = "\x1e".join(f"{name}\x1d{office or ''}" for name, office in fields.people)
    return "\x1f".join(
        [fields.id, fields.dateline or "", fields.country or "", fields.country_name or "", people]
    )


def words_from_file(
    ids: Sequence[str], path: Path, stamp: tuple[int, int]
) -> tuple[WordIndex, str] | None:
    """The word index of the releases with these ids (in this order) and its fingerprint,
    from the archive file (the version with ``stamp``); None when the pass cannot be made
    (the file changed, another layout, a release the file does not hold)."""
    words = words_in_file(path, stamp, frozenset(ids))
    return None if words is None else words.built(ids)


def words_in_file(
    path: Path,
    stamp: tuple[int, int],
    keys: Container[str] | None = None,
    sink: ArraySink | None = None,
) -> FileOrderWords | None:
    """The words of the file's releases (those with ``keys`` only, when given), from one
    pass over the file (the version with ``stamp``); None when it cannot be made,
    CorruptArchiveError for a body that cannot be decoded. ``sink``: given the big arrays
    each time they hold ``ARRAYS_TAKEN_AT`` term ids (then emptied)."""
    words = FileOrderWords(sink)

    def record(key: str, data: dict[str, Any]) -> None:
        words.record(key, search_fields_of_record(data, key))

    try:
        if not each_record_and_body(path, stamp, record, words.body, keys=keys):
            return None
    except ValueError:
        return None
    return words


class FileOrderWords:
    """The word index and its fingerprint, from releases given in file order (each record,
    then later its body), before the list's order is known: each is numbered as it comes
    and renumbered when the index is made (``built``)."""

    def __init__(self, sink: ArraySink | None = None) -> None:
        self._builder = WordIndexBuilder(RELEASE_TIER_WEIGHTS)
        self._sink = sink
        self._numbers: dict[str, int] = {}  # release id -> number in file order
        self._countries: list[str | None] = []
        # Fingerprint texts, UTF-8 in one buffer, (start, end) of each: as 100k small strings
        # they left ~16 MB the final sort of the postings could not reuse.
        self._texts = bytearray()
        self._spans = array("q")
        self._bodies = bytearray()  # 1 once a release's body is added
        self._broken = False  # a release given twice, a body before its record or twice

    def record(self, key: str, fields: SearchFields) -> None:
        """The search fields of the next record (``key``: its release id)."""
        if key in self._numbers:
            self._broken = True
            return
        number = self._numbers[key] = len(self._numbers)
        self._spans.append(len(self._texts))
        self._texts.extend(indexed_fields(fields).encode("utf-8"))
        self._spans.append(len(self._texts))
        self._countries.append(fields.country)
        self._bodies.append(0)
        self._builder.add(number, 0, first_tiers(fields))

    def body(self, key: str, text: str) -> None:
        """The body of a release whose record was given (any other is left out)."""
        number = self._numbers.get(key)
        if number is None:
            return
        if self._bodies[number]:
            self._broken = True
            return
        self._bodies[number] = 1
        self._builder.add(number, 3, (body_tier(text, self._countries[number]),))
        if self._sink is not None and self._builder.term_count() >= ARRAYS_TAKEN_AT:
            self._sink(self._builder.take_arrays())

    def __getstate__(self) -> dict[str, Any]:
        """Sent to another process without its sink (see ``word_pass``)."""
        state = self.__dict__.copy()
        state["_sink"] = None
        return state

    def take_arrays(self) -> list[array[int]]:
        """The big arrays collected so far, taken out (``WordIndexBuilder.take_arrays``)."""
        return self._builder.take_arrays()

    def put_arrays(self, arrays: Sequence[array[int]]) -> None:
        """Put back every array taken out, joined (``WordIndexBuilder.put_arrays``)."""
        self._builder.put_arrays(arrays)

    @classmethod
    def merged(cls, parts: Sequence[FileOrderWords]) -> FileOrderWords:
        """The words of every part (passes over disjoint releases of one file) as one
        collector, the releases of each part after those of the parts before it; the parts
        are spent."""
        if len(parts) == 1:
            return parts[0]
        merged = cls()
        firsts = []
        for part in parts:
            stopping.check()
            first = len(merged._countries)
            firsts.append(first)
            for key, number in part._numbers.items():
                merged._broken |= merged._numbers.setdefault(key, first + number) != first + number
            merged._countries.extend(part._countries)
            shift = len(merged._texts)
            merged._spans.extend(span + shift for span in part._spans)
            merged._texts.extend(part._texts)
            merged._bodies.extend(part._bodies)
            merged._broken |= part._broken
            del part._texts, part._spans, part._numbers
        merged._builder = WordIndexBuilder.merged([part._builder for part in parts], firsts)
        return merged

    def built(self, ids: Sequence[str]) -> tuple[WordIndex, str] | None:
        """The word index of the releases with these ids (the list's order) and its
        fingerprint; None unless exactly these releases were given, each with its body.
        The collector is spent."""
        stopping.check()
        numbers = self._numbers
        if self._broken or len(ids) != len(numbers) or self._bodies.count(1) != len(ids):
            return None
        renumber = array("i", [-1]) * len(ids)
        from oim_archive.store.search import cache as search_cache

        running = search_cache.Fingerprint(repr(RELEASE_TIER_WEIGHTS))
        view = memoryview(self._texts)
        try:
            for position, key in enumerate(ids):
                number = numbers.get(key)
                if number is None or renumber[number] >= 0:  # not given, or listed twice
                    return None
                renumber[number] = position
                running.add_encoded(view[self._spans[2 * number] : self._spans[2 * number + 1]])
        finally:
            view.release()
        del self._texts, self._spans, self._countries, self._numbers
        return self._builder.build(len(ids), renumber), running.hexdigest()
