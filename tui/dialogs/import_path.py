"""Ask for a folder (or file) to import; ``tab`` completes the path, like a shell."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from oim_archive.i18n import _, ngettext
from oim_archive.tui.widgets.key_bar import KeyBar
from oim_archive.tui.widgets.path_input import PathInput
from oim_archive.tui.widgets.safe_text import line

SHOWN_CANDIDATES = 12


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


def import_folder_of(path: Path) -> str:
    """The folder to open the box on next time: ``path`` itself, or the folder holding it."""
    folder = path if path.is_dir() else path.parent
    return str(folder.resolve())


def candidates_text(names: tuple[str, ...]) -> str:
    """The names ``tab`` could complete to, on a few lines (file names are never cut)."""
    if len(names) < 2:
        return "" if names else _("No file or folder starts with that")
    shown = "  ".join(line(n) for n in names[:SHOWN_CANDIDATES])
    more = len(names) - SHOWN_CANDIDATES
    if more > 0:
        shown += "  " + ngettext("(and {count} more)", "(and {count} more)", more).format(
            count=more
        )
    return shown


class ImportPathDialog(ModalScreen[Path | None]):
    """A path prompt; dismisses with the existing path, or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", _("Cancel")),
        Binding("enter", "import", _("Import")),
        Binding("tab", "complete", _("Complete the path")),  # the box's own key, for the bar
    ]

    def __init__(self, start: str | None = None) -> None:
        super().__init__()
        self._start = os.path.join(start, "") if start else ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(_("Import a folder of saved pages")), classes="dialog-title")
            yield Static(
                Content(
                    _(
                        "Every file inside is read (folders recursively); "
                        "tab completes the path, enter imports."
                    )
                ),
                classes="dialog-text",
            )
            yield PathInput(self._start, placeholder=_("~/Downloads/releases"), id="import-path")
            yield Static(Content(""), id="import-candidates", classes="dialog-hint")
            yield Static(Content(""), id="import-error", classes="dialog-error")
        yield KeyBar()

    def on_mount(self) -> None:
        box = self.query_one(PathInput)
        box.cursor_position = len(box.value)
        self.query_one("#import-candidates", Static).display = False

    @on(PathInput.Completed)
    def _completed(self, event: PathInput.Completed) -> None:
        hint = self.query_one("#import-candidates", Static)
        text = candidates_text(event.candidates)
        hint.update(Content(text))
        hint.display = bool(text)

    @on(Input.Submitted, "#import-path")
    def _submitted(self, event: Input.Submitted) -> None:
        path, problem = resolve_import_path(event.value)
        if path is None:
            self.query_one("#import-error", Static).update(Content(line(problem)))
            return
        self.dismiss(path)

    def action_complete(self) -> None:
        self.query_one(PathInput).action_complete()

    async def action_import(self) -> None:
        await self.query_one(PathInput).action_submit()

    def action_cancel(self) -> None:
        self.dismiss(None)
