"""A headline whose last word the page wrapped onto the next line."""

from __future__ import annotations

from .chrome import is_byline, is_listing_chrome
from .headlines import title_cased
from .places import mentions

FIRST_PARAGRAPH_WORDS = 12
_TITLE_END = '.!?:;,…»”"-–—)'


def with_title_tail(title: str, rest: list[str]) -> tuple[str, list[str]]:
    """A Title-Cased headline wrapped over two lines ("Relief Supplies to Kutacane Flood" /
    "Survivors") right over its first paragraph: the one word left ends the title. A label, a
    date, a place, a name or a byline under the title stays where it is."""
    if len(rest) < 2 or title[-1:] in _TITLE_END:
        return title, rest
    tail, paragraph = rest[0].strip(), rest[1].strip()
    if (
        not tail
        or " " in tail
        or not tail[0].isupper()
        or not tail[-1].isalpha()
        or paragraph.count(" ") + 1 < FIRST_PARAGRAPH_WORDS
        or not title_cased(f"{title} {tail}")
        or any(map(str.isdigit, tail))
        or is_listing_chrome(tail)
        or is_byline(tail)
        or mentions(tail)
    ):
        return title, rest
    return f"{title} {tail}", rest[1:]
