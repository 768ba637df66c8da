"""Whether a paragraph of a listing reads as a headline, a Title-Cased one, or a standfirst."""

from __future__ import annotations

import re

from .listing import is_date_line

HEADLINE_MAX_LENGTH = 200
HEADLINE_MIN_WORDS = 3
NOT_HEADLINE_END = ".!:;,…"
# A quoted sentence ('Natasha: "… heartbreaking."'), a pull quote, an excerpt cut "[…]": not a
# headline.
_QUOTED_SENTENCE_END = re.compile(r"[.!?…][\"”»’'\])]\s*$")
# "… where they arrive. But what about …?": a teaser of two sentences (one ending with a
# question mark) is not a headline, unless Title-Cased ("… Not a Crisis. It’s an Opportunity");
# "U.S. Announces", "Dr. Ahmed" are not a sentence end.
_INNER_SENTENCE_END = re.compile(r"[a-z]{2}[.!?] [A-Z]")
# "Tel 00 41 79 70160 54", "Mobile: +235 62 90 06 74": a contact's phone line, not a headline
# ("Phone Lines Restored in 12 Villages" has no run of digits after its label).
PHONE_FIELD = re.compile(
    r"^(?:t[ée]l[ée]?(?:phone|éfono|efono)?|tel|phone|mobile|cell(?:ulaire)?|cel(?:ular)?|"
    r"portable|m[óo]vil|fax|office|bureau|oficina)\s*\.?\s*:?\s*"
    r"(?:\+|00|\()?\s*\d[\d \t().\-/]{5,}",
    re.IGNORECASE,
)


def _quoted_head(block: str) -> bool:
    """A headline opening on a quotation in straight single quotes that closes before its end
    ('Buried on the Beach': Who are …); a line quoted whole ('We film, therefore we are') is a
    kicker or a pull quote."""
    return block[0] == "'" and block[-1] != "'" and "'" in block[2:]


def is_headline(block: str, min_words: int = HEADLINE_MIN_WORDS) -> bool:
    """A paragraph that reads as a headline: short, capitalised, no final stop, one sentence."""
    return (
        len(block) <= HEADLINE_MAX_LENGTH
        # "… Draw Their Dreams: And It Looks Like Home…": a Title-Cased headline may end with
        # an ellipsis; a teaser cut with one does not look like that.
        and (block[-1] not in NOT_HEADLINE_END or (block[-1] == "…" and title_cased(block)))
        and block.count(" ") + 1 >= min_words
        and (block[0].isupper() or block[0].isdigit() or block[0] in '“«"‘' or _quoted_head(block))
        and _QUOTED_SENTENCE_END.search(block[-3:]) is None
        and (_INNER_SENTENCE_END.search(block) is None or title_cased(block))
        and not is_date_line(block)
        and "@" not in block  # "For more information, contact … Email: x@iom.int"
        and PHONE_FIELD.match(block) is None
    )


TITLE_TAIL_MAX_WORDS = 5
TITLE_CASE_SHARE = 0.5
_SMALL_WORD_LENGTH = 3


def title_cased(text: str) -> bool:
    """Most of the longer words capitalised ("Campaign from Asia Hits a Global Stage")."""
    words = [word for word in text.split() if len(word) > _SMALL_WORD_LENGTH]
    return bool(words) and sum(word[0].isupper() for word in words) >= TITLE_CASE_SHARE * len(words)


def is_subtitle(headline: str, line: str) -> bool:
    """A sentence-case line under a Title-Cased headline: the headline's standfirst."""
    return (
        line.count(" ") + 1 > TITLE_TAIL_MAX_WORDS
        and title_cased(headline)
        and not (title_cased(line))
    )
