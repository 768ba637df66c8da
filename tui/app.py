"""The Textual browser: a thin App that wires the screens to one archive.

``make_app(db_path, export_dir)`` builds it; the CLI runs it, tests drive it with ``run_test``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from oim_archive.i18n import set_language
from oim_archive.store.file.archive import Archive
from oim_archive.tui.screens.help import HelpScreen
from oim_archive.tui.screens.library import Library
from oim_archive.tui.screens.releases import ReleasesScreen

DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"


class OimArchiveApp(App[None]):
    """Browse, filter and export the releases of one archive."""

    CSS_PATH = "oim_archive.tcss"
    TITLE = "oim-archive"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("f1", "help", "Help", show=False),
        Binding("t", "toggle_theme", "Dark/light theme", show=False),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.main_screen = ReleasesScreen()
        self.theme = DARK_THEME

    def get_default_screen(self) -> Screen[None]:
        return self.main_screen

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        main = self.main_screen
        commands: list[tuple[str, str, Callable[[], object] | None]] = [
            ("Import a folder", "Read saved pages into the archive", main.action_import_folder),
            (
                "Export the release",
                "Write it as text into the export folder",
                getattr(screen, "action_export", None),
            ),
            (
                "Copy the release",
                "Put its text on the clipboard",
                getattr(screen, "action_copy", None),
            ),
            ("Contacts", "The directory of every contact person", main.action_contacts),
            ("Filter by country or year", "Pick a country or a year", main.action_facets),
            ("Reload the archive", "Read the archive file again", main.action_reload),
            ("Toggle dark/light theme", "Switch between the two themes", self.action_toggle_theme),
            ("Help", "Every key of the browser", self.action_help),
        ]
        for title, help_text, callback in commands:
            if callback is not None:
                yield SystemCommand(title, help_text, callback)
        yield from super().get_system_commands(screen)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(type(self).BINDINGS))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.theme == DARK_THEME else DARK_THEME


def make_app(
    db_path: Path,
    export_dir: Path,
    archive: Archive | None = None,
    *,
    language: str | None = None,
) -> OimArchiveApp:
    """The browser on the archive at ``db_path``; ``e`` writes exports into ``export_dir``.

    ``archive`` may be an already opened handle on ``db_path`` (its parse is reused).
    ``language`` (fr, en, es) is the interface language; None keeps the one already chosen
    (the CLI's ``--lang``, else the environment). Key descriptions are class-level texts: they
    follow the language chosen before this module was first imported, as the CLI does."""
    if language is not None:
        set_language(language)
    return OimArchiveApp(Library(Path(db_path), Path(export_dir), archive))
