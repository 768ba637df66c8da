"""Dates in fr/en/es text: regex candidate spans, then python-dateutil with a trilingual parserinfo.

Only what is written is returned: "janvier 2008" is "2008-01", never a made-up day; a day and a
month without a year ("du 4 au 6 mai") is not a complete date and is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from dateutil import parser as date_parser

from .event_years import names_an_event

# English names first (dateutil's own), then French and Spanish, with and without accents and
# the usual abbreviations.
_MONTHS: tuple[tuple[str, ...], ...] = (
    ("jan", "january", "janvier", "janv", "enero", "ene"),
    ("feb", "february", "février", "fevrier", "févr", "fevr", "fév", "febrero"),
    ("mar", "march", "mars", "marzo"),
    ("apr", "april", "avril", "avr", "abril", "abr"),
    ("may", "mai", "mayo"),
    ("jun", "june", "juin", "junio"),
    ("jul", "july", "juillet", "juil", "julio"),
    ("aug", "august", "août", "aout", "agosto", "ago"),
    ("sep", "sept", "september", "septembre", "septiembre", "setiembre"),
    ("oct", "october", "octobre", "octubre"),
    ("nov", "november", "novembre", "noviembre"),
    ("dec", "december", "décembre", "decembre", "déc", "diciembre", "dic"),
)
_WEEKDAYS: tuple[tuple[str, ...], ...] = (
    ("mon", "monday", "lundi", "lunes"),
    ("tue", "tuesday", "mardi", "martes"),
    ("wed", "wednesday", "mercredi", "miércoles", "miercoles"),
    ("thu", "thursday", "jeudi", "jueves"),
    ("fri", "friday", "vendredi", "viernes"),
    ("sat", "saturday", "samedi", "sábado", "sabado"),
    ("sun", "sunday", "dimanche", "domingo"),
)


# "Mardi", "Tuesday", "Martes": a weekday's full name, in the three languages.
WEEKDAY_NAMES = frozenset(name for names in _WEEKDAYS for name in names if len(name) > 3)


class TrilingualParserInfo(date_parser.parserinfo):
    """dateutil's English names plus French and Spanish month and weekday names."""

    MONTHS: list[Any] = [tuple(names) for names in _MONTHS]  # noqa: RUF012 (dateutil's)
    WEEKDAYS: list[Any] = [tuple(names) for names in _WEEKDAYS]  # noqa: RUF012
    JUMP = [*date_parser.parserinfo.JUMP, "de", "del", "le", "er", "º", "°"]  # noqa: RUF012


