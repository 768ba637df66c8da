"""A contact block written as a signature at a release's end, with no line introducing it:
a name, the person's role at an IOM office, then labelled numbers or an address
("Dr. X SURNAME," / "Chief of Mission, IOM Chad" / "Office: +235 …" / "Mobile: …")."""

from __future__ import annotations

import re

from .contact_intro import EMAIL
from .contacts import looks_like_name
from .headlines import PHONE_FIELD

_IOM_OFFICE = re.compile(r"\b(?:IOM|OIM)\b")
# "Contact" alone on its line over the signature: the heading makes numbers unneeded.
_BARE_HEADING = re.compile(r"^(?:contacts?|contactos?)$", re.IGNORECASE)
MIN_SIGNATURE_LINES = 3
MIN_HEADED_LINES = 2
MAX_SIGNATURE_LINES = 8
MAX_SIGNATURE_LINE = 80


def signature_start(lines: list[str]) -> int | None:
    """Index of the blank line over a signature-style contact block ending the lines, or None.

    The block is the last paragraph: short lines, none a sentence; its first a person's name
    (a trailing comma allowed), its second naming an IOM office, and a later one a labelled
    number or an e-mail address."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start = end
    while start and lines[start - 1].strip():
        start -= 1
    block = [line.strip() for line in lines[start:end]]
    heading = _heading_over(lines, start)
    least = MIN_HEADED_LINES if heading is not None else MIN_SIGNATURE_LINES
    if start == 0 or not least <= len(block) <= MAX_SIGNATURE_LINES:
        return None
    if any(len(line) > MAX_SIGNATURE_LINE or line.endswith(".") for line in block):
        return None
    if not looks_like_name(block[0].rstrip(",;")) or not _IOM_OFFICE.search(block[1]):
        return None
    if heading is not None:
        return heading  # "Contact" / "Dr. X" / "Chief of Mission, IOM Chad": who to call
    fields = block[2:]
    if not any(PHONE_FIELD.match(line) or EMAIL.search(line) for line in fields):
        return None
    return start - 1


def _heading_over(lines: list[str], start: int) -> int | None:
    """Index of a bare "Contact" line alone in the paragraph over the one at start, or None."""
    above = start - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    if above < 0 or not _BARE_HEADING.match(lines[above].strip()):
        return None
    if above > 0 and lines[above - 1].strip():
        return None  # a line of a paragraph ("… Contact" under a menu), not a heading
    return above
