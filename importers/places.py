"""Country of a release from a gazetteer (countries, aliases, demonyms, cities in fr/en/es)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress

from oim_archive.store.countries import COUNTRY_NAMES

from .resources import read_tsv

WORD = re.compile(r"\w+")
# Regions whose names hold a country's name or demonym ("Central American" is not "American"):
# they point to no country, and keep their words from being read as one.
NO_COUNTRY = "-"
REGION_NAMES = (
    "Central America", "Central American", "Central Americans", "Latin America", "Latin American",
    "Latin Americans", "South America", "South American", "South Americans", "North America",
    "North American", "North Americans", "Amérique centrale", "Amérique latine",
    "Amérique du Sud", "Amérique du Nord", "América Central", "América Latina", "América del Sur",
    "América del Norte", "Lake Chad", "Lac Tchad", "Lago Chad",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: the country it points to and how much a mention counts."""

    code: str
    weight: float
    case_sensitive: bool
    # A nationality ("Somalis", "haïtiens"): it says who people are, not where.
    demonym: bool = False


def _key(name: str) -> tuple[str, ...]:
    return tuple(WORD.findall(name.casefold()))


def _french_forms(base: str) -> list[str]:
    if base.endswith(("en", "on")):
        return [base, base + "ne", base + "s", base + "nes"]
    if base.endswith(("ais", "ois")):
        return [base, base + "e", base + "es"]
    if base.endswith("e"):
        return [base, base + "s"]
    return [base, base + "e", base + "s", base + "es"]


_UNACCENT = str.maketrans("áéíóú", "aeiou")


def _spanish_forms(base: str) -> list[str]:
    if base.endswith("o"):
        return [base, base[:-1] + "a", base + "s", base[:-1] + "as"]
    if base.endswith(("a", "e")):
        return [base, base + "s"]
    if base.endswith(("í", "ú")):
        return [base, base + "es"]
    if base[-2:] in ("és", "án", "ín", "ón"):
        stem = base[:-2] + base[-2].translate(_UNACCENT) + base[-1]
        return [base, stem + "a", stem + "es", stem + "as"]
    return [base, base + "a", base + "es", base + "as"]


def _english_forms(base: str) -> list[str]:
    if base.endswith(("ese", "sh", "ch", "ss", "i", "y")) or " " in base:
        return [base, base + "s"] if base.endswith(("i", "y")) or " " in base else [base]
    return [base, base + "s"]


def _demonym_forms(lang: str, name: str) -> list[str]:
    if "/" in name:
        return name.split("/")
    if lang == "fr":
        return _french_forms(name)
    if lang == "es":
        return _spanish_forms(name)
    return _english_forms(name)


# The words after the first that a case-sensitive name of several words writes with a capital
# ("La Réunion": 1): the text must capitalise them too ("La réunion du Conseil" is no island).
_CAPITALS: dict[tuple[str, ...], tuple[int, ...]] = {}


def _load() -> dict[tuple[str, ...], Place]:
    entries: dict[tuple[str, ...], Place] = {}

    def add(name: str, place: Place) -> None:
        key = _key(name)
        if key and key not in entries:
            entries[key] = place
            capitals = tuple(i for i, w in enumerate(WORD.findall(name)) if i and w[:1].isupper())
            if place.case_sensitive and capitals:
                _CAPITALS[key] = capitals

    # The display names of the countries (the store's table) in the three languages.
    for code, names in COUNTRY_NAMES.items():
        for name in names.values():
            add(name, Place(code, 1.0, True))
    for row in read_tsv("gazetteer.tsv"):
        code, kind, lang, listed = row[:4]
        weight = float(row[4]) if len(row) > 4 and row[4] else 1.0
        for name in listed.split("|"):
            if kind == "demonym":
                # French and Spanish demonyms are lower-case adjectives; English ones capitalised.
                for form in _demonym_forms(lang, name):
                    add(form, Place(code, weight, lang == "en", demonym=True))
            else:
                add(name, Place(code, weight, True))
    for name in REGION_NAMES:
        add(name, Place(NO_COUNTRY, 0.0, True))
    return entries


_ENTRIES = _load()
# The longest name starting with each word, and every word sequence that begins a longer name.
_LONGEST: dict[str, int] = {}
_PREFIXES: set[tuple[str, ...]] = set()
for _name in _ENTRIES:
    _LONGEST[_name[0]] = max(_LONGEST.get(_name[0], 0), len(_name))
    _PREFIXES.update(_name[:size] for size in range(1, len(_name)))
# First words as they are written (lower case, Capitalised, UPPER CASE), so the text's words
# need no lower-casing to be looked up.
_FIRST_WORDS: frozenset[str] = frozenset(
    form for word in _LONGEST for form in (word, word.capitalize(), word.upper())
)


