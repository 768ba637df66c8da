"""The paragraphs of a listing without CMS or date lines: teaser blocks, labels, digest dates."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from .case_twins import has_case_twins
from .chrome import is_byline, is_caption, is_listing_chrome
from .dates import find_dates
from .headlines import HEADLINE_MAX_LENGTH, NOT_HEADLINE_END, is_headline
from .link_residue import after_leading_link, without_link_residue
from .opening_words import SENTENCE_END

# Link text left by a listing's "read more" and share links ("Read more | Share on",
# "Read moreWatch here", "Share on Twitter | Facebook").
_LINK_RESIDUE = re.compile(
    r"^(?:(?:read\s*more|read\s*on|click\s+here|watch\s+here|share\s+on|twitter|facebo\w*|"
    r"lire\s+la\s+suite|en\s+savoir\s+plus|voir\s+plus|leer\s+m[áa]s|ver\s+m[áa]s|more|"
    r"view\s+.{1,40}\s+map)[\s|,.…:›»>]*)+$",
    re.IGNORECASE,
)
# A feed's age of an item, between its headline and its teaser: "2 days ago", "il y a 3 jours".
_AGE_LINE = re.compile(
    r"^(?:\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)"
    r"(?:\s+\d+\s+\w+)?\s+ago|il\s+y\s+a\s+\d+\s+(?:secondes?|minutes?|heures?|jours?|semaines?|"
    r"mois|ans?)|hace\s+\d+\s+(?:segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|años?))$",
    re.IGNORECASE,
)
LINK_LINE_MAX_LENGTH = 40


# Every branch of _AGE_LINE holds one of these (lower-cased; "il y a" by its own regex, its
# spaces being any): looked for in the whole page first, most pages having no age line.
_AGE_WORDS = ("ago", "hace")
_IL_Y_A = re.compile(r"il\s+y\s+a")


def may_hold_age_lines(text: str) -> bool:
    """Whether a text may hold an age line (False: it surely does not)."""
    lowered = text.lower()
    return (
        any(word in lowered for word in _AGE_WORDS)
        or _IL_Y_A.search(lowered) is not None
        or has_case_twins(text)
    )


def is_age_line(line: str) -> bool:
    """A feed's or news site's age of an item, alone on its line ("2 years ago", "hace 3 días")."""
    text = line.strip()
    return 0 < len(text) <= LINK_LINE_MAX_LENGTH and _AGE_LINE.match(text) is not None


MIN_TEASER_ITEMS = 3
_BYLINE = "\x00"


def teaser_blocks(
    lines: list[str], start: int, opens_with_dateline: Callable[[str], bool]
) -> tuple[list[str], dict[str, str]]:
    """Paragraphs (runs of non-blank lines) from a line on, without "read more" link text,
    photo credits, bylines or site labels; a headline line followed at once by a dateline line
    is two paragraphs. Also returns the paragraphs an author's byline followed, each with the
    photo caption dropped between them ("" if none): a blog's headline, or a caption under it."""
    blocks: list[list[str]] = [[]]
    for line in lines[start:]:
        text = without_link_residue(line.strip())
        if (headline := after_leading_link(text)) is not None:
            if blocks[-1]:  # the link closed the item above; its headline opens the next
                blocks.append([])
            text = headline
        if (
            text
            and len(text) <= LINK_LINE_MAX_LENGTH
            and (_LINK_RESIDUE.match(text) or _AGE_LINE.match(text))
        ):
            text = ""  # "Share on Facebook", "2 days ago": a link or a feed's age, a break
        if not text:
            if blocks[-1]:
                blocks.append([])
        elif is_byline(text):  # "By Joe Lowry in Tacloban": neither title nor teaser
            if blocks[-1]:
                blocks.append([])
            blocks[-1:] = [[_BYLINE], []]
        elif (
            0 < len(blocks[-1]) <= 2  # a headline, perhaps under a label line ("Selected …")
            and blocks[-1][-1][-1] not in NOT_HEADLINE_END  # cheap tests first: every line
            and len(blocks[-1][-1]) <= HEADLINE_MAX_LENGTH
            and opens_with_dateline(text)
            and is_headline(blocks[-1][-1])
            and not opens_with_dateline(blocks[-1][-1])
        ):
            headline = blocks[-1].pop()
            blocks[-1:] = [*([blocks[-1]] if blocks[-1] else []), [headline], [text]]
        else:
            blocks[-1].append(text)
    blocks = _headlines_apart(_without_contents(blocks))
    texts = [" ".join(part) for block in blocks if block for part in _one_item_a_line(block)]
    texts = _without_image_captions(texts, opens_with_dateline)
    kept: list[str] = []
    bylined: dict[str, str] = {}
    caption = ""
    for text in texts:
        if text == _BYLINE:
            if kept:
                bylined[kept[-1]] = caption
        elif is_caption(text):
            caption = text
            continue
        elif not (_LINK_RESIDUE.match(text) or is_listing_chrome(text)):
            kept.append(text)
        caption = ""
    return kept, bylined


