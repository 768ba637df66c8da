"""A list of releases one bullet each, opening with the release's date ("• 04 Aug 2017 - …")."""

from __future__ import annotations

import re

from .dates import find_dates
from .listing import Item
from .opening_words import opening_words, without_dateline_head

# "  • 04 Aug 2017 - Tripoli – IOM Director General …": a bullet, a date label, a dash, the
# release's opening words (perhaps its dateline first).
_DATED_BULLET = re.compile(
    r"^\s*[•▪●◦*]\s*(?P<date>[0-3]?\d\s+[^\W\d_]{3,10}\.?,?\s+\d{4}|\d{4}-\d\d-\d\d|"
    r"\d{1,2}[/.]\d{1,2}[/.]\d{4})\s+[-–—]\s+(?P<text>\S.*?)\s*$"
)
MIN_DATED_BULLETS = 2
HEADING_MAX_WORDS = 4


def _is_heading(line: str) -> bool:
    """A list's short heading line ("Press releases"), not a sentence."""
    return len(line.split()) <= HEADING_MAX_WORDS and line[-1] not in ".!?:;,"


def dated_bullet_items(lines: list[str], start: int) -> list[Item] | None:
    """One headline-less item per bullet when every line of the page from its heading on is a
    bullet opening with a date label and a dash (a press-release list of a UN mission), each
    dated by its label. None for anything else: a release's bulleted timeline sits under its
    headline and among its paragraphs."""
    texts = [line.strip() for line in lines[start:] if line.strip()]
    if texts and _DATED_BULLET.match(texts[0]) is None and _is_heading(texts[0]):
        texts = texts[1:]
    if len(texts) < MIN_DATED_BULLETS:
        return None
    items: list[Item] = []
    for text in texts:
        bullet = _DATED_BULLET.match(text)
        if bullet is None or not find_dates(bullet["date"]):
            return None
        body = bullet["text"]
        title = opening_words(without_dateline_head(body))
        items.append(Item([title, "", body, ""], cms_text=bullet["date"], title_index=0))
    return items
