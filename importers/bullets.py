"""Bulleted listings: items that are bullets ("• Headline"), each over its teaser."""

from __future__ import annotations

import re

from .chrome import is_label
from .headlines import is_headline
from .listing import Item
from .teaser_blocks import MIN_TEASER_ITEMS

BULLETS = "•▪●◦"


def only_bullets(blocks: list[str]) -> bool:
    """Every paragraph a bulleted line: a list of briefs, not a teaser."""
    return all(block and block[0] in BULLETS for block in blocks)


# A bulleted item line: "  • IOM Aids Relocation of Families…".
_BULLET_LINE = re.compile(r"^\s*[•▪●◦]\s*(?P<text>\S.*?)\s*$")


def bullet_items(lines: list[str], start: int) -> list[Item] | None:
    """A listing whose items are bullets ("• Headline"), each followed by its teaser; a bullet
    holding only an image's alt text ("placeholder") has its headline on the next line. None
    for bullets one after another (a menu, a list in a release)."""
    text = "\n".join(lines[start:])
    if not any(bullet in text for bullet in BULLETS):
        return None  # no bullet anywhere (most pages): settled without a regex per line
    heads = [index for index in range(start, len(lines)) if _BULLET_LINE.match(lines[index])]
    if len(heads) < MIN_TEASER_ITEMS:
        return None
    items: list[Item] = []
    for number, head in enumerate(heads):
        end = heads[number + 1] if number + 1 < len(heads) else len(lines)
        chunk = [line.strip() for line in lines[head + 1 : end]]
        texts = [index for index, line in enumerate(chunk) if line]
        match = _BULLET_LINE.match(lines[head])
        if not texts or match is None:
            return None
        title = match["text"]
        if " " not in title and (is_label(title) or title.islower()):
            title, chunk = chunk[texts[0]], chunk[texts[0] + 1 :]
        if not is_headline(title, min_words=1) or not any(chunk):
            return None
        items.append(Item([title, "", *chunk], title_index=0))
    return items
