"""What the release word index is made of, and building it from the archive file in one
sequential pass over the records and bodies (no ``Release`` made).

Folding is the cost (~17 M body words at 100k releases, each looked up in Python): the pass
reads and decodes in ~2 s, the words take ~7 s of one core.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from oim_archive.store.file.scan import each_record_and_body
from oim_archive.store.records import Release, SearchFields, search_fields, search_fields_of_record
from oim_archive.store.search import cache as search_cache
from oim_archive.store.search.index import WordIndex, WordIndexBuilder

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
    builder = WordIndexBuilder(RELEASE_TIER_WEIGHTS)
    folded = _fold(builder, path, stamp, ids)
    if folded is None:
        return None
    texts, spans = folded
    running = search_cache.Fingerprint(repr(RELEASE_TIER_WEIGHTS))
    view = memoryview(texts)
    for number in range(len(ids)):
        running.add_encoded(view[spans[2 * number] : spans[2 * number + 1]])
    view.release()
    del texts, spans
    return builder.build(len(ids)), running.hexdigest()


def _fold(
    builder: WordIndexBuilder, path: Path, stamp: tuple[int, int], ids: Sequence[str]
) -> tuple[bytearray, array[int]] | None:
    """Add the words of every release to ``builder``; their fingerprint texts (UTF-8, one
    buffer) and where each release's is (start, end), or None when the file does not hold
    them all. Records come in file order, not list order, so the texts wait for the end: as
    100k small strings they left ~16 MB the final sort of the postings could not reuse."""
    position = {key: number for number, key in enumerate(ids)}
    texts = bytearray()
    spans = array("q", bytes(16 * len(ids)))
    countries: list[str | None] = [None] * len(ids)
    seen = bytearray(len(ids))  # 1 once a release's record is folded, 2 once its body is

    def record(key: str, data: dict[str, Any]) -> None:
        number = position[key]
        if seen[number]:
            raise ValueError("a release listed twice")
        fields = search_fields_of_record(data, key)
        spans[2 * number] = len(texts)
        texts.extend(indexed_fields(fields).encode("utf-8"))
        spans[2 * number + 1] = len(texts)
        seen[number] = 1
        countries[number] = fields.country
        builder.add(number, 0, first_tiers(fields))

    def body(key: str, text: str) -> None:
        number = position[key]
        if seen[number] != 1:
            raise ValueError("a body before its record, or twice")
        seen[number] = 2
        builder.add(number, 3, (body_tier(text, countries[number]),))

    try:
        if not each_record_and_body(path, stamp, record, body, keys=position):
            return None
    except (KeyError, ValueError):
        return None
    if seen.count(2) != len(ids):
        return None
    return texts, spans
