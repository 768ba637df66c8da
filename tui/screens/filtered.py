"""The wiring every "filter box over a list" screen shares (releases, contacts).

A subclass names its filter box and list, says how to compute a filter's result off the UI
thread and how to show it; this class coalesces keystrokes (only the newest query runs),
drops stale results, moves between the box and the list, and lets the list keys steer the
list while the box has focus.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from textual import on
from textual.widgets import Input

from oim_archive.tui.coalesce import FilterDone, QueryCoalescer
from oim_archive.tui.screens.base import BaseScreen
from oim_archive.tui.widgets.filter_input import FilterInput
from oim_archive.tui.widgets.line_list import LineList

R = TypeVar("R")


class FilteredListScreen(BaseScreen, Generic[R]):
    """A screen with one FilterInput over one LineList."""

    FILTER_ID = "filter"  # the FilterInput's id in compose()
    LIST_ID = "list"  # the LineList's id in compose()

    def __init__(self) -> None:
        super().__init__()
        self._filter: QueryCoalescer[R | None] = QueryCoalescer(
            self, self.compute_filter, self.FILTER_ID
        )

    # -- what a subclass provides ---------------------------------------------------------

    def compute_filter(self, query: str) -> R | None:
        """The result of ``query`` (runs in a thread); None while the index is not ready."""
        raise NotImplementedError

    def show_filtered(self, query: str, result: R | None) -> None:
        """Show ``result`` (None: everything, unfiltered)."""
        raise NotImplementedError

    # -- shared wiring --------------------------------------------------------------------

    @property
    def filter_input(self) -> FilterInput:
        return self.query_one(f"#{self.FILTER_ID}", FilterInput)

    @property
    def filtered_list(self) -> LineList:
        return self.query_one(f"#{self.LIST_ID}", LineList)

    def request_filter(self, query: str) -> None:
        """Filter by ``query``; a blank query shows everything at once."""
        self._filter.request(query)  # also makes any result still in flight stale
        if not query.strip():
            self.show_filtered(query, None)

    def invalidate_filter(self) -> None:
        """Results computed before now are stale (the data changed)."""
        self._filter.invalidate()

    @on(FilterDone)
    def _filter_done(self, message: FilterDone) -> None:
        if message.result is None or not self._filter.is_current(message, self.filter_input.value):
            return
        self.show_filtered(message.query, message.result)

    @on(FilterInput.Leave)
    def _leave_filter(self) -> None:
        # A filter that matches nothing leaves nothing to go back to: escape starts over.
        if self.filter_input.value and not self.filtered_list.row_count:
            self.action_clear_filter()
        self.set_focus(self.filtered_list)

    @on(FilterInput.Steer)
    def _steer(self, message: FilterInput.Steer) -> None:
        self.filtered_list.steer(message.action)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "focus_filter":
            return not isinstance(self.focused, Input)
        return True

    def action_focus_filter(self) -> None:
        self.set_focus(self.filter_input)

    def action_clear_filter(self) -> None:
        self.filter_input.value = ""
