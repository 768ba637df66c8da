"""Text boxes whose bound keys act in the order they were typed."""

from __future__ import annotations

from functools import cache

from textual import events
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.widgets import Input


@cache
def own_bindings(widget_class: type[DOMNode]) -> dict[str, list[Binding]]:
    """Key -> bindings of a widget class, merged along its bases as Textual merges them (a
    subclass's binding of a key replaces its bases')."""
    keys: dict[str, list[Binding]] = {}
    for base in reversed(widget_class.__mro__):
        if issubclass(base, DOMNode):
            keys.update(BindingsMap(base.__dict__.get("BINDINGS", [])).key_to_bindings)
    return keys


class KeysInOrder(Input):
    """An Input whose own bound keys (backspace, ctrl+u, enter, escape…) act as they come, in
    order with the characters typed.

    Textual inserts a character as the box receives it, but runs a bound key's action only
    once the key has bubbled up to the app: when the app is busy (a 100k archive being
    indexed), ``ctrl+u`` then ``z`` typed quickly gave ``z`` first, then the clear — the ``z``
    was lost (Textual issue #6605, still open in 8.x). The box runs its bindings itself."""

    async def on_key(self, event: events.Key) -> None:
        for binding in own_bindings(type(self)).get(event.key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()
                return
