"""Listings without CMS or date lines: headlines and teasers, bulleted items, bare teasers."""

from __future__ import annotations

import re
from collections.abc import Callable

from .chrome import is_caption, is_label, is_listing_chrome
from .dates import find_dates
from .listing import Item, is_date_line

# Link text left by a listing's "read more" and share links ("Read more | Share on",
# "Read moreWatch here", "Share on Twitter | Facebook").
_LINK_RESIDUE = re.compile(
    r"^(?:(?:read\s*more|read\s*on|click\s+here|watch\s+here|share\s+on|twitter|facebo\w*|"
    r"lire\s+la\s+suite|en\s+savoir\s+plus|voir\s+plus|leer\s+m[áa]s|ver\s+m[áa]s|more|"
    r"view\s+.{1,40}\s+map)[\s|,.…:›»>]*)+$",
    re.IGNORECASE,
)
# A bulleted item line: "  • IOM Aids Relocation of Families…".
_BULLET_LINE = re.compile(r"^\s*[•▪●◦]\s*(?P<text>\S.*?)\s*$")
HEADLINE_MAX_LENGTH = 200
HEADLINE_MIN_WORDS = 3
MIN_TEASER_ITEMS = 3
HEADLINE_SHARE = 0.35
DATELINE_SHARE = 0.4
HEADING_MAX_WORDS = 4
_SENTENCE_END = '.!?»”"…)'


def _blocks(lines: list[str], start: int, opens_with_dateline: Callable[[str], bool]) -> list[str]:
    """Paragraphs (runs of non-blank lines) from a line on, without "read more" link text,
    photo credits or site labels; a headline line followed at once by a dateline line is two
    paragraphs."""
    blocks: list[list[str]] = [[]]
    for line in lines[start:]:
        text = line.strip()
        if not text:
            if blocks[-1]:
                blocks.append([])
        elif (
            0 < len(blocks[-1]) <= 2  # a headline, perhaps under a label line ("Selected …")
            and blocks[-1][-1][-1] not in _NOT_HEADLINE_END  # cheap tests first: every line
            and len(blocks[-1][-1]) <= HEADLINE_MAX_LENGTH
            and opens_with_dateline(text)
            and _is_headline(blocks[-1][-1])
            and not opens_with_dateline(blocks[-1][-1])
        ):
            headline = blocks[-1].pop()
            blocks[-1:] = [*([blocks[-1]] if blocks[-1] else []), [headline], [text]]
        else:
            blocks[-1].append(text)
    texts = [" ".join(block) for block in blocks if block]
    return [
        text
        for text in texts
        if not (_LINK_RESIDUE.match(text) or is_caption(text) or is_listing_chrome(text))
    ]


_NOT_HEADLINE_END = ".!:;,…"


def _is_headline(block: str, min_words: int = HEADLINE_MIN_WORDS) -> bool:
    return (
        len(block) <= HEADLINE_MAX_LENGTH
        and block[-1] not in _NOT_HEADLINE_END
        and block.count(" ") + 1 >= min_words
        and (block[0].isupper() or block[0].isdigit() or block[0] in '“«"')
        and not is_date_line(block)
    )


def _bullet_items(lines: list[str], start: int) -> list[Item] | None:
    """A listing whose items are bullets ("• Headline"), each followed by its teaser; a bullet
    holding only an image's alt text ("placeholder") has its headline on the next line. None
    for bullets one after another (a menu, a list in a release)."""
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
        if not _is_headline(title, min_words=1) or not any(chunk):
            return None
        items.append(Item([title, "", *chunk], title_index=0))
    return items


def _headline_items(
    blocks: list[str], opens_with_dateline: Callable[[str], bool], dated: bool
) -> list[Item] | None:
    """Headlines each followed by a teaser. A headline left alone at the end (the next item cut
    after its title, a closing promo) is not an item; one followed by another headline is a title
    split over two lines, else a sentence of the teaser before it. A dated newsletter may hold two
    items only, when each teaser opens with a dateline."""
    if not _is_headline(blocks[0]):
        return None
    headlines = [_is_headline(block) for block in blocks]
    if not dated and sum(headlines) < HEADLINE_SHARE * len(blocks):
        return None
    groups: list[list[str]] = []
    for block, headline in zip(blocks, headlines, strict=True):
        alone = headline and groups and len(groups[-1]) == 1
        if alone and opens_with_dateline(block):
            headline = alone = False  # a teaser cut before its full stop, after its headline
        if alone and " | " in groups[-1][0]:
            groups[-1][0] = block  # "Migrants Day | Message from …": a section heading
        elif alone and len(groups[-1][0]) + len(block) < HEADLINE_MAX_LENGTH:
            groups[-1][0] = f"{groups[-1][0]} {block}"  # a title split over two lines
        elif alone and len(groups) > 1:
            groups[-2].append(groups[-1][0])  # a sentence without a full stop, not a title
            groups[-1][0] = block
        elif headline:
            groups.append([block])
        else:
            groups[-1].append(block)
    if len(groups[-1]) == 1:
        groups.pop()
    least = MIN_TEASER_ITEMS
    if dated and len(groups) == 2 and all(opens_with_dateline(group[1]) for group in groups):
        least = 2
    if sum(len(group) > 1 for group in groups) >= least:
        return [Item(_item_lines(group), title_index=0) for group in groups]
    return None


