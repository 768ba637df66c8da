"""How a page's text opens: a date line above the headline, a first line that starts a
hard-wrapped paragraph rather than being a headline, a teaser opening with its date."""

from __future__ import annotations

import re
from collections.abc import Callable

from .dates import find_dates
from .listing import is_date_line
from .release_shape import MAX_TITLE_LENGTH

# A blog's post line over the headline, its author and date: "Par SENETOILE NEWS le mercredi
# 10 avril 2019", "By Admin on March 3, 2019", "Publicado por Redacción el 5 de abril de 2019".
_POSTED_LINE = re.compile(
    r"^(?:par|by|posted\s+by|publi[ée]\s+par|publicado\s+por|escrito\s+por)\s+\S.{0,50}?\s+"
    r"(?:le|on|el)\s+(?P<date>\S.*\d.*)$",
    re.IGNORECASE,
)
# The post's category under that line: "Catégorie: Web NEWS", "Category: News".
_CATEGORY_LINE = re.compile(
    r"^(?:cat[ée]gor(?:ie|y|[íi]a)s?|rubrique|section)\s*:\s*\S.{0,40}$", re.IGNORECASE
)


def _full_date(text: str) -> bool:
    return any(len(found.iso) == len("YYYY-MM-DD") for found in find_dates(text))


def after_leading_date(
    lines: list[str], index: int, opens_with_dateline: Callable[[str], bool] | None = None
) -> tuple[int, str]:
    """A date line above the headline ("Friday, 10 March 2017" on a blog), or a blog's post
    line with its date ("Par X le mercredi 10 avril 2019", perhaps over its category line):
    the headline's index and that date (the page's own date); the same index and "" otherwise.
    A copy with no headline ("14 de octubre de 2022" over "CIUDAD DE PANAMÁ, Panamá – La
    OIM…", a paragraph ``opens_with_dateline`` accepts) gives that paragraph's index."""
    date_line = lines[index].strip()
    posted = _POSTED_LINE.match(date_line)
    if posted is not None and is_date_line(posted["date"]) and _full_date(posted["date"]):
        date_line = posted["date"]
    elif not is_date_line(date_line):
        return index, ""
    following = index + 1
    while following < len(lines) and (
        not lines[following].strip()
        or (posted is not None and _CATEGORY_LINE.match(lines[following].strip()) is not None)
    ):
        following += 1
    if following >= len(lines) or is_date_line(lines[following]):
        return index, ""
    if len(lines[following].strip()) > MAX_TITLE_LENGTH:
        dated = opens_with_dateline is not None and opens_with_dateline(lines[following])
        return (following, date_line) if dated else (index, "")
    return following, date_line


def is_wrapped_opening(lines: list[str], index: int) -> bool:
    """The first line is the start of a hard-wrapped paragraph, not a headline: the next line
    follows without a blank and goes on with the sentence in lower case."""
    line = lines[index].rstrip()
    following = lines[index + 1].strip() if index + 1 < len(lines) else ""
    return bool(following) and following[:1].islower() and line[-1:] not in '.!?:;»”"'


def wrapped_paragraph(lines: list[str], index: int) -> str:
    """The lines of a paragraph from index on, joined."""
    return " ".join(line.strip() for line in lines[index : index + _paragraph_length(lines, index)])


def _paragraph_length(lines: list[str], index: int) -> int:
    end = index
    while end < len(lines) and lines[end].strip():
        end += 1
    return end - index


def after_paragraph(lines: list[str], index: int) -> list[str]:
    return lines[index + _paragraph_length(lines, index) :]


# The date's separator: a dash, or two hyphens for one ("25 September 2015 -- The …").
_OPENING_DATE_END = re.compile(r"^[\s,.:]*(?:(?:--|[-–—])\s*)?")
OPENING_DATE_REACH = 25
DAY_ISO_LENGTH = 10


def opening_date(paragraph: str) -> tuple[str | None, str]:
    """A teaser that opens with its full date and no place ("April 25, 2016 Today, IOM…",
    "March 8, 2016 - On…"): the listing's date label glued to the text. Returns it and the rest."""
    end = _date_span_end(paragraph) if paragraph[:1].isalnum() else None
    if end is None:  # no year near the start: the common case, settled without a date parse
        return None, paragraph
    found = [d for d in find_dates(paragraph[:OPENING_DATE_REACH]) if d.start == 0]
    if not found or len(found[0].iso) != DAY_ISO_LENGTH:
        return None, paragraph
    rest = paragraph[end:]
    separator = _OPENING_DATE_END.match(rest)
    rest = rest[separator.end() if separator else 0 :]
    return (paragraph[:end], rest) if rest[:1].isupper() else (None, paragraph)


_YEAR_END = re.compile(r"\b(?:19|20)\d\d\b")


def _date_span_end(paragraph: str) -> int | None:
    """Where a date that opens the paragraph ends: after its year."""
    year = _YEAR_END.search(paragraph, 0, OPENING_DATE_REACH)
    return year.end() if year else None


# A headline led by a medium and the day it ran: "Canal 7 - 25/05/2015 Situación de …",
# "RPP | 12/03/2016 Entrevista …" (a country site's media notes). The date is the note's own;
# a date further into a headline ("Tormenta del 12/10/2016 deja …") is an event it tells.
_HEADLINE_DATE = re.compile(r"^.{1,30}?\s[-–|]\s(?P<date>\d{1,2}/\d{1,2}/(?:19|20)\d\d)\s+\S")


def headline_date(title: str) -> str:
    """The date leading a headline after its medium's name, or ""."""
    if "/" not in title:
        return ""  # most headlines: no numeric date at all
    match = _HEADLINE_DATE.match(title.strip())
    return match["date"] if match is not None and _full_date(match["date"]) else ""
