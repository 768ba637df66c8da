"""A date shown in an element of its own, no metadata: a theme's date under the headline."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from oim_archive.store.text import clean_line

from .dates import published_date
from .html_css import css

# Elements that show a date: a <time> without machine-readable value, or a class or id naming a
# date ("jeg_meta_date", "press-release-date", "createdate", "un-card__date", "DateFieldDate").
_DATE_ELEMENTS = "time, [class*=date i], [id*=date i]"
# A date that is not the publication's: a modification or update, the day of the visit.
_NOT_PUBLICATION = re.compile(
    r"modif|update(?!d\b)|today|current|top[-_]?date|topbar", re.IGNORECASE
)
MAX_DATE_TEXT = 60
# The headline's own element, to look for its date after it (a top bar's date of the day comes
# before it).
_HEADINGS = "h1, h2, h3, h4, h5, .contentheading, [class*=title]"


def _shown_date(element: LexborNode) -> str:
    """The element's text when it is a date and names no modification ("" otherwise)."""
    names = f"{element.attributes.get('class') or ''} {element.attributes.get('id') or ''}"
    if _NOT_PUBLICATION.search(names):
        return ""
    text = clean_line(element.text(separator=" "))
    if not text or len(text) > MAX_DATE_TEXT or not any(map(str.isdigit, text)):
        return ""
    return text if published_date(text) else ""


def dated_element(root: LexborNode, title: str | None) -> str:
    """The text of the first element after the headline that shows a date alone ("Vendredi 15
    novembre 2019", "10 janvier 2024"); "" when the headline is not found or no date follows."""
    if not title:
        return ""
    folded = title.casefold()
    after_title = False
    for element in css(root, f"{_HEADINGS}, {_DATE_ELEMENTS}"):
        if not after_title:
            after_title = clean_line(element.text(separator=" ")).casefold() == folded
            continue
        shown = _shown_date(element)
        if shown:
            return shown
    return ""


def row_date(row: LexborNode) -> str:
    """The first date a listing row shows in an element of its own ("" if none)."""
    for element in css(row, _DATE_ELEMENTS):
        shown = _shown_date(element)
        if shown:
            return shown
    return ""
