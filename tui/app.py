"""The Textual browser: a thin App that wires the screens to one archive.

``make_app(db_path, export_dir)`` builds it; the CLI runs it, tests drive it with ``run_test``.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from oim_archive.i18n import N_, _, set_language
from oim_archive.preferences import (
    Preferences,
    export_dir,
    load_preferences,
    save_preferences,
)
from oim_archive.store.file.archive import Archive
from oim_archive.tui.library import Library, Snapshot
from oim_archive.tui.screens.releases import ReleasesScreen

DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"
THEMES = {"dark": DARK_THEME, "light": LIGHT_THEME}


# Textual's own command palette entries, marked here so the catalogs translate them.
TEXTUAL_COMMANDS = (
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)


class OimArchiveApp(App[None]):
    """Browse, filter and export the releases of one archive."""

    CSS_PATH = "oim_archive.tcss"
    TITLE = "oim-archive"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", _("Help")),
        Binding("f1", "help", _("Help"), show=False),
        Binding("t", "toggle_theme", _("Dark/light theme"), show=False),
        Binding("ctrl+q", "quit", _("Quit from anywhere"), show=False, priority=True),
    ]

    def __init__(self, library: Library, preferences: Preferences | None = None) -> None:
        super().__init__()
        # Scrolling jumps: animated frames are slow over SSH (TEXTUAL_ANIMATIONS still wins).
        if "TEXTUAL_ANIMATIONS" not in os.environ:
            self.animation_level = "none"
        self.library = library
        self.preferences = preferences if preferences is not None else load_preferences()
        self.main_screen = ReleasesScreen()
        self.theme = THEMES.get(self.preferences.theme, DARK_THEME)

    def remember(self, **changes: str | None) -> None:
        """Keep a choice in the preferences file (a failure to write is only reported)."""
        self.preferences = self.preferences.with_changes(**changes)
        try:
            save_preferences(self.preferences)
        except OSError as error:
            self.notify(
                _("Preferences not saved: {error}").format(error=error.strerror or error),
                severity="warning",
                markup=False,
            )

    def on_ready(self) -> None:
        """The first frame is displayed: the list screen may start its long read."""
        if not gc.isenabled():  # paused for the start-up (``open_browser``)
            gc.freeze()
            gc.enable()
        self.main_screen.read_after_paint()

    def get_default_screen(self) -> Screen[None]:
        return self.main_screen

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        main = self.main_screen
        commands: list[tuple[str, str, Callable[[], object] | None]] = [
            (
                _("Import a folder"),
                _("Read saved pages into the archive"),
                main.action_import_folder,
            ),
            (
                _("Export the release"),
                _("Write it as text into the export folder"),
                getattr(screen, "action_export", None),
            ),
            (
                _("Copy the release"),
                _("Put its text on the clipboard"),
                getattr(screen, "action_copy", None),
            ),
            (_("Contacts"), _("The directory of every contact person"), main.action_contacts),
            (
                _("Contacts of this release"),
                _("The people the open release names"),
                getattr(screen, "action_contacts", None) if screen is not main else None,
            ),
            (
                _("Copy the email"),
                _("The highlighted person's email"),
                getattr(screen, "action_copy_email", None),
            ),
            (
                _("Copy the phone"),
                _("The highlighted person's phone"),
                getattr(screen, "action_copy_phone", None),
            ),
            (
                _("Sort the list"),
                _("Newest first, oldest first, by country, by title"),
                getattr(screen, "action_sort", None),
            ),
            (_("Filter by country or year"), _("Pick a country or a year"), main.action_facets),
            (_("Reload the archive"), _("Read the archive file again"), main.action_reload),
            (
                _("Fetch new releases"),
                _("Fetch what is new from the sites fetched before (uses the network)"),
                self.action_fetch,
            ),
            (
                _("Toggle dark/light theme"),
                _("Switch between the two themes"),
                self.action_toggle_theme,
            ),
            (_("Help"), _("Every key of the browser"), self.action_help),
        ]
        for title, help_text, callback in commands:
            if callback is not None:
                yield SystemCommand(title, help_text, callback)
        for command in super().get_system_commands(screen):
            # Textual's own commands (theme, keys, screenshot, quit...), in the interface language.
            title, help_text = _(command.title), _(command.help)
            yield SystemCommand(title, help_text, command.callback, command.discover)

    def action_fetch(self) -> None:
        from oim_archive.tui.fetching import start_fetch

        start_fetch(self)

    def action_help(self) -> None:
        from oim_archive.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(type(self).BINDINGS, type(self.screen)))

    def action_toggle_theme(self) -> None:
        light = self.theme == DARK_THEME
        self.theme = LIGHT_THEME if light else DARK_THEME
        self.remember(theme="light" if light else "dark")


def make_app(
    db_path: Path,
    export_folder: Path | None = None,
    archive: Archive | None = None,
    *,
    language: str | None = None,
    first_list: Snapshot | None = None,
) -> OimArchiveApp:
    """The browser on the archive at ``db_path``; ``e`` writes exports into ``export_folder``
    (default: the preferences' export folder, else ``oim-archive`` in the user's documents).

    ``archive`` may be an already opened handle on ``db_path`` (its parse is reused);
    ``first_list`` a list of it to show until the archive is read and checked.
    ``language`` (fr, en, es) is the interface language; None keeps the one already chosen
    (the CLI's ``--lang``, else the environment). Key descriptions are class-level texts: they
    follow the language chosen before this module was first imported, as the CLI does."""
    if language is not None:
        set_language(language)
    preferences = load_preferences()
    folder = Path(export_folder) if export_folder is not None else export_dir(preferences)
    library = Library(Path(db_path), folder, archive, first_list)
    return OimArchiveApp(library, preferences)
