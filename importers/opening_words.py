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
