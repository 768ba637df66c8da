"""A headline-less text's title: its first sentence, or its opening words."""

from __future__ import annotations

import re

# What a sentence (or a quotation closing one) ends with.
SENTENCE_END = '.!?»”"…)'
# The place and dash opening a release or a teaser: "Tripoli – ", "TUNIS – ", "Beira — ".
DATELINE_HEAD = re.compile(r"^[^.!?–—\n]{1,60}?\s[-–—]\s+")
# A first sentence; not one ended by a title's or an initial's period ("Ms. Held", "J. Doe").
FIRST_SENTENCE = re.compile(
    r"^(.{20,200}?(?:[!?]|(?<!\bMs)(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bMme)(?<!\bSr)"
    r"(?<!\bSra)(?<!\bNo)(?<!\b[A-Z])\.))\s"
)
OPENING_WORDS_LENGTH = 120


def opening_words(text: str) -> str:
    """A headline-less text's title: its first sentence, or its opening words."""
    sentence = FIRST_SENTENCE.match(text)
    if sentence:
        return sentence.group(1)
    if len(text) > OPENING_WORDS_LENGTH:
        return text[:OPENING_WORDS_LENGTH].rsplit(" ", 1)[0] + "…"
    return text.rstrip(SENTENCE_END) + "…"


def without_dateline_head(text: str) -> str:
    """The text without the place and dash opening it ("Geneva – ")."""
    return DATELINE_HEAD.sub("", text, count=1)


# A sentence ended inside a line: after a small letter, a figure or a bracket (not "EE. UU.",
# "U.S.", "M. Swing"), then a capital.
_INNER_SENTENCE_END = re.compile(r"[a-zà-ÿ0-9)»”][.!?]\s+[«“]?[A-ZÀ-Ö]")


def is_sentences(title: str, min_words: int) -> bool:
    """A line of two sentences or more ended by a full stop ("La migration est le grand enjeu
    de notre temps. La Journée internationale des migrants 2018 … a pour thème …."): a
    paragraph, never a headline."""
    return (
        title[-1:] == "."
        and title.count(" ") + 1 >= min_words
        and _INNER_SENTENCE_END.search(title) is not None
    )
