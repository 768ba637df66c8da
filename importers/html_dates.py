"""Where an HTML page states its publication date: metadata, a <time>, a label."""

from __future__ import annotations

import json
import re

from selectolax.lexbor import LexborNode

from .html_css import css as _css

# Metadata naming the publication date, in order of trust.
_DATE_METAS = (
    'meta[property="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="dcterms.date"]',
    'meta[name="DC.date"]',
    'meta[name="dc.date"]',
    'meta[name="date"]',
    'meta[name="publish-date"]',
    'meta[name="pubdate"]',
)
# The (attribute, value) each of them asks for (lexbor compares these values case-sensitively).
_DATE_META_ATTRIBUTES = tuple(
    (match[1], match[2])
    for match in (re.fullmatch(r'meta\[(\w+)="([^"]+)"\]', selector) for selector in _DATE_METAS)
    if match
)
_ANY_DATE_META = ", ".join(_DATE_METAS)
_ISO_DAY = re.compile(r"^\s*((?:19|20)\d\d-[01]\d-[0-3]\d)")
# A publication label and its value (on its line or the next), maybe in a byline after its author,
# the value ending at a separator: "By IOM · Posted: 15 May 2015 · 3 min read".
_DATE_LABEL = re.compile(
    r"^[ \t]*(?:(?:by|par|por)\s[^\n·|•]{1,60}[·|•][ \t]*)?"
    r"(?:posted|published|date\s+publish(?:ed)?|publication\s+date|publi[ée]e?(?:\s+le)?|"
    r"date\s+de\s+publication|publicad[oa](?:\s+el)?|fecha(?:\s+de\s+publicaci[óo]n)?)"
    r"(?:\s+on)?[ \t]*:?[ \t]*(?:\n[ \t]*){0,2}(?P<value>[^\n]*\d[^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)
_BYLINE_FIELD_END = re.compile(r"\s[·|•]\s")
# A French or Spanish label, after which a numeric date reads day first ("Publié le 07/06/2018").
_DAY_FIRST_LABEL = re.compile(r"publi[ée]e?\b|publicad[oa]\b|fecha\b", re.IGNORECASE)


def _json_ld_dates(top: LexborNode) -> list[str]:
    found: list[str] = []
    for script in _css(top, 'script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text())
        except ValueError:
            continue
        stack = [data]
        while stack:
            value = stack.pop()
            if isinstance(value, dict):
                published = value.get("datePublished")
                if isinstance(published, str):
                    found.append(published)
                stack.extend(value.values())
            elif isinstance(value, list):
                stack.extend(value)
    return found


def metadata_date(top: LexborNode) -> str | None:
    """The publication day the page's metadata states (JSON-LD, Open Graph, Dublin Core)."""
    # The JSON-LD is trusted first: when it states a day, the metas are not looked at.
    day = _first_iso_day(_json_ld_dates(top))
    if day is not None:
        return day
    metas = [node.attributes for node in _css(top, _ANY_DATE_META)]  # one pass
    values: list[str] = []
    for attribute, value in _DATE_META_ATTRIBUTES:  # each selector's first node, in that order
        found = next((meta for meta in metas if meta.get(attribute) == value), None)
        if found is not None:
            values.append(found.get("content") or "")
    return _first_iso_day(values)


def _first_iso_day(values: list[str]) -> str | None:
    """The first of the values that opens with an ISO day, as that day."""
    for value in values:
        day = _ISO_DAY.match(value)
        if day:
            return day.group(1)
    return None


def first_time(node: LexborNode) -> str | None:
    for time in _css(node, "time[datetime]"):
        day = _ISO_DAY.match(time.attributes.get("datetime") or "")
        if day:
            return day.group(1)
    return None


def take_label(text: str) -> tuple[str, str]:
    """(the value of the first publication label, the text without that label)."""
    match = _DATE_LABEL.search(text)
    if match is None:
        return "", text
    value = _BYLINE_FIELD_END.split(match["value"], maxsplit=1)[0].strip()  # "… · 3 min read"
    word = _DAY_FIRST_LABEL.search(match[0], 0, match.start("value") - match.start())
    if word is not None:
        value = f"{word[0]} {value}"  # so that "07/06/2018" is read day first
    return value, text[: match.start()] + text[match.end() :]


# A <dt> naming the original publication in a metadata list (ReliefWeb's "Originally published"
# beside its own "Posted"): the <time> of the <dd> after it is the release's own date.
_ORIGINAL_LABEL = re.compile(
    r"^\s*(?:originally\s+published|original\s+publication|publi[ée]e?\s+(?:à\s+l['’]origine|"
    r"initialement)|publicad[oa]\s+originalmente)",
    re.IGNORECASE,
)


def original_time(node: LexborNode) -> str | None:
    """The day a metadata list gives as the original publication, before any other <time>."""
    for label in _css(node, "dt"):
        if not _ORIGINAL_LABEL.match(label.text(deep=True)):
            continue
        value = label.next
        while value is not None and value.tag != "dd":
            value = value.next
        found = first_time(value) if value is not None else None
        if found:
            return found
    return None


# Microdata's datePublished on any element: Blogger's <abbr itemprop='datePublished' title=…>.
_MICRODATA_ATTRIBUTES = ("datetime", "content", "title")


def microdata_date(node: LexborNode) -> str | None:
    """The day of an element marked ``itemprop="datePublished"`` (not a <meta>: those are read
    with the page's metadata), from its datetime, content or title attribute."""
    for element in _css(node, '[itemprop~="datePublished"]'):
        for name in _MICRODATA_ATTRIBUTES:
            day = _ISO_DAY.match(element.attributes.get(name) or "")
            if day:
                return day.group(1)
    return None