# An image's placeholder text in a newsletter, left where the picture was: "main banner".
_IMAGE_PLACEHOLDERS = frozenset({"main banner", "banner", "image", "placeholder"})


def _without_image_captions(
    texts: list[str], opens_with_dateline: Callable[[str], bool]
) -> list[str]:
    """Without the caption of an item's picture: a sentence ending with a full stop right under
    an image placeholder ("main banner") and over a headline whose teaser opens with a dateline
    ("IOM Director General … receives the award from …." over "… Recognised with …" over
    "Djibouti - …"). It was read as the item's text and the headline as a title of its own."""
    if not any(text.casefold() in _IMAGE_PLACEHOLDERS for text in texts):
        return texts
    dropped: set[int] = set()
    for at in range(len(texts) - 3):
        caption, headline, teaser = texts[at + 1], texts[at + 2], texts[at + 3]
        if (
            texts[at].casefold() in _IMAGE_PLACEHOLDERS
            and caption.endswith(".")
            and not opens_with_dateline(caption)
            and is_headline(headline)
            and opens_with_dateline(teaser)
        ):
            dropped.add(at + 1)
    return [text for at, text in enumerate(texts) if at not in dropped]


# A newsletter's table of contents: "In this issue:" over the headlines, bulleted.
_CONTENTS_LABEL = re.compile(
    r"^(?:in\s+this\s+issue|(?:table\s+of\s+)?contents|dans\s+ce\s+num[ée]ro|au\s+sommaire|"
    r"sommaire|en\s+este\s+n[úu]mero|contenidos?|[íi]ndice)\s*:?$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^[-–•▪●◦*]\s*\S")


def _without_contents(blocks: list[list[str]]) -> list[list[str]]:
    """Without a table of contents: its label and the bulleted headlines under it (in its own
    paragraph or one a paragraph), which the items below repeat."""
    kept: list[list[str]] = []
    in_contents = False
    for block in blocks:
        if block and _CONTENTS_LABEL.match(block[0]) and all(map(_BULLET.match, block[1:])):
            in_contents = True
        elif not (in_contents and block and all(map(_BULLET.match, block))):
            in_contents = False
            kept.append(block)
    return kept


# A hard-wrapped line ends with a small word; a headline does not.
_WRAPPED_LINE_END = re.compile(
    r"\b(?:the|a|an|of|to|in|and|for|with|from|le|la|les|l['’]|de|des|du|d['’]|et|à|au|en|"
    r"el|los|las|del|y|con|por|para)$",
    re.IGNORECASE,
)


def _headline_over_teaser(block: list[str]) -> bool:
    """Two lines, a headline over its longer teaser sentence ("IOM Trains …" / "Forty …")."""
    if len(block) != 2:
        return False
    headline, teaser = block
    return (
        len(teaser) > len(headline)
        and teaser[:1].isupper()
        and (teaser[-1] in SENTENCE_END or len(teaser) > HEADLINE_MAX_LENGTH)
        and is_headline(headline)
        and _WRAPPED_LINE_END.search(headline) is None
    )