PARSER_INFO = TrilingualParserInfo(dayfirst=True)
_DEFAULT = datetime(2000, 1, 1)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in the text: ISO form ("YYYY-MM-DD", "YYYY-MM" or "YYYY") and position."""

    iso: str
    start: int


# Month names in regex form; "may" and "mar" are only dates next to a day number or a year.
_MONTH_NAMES = sorted({name for names in _MONTHS for name in names}, key=len, reverse=True)
# Any word in the month's place; _is_month() checks it (faster than a 60-name alternation).
_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:er|re|º|°|st|nd|rd|th)?"
_OTHER_DAY = r"[0-3]?\d(?:er|re|º|°|st|nd|rd|th)?"
# Lists and ranges: "24, 25 et 26", "23/24 et 29/30", "du 4 au 6", "del 4 al 6", "12-14".
_DAY_LIST = (
    _DAY + r"(?:\s*(?:,|/|-|–|et|and|y|au|al|to|à|a)\s*(?:le\s+|el\s+)?" + _OTHER_DAY + r")*"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)\b"
_SEP = r"(?:\s+(?:de\s+|del\s+)?|\s*,\s*|\s*\.\s*)"
_DAY_MONTH_YEAR = re.compile(
    r"(?<![\w/.])" + _DAY_LIST + r"\s+(?:de\s+)?" + _MONTH + _SEP + r"(?:de\s+)?" + _YEAR,
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    r"\b" + _MONTH + r"\s+" + _DAY + r"(?:\s*(?:-|–|and|to)\s*" + _OTHER_DAY + r")?,?\s+" + _YEAR,
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r"\s+(?:de\s+|del\s+)?" + _YEAR, re.IGNORECASE)
_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<year>(?:19|20)\d\d)\b")
_ISO = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<b>[01]\d)-(?P<a>[0-3]\d)(?!\d)")


# Month numbers by lower-case name, as dateutil's parserinfo maps them (a later name wins).
_MONTH_NUMBERS = {name: number for number, names in enumerate(_MONTHS, 1) for name in names}
_PLAIN_SPAN = re.compile(
    r"(?P<day>[0-9]{1,2}) (?P<month>[0-9]{1,2}|[^\W\d_]+) (?P<year>[12][0-9]{3})"
)
MAX_DAY = 31
MONTHS_IN_YEAR = 12


def _plain_date(span: str) -> datetime | None:
    """The date of a span "DAY MONTH YEAR" (a month name or number) when its reading is
    certain: what dateutil gives for it, without its tokenizer (the import's hottest call).
    None for anything else (dateutil then decides)."""
    plain = _PLAIN_SPAN.fullmatch(span)
    if plain is None:
        return None
    day, month_text = int(plain["day"]), plain["month"]
    # Day first: dateutil reads "a b YEAR" as day a, month b whenever b can be a month.
    month = int(month_text) if month_text.isdigit() else _MONTH_NUMBERS.get(month_text.lower(), 0)
    if not (1 <= day <= MAX_DAY and 1 <= month <= MONTHS_IN_YEAR):
        return None
    try:
        return datetime(int(plain["year"]), month, day)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _parse(span: str, precision: str) -> str | None:
    """dateutil's reading of a normalised span, cut to the precision written."""
    plain = _plain_date(span)
    if plain is not None:
        return f"{plain.year:04d}-{plain.month:02d}" + (
            f"-{plain.day:02d}" if precision == "day" else ""
        )
    try:
        parsed = date_parser.parse(span, parserinfo=PARSER_INFO, default=_DEFAULT)
    except (ValueError, OverflowError):
        return None
    if precision == "day":
        return parsed.strftime("%Y-%m-%d")
    return parsed.strftime("%Y-%m")


_YEAR_ANYWHERE = re.compile(r"(?:19|20)\d\d")
_MONTH_SET = frozenset(_MONTH_NAMES)
# A year alone only counts after a word that makes it a date ("en 2015", "since 2001").
_YEAR_CUES = frozenset(
    ("en", "in", "since", "depuis", "desde", "durant", "during", "année", "year", "año", "until",
     "jusqu'en", "hasta", "l'année", "early", "late", "mid", "début", "fin", "principios",
     "finales", "comienzos", "mediados", "de", "of",
     # "au premier trimestre 2013", "le second semestre 2019": a part of a year.
     "trimestre", "semestre",
     # "en el 2005", "desde el 2000", "del 2019": Spanish writes the article before a year.
     "el", "del")
)  # fmt: skip
# Day lists ("les 24, 25 et 26 septembre") are written within this many characters of the month.
WINDOW_BEFORE = 45
WINDOW_AFTER = 7
MAX_YEARS = 2000


def _is_month(word: str) -> bool:
    return word.lower() in _MONTH_SET


def _span(text: str, start: int, end: int) -> tuple[int, str]:
    """The text from a word boundary at or before start up to end, with its offset."""
    start = max(0, start)
    if start > 0:
        start = text.rfind(" ", 0, start) + 1
    return start, text[start:end]


def _month_dates(text: str, year: re.Match[str], month_at: int) -> list[tuple[int, int, str]]:
    offset, window = _span(text, month_at - WINDOW_BEFORE, year.end() + 1)
    found: list[tuple[int, int, str]] = []
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for match in pattern.finditer(window):
            if _is_month(match["month"]):
                iso = _parse(f"{int(match['day'])} {match['month']} {match['year']}", "day")
                if iso:
                    found.append((offset + match.start(), offset + match.end(), iso))
    if not found:
        for match in _MONTH_YEAR.finditer(window):
            if _is_month(match["month"]):
                iso = _parse(f"1 {match['month']} {match['year']}", "month")
                if iso:
                    found.append((offset + match.start(), offset + match.end(), iso))
    return found


def _numeric_dates(text: str, year: re.Match[str]) -> list[tuple[int, int, str]]:
    offset, window = _span(text, year.start() - 7, year.end() + WINDOW_AFTER)
    found: list[tuple[int, int, str]] = []
    for pattern in (_ISO, _NUMERIC):
        for match in pattern.finditer(window):
            iso = _parse(f"{int(match['a'])} {int(match['b'])} {match['year']}", "day")
            if iso:
                found.append((offset + match.start(), offset + match.end(), iso))
    return found


def _dates_at(text: str, year: re.Match[str]) -> list[tuple[int, int, str]]:
    """The dates that end with (or, for ISO dates, start with) this year."""
    start, end = year.start(), year.end()
    if text[start - 1 : start] in ("/", ".") or text[end : end + 1] == "-":
        found = _numeric_dates(text, year)
        if found:
            return found
    before = text[max(0, start - 40) : start]
    words = before.split()[-4:]
    for word in reversed(words):
        if _is_month(word.strip(",.")):
            return _month_dates(text, year, start - len(before) + before.rfind(word))
    if _LAW_NAME.search(before) or _REPORT_NAME.search(before):
        return []  # "Ley 1448 de 2011", "Law No. 12 of 2016": a law's name, not an event
    # "toute l’année 2017": a curly apostrophe is the same cue as a straight one.
    cue = words[-1].lower().replace("’", "'") if words else ""
    if cue in ("de", "of") and len(words) > 1 and words[-2].lower() in _QUANTITY_WORDS:
        return []  # "plus de 2000 Colombiens", "más de 2000 personas": a count, not a year
    if (cue in _YEAR_CUES or names_an_event(before)) and not _RANGE_AFTER.match(text, end):
        return [(start, end, year.group(0))]  # "en 2017", "Día … del Migrante 2018"
    if words and words[-1].lower() in _RANGE_WORDS and _RANGE_START.search(before):
        return [(start, end, year.group(0))]  # "between 2014 and 2017", "entre 2014 et 2017"
    if text[start - 1 : start] in "-–" and _SPAN_START.search(before):
        return [(start, end, year.group(0))]  # "Between 2014-2016 the project delivered …"
    return []


_RANGE_AFTER = re.compile(r"\s*[-–/]\d")
# The words before "de" or "of" that make the number after it an amount ("plus de", "près de",
# "más de", "cerca de", "upwards of").
_QUANTITY_WORDS = frozenset(
    ("plus", "moins", "près", "pres", "environ", "más", "mas", "menos", "cerca", "alrededor",
     "upwards")
)  # fmt: skip
_LAW_NAME = re.compile(
    r"\b(?i:ley|loi|law|act|d[ée]cret|decreto|decree|r[ée]solution|resoluci[óo]n)\s+"
    r"(?:n[°º.o]*\s*)?\d+\s+(?:de|of|du)\s+$"
)
# "el Informe de 2012 sobre la Trata", "le Rapport de 2019 sur …", "the Report of 2012": the
# year names a report (its edition), as "Informe … 2020" does; no event of that year is told.
_REPORT_NAME = re.compile(r"\b(?:Informe|Rapport|Report|Anuario|Annuaire)\s+(?:de|of|du|del)\s+$")


# The end of a span of years written in words: "between 2014 and 2017", "de 2012 à 2015" (not
# "2015-2016", a season or a plan's period).
_RANGE_WORDS = frozenset(("and", "et", "y", "to", "through", "à", "a", "al", "au", "hasta"))
_RANGE_START = re.compile(
    r"\b(?i:between|entre|from|de|desde|du|in|en|during|durant|since|depuis)\s+(?:19|20)\d\d"
    r"\s+(?:and|et|y|to|through|à|a|al|au|hasta)\s+$"
)


# The same span written with a dash after "between" or "entre" ("between 2014-2016"): a
# period of past events, not a plan's ("the 2015-2016 season", "Plan 2021-2025").
_SPAN_START = re.compile(r"\b(?i:between|entre)\s+(?:19|20)\d\d\s*[-–]\s*$")


def find_dates(text: str) -> list[FoundDate]:
    """Every complete date in the text, in order of appearance, without duplicates."""
    found: list[tuple[int, int, str]] = []
    for count, year in enumerate(_YEAR_ANYWHERE.finditer(text)):
        if count >= MAX_YEARS:
            break  # a release names a few dozen years; a pathological page stops here
        if year.start() and text[year.start() - 1].isdigit():
            continue
        found.extend(_dates_at(text, year))
    result: list[FoundDate] = []
    seen: set[str] = set()
    for start, _, iso in sorted(found):
        if iso not in seen:
            seen.add(iso)
            result.append(FoundDate(iso, start))
    return result


def release_date(dates: list[FoundDate]) -> str | None:
    """The first date with at least a month; a year alone only when nothing better is written."""
    for found in dates:
        if len(found.iso) > 4:
            return found.iso
    return dates[0].iso if dates else None


# A CMS date with its weekday, "Wed, 09/19/2018 - 11:19", "Jeu, 06/04/2017": the weekday tells
# whether the site writes day/month or month/day.
_WEEKDAY_NUMERIC = re.compile(
    r"\b(?P<weekday>[^\W\d_]{3,9})\.?,?\s+(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b"
)
_MONTH_DASHED = re.compile(
    r"\b(?P<month>[^\W\d_]{3,9})-(?P<day>[0-3]?\d)-(?P<year>(?:19|20)\d\d)\b"
)
# Weekday names and abbreviations in en, fr, es and it (Monday is 0, as in date.weekday()).
_WEEKDAY_NUMBERS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("mon", "monday", "lun", "lundi", "lunes", "lunedì"),
            ("tue", "tuesday", "mar", "mardi", "martes", "martedì"),
            ("wed", "wednesday", "mer", "mercredi", "mié", "mie", "miércoles", "mercoledì"),
            ("thu", "thursday", "jeu", "jeudi", "jue", "jueves", "gio", "giovedì"),
            ("fri", "friday", "ven", "vendredi", "vie", "viernes", "venerdì"),
            ("sat", "saturday", "sam", "samedi", "sáb", "sab", "sábado", "sabato"),
            ("sun", "sunday", "dim", "dimanche", "dom", "domingo", "domenica"),
        )
    )
    for name in names
}
# Labels of sites that write day/month ("Publié le 04/10/2019", "Publicado: 12/06/2018").
_DAY_FIRST_LABEL = re.compile(r"\b(?:publi[ée]e?|publicad[oa]|fecha|le|el)\b", re.IGNORECASE)
# Press releases are on the web from the late 1990s: a day written in the body before this year
# is history (a birth, a founding), not a hint of when the release was written.
EARLIEST_ESTIMATE_YEAR = 1995


