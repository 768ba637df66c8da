"""Where a contact block ends: the release text, the next item or the footer after it."""

from __future__ import annotations

import re

PROSE_MIN_WORDS = 6
PROSE_LOWER_SHARE = 0.6
MIN_DIGITS_SEEN = 6
_NO_DIGITS = str.maketrans("", "", "0123456789")


def _digits(line: str) -> int:
    return len(line) - len(line.translate(_NO_DIGITS))


def inline_block(block: list[str]) -> list[str]:
    """A contact written in the intro's own sentence ("please contact X at IOM Y, Tel…") ends at
    the first blank line: what follows is the page's next item or its footer."""
    for index, line in enumerate(block[1:], start=1):
        if not line.strip():
            return block[:index]
    return block


def _is_prose(line: str) -> bool:
    """A line of running text (most words in lower case), never a contact field."""
    words = line.split()
    if len(words) < PROSE_MIN_WORDS or "@" in line:
        return False
    lower = sum(1 for word in words if word[:1].islower())
    return lower >= PROSE_LOWER_SHARE * len(words)


# A site's "follow us" line, or a line of social networks' names only: the footer starts.
_FOLLOW_LINE = re.compile(
    r"^\W*(?:síguenos|siguenos|suivez[- ]nous|follow\s+us|s[íi]guenos\s+en)\b"
    r"|^\W*(?:(?:facebook|twitter|instagram|youtube|linkedin|flickr|tiktok|x)\W*){2,}$",
    re.IGNORECASE,
)


def until_prose(lines: list[str], footer: bool = False) -> list[str]:
    """The block up to the release text that goes on after it ("Le paiement peut…"); with
    ``footer``, up to the site's footer too once a person's detail was read ("Síguenos",
    "Facebook Twitter": the people end there, the lines stay off the body)."""
    seen_detail = False
    for index, line in enumerate(lines):
        if seen_detail and (_is_prose(line) or (footer and _is_follow_line(line))):
            return lines[:index]
        seen_detail = seen_detail or "@" in line or _digits(line) >= MIN_DIGITS_SEEN
    return lines


def _is_follow_line(line: str) -> bool:
    """A "follow us" line or a row of social networks, where a page's footer begins."""
    return len(line) < 80 and _FOLLOW_LINE.match(line) is not None
