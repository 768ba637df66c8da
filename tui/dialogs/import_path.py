"""Ask for a folder (or file) to import."""

from __future__ import annotations

from pathlib import Path
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
from oim_archive.tui.widgets.safe_text import line


def resolve_import_path(text: str) -> tuple[Path | None, str]:
    """The path typed (``~`` expanded), or None and why it cannot be imported."""
    text = text.strip()
    if not text:
        return None, _("Type the path of a folder or a file")
    path = Path(text).expanduser()
    if not path.exists():
        return None, _("No such file or folder: {path}").format(path=path)
    if not (path.is_dir() or path.is_file()):
        return None, _("Not a folder or a regular file: {path}").format(path=path)
    return path, ""


class ImportPathDialog(ModalScreen[Path | None]):
    """A path prompt; dismisses with the existing path, or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", _("Cancel")),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(_("Import a folder of saved pages")), classes="dialog-title")
            yield Static(
                Content(_("Every file inside is read (folders recursively); enter imports.")),
                classes="dialog-text",
            )
            yield Input(placeholder=_("~/Downloads/releases"), id="import-path")
            yield Static(Content(""), id="import-error", classes="dialog-error")
        yield KeyBar()

    @on(Input.Submitted, "#import-path")
    def _submitted(self, event: Input.Submitted) -> None:
        path, problem = resolve_import_path(event.value)
        if path is None:
            self.query_one("#import-error", Static).update(Content(line(problem)))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
