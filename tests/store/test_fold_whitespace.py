"""fold_whitespace skips the split for text already folded, and gives what the split gives."""

from __future__ import annotations

import random
import sys

from oim_archive.store.records import _normalise_for_id
from oim_archive.store.text import fold_whitespace

WHITESPACE = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]


def test_a_plain_space_is_the_only_printable_whitespace() -> None:
    assert [c for c in WHITESPACE if c.isprintable()] == [" "]


def test_folding_gives_what_split_and_join_give() -> None:
    pieces = ["Genève", "IOM", "a", "é", "", "2019", "«", "x\u200by", *WHITESPACE, " ", "  "]
    draw = random.Random(16)
    texts = ["", " ", "a", " a", "a ", "a  b", "a\nb", "a\n\nb", "a\u00a0b", "a\x85b", "a\u3000b"]
    texts += ["".join(draw.choice(pieces) for _ in range(draw.randint(1, 12))) for _ in range(5000)]
    for text in texts:
        assert fold_whitespace(text) == " ".join(text.split()), repr(text)


def test_the_release_id_text_is_folded_as_before() -> None:
    texts = ["Titre", "Para one.\n\nPara two.", "a\n\n\nb", " a\n\n b ", "a \n\nb", "ǅ\u00a0ß"]
    for text in texts:
        assert _normalise_for_id(text) == " ".join(text.split()).casefold()
