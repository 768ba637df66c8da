"""HTML remnants in scraped text: tags, broken mail links, entities."""

from __future__ import annotations

import html
import re

from oim_archive.store.text import strip_control

# A broken link such as `"mailto:marc@iom.ge" target="_blank" title="">marc@iom.ge`, possibly
# spread over two lines. With its closing `>` the visible address follows and the remnant goes;
# without it (a page cut inside the tag) the address is kept.
_BROKEN_MAILTO = re.compile(
    r"""["']mailto:([^"'\s<>]*)["']"""
    r"""(?:\s*[a-zA-Z-]+\s*=\s*(?:"[^"\n]*"|'[^'\n]*'|[^\s>"']*))*\s*(>)?""",
    re.IGNORECASE,
)
# The `a href=` left before such a link (patterns start with a literal so the scan is fast).
_HREF = re.compile(r"""(?:<|\b)a\s+href\s*=\s*(?=["']mailto:)|href\s*=\s*(?=["']mailto:)""", re.I)
_MAILTO_PREFIX = re.compile(r"mailto:", re.IGNORECASE)
# Script and style blocks of a saved HTML page: their content is not text.
_HIDDEN_BLOCK = re.compile(r"<(script|style|head)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_TAG = re.compile(
    r"</?(?:p|br|div|li|ul|ol|h[1-6]|tr|table|blockquote|section|article|header|footer)\b"
    r"[^<>]{0,500}>",
    re.IGNORECASE,
)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^<>]{0,500}>|<!--.*?-->|<![^<>]{0,200}>", re.DOTALL)
# `&amp;eacute;` happens when a page is escaped twice.
_DOUBLE_ESCAPED = re.compile(r"&amp;(#?[a-zA-Z0-9]{1,10};)")
_SPACES = re.compile(r"[\u00a0\u202f\u2007\u2009]")


def _mailto_remnant(match: re.Match[str]) -> str:
    return "" if match.group(2) else match.group(1)


def clean_markup(text: str) -> str:
    """Text with HTML tags, broken mailto remnants and entities turned into plain text."""
    if "<" in text:
        text = _HIDDEN_BLOCK.sub("\n", text)
        text = _BLOCK_TAG.sub("\n", text)
        text = _TAG.sub("", text)
    if "mailto:" in text.lower():
        if "href" in text:
            text = _HREF.sub("", text)
        text = _BROKEN_MAILTO.sub(_mailto_remnant, text)
        text = _MAILTO_PREFIX.sub("", text)
    if "&" in text:
        text = _DOUBLE_ESCAPED.sub(r"&\1", text)
        text = html.unescape(text)
        # Entities may encode spaces, controls or escape sequences: clean them like raw bytes.
        text = _SPACES.sub(" ", strip_control(text))
    return text
