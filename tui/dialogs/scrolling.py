"""The scrolling keys every long dialog shares (help, import summary): j k g G pgup pgdn."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import ScrollableContainer

from oim_archive.i18n import _

SCROLL_BINDINGS = [
    Binding("j,down", "scroll('down')", _("Scroll"), show=False),
    Binding("k,up", "scroll('up')", _("Scroll"), show=False),
    Binding("pagedown,space", "scroll('page_down')", _("Page down"), show=False),
    Binding("pageup", "scroll('page_up')", _("Page up"), show=False),
    Binding("g,home", "scroll('home')", _("Top"), show=False),
    Binding("G,end", "scroll('end')", _("Bottom"), show=False),
]


def scroll(scroller: ScrollableContainer, direction: str) -> None:
    """Move ``scroller`` one line, one page or to an end, without animation."""
    moves = {
        "down": scroller.scroll_down,
        "up": scroller.scroll_up,
        "page_down": scroller.scroll_page_down,
        "page_up": scroller.scroll_page_up,
        "home": scroller.scroll_home,
        "end": scroller.scroll_end,
    }
    moves[direction](animate=False)
