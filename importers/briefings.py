"""A UN press briefing's summary (Geneva's briefings, where IOM's spokespeople speak): the
chair's paragraph opening it is no item, and the date over it dates every section."""

from __future__ import annotations

import re

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


# Every branch of _CHAIRED holds one of these (lower-cased): looked for first, the regex being
# slow on long paragraphs.
_CHAIRED_WORDS = ("chaired", "présidé", "presidió")


def briefing_sections(blocks: list[str]) -> tuple[str, list[str]] | None:
    """The sections of a briefing's summary, after its chair's paragraph, and the date line over
    that paragraph ("" when there is none); None when no such paragraph opens the blocks."""
    for at, block in enumerate(blocks[:OPENING_BLOCKS]):
        lowered = block.lower()
        if not any(word in lowered for word in _CHAIRED_WORDS):
            continue
        if _CHAIRED.search(block) is not None:
            dates = [line for line in blocks[:at] if is_date_line(line)]
            return (dates[-1] if dates else ""), blocks[at + 1 :]
    return None
