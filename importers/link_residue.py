"""The "read more" link text a listing leaves glued after a teaser's last sentence."""

from __future__ import annotations

import re

# A "read more" link left glued after a teaser's last sentence: "… all of them. Read more",
# "… [...] Lire la suite »", "… Leer más".
_TRAILING_RESIDUE = re.compile(
    r"(?<=[.!?…»”\")\]])\s*(?:read\s*more|read\s+on|lire\s+la\s+suite|lire\s+ici|continuer\s+la\s+"
    r"lecture|en\s+savoir\s+plus|leer\s+m[áa]s|lea\s+m[áa]s|seguir\s+leyendo|ver\s+m[áa]s)"
    r"\s*[.…»›>]*\s*$",
    re.IGNORECASE,
)


# The residue and the punctuation before it fit in the line's last characters: only they are
# searched (the regex, tried at every position of a long line, cost more than the rest).
RESIDUE_WINDOW = 40
# What every residue ends with, before its closing marks: tested first, in C.
_RESIDUE_END = " .…»›>\t\r\n\xa0"
_RESIDUE_LAST_WORDS = ("more", "on", "suite", "ici", "lecture", "plus", "más", "mas", "leyendo")


def without_link_residue(line: str) -> str:
    """A listing's line without the "read more" link text glued after its last sentence."""
    if not line.rstrip(_RESIDUE_END)[-8:].lower().endswith(_RESIDUE_LAST_WORDS):
        return line
    cut = max(0, len(line) - RESIDUE_WINDOW)
    return line[:cut] + _TRAILING_RESIDUE.sub("", line[cut:])


# A "read more" link glued before the next item's headline on the same line: "Leer más >>El
# Pacto Mundial …", "Read more » IOM Opens …". Its arrow marks are required ("Read more about
# …" is a sentence); looked for only when one is near the line's start.
_LEADING_LINK = re.compile(
    r"(?:read\s*more|lire\s+la\s+suite|leer\s+m[áa]s|ver\s+m[áa]s|en\s+savoir\s+plus|"
    r"seguir\s+leyendo)\s*[>»›]+\s*(?=[^\s>»›])",
    re.IGNORECASE,
)
LEADING_LINK_WINDOW = 25


def after_leading_link(line: str) -> str | None:
    """The headline a "read more >>" link was glued before ("Leer más >>El Pacto …" gives "El
    Pacto …"); None when the line does not open with such a link."""
    head = line[:LEADING_LINK_WINDOW]
    if ">" not in head and "»" not in head and "›" not in head:
        return None
    found = _LEADING_LINK.match(line)
    return None if found is None else line[found.end() :]