def _day(year: int, month: int, day: int) -> datetime | None:
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


def _weekday_date(match: re.Match[str]) -> str | None:
    """The reading of "Tue, 03/10/2017" whose weekday is right (day/month or month/day)."""
    weekday = _WEEKDAY_NUMBERS.get(match["weekday"].lower())
    if weekday is None:
        return None
    year, first, second = int(match["year"]), int(match["a"]), int(match["b"])
    readings = {_day(year, second, first), _day(year, first, second)} - {None}
    fitting = [d for d in readings if d is not None and d.weekday() == weekday]
    return fitting[0].strftime("%Y-%m-%d") if len(fitting) == 1 else None


def first_date(line: str) -> str:
    """The first date of a line, a numeric one read by its weekday too ("" if none)."""
    found = find_dates(line)
    return found[0].iso if found else weekday_date(line) or ""


def weekday_date(text: str) -> str | None:
    """The first numeric date with a weekday that fits one reading ("Wed, 09/30/2020")."""
    for match in _WEEKDAY_NUMERIC.finditer(text):
        found = _weekday_date(match)
        if found:
            return found
    return None


def published_date(text: str) -> str | None:
    """The date a label, a dateline or page metadata states, to the precision that is certain.

    A numeric date is read by its weekday when it has one, day first after a French or Spanish
    label, and otherwise, when day and month could be swapped ("04/10/2019"), only its year.
    """
    found = weekday_date(text)
    if found:
        return found
    for match in _MONTH_DASHED.finditer(text):  # "July-01-2016"
        if _is_month(match["month"]):
            return _parse(f"{int(match['day'])} {match['month']} {match['year']}", "day")
    found_dates = find_dates(text)
    best = release_date(found_dates)
    if best is None:
        return None
    start = next(f.start for f in found_dates if f.iso == best)
    numeric = _NUMERIC.match(text, start)
    if numeric is None or _DAY_FIRST_LABEL.search(text[:start]):
        return best
    first, second = int(numeric["a"]), int(numeric["b"])
    if first != second and first <= 12 and second <= 12:
        return best[:4]
    return _parse(f"{max(first, second)} {min(first, second)} {numeric['year']}", "day")


