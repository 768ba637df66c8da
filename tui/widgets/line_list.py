"""A keyboard list on Textual's Line API: only the rows on screen are ever rendered.

Stock ``OptionList``/``DataTable`` build a renderable per row (seconds at 10k rows). Here the
data stays in the subclass's plain Python sequences; replacing it is O(1) and ``render_line``
formats just the visible rows, cached until the data, the size or the styles change.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from oim_archive.i18n import _

# The moves a filter box may ask of the list it filters (fzf-style: keys stay in the box).
STEER_ACTIONS = frozenset({"cursor_down", "cursor_up", "page_down", "page_up"})


class LineList(ScrollView, can_focus=True):
    """Base class: a cursor over ``row_count()`` rows drawn by ``render_row``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", _("Next"), show=False),
        Binding("up,k", "cursor_up", _("Previous"), show=False),
        Binding("pagedown,ctrl+f", "page_down", _("Page down"), show=False),
        Binding("pageup,ctrl+b", "page_up", _("Page up"), show=False),
        Binding("home,g", "first", _("First"), show=False),
        Binding("end,G", "last", _("Last"), show=False),
        Binding("enter", "select", _("Open"), show=False),  # universal; listed in help
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "line-list--cursor",
        "line-list--cursor-blurred",
        "line-list--match",
        "line-list--dim",
        "line-list--empty",
    }

    class Highlighted(Message):
        """The cursor moved to another row (``index`` is None when the list is empty)."""

        def __init__(self, line_list: LineList, index: int | None) -> None:
            super().__init__()
            self.line_list = line_list
            self.index = index

        @property
        def control(self) -> LineList:
            return self.line_list

    class Selected(Message):
        """Enter (or a click on the highlighted row) chose a row."""

        def __init__(self, line_list: LineList, index: int) -> None:
            super().__init__()
            self.line_list = line_list
            self.index = index

        @property
        def control(self) -> LineList:
            return self.line_list

    def __init__(
        self,
        *,
        empty_text: str = _("Nothing to show"),
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._cursor = 0
        self._count = 0
        self._strips: LRUCache[tuple[int, str, int], Strip] = LRUCache(1024)
        self.empty_text = empty_text

    # -- to implement in subclasses -------------------------------------------------------

    def render_row(self, index: int, width: int, selected: bool) -> Content:
        """The Content of row ``index`` (cut or padded to ``width``); ``selected`` is the cursor
        row, drawn on the cursor colours (keep its spans to text styles, not colours)."""
        raise NotImplementedError

    # -- public API -----------------------------------------------------------------------

    @property
    def cursor(self) -> int | None:
        """Index of the highlighted row, or None when the list is empty."""
        return self._cursor if self._count else None

    @property
    def row_count(self) -> int:
        """How many rows the list holds."""
        return self._count

    def reset(self, count: int, cursor: int = 0) -> None:
        """The rows changed: there are now ``count`` of them; highlight ``cursor``."""
        self._count = count
        self._cursor = max(0, min(cursor, count - 1)) if count else 0
        self._strips.clear()
        self._update_virtual_size()
        self.refresh()
        self._scroll_cursor_into_view(center=True)
        self.post_message(self.Highlighted(self, self.cursor))

    def move_cursor(self, index: int) -> None:
        """Highlight row ``index`` (clamped), scroll it into view and tell the parent."""
        if not self._count:
            return
        index = max(0, min(index, self._count - 1))
        if index == self._cursor:
            return
        old, self._cursor = self._cursor, index
        self._refresh_row(old)
        self._refresh_row(index)
        self._scroll_cursor_into_view()
        self.post_message(self.Highlighted(self, index))

    def clear_cached_rows(self) -> None:
        """Redraw every row (what a row shows changed, not how many there are)."""
        self._strips.clear()
        self.refresh()

    def set_empty_text(self, text: str) -> None:
        """The muted line shown when there are no rows."""
        self.empty_text = text
        if not self._count:
            self.refresh()

    # -- actions --------------------------------------------------------------------------

    def steer(self, action: str) -> None:
        """Run a move asked for by a filter box (anything but STEER_ACTIONS is ignored)."""
        if action in STEER_ACTIONS:
            getattr(self, f"action_{action}")()

    def action_cursor_down(self) -> None:
        self.move_cursor(self._cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self._cursor - 1)

    def action_page_down(self) -> None:
        self.move_cursor(self._cursor + self._page_height())

    def action_page_up(self) -> None:
        self.move_cursor(self._cursor - self._page_height())

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(self._count - 1)

    def action_select(self) -> None:
        if self._count:
            self.post_message(self.Selected(self, self._cursor))

    # -- rendering ------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        if not self._count:
            if y == 0 and self.empty_text:
                return self._to_strip(Content(self.empty_text), width, "line-list--empty")
            return Strip.blank(width, self.get_visual_style().rich_style)
        if index >= self._count:
            return Strip.blank(width, self.get_visual_style().rich_style)
        component = ""
        if index == self._cursor:
            component = "line-list--cursor" if self.has_focus else "line-list--cursor-blurred"
        key = (index, component, width)
        strip = self._strips.get(key)
        if strip is None:
            row = self.render_row(index, width, index == self._cursor)
            strip = self._to_strip(row, width, component)
            self._strips.set(key, strip)
        return strip

    def _to_strip(self, content: Content, width: int, component: str) -> Strip:
        style: Style = self.get_visual_style(component) if component else self.get_visual_style()
        row = content.truncate(width, ellipsis=True, pad=True)
        segments = row.render_segments(style)
        return Strip(segments, width).adjust_cell_length(width, style.rich_style)

    def style_of(self, component: str) -> Style:
        """The text style of a component class (colour and attributes, no background), to give
        to spans in ``render_row``. The colour is resolved on the list's real background: a
        partial style would resolve ``$text-muted`` on transparency (white on a light theme)."""
        full = self.get_visual_style(component)
        return Style(
            foreground=full.foreground,
            bold=full.bold,
            italic=full.italic,
            underline=full.underline,
            reverse=full.reverse,
            strike=full.strike,
        )

    def notify_style_update(self) -> None:
        self._strips.clear()
        super().notify_style_update()
        self.refresh()

    # -- events ---------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._strips.clear()
        self._update_virtual_size()
        self._scroll_cursor_into_view()

    def on_focus(self, event: events.Focus) -> None:
        self._refresh_row(self._cursor)

    def on_blur(self, event: events.Blur) -> None:
        self._refresh_row(self._cursor)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self._count:
            return
        index = self.scroll_offset.y + offset.y
        if index >= self._count:
            return
        if index == self._cursor and event.chain >= 2:
            self.action_select()
        else:
            self.move_cursor(index)

    # -- helpers --------------------------------------------------------------------------

    def _page_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _update_virtual_size(self) -> None:
        size = Size(self.scrollable_content_region.width, self._count)
        if size != self.virtual_size:
            self.virtual_size = size  # as Textual's own Log does

    def _refresh_row(self, index: int) -> None:
        y = index - self.scroll_offset.y
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def _scroll_cursor_into_view(self, center: bool = False) -> None:
        height = self.scrollable_content_region.height
        if not self._count or height <= 0:
            return
        top = self.scroll_offset.y
        if center and not top <= self._cursor < top + height:
            target = max(0, self._cursor - height // 2)
        elif self._cursor < top:
            target = self._cursor
        elif self._cursor >= top + height:
            target = self._cursor - height + 1
        else:
            return
        self.scroll_to(y=target, animate=False, immediate=True)