def _dateline_items(
    blocks: list[str], opens_with_dateline: Callable[[str], bool]
) -> list[Item] | None:
    """Teasers that each open with a dateline (the headlines were not kept)."""
    if not opens_with_dateline(blocks[0]):
        return None
    datelines = [opens_with_dateline(block) for block in blocks]
    if sum(datelines) < max(MIN_TEASER_ITEMS, DATELINE_SHARE * len(blocks)):
        return None
    groups: list[list[str]] = []
    for block, dated in zip(blocks, datelines, strict=True):
        if dated or not groups:
            groups.append([block])
        else:
            groups[-1].append(block)
    return [Item(_item_lines(group), title_index=0) for group in groups]


def _bare_items(blocks: list[str], is_heading: Callable[[str], bool]) -> list[Item] | None:
    """Teasers only, under a heading naming the listing's place ("Sénégal"): every paragraph a
    sentence, none a headline; each paragraph is one item."""
    heading, teasers = blocks[0], blocks[1:]
    if (
        len(teasers) < MIN_TEASER_ITEMS
        or heading.count(" ") + 1 > HEADING_MAX_WORDS
        or not is_heading(heading)
        or any(_is_headline(block) for block in teasers)
        or not all(block[-1] in _SENTENCE_END for block in teasers[:-1])
    ):
        return None
    return [Item([_opening_words(block), "", block, ""], title_index=0) for block in teasers]


_FIRST_SENTENCE = re.compile(r"^(.{20,200}?[.!?])\s")
OPENING_WORDS_LENGTH = 120


def _opening_words(teaser: str) -> str:
    """A headline-less teaser's title: its first sentence, or its opening words."""
    sentence = _FIRST_SENTENCE.match(teaser)
    if sentence:
        return sentence.group(1)
    if len(teaser) > OPENING_WORDS_LENGTH:
        return teaser[:OPENING_WORDS_LENGTH].rsplit(" ", 1)[0] + "…"
    return teaser.rstrip(_SENTENCE_END) + "…"


def split_teasers(
    lines: list[str],
    title_index: int,
    opens_with_dateline: Callable[[str], bool],
    is_heading: Callable[[str], bool],
) -> list[Item] | None:
    """A listing without CMS or date lines: bulleted items, headlines each followed by a teaser,
    teasers that each open with a dateline, or bare teasers under a place heading. A date line
    heading the list (a newsletter's issue date) dates every item. None when the page does not
    have one of those shapes."""
    bullets = _bullet_items(lines, title_index)
    if bullets is not None:
        return bullets
    blocks = _blocks(lines, title_index, opens_with_dateline)
    issue_date = ""
    if blocks and is_date_line(blocks[0]):
        issue_date, blocks = blocks[0], blocks[1:]
    elif blocks and (week := _week_label(blocks[0])):
        issue_date = week
        blocks = [block for block in blocks if block != blocks[0]]
    if len(blocks) < (2 if issue_date else MIN_TEASER_ITEMS):
        return None
    items = (
        _headline_items(blocks, opens_with_dateline, bool(issue_date))
        or _dateline_items(blocks, opens_with_dateline)
        or _bare_items(blocks, is_heading)
    )
    if items and issue_date:
        for item in items:
            item.cms_text = issue_date
    return items


# A digest's heading that says up to when it runs: "IOM / … [to 29 August 2015]".
_WEEK_LABEL = re.compile(
    r"\[\s*(?:to|until|up\s+to|au|jusqu['’]au|hasta|al)\s+(?P<date>[^\]]{6,30})\]", re.IGNORECASE
)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def _week_label(heading: str) -> str:
    """The month of a digest whose heading runs "to" a date ("June 2015"): its items are of
    the days before that date, so only the month is stated ("" for any other heading)."""
    label = _WEEK_LABEL.search(heading)
    found = find_dates(label["date"]) if label else []
    if not found or len(found[0].iso) < len("2015-06"):
        return ""
    return f"{_MONTHS[int(found[0].iso[5:7]) - 1]} {found[0].iso[:4]}"


def _item_lines(group: list[str]) -> list[str]:
    lines: list[str] = []
    for block in group:
        lines.extend((block, ""))
    return lines
