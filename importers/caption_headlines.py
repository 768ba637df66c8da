"""A section page of headlines only, each under its picture's caption and credit."""

from __future__ import annotations

import re

from .chrome import is_caption, is_listing_chrome
from .headlines import HEADLINE_MAX_LENGTH
from .listing import Item

MIN_CAPTIONED_HEADLINES = 3
# An advertisement's label between the items: "la suite après cette publicité", "Publicidad".
_ADVERT = re.compile(
    r"^(?:la\s+suite\s+apr[èe]s\s+cette\s+)?publicit[ée]$|^publicidad$|^advertisement$", re.I
)


def captioned_headlines(lines: list[str], start: int) -> list[Item] | None:
    """One item per headline when every headline of the page comes right under a picture's
    caption ("Un groupe de migrants … © Daniele La Monaca/AP/SIPA" / "Immigration : plus de
    15 000 migrants rapatriés de Libye, selon l’OIM") and the page holds no other text but a
    heading above the first caption: a magazine's section page, whose items have no teaser."""
    headlines: list[str] = []
    after_caption = False
    for line in lines[start:]:
        text = line.strip()
        if not text or is_listing_chrome(text) or _ADVERT.match(text):
            continue
        if is_caption(text):
            after_caption = True
            continue
        if not after_caption:
            if headlines:
                return None  # a second line under a headline: a teaser, not this shape
            continue  # the page's heading, above the first caption
        if len(text) > HEADLINE_MAX_LENGTH or text[-1:] in ".:;,":
            return None
        headlines.append(text)
        after_caption = False
    if len(headlines) < MIN_CAPTIONED_HEADLINES:
        return None
    # No teaser: the headline is all the item's text (as a CMS line is for a title and a date).
    return [Item([headline], cms_text=headline, title_index=0) for headline in headlines]