def _headlines_apart(blocks: list[list[str]]) -> list[list[str]]:
    """A listing whose items are a headline line over a teaser line, a blank line between items
    (a list copied from a page): each headline its own paragraph, when MIN_TEASER_ITEMS items
    or more have that shape."""
    if sum(map(_headline_over_teaser, blocks)) < MIN_TEASER_ITEMS:
        return blocks
    apart: list[list[str]] = []
    for block in blocks:
        apart.extend([[line] for line in block] if _headline_over_teaser(block) else [block])
    return apart


MIN_UNSPACED_ITEMS = 2


def _one_item_a_line(block: list[str]) -> list[list[str]]:
    """A listing printed without blank lines (headline line, teaser line, headline line…) is
    one paragraph a line: headlines alternate with longer lines of running text. Any other
    run of lines (a hard-wrapped paragraph, a title over two lines) stays one paragraph."""
    if len(block) >= MIN_TEASER_ITEMS and all(map(reintroduces_iom, block)):
        return [[line] for line in block]  # a tag page's teasers, one a line
    if len(block) < 2 * MIN_UNSPACED_ITEMS:
        return [block]
    heads, teasers = block[::2], block[1::2]
    if all(is_headline(head) for head in heads[: len(teasers)]) and all(
        len(teaser) > len(head)
        and (teaser[-1] in SENTENCE_END or len(teaser) > HEADLINE_MAX_LENGTH)
        for head, teaser in zip(heads, teasers[:-1], strict=False)
    ):
        return [[line] for line in block]
    return [block]


# The organisation's full name with its acronym: "Organisation internationale pour les migrations
# (OIM)". A release spells it out once; a page of other sites' teasers, in each of them.
_FULL_NAME = re.compile(
    r"(?:international\s+organi[sz]ation\s+for\s+migration\s*\(IOM\)|organisation\s+"
    r"internationale\s+pour\s+les\s+migrations\s*\(OIM\)|organizaci[oó]n\s+internacional\s+"
    r"para\s+las\s+migraciones\s*\(OIM\))",
    re.IGNORECASE,
)


def reintroduces_iom(text: str) -> bool:
    """The paragraph names the organisation in full with its acronym, as a text's opening does."""
    return ("(IOM)" in text or "(OIM)" in text) and _FULL_NAME.search(text) is not None


REPEATED_LABEL_WORDS = 6


def without_repeated_labels(blocks: list[str]) -> list[str]:
    """Without the short lines every item repeats ("World + 4 more", "Official Statements",
    "Press Release"): the listing's labels, never a title nor a teaser."""
    counts = Counter(block for block in blocks if block.count(" ") < REPEATED_LABEL_WORDS)
    repeated = {block for block, count in counts.items() if count > 1}
    return [block for block in blocks if block not in repeated] if repeated else blocks


# A digest's heading that says up to when it runs: "IOM / … [to 29 August 2015]".
_WEEK_LABEL = re.compile(
    r"\[\s*(?:to|until|up\s+to|au|jusqu['’]au|hasta|al)\s+(?P<date>[^\]]{6,30})\]", re.IGNORECASE
)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def week_label(heading: str) -> str:
    """The month of a digest whose heading runs "to" a date ("June 2015"): its items are of
    the days before that date, so only the month is stated ("" for any other heading)."""
    label = _WEEK_LABEL.search(heading)
    found = find_dates(label["date"]) if label else []
    if not found or len(found[0].iso) < len("2015-06"):
        return ""
    return f"{_MONTHS[int(found[0].iso[5:7]) - 1]} {found[0].iso[:4]}"


KICKER_MAX_WORDS = 3


def without_kickers(blocks: list[str]) -> tuple[list[str], int]:
    """Without the section labels in capitals a news site puts over each headline
    ("INMIGRACIÓN", "LATINOAMÉRICA"), and how many there were. A line in capitals over a
    paragraph (a release's subheading) stays."""
    kept: list[str] = []
    kickers = 0
    for number, block in enumerate(blocks):
        following = blocks[number + 1] if number + 1 < len(blocks) else ""
        if (
            block.isupper()
            and block.count(" ") < KICKER_MAX_WORDS
            and not any(map(str.isdigit, block))
            and following
            and not following.isupper()
            and is_headline(following)
        ):
            kickers += 1
            continue
        kept.append(block)
    return kept, kickers
