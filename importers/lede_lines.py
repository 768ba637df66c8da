"""A tag or archive page that kept only its teasers: bare paragraphs, one a line, each a lede.

A news site's tag page saved as text may keep nothing of its items but their teasers, one
paragraph a line with no blank line between them and no headline. An article saved one
paragraph a line looks the same, but its paragraphs after the first carry on the text: they
open on a pronoun or a connective ("Il a …", "Asimismo, …", "However …"), on a quotation
whose speaker is not named, on a person's surname the text gave in full before ("Peraza
señaló …"), or use bare an acronym an earlier paragraph spelt out ("(DGME)" … "la DGME"). A
teaser is an opening paragraph: it introduces what it speaks of, and none of that is seen.

That alone would also cut a release whose headline was lost (saved one paragraph a line, its
paragraphs often carrying on by none of those signs: ~30 % of the corpus's releases so copied
without headline and contact block). So the page must also say it is a listing: a source label
or an archive heading between its ledes ("OIM", "Auteur/autrice : …"), or each lede naming the
organisation in full with its acronym, as a text's opening does and a release does once, or
each lede cut by the site with an ellipsis.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .chrome import is_listing_chrome
from .listing import Item
from .opening_words import SENTENCE_END, opening_words
from .teaser_blocks import reintroduces_iom

MIN_LEDES = 3
LEDE_MIN_WORDS = 12
MAX_LABELS = 2  # a card's source label ("OIM"), an archive's heading ("Auteur/autrice : …")
LABEL_MAX_WORDS = 8

# First words (lower-cased, two at most) that carry a text on: pronouns, demonstratives,
# connectives, a verb of saying whose subject is in the paragraph before.
_CARRY_ON = frozenset(
    {
        # French
        "il", "elle", "ils", "elles", "ce", "cet", "cette", "ces", "celui", "celle", "ceux",
        "mais", "cependant", "toutefois", "enfin", "ainsi", "puis", "ensuite", "pourtant",
        "néanmoins", "par ailleurs", "en outre", "de plus", "selon lui", "selon elle",
        "selon eux", "d'après lui", "d'après elle", "pour lui", "pour elle",
        # Spanish
        "él", "ella", "ellos", "ellas", "este", "esta", "estos", "estas", "esto", "dicho",
        "dicha", "asimismo", "además", "también", "pero", "finalmente", "igualmente",
        "agregó", "añadió", "explicó", "indicó", "señaló", "dijo", "afirmó", "sostuvo",
        "subrayó", "destacó", "aseguró", "precisó", "recordó", "concluyó", "sin embargo",
        "por su", "por último", "por otra", "por eso", "por ello", "según él", "según ella",
        # English
        "he", "she", "they", "it", "this", "these", "those", "his", "her", "their", "its",
        "however", "meanwhile", "also", "moreover", "furthermore", "but", "additionally",
        "in addition",
    }
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_QUOTES = "«“\"‘'"
# A quotation's speaker named after it: "”, cuenta Eliana al Banco Mundial".
_NAMED_SPEAKER = re.compile(r"\s*,\s*(?:[a-zà-ÿ]+\s+){1,2}[A-ZÀ-Þ][a-zà-ÿ]")
_CLOSING_QUOTE = re.compile(r"[”»\"]")
_ACRONYM_SPELT = re.compile(r"\(([A-Z]{2,8})[)\s,;–-]")  # "(DGME)", "(OIM-ONU Migración)"
# A person's name in full ("Nicola Graviano"), and a paragraph opening on a capitalised word.
_FULL_NAME = re.compile(r"\b[A-ZÀ-Þ][a-zà-ÿ]+\s+([A-ZÀ-Þ][a-zà-ÿ]{2,})\b")
_FIRST_WORD = re.compile(r"([A-ZÀ-Þ][a-zà-ÿ]{2,})\b")


def is_cut_by_site(text: str) -> bool:
    """A teaser the site cut before its end with an ellipsis ("… qui, selon...", "… a …"): a
    listing's excerpt. A release's paragraph ends its sentence."""
    return text.endswith(("…", "..."))


def _opens_on_carry_on(paragraph: str) -> bool:
    words = [word.casefold().replace("’", "'") for word in _WORD.findall(paragraph[:40])[:2]]
    return bool(words) and (words[0] in _CARRY_ON or " ".join(words) in _CARRY_ON)


def _unnamed_quotation(paragraph: str) -> bool:
    """A paragraph opening on a quotation whose speaker it does not name after it."""
    if paragraph[0] not in _QUOTES:
        return False
    closing = _CLOSING_QUOTE.search(paragraph, 1)
    return closing is None or _NAMED_SPEAKER.match(paragraph, closing.end()) is None


def _carries_on(paragraph: str, spelt: set[str], surnames: set[str]) -> bool:
    """The paragraph carries on a text whose earlier paragraphs spelt out these acronyms and
    named these people in full."""
    if _opens_on_carry_on(paragraph) or _unnamed_quotation(paragraph):
        return True
    first = _FIRST_WORD.match(paragraph)
    if first is not None and first.group(1) in surnames:
        return True
    return any(
        f"({acronym}" not in paragraph and re.search(rf"\b{acronym}\b", paragraph) is not None
        for acronym in spelt
        if acronym in paragraph
    )


def are_ledes(paragraphs: list[str]) -> bool:
    """Each paragraph opens a text of its own: none carries on the ones before it."""
    spelt: set[str] = set()
    surnames: set[str] = set()
    for number, paragraph in enumerate(paragraphs):
        if number and _carries_on(paragraph, spelt, surnames):
            return False
        spelt.update(_ACRONYM_SPELT.findall(paragraph))
        surnames.update(_FULL_NAME.findall(paragraph))
    return True


def _is_lede_shape(line: str, words: int, last: bool) -> bool:
    """A whole paragraph on its line: many words, a capital (or a quotation) first, a full stop
    last (the page's last one may be cut)."""
    return (
        words >= LEDE_MIN_WORDS
        and (line[0].isupper() or line[0].isdigit() or line[0] in _QUOTES)
        and (last or line[-1] in SENTENCE_END)
    )


def lede_items(
    lines: list[str], start: int, opens_with_dateline: Callable[[str], bool]
) -> list[Item] | None:
    """One item per line when the page from ``start`` is bare lede paragraphs, one a line and
    no blank line between them (three at least; a source label or an archive heading after
    the first heads nothing). None for any other page, and for a paragraph opening with a dateline
    ("Ciudad de México – …" under its headline sentence: a release)."""
    end = len(lines)
    while end > start and not lines[end - 1].strip():
        end -= 1
    if end - start < MIN_LEDES:
        return None
    ledes: list[str] = []
    labels = 0
    for number in range(start, end):  # most pages stop at their headline, their first line
        text = lines[number].strip()
        if not text:
            return None
        words = text.count(" ") + 1
        if _is_lede_shape(text, words, number == end - 1):
            ledes.append(text)
        elif ledes and labels < MAX_LABELS and words <= LABEL_MAX_WORDS and is_listing_chrome(text):
            labels += 1
        else:
            return None
    if len(ledes) < MIN_LEDES or any(map(opens_with_dateline, ledes)) or not are_ledes(ledes):
        return None
    if not labels and not all(map(is_cut_by_site, ledes)) and not all(map(reintroduces_iom, ledes)):
        return None  # nothing says listing: a release whose headline was lost looks the same
    return [Item([opening_words(text), "", text, ""], title_index=0) for text in ledes]