def _recency(found: FoundDate) -> tuple[int, ...]:
    """How late a date is: by year, then month, then day; a year alone ("in 2017") comes before
    a month of that year ("June 2017"), which says more."""
    return tuple(int(part) for part in found.iso.split("-"))


# Words that announce what is to come ("qui se poursuivra jusqu'en décembre 2022", "will run
# until", "está prevista para"): a date after them is not an event the release reports.
_FUTURE = re.compile(
    r"\b(?:will|shall|planned|scheduled|upcoming|next|d['’]ici|prévue?s?|sera|seront|aura|"
    r"auront|poursuivra|poursuivront|continuera|continueront|durera|dureront|tiendra|"
    r"tiendront|será|serán|continuará|continuarán|durará|durarán|realizará|realizarán|"
    r"llevará|prevista?s?|previstos?|próxim[oa]s?)\b",
    re.IGNORECASE,
)
FUTURE_LOOK_BACK = 40
_CLAUSE_END = re.compile(r"[.!?;]")


def is_announced(text: str, found: FoundDate) -> bool:
    """Whether a date of the text is announced for the future ("se poursuivra jusqu'en 2022")."""
    before = text[max(0, found.start - FUTURE_LOOK_BACK) : found.start]
    clause = _CLAUSE_END.split(before)[-1]
    return _FUTURE.search(clause) is not None


def estimated_date(dates: list[FoundDate], text: str = "") -> str | None:
    """The newest date the text reports (not one it announces): an estimate only.

    A release reports events that have happened, so it is published on or after the newest of
    them: that one is the closest estimate ("Depuis mars 2015 … le 10 octobre 2016" → 2016-10;
    an older first date would date the release by its background). ``text`` is where the
    dates were found; a date it announces for the future is skipped while another is written.
    """
    recent = [d for d in dates if int(d.iso[:4]) >= EARLIEST_ESTIMATE_YEAR]
    reported = [d for d in recent if not is_announced(text, d)] if text else recent
    return max(reported or recent, key=_recency).iso if recent else None
