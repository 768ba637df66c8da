"""The filter box: an Input that also steers the list (fzf-style) and leaves on escape."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive

from oim_archive.i18n import _
from oim_archive.tui.widgets.keys_in_order import KeysInOrder


class FilterInput(KeysInOrder):
    """Type to filter; up/down/page keys move the list's highlight without leaving the box."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", _("Open")),
        Binding("escape", "leave", _("Leave the filter")),
        Binding("ctrl+u", "clear_filter", _("Clear")),
        Binding("down", "steer('cursor_down')", _("Next result"), show=False),
        Binding("up", "steer('cursor_up')", _("Previous result"), show=False),
        Binding("pagedown", "steer('page_down')", _("Page down"), show=False),
        Binding("pageup", "steer('page_up')", _("Page up"), show=False),
    ]

    # Input widens its scrollable width with every character typed, and Widget.virtual_size
    # asks for a full-screen layout on each change. The box has a fixed size: no layout needed.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    class Leave(Message):
        """Escape in the filter: give the focus back to the list."""

    class Steer(Message):
        """Move the list's highlight by running ``action`` on it."""

        def __init__(self, action: str) -> None:
            super().__init__()
            self.action = action

    def action_clear_filter(self) -> None:
        """Empty the box (Input's own ctrl+u only deletes left of the cursor)."""
        self.value = ""

    def action_leave(self) -> None:
        self.post_message(self.Leave())

    def action_steer(self, action: str) -> None:
        self.post_message(self.Steer(action))
