"""Ask for the shell command a release is piped to (``|``, like mutt)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from oim_archive.i18n import _
from oim_archive.tui.widgets.key_bar import KeyBar
from oim_archive.tui.widgets.keys_in_order import KeysInOrder


class PipeDialog(ModalScreen[str | None]):
    """A command prompt; dismisses with the command typed, or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", _("Cancel"))]
    last_command: ClassVar[str] = ""  # offered again next time, for this run

    def __init__(self, last: str = "") -> None:
        super().__init__()
        self._last = last

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(_("Pipe the release to a command")), classes="dialog-title")
            yield Static(
                Content(_("Its text goes to the command's input; enter runs it, esc cancels.")),
                classes="dialog-text",
            )
            yield KeysInOrder(value=self._last, placeholder=_("wc -w"), id="pipe-command")
        yield KeyBar()

    @on(Input.Submitted, "#pipe-command")
    def _submitted(self, event: Input.Submitted) -> None:
        command = event.value.strip()
        self.dismiss(command or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
