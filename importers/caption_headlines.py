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
    if _ends_on_text(lines, start):
        return None
    headlines: list[str] = []
    after_caption = False
    for line in lines[start:]:
        text = line.strip()
        if not text:
            continue
        if not headlines and not after_caption:
            # Above the first caption only a caption counts (the page's heading is skipped):
            # asked first, it settles most lines of a page without the other checks.
            if is_caption(text) and not (is_listing_chrome(text) or _ADVERT.match(text)):
                after_caption = True
            continue
        if is_listing_chrome(text) or _ADVERT.match(text):
            continue
        if is_caption(text):
            after_caption = True
            continue
        if not after_caption:
            return None  # a second line under a headline: a teaser, not this shape
        if len(text) > HEADLINE_MAX_LENGTH or text[-1:] in ".:;,":
            return None
        headlines.append(text)
        after_caption = False
    if len(headlines) < MIN_CAPTIONED_HEADLINES:
        return None
    # No teaser: the headline is all the item's text (as a CMS line is for a title and a date).
    return [Item([headline], cms_text=headline, title_index=0) for headline in headlines]


def _ends_on_text(lines: list[str], start: int) -> bool:
    """The page does not end on a caption and its headline (chrome aside): a paragraph or a
    label ends it, or a short line under no caption, so it is not this shape (settled from its
    last two lines; most pages are so)."""
    last: list[str] = []
    for line in reversed(lines[start:]):
        text = line.strip()
        if not text or is_listing_chrome(text) or _ADVERT.match(text):
            continue
        if is_caption(text):
            return False  # a caption last, or over the last headline: look at the whole page
        if last or len(text) > HEADLINE_MAX_LENGTH or text[-1:] in ".:;,":
            return True
        last.append(text)
    return False
