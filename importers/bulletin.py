"""An e-mail bulletin saved as HTML (its table cells hold its items), an archive's articles."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from .case_twins import has_case_twins

# An e-mail bulletin's own links: "Ver como página web", "View this email in your browser".
_BULLETIN = re.compile(
    r"ver\s+como\s+p[áa]gina\s+web|view\s+(?:this\s+)?(?:e-?mail\s+)?(?:as\s+a\s+web\s*page|in\s+"
    r"(?:your\s+)?browser)|voir\s+la\s+version\s+en\s+ligne|administrar\s+suscripciones",
    re.IGNORECASE,
)


# Its branches one by one, case-sensitive, for the lower-cased page: each then starts with a
# literal the engine looks for directly (~1 µs a page each), where the case-insensitive
# alternation was tried at every position of a whole HTML page (~100 µs, more than its parse).
_BULLETIN_BRANCHES = tuple(
    re.compile(branch)
    for branch in (
        r"ver\s+como\s+p[áa]gina\s+web",
        r"view\s+(?:this\s+)?(?:e-?mail\s+)?(?:as\s+a\s+web\s*page|in\s+(?:your\s+)?browser)",
        r"voir\s+la\s+version\s+en\s+ligne",
        r"administrar\s+suscripciones",
    )
)


def is_bulletin(html: str) -> bool:
    """Whether the page shows an e-mail bulletin's own links."""
    if has_case_twins(html):
        return _BULLETIN.search(html) is not None
    lowered = html.lower()
    return any(branch.search(lowered) is not None for branch in _BULLETIN_BRANCHES)


def mark_cells(cells: list[LexborNode], mark: str) -> None:
    """A border mark around each cell, as a bulletin saved as text shows (lone "|" lines)."""
    for cell in cells:
        cell.insert_before(mark)
        cell.insert_after(mark)


def in_article(node: LexborNode) -> bool:
    """Whether the node lies inside an <article> (an archive's item, its <header> its own)."""
    parent = node.parent
    while parent is not None and parent.tag != "article":
        parent = parent.parent
    return parent is not None
