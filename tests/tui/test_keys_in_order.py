"""Bound keys act in the order they were typed, also when keys arrive faster than the app
handles them (Textual issue #6605: a bound key's action ran after the characters behind it)."""

from __future__ import annotations

from typing import ClassVar

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input

from oim_archive.tui.widgets.filter_input import FilterInput
from oim_archive.tui.widgets.keys_in_order import KeysInOrder


class OneBox(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f5", "note", "Note")]

    def __init__(self, box: Input) -> None:
        super().__init__()
        self.box = box
        self.noted = False

    def action_note(self) -> None:
        self.noted = True

    def compose(self) -> ComposeResult:
        yield self.box


def burst(app: App[None], *keys: str) -> None:
    """Keys as a fast typist (or a busy app) gives them: all queued before any is handled."""
    for key in keys:
        character = key if len(key) == 1 else None
        app.post_message(events.Key(key, character))


async def typed(box: Input, *keys: str) -> str:
    app = OneBox(box)
    async with app.run_test() as pilot:
        burst(app, *keys)
        await pilot.pause()
        return box.value


async def test_textual_alone_runs_a_bound_key_late() -> None:
    """What the fix is for: Textual's own Input loses the order (if it stops, so can we)."""
    assert await typed(Input(), "b", "a", "backspace", "c") == "ba"


@pytest.mark.parametrize(
    ("box", "keys", "value"),
    [
        (KeysInOrder(), ("b", "a", "backspace", "c"), "bc"),
        (KeysInOrder(), ("a", "b", "left", "c"), "acb"),
        (FilterInput(), ("z", "z", "ctrl+u", "z"), "z"),
        (FilterInput(), ("a", "b", "ctrl+u", "c", "d", "backspace"), "c"),
    ],
)
async def test_bound_keys_act_in_the_order_typed(
    box: Input, keys: tuple[str, ...], value: str
) -> None:
    assert await typed(box, *keys) == value


async def test_a_key_the_box_does_not_bind_still_reaches_the_app() -> None:
    box = FilterInput()
    app = OneBox(box)
    async with app.run_test() as pilot:
        burst(app, "a", "f5", "b")  # f5: the app's
        await pilot.pause()
        assert box.value == "ab" and app.noted
