"""Untrusted text to Textual ``Content``: never parsed as markup, control characters removed.

Every scraped string (titles, bodies, names, offices, file names) goes through these helpers
before it reaches a widget. ``Content(text)`` keeps ``[bold]`` or ``[@click=app.quit]`` as
literal characters; ``store.text`` removes escape sequences that ``Content`` would let through.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from textual.content import Content, Span
from textual.style import Style

from oim_archive.store.text import clean_line, strip_control

# (text, terms) -> [(start, end)] offsets of matched words in ``text``.
SpanFinder = Callable[[str, Sequence[str]], list[tuple[int, int]]]


# One display line of untrusted text: no controls, whitespace folded (the store's own helper).
line = clean_line


def block(text: str | None) -> str:
    """Untrusted multi-line text: no controls, newlines kept, tabs as spaces."""
    return strip_control(text or "").replace("\t", "    ")


def plain(text: str | None, style: Style | str = "") -> Content:
    """Untrusted text as one line of Content, optionally styled as a whole."""
    content = Content(line(text))
    return content.stylize(style) if style else content


def marked(
    text: str,
    terms: Sequence[str],
    match_style: Style | str,
    find_spans: SpanFinder | None,
) -> Content:
    """Already-cleaned ``text`` as Content with the spans of ``terms`` styled."""
    content = Content(text, strip_control_codes=False)
    if not terms or find_spans is None or not text:
        return content
    try:
        spans = find_spans(text, terms)
    except Exception:  # highlighting is cosmetic: never let it break the display
        return content
    extra = [Span(start, end, match_style) for start, end in spans if 0 <= start < end]
    return content.add_spans(extra) if extra else content


def join_lines(parts: Iterable[Content]) -> Content:
    """Content objects one per line."""
    return Content("\n").join(list(parts))