def _start(written: str) -> tuple[Place | None, frozenset[str]]:
    """What a first word as written gives alone (its one-word entry, when its case fits) and
    the lower-case second words of the longer names it begins."""
    first = written.lower()
    single = _ENTRIES.get((first,))
    if single is not None and single.case_sensitive and not written[:1].isupper():
        single = None
    return single, _SECOND_WORDS.get(first, frozenset())


_SECOND_WORDS: dict[str, frozenset[str]] = {}
for _name in _ENTRIES:
    if len(_name) > 1:
        _SECOND_WORDS[_name[0]] = _SECOND_WORDS.get(_name[0], frozenset()) | {_name[1]}
_STARTS = {written: _start(written) for written in _FIRST_WORDS}


def tokenize(text: str) -> list[str]:
    """The words of a text, as written."""
    return WORD.findall(text)


def _longest_at(words: list[str], index: int) -> tuple[int, Place] | None:
    """The longest gazetteer name starting at words[index]: its length in words and entry."""
    first = words[index].lower()
    best: tuple[int, Place] | None = None
    key: tuple[str, ...] = (first,)
    for size in range(1, min(_LONGEST.get(first, 0), len(words) - index) + 1):
        if size > 1:
            key = (*key, words[index + size - 1].lower())
        place = _ENTRIES.get(key)
        if place is not None and (not place.case_sensitive or _capitalised(words, index, key)):
            best = (size, place)
        if key not in _PREFIXES:
            break
    return best


def _capitalised(words: list[str], index: int, key: tuple[str, ...]) -> bool:
    """The name at words[index] written with the capitals its gazetteer entry has."""
    if not words[index][:1].isupper():
        return False
    capitals = _CAPITALS.get(key)
    return capitals is None or all(words[index + i][:1].isupper() for i in capitals)


def mentions(text: str, words: list[str] | None = None) -> list[Place]:
    """Gazetteer entries named in the text (or in its words), longest names first."""
    if words is None:
        words = tokenize(text)
    found: list[Place] = []
    count = len(words)
    next_free = 0
    for index in compress(range(count), map(_FIRST_WORDS.__contains__, words)):
        if index < next_free:
            continue
        single, seconds = _STARTS[words[index]]
        # Most first words ("la", "the", "Mali") begin no longer name with the word after them.
        if seconds and index + 1 < count and words[index + 1].lower() in seconds:
            best = _longest_at(words, index)
            if best is not None:
                found.append(best[1])
                next_free = index + best[0]
        elif single is not None:
            found.append(single)
            next_free = index + 1
    return found


Zone = tuple[str, float, "list[str] | None"]


def score_countries(zones: Iterable[Zone]) -> str | None:
    """The country with the highest weighted mention score over (text, weight, words) zones.

    Ties go to the country mentioned first.
    """
    ranked = rank_countries(zones)
    return ranked[0][0] if ranked else None


def rank_countries(zones: Iterable[Zone]) -> list[tuple[str, float]]:
    """Every country named in the zones with its weighted mention score, highest first (ties:
    the country mentioned first)."""
    return rank_found(zone_mentions(zones))


def zone_mentions(zones: Iterable[Zone]) -> list[tuple[list[Place], float]]:
    """The gazetteer entries each (text, weight, words) zone names, with the zone's weight."""
    return [(mentions(text, tokens), weight) for text, weight, tokens in zones if text]


def rank_found(found: list[tuple[list[Place], float]]) -> list[tuple[str, float]]:
    """The countries of zones' mentions with their weighted scores, highest first (ties: the
    country mentioned first)."""
    scores: dict[str, float] = {}
    first_seen: dict[str, int] = {}
    for places, zone_weight in found:
        for place in places:
            if place.code == NO_COUNTRY:
                continue
            scores[place.code] = scores.get(place.code, 0.0) + place.weight * zone_weight
            first_seen.setdefault(place.code, len(first_seen))
    return sorted(scores.items(), key=lambda item: (-item[1], first_seen[item[0]]))


def _names(row: list[str]) -> list[str]:
    return row[3].split("|")


_COUNTRY_KEYS = frozenset(
    [_key(name) for names in COUNTRY_NAMES.values() for name in names.values()]
    + [
        _key(name)
        for row in read_tsv("gazetteer.tsv")
        if row[1] == "alias"
        for name in row[3].split("|")
    ]
)
# "La République arabe syrienne", "The Gambia": an article before a country's name.
_ARTICLES = frozenset({"la", "le", "l", "el", "the"})


def is_place_name(name: str) -> bool:
    """A place of the gazetteer (a country, a city, a region) written whole, and nothing more:
    "Santo Domingo", "Gao"."""
    key = _key(name)
    return bool(key) and key in _ENTRIES


def is_country_name(name: str) -> bool:
    """A country's name (or another name of it) in English, French or Spanish, with or without
    an article, and nothing more."""
    key = _key(name)
    return key in _COUNTRY_KEYS or (bool(key) and key[0] in _ARTICLES and key[1:] in _COUNTRY_KEYS)
