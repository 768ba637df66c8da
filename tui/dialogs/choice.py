"""Ask which of a few answers, each with its key (e.g. "one file each / one combined file")."""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from oim_archive.i18n import _
from oim_archive.tui.widgets.safe_text import join_lines, line


class ChoiceDialog(ModalScreen[str | None]):
    """Dismisses with the key of the answer chosen, or None (escape)."""

    def __init__(self, title: str, answers: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self._title = title
        self._answers = list(answers)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(line(self._title)), classes="dialog-title")
            rows = [
                Content.assemble((key, "bold"), "  ", line(text)) for key, text in self._answers
            ]
            rows.append(Content.assemble(("esc", "bold"), "  ", _("Cancel")))
            yield Static(join_lines(rows), classes="dialog-text")

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape":
            event.stop()
            self.dismiss(None)
        elif any(event.key == key for key, _text in self._answers):
            event.stop()
            self.dismiss(event.key)
