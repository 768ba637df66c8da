"""Country names in English, French and Spanish, from one table (``store/data/countries.tsv``).

The interface shows every country in its own language, never a mix of the releases' languages;
``country:`` searches accept a name in any of the three; lists sort as a person reads them
(accents and case folded). The importers read the same table to recognise countries in text.
"""

from __future__ import annotations

from functools import lru_cache

from oim_archive.store.search.fold import fold

LANGUAGES = ("en", "fr", "es")


def _read_table() -> dict[str, dict[str, str]]:
    from importlib import resources  # ~4 ms of imports, for the first country shown

    text = (
        resources.files("oim_archive.store")
        .joinpath("data")
        .joinpath("countries.tsv")
        .read_text("utf-8")
    )
    table: dict[str, dict[str, str]] = {}
    for row in text.splitlines():
        if not row.strip() or row.startswith("#"):
            continue
        code, english, french, spanish = (cell.strip() for cell in row.split("\t")[:4])
        table[code] = {"en": english, "fr": french, "es": spanish}
    return table


COUNTRY_NAMES: dict[str, dict[str, str]] = _read_table()


def country_name(code: str | None, language: str) -> str | None:
    """The name of the country with ISO code ``code`` in ``language`` (English if unknown)."""
    names = COUNTRY_NAMES.get((code or "").upper())
    if names is None:
        return None
    return names.get(language) or names["en"]


def display_country(code: str | None, scraped_name: str | None, language: str) -> str:
    """The country to show in ``language``: the table's name, else the page's own, else the code."""
    return country_name(code, language) or (scraped_name or "") or (code or "").upper()


@lru_cache(maxsize=1)
def _folded_names() -> list[tuple[str, str]]:
    return [(fold(name), code) for code, names in COUNTRY_NAMES.items() for name in names.values()]


def codes_named(folded: str) -> set[str]:
    """Codes of the countries whose name in any language starts with ``folded`` (folded text).

    ``cote`` gives CI, ``suisse``/``suiza``/``switz`` give CH, ``allemagne`` gives DE."""
    if not folded:
        return set()
    return {code for name, code in _folded_names() if name.startswith(folded)}
