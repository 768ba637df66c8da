"""A list of releases one bullet each, opening with the release's date ("• 04 Aug 2017 - …")."""

from __future__ import annotations

import re

from .dates import find_dates
from .listing import Item

# "  • 04 Aug 2017 - Tripoli – IOM Director General …": a bullet, a date label, a dash, the
# release's opening words (perhaps its dateline first).
_DATED_BULLET = re.compile(
    r"^\s*[•▪●◦*]\s*(?P<date>[0-3]?\d\s+[^\W\d_]{3,10}\.?,?\s+\d{4}|\d{4}-\d\d-\d\d|"
    r"\d{1,2}[/.]\d{1,2}[/.]\d{4})\s+[-–—]\s+(?P<text>\S.*?)\s*$"
)
# The place and dash opening a release: "Tripoli – ", "TUNIS – ".
_DATELINE_HEAD = re.compile(r"^[^.!?–—\n]{1,60}?\s[-–—]\s+")
# A first sentence; not one ended by a title's or an initial's period ("Ms. Held", "J. Doe").
_FIRST_SENTENCE = re.compile(
    r"^(.{20,200}?(?:[!?]|(?<!\bMs)(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bMme)(?<!\bSr)"
    r"(?<!\bSra)(?<!\bNo)(?<!\b[A-Z])\.))\s"
)
MIN_DATED_BULLETS = 2
HEADING_MAX_WORDS = 4
OPENING_WORDS_LENGTH = 120


def _opening_words(text: str) -> str:
    """A headline-less release's title: its first sentence, or its opening words."""
    text = _DATELINE_HEAD.sub("", text, count=1)
    sentence = _FIRST_SENTENCE.match(text)
    if sentence:
        return sentence.group(1)
    if len(text) > OPENING_WORDS_LENGTH:
        return text[:OPENING_WORDS_LENGTH].rsplit(" ", 1)[0] + "…"
    return text.rstrip(".") + "…"


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
        items.append(
            Item([_opening_words(body), "", body, ""], cms_text=bullet["date"], title_index=0)
        )
    return items
