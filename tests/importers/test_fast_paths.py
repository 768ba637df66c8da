"""Shortcuts taken for speed give exactly what the slower way they replace gives."""

from __future__ import annotations

import itertools
import random
import re

from dateutil import parser as date_parser

from oim_archive.importers.dates import _DEFAULT, _MONTHS, PARSER_INFO, _parse
from oim_archive.importers.html import _SPACES, _breaks_as_newlines


def _dateutil_reading(span: str, precision: str) -> str | None:
    try:
        parsed = date_parser.parse(span, parserinfo=PARSER_INFO, default=_DEFAULT)
    except (ValueError, OverflowError):
        return None
    return parsed.strftime("%Y-%m-%d" if precision == "day" else "%Y-%m")


def test_dates_read_without_dateutil_are_read_as_dateutil_reads_them() -> None:
    names = sorted({name for names in _MONTHS for name in names})
    months = [*names, *(n.capitalize() for n in names), *(n.upper() for n in names), "foo"]
    days = (0, 1, 9, 12, 13, 28, 29, 30, 31, 32, 39)
    for year, day in itertools.product(("1900", "2019", "2020"), days):
        for month in months:
            for precision in ("day", "month"):
                span = f"{day} {month} {year}"
                assert _parse.__wrapped__(span, precision) == _dateutil_reading(span, precision)
        for number in range(20):
            span = f"{day} {number} {year}"
            assert _parse.__wrapped__(span, "day") == _dateutil_reading(span, "day"), span


def test_space_and_break_runs_become_what_the_plain_regexes_made_of_them() -> None:
    all_spaces = re.compile(r"[ \t\r\n\f\v\u00a0\u202f\u2007\u2009]+")
    breaks = re.compile(r"\s*[\ue000\ue001][\s\ue000\ue001]*")
    rng = random.Random(3)
    for _ in range(20_000):
        text = "".join(rng.choice(" \t\n\u00a0\u2003\u200b\ue000\ue001ab") for _ in range(12))
        assert _SPACES.sub(" ", text) == all_spaces.sub(" ", text), repr(text)
        expected = breaks.sub(lambda m: "\n\n" if "\ue000" in m.group(0) else "\n", text)
        assert _breaks_as_newlines(text) == expected, repr(text)
