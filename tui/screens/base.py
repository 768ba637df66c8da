"""What every screen of the browser shares: the library, error reporting, export and copy."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from textual import events
from textual.app import App
from textual.geometry import Size
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from oim_archive.i18n import _
from oim_archive.preferences import Preferences
from oim_archive.store.errors import ArchiveError
from oim_archive.store.records import Release
from oim_archive.store.stored import whole_release
from oim_archive.tui.library import Library
from oim_archive.tui.widgets.safe_text import line

if TYPE_CHECKING:
    from oim_archive.tui.screens.releases import ReleasesScreen


class _HasLibrary(Protocol):
    library: Library
    preferences: Preferences

    def remember(self, **changes: str | None) -> None: ...


class _HasMainScreen(Protocol):
    main_screen: ReleasesScreen


def library_of(app: App[object]) -> Library:
    """The Library the app browses."""
    return cast(_HasLibrary, app).library


def main_screen_of(app: App[object]) -> ReleasesScreen:
    """The app's list screen, which runs removals and keeps them for undo."""
    return cast(_HasMainScreen, app).main_screen


def failure_message(error: BaseException | None) -> str:
    """One line a person understands, for any error raised by slow work."""
    if error is None:
        return _("Something went wrong")
    if isinstance(error, ArchiveError):
        return line(str(error))
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        return line(f"{where}{error.strerror or error}")
    text = line(str(error))
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def report_failure(app: App[object], error: BaseException | None, doing: str = "") -> None:
    """Show a one-line error notification (never parsed as markup)."""
    message = failure_message(error)
    app.notify(f"{doing}: {message}" if doing else message, severity="error", markup=False)


class BaseScreen(Screen[None]):
    """A screen of the browser: one handler reports every failed worker."""

    _resized_to: Size | None = None

    def on_resize(self, event: events.Resize) -> None:
        """Lay out again only for a new size: a terminal reports its size more than once as
        the app starts, and each report would redo the whole layout (~10 ms) before the
        first frame. A screen laid out at another size while covered is laid out again."""
        if event.size == self._resized_to and event.size == self.size:
            event.prevent_default()
        self._resized_to = event.size

    @property
    def library(self) -> Library:
        """The archive being browsed."""
        return library_of(self.app)

    @property
    def preferences(self) -> Preferences:
        """The user's preferences (theme, sort, folders)."""
        return cast(_HasLibrary, self.app).preferences

    def remember(self, **changes: str | None) -> None:
        """Keep a choice in the preferences file."""
        cast(_HasLibrary, self.app).remember(**changes)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            worker = event.worker
            doing = self.worker_failed(worker)
            report_failure(self.app, worker.error, doing)

    def worker_failed(self, worker: Worker[object]) -> str:
        """Hook: undo what a failed worker left (progress bars...); return what it was doing."""
        return ""

    # -- actions on a release, shared by the list and the full view ----------------------

    def whole(self, release: Release | None, doing: str) -> Release | None:
        """``release`` with every field, read once from the archive file (also while the
        archive is still being checked); None, said in one line, when it cannot be read."""
        if release is None:
            return None
        try:
            return whole_release(release)
        except ArchiveError as error:
            report_failure(self.app, error, doing)
            return None

    def still_loading(self) -> bool:
        """True (and say so) while only the list is shown, before the archive is checked: a
        change written now could be lost to the check's version of the file."""
        if not self.library.snapshot.partial:
            return False
        self.notify(_("The archive is still loading; one moment"), severity="warning", markup=False)
        return True

    def open_contacts(self, release: Release | None = None) -> None:
        """The contact directory; with ``release``, only the people it names."""
        from oim_archive.tui.screens.contacts import ContactsScreen

        if self.library.snapshot.contact_search is None:
            self.notify(_("The contact directory is still being built"), markup=False)
            return
        self.app.push_screen(ContactsScreen(release))

    def export_release(self, release: Release | None) -> None:
        """Write ``release`` as text into the export folder and say where."""
        if release is None:
            self.notify(_("No release to export"), severity="warning", markup=False)
            return
        from oim_archive.store.exports.render import write_export

        try:
            path = write_export(release, self.library.export_dir, "txt")
        except (OSError, ValueError, ArchiveError) as error:
            report_failure(self.app, error, _("Export failed"))
            return
        self.notify(
            _("Exported to {path}").format(path=line(str(path))), title=_("Export"), markup=False
        )

    def remove_release(self, release: Release | None) -> None:
        """Ask, then remove ``release`` from the archive (the main screen does the work and
        keeps it for ``u``); a full-screen view of it closes."""
        if release is None:
            self.notify(_("No release to remove"), severity="warning", markup=False)
            return
        if self.still_loading():
            return
        if self.library.read_only:
            self.notify(
                _("{path}: the archive is read-only; nothing can be removed").format(
                    path=line(str(self.library.path))
                ),
                severity="warning",
                markup=False,
            )
            return

        from oim_archive.tui.dialogs.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            main = main_screen_of(self.app)
            while self.app.screen is not main and len(self.app.screen_stack) > 1:
                self.app.pop_screen()
            main.remove_confirmed(release)

        self.app.push_screen(
            ConfirmDialog(
                _("Remove the release"),
                _(
                    "Remove “{title}” from the archive? u undoes it while the browser is open."
                ).format(title=line(release.title)),
            ),
            answered,
        )

    def copy_release(self, release: Release | None) -> None:
        """Put the release as plain text on the clipboard."""
        if release is None:
            self.notify(_("No release to copy"), severity="warning", markup=False)
            return
        release = self.whole(release, _("Copy failed"))
        if release is None:
            return
        from oim_archive.store.exports.render import release_text

        text = release_text(release)
        self.copy(text, _("The release text ({count} characters)").format(count=f"{len(text):,}"))

    def copy(self, text: str, what: str) -> None:
        """Copy ``text`` and say what was copied and where it really went."""
        from oim_archive.tui.clipboard import copy_text

        where = copy_text(self.app, text)
        self.notify(f"{what}: {where}", title=_("Copy"), markup=False)

    def page_release(self, release: Release | None) -> None:
        """Open the release text in ``$PAGER`` (less by default)."""
        from oim_archive.tui.outside import pager_command, release_for_outside, run_outside

        release = self.whole(release, _("Cannot open the pager"))
        if release is None:
            return
        problem = run_outside(self.app, pager_command(), release_for_outside(release), wait=False)
        if problem:
            self.notify(problem, severity="warning", markup=False)

    def pipe_release(self, release: Release | None) -> None:
        """Ask for a shell command and pipe the release text to it."""
        from oim_archive.tui.dialogs.pipe import PipeDialog
        from oim_archive.tui.outside import release_for_outside, run_outside

        whole = self.whole(release, _("Cannot pipe the release"))
        if whole is None:
            return

        def chosen(command: str | None) -> None:
            if command:
                PipeDialog.last_command = command
                text = release_for_outside(whole)
                problem = run_outside(self.app, command, text, wait=True)
                if problem:
                    self.notify(problem, severity="warning", markup=False)

        self.app.push_screen(PipeDialog(PipeDialog.last_command), chosen)
