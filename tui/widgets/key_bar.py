"""The bottom line of keys: the keys of the screen it is on, as many as fit, never cut.

Textual's Footer shows the keys of the screen below a dialog and cuts words in narrow
terminals; this bar lists the shown bindings of its own screen (then ``? Help``), dropping
whole keys from the end when the terminal is narrow.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from oim_archive.i18n import _

GAP = "  "
KEY_NAMES = {"slash": "/", "question_mark": "?", "escape": "esc", "enter": "⏎", "space": "space"}


def key_text(binding: Binding) -> str:
    """What the bar shows for a binding's first key."""
    if binding.key_display:
        return binding.key_display
    first = binding.key.split(",")[0]
    return "+".join(KEY_NAMES.get(part, part) for part in first.split("+"))


def fitting(keys: list[tuple[str, str]], width: int) -> list[tuple[str, str]]:
    """The leading keys whose ``key description`` pairs fit in ``width`` cells, help kept last."""
    if not keys:
        return []
    help_key = keys[-1]
    chosen: list[tuple[str, str]] = []
    used = len(f"{help_key[0]} {help_key[1]}")
    for key, description in keys[:-1]:
        cost = len(f"{key} {description}") + len(GAP)
        if used + cost > width:
            break
        chosen.append((key, description))
        used += cost
    return [*chosen, help_key] if used <= width else []


class KeyBar(Static):
    """One line: the screen's shown keys that fit."""

    def __init__(self, *, with_help: bool = True) -> None:
        super().__init__(Content(""), markup=False)
        self._with_help = with_help

    def key_pairs(self) -> list[tuple[str, str]]:
        """The screen's shown bindings (its own and inherited), then ``? Help``."""
        bindings = [
            binding
            for cls in reversed(type(self.screen).__mro__)
            for binding in cls.__dict__.get("BINDINGS", [])
        ]
        shown = [
            (key_text(b), b.description)
            for b in Binding.make_bindings(bindings)
            if b.show and b.description
        ]
        shown = list(dict.fromkeys(shown))
        return [*shown, ("?", _("Help"))] if self._with_help else shown

    def on_mount(self) -> None:
        self._draw()

    def on_resize(self, event: events.Resize) -> None:
        self._draw()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:
            self._draw()

    def _draw(self) -> None:
        width = self.content_region.width
        key_style = Style(bold=True)  # the bar's own colour, readable in both themes
        parts: list[Content] = []
        for key, description in fitting(self.key_pairs(), width):
            if parts:
                parts.append(Content(GAP))
            parts.append(Content.assemble((key, key_style), " ", description))
        self.update(Content("").join(parts), layout=False)

    @property
    def text(self) -> str:
        """The keys as shown."""
        return str(self.content)
