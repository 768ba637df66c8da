"""What a joint release's contact block holds besides IOM's people: partner agencies named
around a person, and a block of two columns flattened into lines."""

from __future__ import annotations

import re

# Partner agencies' acronyms (case-sensitive: "Pam Smith" is a name, "PAM" is WFP): an office
# written after a person ("Name, role, UNICEF New York"), never part of a name.
AGENCY_WORDS = re.compile(
    r"\b(?:UNICEF|WFP|PAM|PMA|ACNUR|ACNUDH|OHCHR|HCDH|OCHA|UNFPA|FNUAP|UNDP|PNUD|UNOPS|UNODC"
    r"|ONUDC|UNAIDS|ONUSIDA|UNESCO|FAO|ILO|OIT|UNHCR|HCR|IOM|OIM)\b"
)
# A preposition opening what reads as a name ("En Ginebra (OIM)", "In Geneva"): a place.
_PLACE_WORD = frozenset({"In", "At", "En", "À", "From", "Desde", "Depuis"})
# Cells of a two-column block set side by side: parted by three spaces or more.
_COLUMN_GAP = re.compile(r"\S(?: {3,})\S")
_GAP_SPLIT = re.compile(r" {3,}")
MIN_COLUMN_ROWS = 3
# What is left of a person's field once an address is taken out: labels, and brackets left
# empty or unbalanced; "(ACNUR)" written after a name stays, for the office to be read.
_EMPTY_BRACKETS = re.compile(r"[(\[<]\s*[)\]>]")
_ADDRESS_WORDS = re.compile(
    r"\b(?:e-?mails?|courriels?|correos?(?:\s+electr[óo]nicos?)?|mails?)\b\s*:?|[<>\[\]:]",
    re.IGNORECASE,
)
_BALANCED = re.compile(r"\([^()@]*[A-Za-zÀ-ÿ][^()@]*\)")


def opens_with_place_word(text: str) -> bool:
    """Whether the first word is a preposition: "En Ginebra" is where, never who."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return first in _PLACE_WORD


def name_part(text: str) -> str:
    """A field's words without its address and labels: "Name (ACNUR)" keeps its brackets
    when they hold words, "Name (a@iom.int)" loses them."""
    text = _EMPTY_BRACKETS.sub(" ", text)
    kept = _BALANCED.search(text) is not None and text.count("(") == text.count(")") == 1
    text = _ADDRESS_WORDS.sub(" ", text)
    if not kept:
        text = text.replace("(", " ").replace(")", " ")
    return " ".join(text.split())


def untangled_columns(lines: list[str]) -> list[str]:
    """The lines, with a run of rows that each hold the same number of cells parted by wide
    gaps (a two-column block copied as text) read column by column, a blank line between
    columns; any other lines as they are."""
    if sum(1 for line in lines if "   " in line.strip()) < MIN_COLUMN_ROWS:
        return lines  # most blocks: no three rows with a wide gap inside them
    out: list[str] = []
    index = 0
    while index < len(lines):
        cells = _cells(lines[index])
        end = index
        while end < len(lines) and len(_cells(lines[end])) == len(cells) > 1:
            end += 1
        if end - index >= MIN_COLUMN_ROWS:
            rows = [_cells(line) for line in lines[index:end]]
            for column in range(len(cells)):
                out.extend(row[column] for row in rows)
                out.append("")
            index = end
        else:
            out.append(lines[index])
            index += 1
    return out


def _cells(line: str) -> list[str]:
    if not _COLUMN_GAP.search(line):
        return [line]
    return [cell for cell in _GAP_SPLIT.split(line.strip()) if cell]
