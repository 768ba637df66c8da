"""Text folding for search: one function used on documents and queries alike."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Letters that Unicode decomposition leaves alone but a French/Spanish/English reader treats as
# plain letters (ligatures, stroked letters). Applied after casefold (which already gives ß -> ss).
_LETTERS = {
    "œ": "oe",
    "æ": "ae",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ı": "i",
    "ħ": "h",
    "ŀ": "l",
    "ſ": "s",
}
_LETTER = re.compile("[" + "".join(_LETTERS) + "]")
# Combining marks left by NFKD (Latin, Greek/Cyrillic accents, Hebrew and Arabic points).
_COMBINING = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
)
# Everything that is not a letter or digit separates words: punctuation, apostrophes of every
# kind, dashes, underscores, symbols, whitespace.
_SEPARATORS = re.compile(r"[\W_]+")
# Characters outside ASCII that are not Latin combining accents (after NFKD).
_NON_ASCII = re.compile("[^\x00-\x7f\u0300-\u036f]+")
# Byte table for ASCII text: letters and digits stay, everything else becomes a space.
_ASCII_WORDS = bytes(
    (c + 32 if 65 <= c <= 90 else c) if chr(c).isalnum() and c < 128 else 32 for c in range(256)
)
# A word in original (unfolded) text: letters/digits plus any combining marks inside it.
_ORIGINAL_WORD = re.compile("(?:[^\\W_]|[\u0300-\u036f])+")


def sort_key(text: str) -> tuple[str, str]:
    """The order a person sorts names in: accents and case folded ("Émirats" next to "Égypte",
    not after "Zambie"); ties broken by the text itself, so the order is total."""
    return fold(text), text


def fold(text: str) -> str:
    """Fold text for matching: case, accents, ligatures, apostrophes, dashes, punctuation.

    `Côte-d’Ivoire` and `cote d'ivoire` both give `cote d ivoire`; `Œuvre` gives `oeuvre`.
    Words are separated by single spaces, with no leading or trailing space.
    """
    return " ".join(fold_words(text))


def fold_words(text: str) -> list[str]:
    """The folded words of a text, in order (`fold(text).split()`, without the extra join)."""
    text = text.casefold()
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_WORDS).decode().split()
    if _LETTER.search(text):
        text = _LETTER.sub(lambda m: _LETTERS[m.group()], text)
    text = unicodedata.normalize("NFKD", text)
    other_scripts = False

    def blank_symbols(match: re.Match[str]) -> str:
        nonlocal other_scripts
        run = match.group()
        if any(ch.isalnum() for ch in run):
            other_scripts = True
            return run
        return " "

    text = _NON_ASCII.sub(blank_symbols, text)
    if other_scripts:
        # Letters of other scripts: keep them, drop marks, split on everything else.
        return _SEPARATORS.sub(" ", _COMBINING.sub("", text).casefold()).split()
    # Only ASCII and Latin accents are left: drop the accents.
    return text.encode("ascii", "ignore").translate(_ASCII_WORDS).decode().split()


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """Fold one word (cached: document words repeat a lot)."""
    return fold(word)


def highlight_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Spans (start, end) in the original text whose folded word equals or starts with a term.

    A word such as `d’Ivoire` folds to two words; each part is checked on its own span.
    Spans are sorted and never overlap.
    """
    wanted = sorted({t for t in terms if t}, key=len)
    if not wanted or not text:
        return []
    exact = set(wanted)
    spans: list[tuple[int, int]] = []
    for match in _ORIGINAL_WORD.finditer(text):
        folded = fold_word(match.group())
        if not folded:
            continue
        if " " not in folded:
            if folded in exact or any(folded.startswith(t) for t in wanted):
                spans.append(match.span())
            continue
        # Rare: the original word folds to several words (e.g. a ligature with a mark inside);
        # highlight the whole original word when any part matches.
        parts = folded.split()
        if any(p in exact or any(p.startswith(t) for t in wanted) for p in parts):
            spans.append(match.span())
    return spans
