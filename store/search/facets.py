"""Facets: country, year, language and date, matched the same way by the search syntax
(`country:SN year:2021 lang:fr`) and by `oim-archive list --country SN --year 2021 --lang fr`.

Pure Python over release fields: no index needed, so listing stays fast.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from oim_archive.store.countries import codes_named
from oim_archive.store.records import Listed
from oim_archive.store.search.fold import fold

LANGUAGE_NAMES = {
    "fr": ("fr", "francais", "french", "frances"),
    "en": ("en", "english", "anglais", "ingles"),
    "es": ("es", "espanol", "spanish", "espagnol"),
}
SINCE_FORMAT = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def country_value(text: str) -> str:
    """A country facet as typed: an ISO code in capitals, else a folded country name."""
    value = fold(text)
    return value.upper() if len(value) == 2 else value


def country_names(releases: Iterable[Listed]) -> dict[str, set[str]]:
    """Folded country name -> ISO codes, from the releases themselves."""
    pairs: set[tuple[str, str]] = {
        (r.country, r.country_name) for r in releases if r.country and r.country_name
    }
    names: dict[str, set[str]] = {}
    for code, name in pairs:  # a few hundred pairs: each name folded once
        names.setdefault(fold(name), set()).add(code.upper())
    return names


def country_codes(value: str, names: Mapping[str, set[str]]) -> set[str]:
    """The ISO codes a country facet stands for: the code itself, or every country whose
    name starts with the folded value (`senegal`, `cote d`)."""
    if len(value) == 2 and value.isalpha() and value.isupper():
        return {value}
    # A name in English, French or Spanish whatever the interface speaks, or as a page wrote it.
    codes = codes_named(value)
    for name, name_codes in names.items():
        if name.startswith(value):
            codes |= name_codes
    return codes


def language_codes(wanted: str) -> list[str]:
    """Language codes whose code or name (in fr, en or es) starts with the folded ``wanted``."""
    codes = [c for c, names in LANGUAGE_NAMES.items() if any(n.startswith(wanted) for n in names)]
    return codes or [wanted]


def on_or_after(date: str | None, since: str) -> bool:
    """Whether a release dated ``date`` (as precise as its text) may fall on or after ``since``
    (YYYY[-MM[-DD]]): a release dated only `2019` is kept for `--since 2019-06`."""
    return date is not None and date != "" and date >= since[: len(date)]


@dataclass(slots=True)
class Facets:
    """Facet values as typed (any may be None): which releases they keep."""

    country: str | None = None
    year: str | None = None
    language: str | None = None
    since: str | None = None

    def matcher(self, releases: Iterable[Listed]) -> Callable[[Listed], bool] | None:
        """A test for one release (None when no facet is set); ``releases`` give country names."""
        tests: list[Callable[[Listed], bool]] = []
        if self.country:
            codes = country_codes(country_value(self.country), country_names(releases))
            tests.append(lambda r: (r.country or "").upper() in codes)
        if self.year:
            year = fold(self.year).replace(" ", "")
            tests.append(lambda r: (r.date or "")[:4].startswith(year) and bool(r.date))
        if self.language:
            languages = set(language_codes(fold(self.language)))
            tests.append(lambda r: (r.language or "").lower() in languages)
        if self.since:
            since = self.since
            tests.append(lambda r: on_or_after(r.date, since))
        if not tests:
            return None
        return lambda release: all(test(release) for test in tests)
