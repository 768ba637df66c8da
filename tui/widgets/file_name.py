"""A file name or path shown whole on as many lines as it needs, broken after ``/ - _ .``.

Terminal text wraps at spaces and folds a long name at any letter; a path is read in parts, so
here it is broken after a separator, and only a part wider than the line is folded.
"""

from __future__ import annotations

import re

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from oim_archive.tui.widgets.safe_text import line

_PARTS = re.compile(r"[^/\\\-_. ]*[/\\\-_. ]?")


def wrap_name(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken after separators when possible."""
    width = max(1, width)
    lines: list[str] = []
    current = ""
    for part in (p for p in _PARTS.findall(text) if p):
        if len(current) + len(part) <= width:
            current += part
            continue
        if current:
            lines.append(current)
            current = ""
        while len(part) > width:
            lines.append(part[:width])
            part = part[width:]
        current = part
    if current or not lines:
        lines.append(current)
    return lines


class FileName(Widget):
    """A (scraped or user-given) file name, never cut and never parsed as markup."""

    DEFAULT_CSS = "FileName { height: auto; }"

    def __init__(self, text: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.text = line(text)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(wrap_name(self.text, width))

    def render(self) -> Content:
        return Content("\n".join(wrap_name(self.text, self.content_region.width)))
