"""The release list's tools: marks, sort order, export, removal with undo, import, and the
reload asked for when another program changed the archive file.

``ReleasesScreen`` (in ``tui/screens``) is built on this class, which keeps the screen module to
loading, filtering and showing; everything here acts on the list the screen shows.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work

from oim_archive.i18n import _, format_number, ngettext
from oim_archive.store.errors import ArchiveError
from oim_archive.store.order import next_order, ordered
from oim_archive.store.records import Release
from oim_archive.tui.marks import Marks, export_marked, marked_releases
from oim_archive.tui.messages import ImportFinished, ImportProgress, ReleasesChanged
from oim_archive.tui.screens.base import report_failure
from oim_archive.tui.screens.filtered import FilteredListScreen
from oim_archive.tui.widgets.release_list import ReleaseList
from oim_archive.tui.widgets.safe_text import line
from oim_archive.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from oim_archive.store.search.engine import Hit

PROGRESS_EVERY_SECONDS = 0.1
ORDER_LABELS = {
    "newest": lambda: _("newest first"),
    "oldest": lambda: _("oldest first"),
    "country": lambda: _("by country"),
    "title": lambda: _("by title"),
}


class ReleaseTools(FilteredListScreen[Sequence["Hit"]]):
    """Marks, sort, export, remove/undo and import for the screen that shows the releases."""

    def __init__(self) -> None:
        super().__init__()
        self._busy = False  # loading or importing: the disk check waits
        self._shown_query = ""
        self.marks = Marks()
        self._only_marked = False
        self._order_cache: tuple[tuple[object, str], Sequence[Release]] | None = None
        self._import_root: Path | None = None
        self._asking_reload = False
        self._stale = False  # the user declined to reload an archive changed on disk

    # -- what the screen provides ---------------------------------------------------------

    def load_archive(self) -> None:
        """(Re)load the archive and show it."""
        raise NotImplementedError

    def update_status(self) -> None:
        """Redraw the status line."""
        raise NotImplementedError

    def refilter(self) -> None:
        """Show the list again for the filter typed."""
        raise NotImplementedError

    # -- widgets --------------------------------------------------------------------------

    @property
    def release_list(self) -> ReleaseList:
        return self.query_one("#releases", ReleaseList)

    @property
    def status(self) -> StatusLine:
        return self.query_one("#status", StatusLine)

    def _ordered(self) -> Sequence[Release]:
        """The whole list in the order chosen with ``s`` (computed once per snapshot)."""
        key = (self.library.snapshot, self.preferences.sort)
        if self._order_cache is None or self._order_cache[0] != key:
            self._order_cache = (key, ordered(self.library.releases, self.preferences.sort))
        return self._order_cache[1]

    def order_label(self) -> str:
        """The order chosen with ``s``, as the status line says it."""
        return ORDER_LABELS[self.preferences.sort]()

    def action_sort(self) -> None:
        """Cycle newest first, oldest first, country, title; the choice is kept."""
        self.remember(sort=next_order(self.preferences.sort))
        if not self._shown_query.strip():
            self.show_filtered("", None)
        self.update_status()

    def action_mark(self) -> None:
        """Mark or unmark the highlighted release (kept in the archive), then go to the next."""
        release = self.release_list.highlighted_release
        if release is None or self.still_loading():
            return
        if self.library.read_only:
            self.notify(_("The archive is read-only: marks cannot be kept"), markup=False)
            return
        self.marks.toggle(self.app, self.library, release, self.update_status)
        self.release_list.marks = self.marks.ids
        self.release_list.marks_changed()
        self.release_list.action_cursor_down()
        self.update_status()

    def action_only_marked(self) -> None:
        """Show only the marked releases, or everything again."""
        self._only_marked = not self._only_marked
        self.invalidate_filter()
        self.refilter()

    def action_export(self) -> None:
        if not self.marks.ids:
            self.export_release(self.release_list.highlighted_release)
            return
        releases = marked_releases(self.library.releases, self.marks.ids)
        count = len(releases)
        title = ngettext(
            "Export the {count} marked release", "Export the {count} marked releases", count
        ).format(count=count)
        answers = [("s", _("one file each")), ("c", _("one combined file"))]

        def chosen(answer: str | None) -> None:
            if answer is None:
                return
            try:
                paths = export_marked(releases, self.library.export_dir, answer == "c")
            except (OSError, ValueError, ArchiveError) as error:
                report_failure(self.app, error, _("Export failed"))
                return
            where = line(str(Path(paths[0]).parent if len(paths) > 1 else paths[0]))
            self.notify(
                ngettext(
                    "{count} file written: {where}", "{count} files written in {where}", len(paths)
                ).format(count=len(paths), where=where),
                title=_("Export"),
                markup=False,
            )

        from oim_archive.tui.dialogs.choice import ChoiceDialog

        self.app.push_screen(ChoiceDialog(title, answers), chosen)

    # -- removing -------------------------------------------------------------------------

    def remove_confirmed(self, release: Release) -> None:
        """Remove ``release`` from the archive in a worker (asked and confirmed already)."""
        self._busy = True
        self._change(release.id, None)

    def action_undo_remove(self) -> None:
        if not self.library.removed:
            self.notify(_("Nothing to undo"), severity="warning", markup=False)
            return
        self._busy = True
        self._change(None, self.library.removed.pop())

    @work(thread=True, exclusive=True, group="remove", exit_on_error=False)
    def _change(self, remove_id: str | None, restore: list[Release] | None) -> None:
        archive = self.library.archive
        if remove_id is not None:
            self.post_message(ReleasesChanged(removed=archive.remove([remove_id])))
        elif restore is not None:
            archive.add(restore, restore=True)
            self.post_message(ReleasesChanged(restored=restore))

    @on(ReleasesChanged)
    def _releases_changed(self, message: ReleasesChanged) -> None:
        if message.removed:
            self.library.removed.append(message.removed)
            titles = ", ".join(line(r.title) for r in message.removed)
            self.notify(
                _("Removed: {titles} · u undoes it").format(titles=titles),
                title=_("Remove"),
                markup=False,
            )
        if message.restored:
            titles = ", ".join(line(r.title) for r in message.restored)
            self.notify(_("Back: {titles}").format(titles=titles), title=_("Undo"), markup=False)
        self.load_archive()

    # -- importing ------------------------------------------------------------------------

    def action_import_folder(self) -> None:
        if self.still_loading():  # nothing is written before the archive is checked
            return
        if self.library.read_only:
            self.notify(
                _("{path}: the archive is read-only; import is not possible").format(
                    path=self.library.path
                ),
                severity="warning",
                markup=False,
            )
            return

        from oim_archive.tui.dialogs.import_path import ImportPathDialog, import_folder_of

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.remember(last_import_dir=import_folder_of(path))
                self.import_folder(path)

        self.app.push_screen(ImportPathDialog(self.preferences.last_import_dir), chosen)

    def import_folder(self, path: Path) -> None:
        """Import a folder or file into the archive in a worker, then reload it."""
        self._busy = True
        self.status.show_text(_("Importing {path} …").format(path=path))
        self.status.start_progress()
        self._import(path)

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def _import(self, path: Path) -> None:
        from oim_archive.ingest import import_paths

        last = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal last
            now = time.monotonic()
            if done == total or now - last >= PROGRESS_EVERY_SECONDS:
                last = now
                self.post_message(ImportProgress(done, total))

        report = import_paths(self.library.archive, [path], progress=progress)
        self.post_message(ImportFinished(report, path))

    @on(ImportProgress)
    def _import_progress(self, message: ImportProgress) -> None:
        self.status.set_progress(message.done, message.total)
        self.status.show_text(
            ngettext(
                "Importing: {done} / {total} file",
                "Importing: {done} / {total} files",
                message.total,
            ).format(done=format_number(message.done), total=format_number(message.total))
        )

    @on(ImportFinished)
    def _import_finished(self, message: ImportFinished) -> None:
        """Say what the import did in a summary the user closes (nothing vanishes)."""
        self.status.stop_progress()
        self.load_archive()
        from oim_archive.tui.dialogs.import_summary import ImportSummaryDialog

        self.app.push_screen(ImportSummaryDialog(message.report, message.root))

    # -- outside changes ------------------------------------------------------------------

    def check_disk(self) -> None:
        """Ask to reload when another program changed the archive file (polled)."""
        if self._busy or self._asking_reload or self.marks.saving:
            return
        if not self.library.changed_on_disk():
            return
        self._asking_reload = True
        from oim_archive.tui.dialogs.confirm import ConfirmDialog

        def answered(reload: bool | None) -> None:
            self._asking_reload = False
            if reload:
                while self.app.screen is not self and len(self.app.screen_stack) > 1:
                    self.app.pop_screen()
                self.load_archive()
            else:
                self.library.forget_change()
                self._stale = True
                self.update_status()

        self.app.push_screen(
            ConfirmDialog(
                _("Archive changed on disk"),
                _("Another program changed {path}. Reload it now?").format(path=self.library.path),
            ),
            answered,
        )
