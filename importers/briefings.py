"""A UN press briefing's summary (Geneva's briefings, where IOM's spokespeople speak): the
chair's paragraph opening it is no item, and the date over it dates every section."""

from __future__ import annotations

import re

from .case_twins import has_case_twins
from .listing import is_date_line

# "…, chaired the briefing, which was attended by the spokespersons for …", "… a présidé le
# point de presse …", "… presidió la rueda de prensa …".
_CHAIRED = re.compile(
    r"\b(?:chaired\s+(?:the|a|this)\s+(?:[\w-]+\s+){0,2}(?:briefing|press\s+conference)"
    r"|a\s+présidé\s+(?:le|la|ce|cette)\s+(?:[\w-]+\s+){0,2}(?:point\s+de\s+presse|"
    r"conférence\s+de\s+presse|séance\s+d['’]information|briefing)"
    r"|presidió\s+(?:la|el|una|un)\s+(?:[\w-]+\s+){0,2}(?:rueda\s+de\s+prensa|"
    r"conferencia\s+de\s+prensa|sesión\s+informativa|reunión\s+informativa|briefing))\b",
    re.IGNORECASE,
)
# The chair's paragraph comes under the page's heading and the briefing's date.
OPENING_BLOCKS = 4


# Its branches one by one, case-sensitive, for the lower-cased block, each led by its verb: the
# engine then looks for the verb directly (~2 µs a block), where the case-insensitive
# alternation was tried at every position (~15 µs on a paragraph that says "présidé par").
# What comes before the verb ("\b", "a ") is checked at each place the verb is found.
_CHAIRED_BRANCHES = (
    (
        re.compile(
            r"chaired\s+(?:the|a|this)\s+(?:[\w-]+\s+){0,2}(?:briefing|press\s+conference)\b"
        ),
        False,
    ),
    (
        re.compile(
            r"présidé\s+(?:le|la|ce|cette)\s+(?:[\w-]+\s+){0,2}(?:point\s+de\s+presse|"
            r"conférence\s+de\s+presse|séance\s+d['’]information|briefing)\b"
        ),
        True,
    ),
    (
        re.compile(
            r"presidió\s+(?:la|el|una|un)\s+(?:[\w-]+\s+){0,2}(?:rueda\s+de\s+prensa|"
            r"conferencia\s+de\s+prensa|sesión\s+informativa|reunión\s+informativa|briefing)\b"
        ),
        False,
    ),
)
_WORD_CHAR = re.compile(r"\w")


def _starts_word(text: str, at: int) -> bool:
    """Whether a word starts at ``at`` (what ``\b`` before a letter asks)."""
    return at == 0 or _WORD_CHAR.match(text, at - 1) is None


def _after_a(text: str, at: int) -> bool:
    """Whether the word "a" and spaces come right before ``at`` ("a présidé")."""
    before = text[:at].rstrip()
    return len(before) < at and before.endswith("a") and _starts_word(before, len(before) - 1)


def says_chaired(block: str) -> bool:
    """Whether the paragraph says who chaired the briefing (what ``_CHAIRED`` finds)."""
    if has_case_twins(block):
        return _CHAIRED.search(block) is not None
    lowered = block.lower()
    for branch, after_a in _CHAIRED_BRANCHES:
        found = branch.search(lowered)
        while found is not None:
            at = found.start()
            if _after_a(lowered, at) if after_a else _starts_word(lowered, at):
                return True
            found = branch.search(lowered, at + 1)
    return False


def briefing_sections(blocks: list[str]) -> tuple[str, list[str]] | None:
    """The sections of a briefing's summary, after its chair's paragraph, and the date line over
    that paragraph ("" when there is none); None when no such paragraph opens the blocks."""
    for at, block in enumerate(blocks[:OPENING_BLOCKS]):
        if says_chaired(block):
            dates = [line for line in blocks[:at] if is_date_line(line)]
            sections = blocks[at + 1 :]
            if sections and names_spokespeople(sections[0]):
                sections = sections[1:]  # "Ont participé à ce point de presse les porte-parole …"
            return (dates[-1] if dates else ""), sections
    return None


# The chair's second paragraph, naming who took part: "Ont participé à ce point de presse les
# porte-parole de …", "Also attending were the spokespersons for …", "Participaron los
# portavoces de …".
_SPOKESPEOPLE = re.compile(
    r"\b(?:porte-parole|spokes(?:persons?|people|men|women)|portavoces)\b",
    re.IGNORECASE,
)
_TOOK_PART = re.compile(
    r"\b(?:ont\s+(?:également\s+|aussi\s+)?participé|étaient\s+présents|attended|attending"
    r"|(?:were|was)\s+(?:also\s+)?present|participaron|asistieron|estuvieron\s+presentes)\b",
    re.IGNORECASE,
)
SPOKESPEOPLE_BLOCK_LENGTH = 600


def names_spokespeople(block: str) -> bool:
    """A paragraph telling which spokespersons took part in the briefing."""
    if len(block) > SPOKESPEOPLE_BLOCK_LENGTH:
        return False
    return _SPOKESPEOPLE.search(block) is not None and _TOOK_PART.search(block) is not None


# A section's heading in a briefing's summary: a short line without a sentence's end
# ("Attacks on mosques in New Zealand", "Mission du Secrétaire général en Europe").
SECTION_HEADING_WORDS = 15
_NOT_HEADING_END = tuple('.!?:;,»”"…')


def _is_section_heading(block: str) -> bool:
    return (
        "\n" not in block
        and len(block.split()) <= SECTION_HEADING_WORDS
        and not block.rstrip().endswith(_NOT_HEADING_END)
    )


def briefing_groups(sections: list[str]) -> list[list[str]] | None:
    """The sections of a briefing's summary, each its heading and paragraphs; a heading right
    under another heading is that section's first words (a page cut short after them). None
    unless two sections at least have text."""
    groups: list[list[str]] = []
    for block in sections:
        if _is_section_heading(block) and (not groups or len(groups[-1]) > 1):
            groups.append([block])
        elif groups:
            groups[-1].append(block)
    groups = [group for group in groups if len(group) > 1]
    return groups if len(groups) >= 2 else None
