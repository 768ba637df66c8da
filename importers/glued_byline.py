"""A journalist's byline with her own address glued before a teaser's first sentence."""

from __future__ import annotations

import re

# "Por María España mespana@lahora.com.gt El Instituto …", "Par Awa Ndiaye ndiaye@site.sn Le …",
# "By Joe Lowry jlowry@paper.com The …": a name of one to four capitalised words, then an address.
_GLUED_BYLINE = re.compile(
    r"^(?:Por|Par|By)\s+(?:[A-ZÀ-Ý][\w'’.-]*\s+){1,4}[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s+(?=[A-ZÀ-Ý«“\"])"
)


def without_glued_byline(line: str) -> str:
    """The line without a byline and address glued at its start (neither text nor a contact)."""
    match = _GLUED_BYLINE.match(line.lstrip())
    return line.lstrip()[match.end() :] if match else line
