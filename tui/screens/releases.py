"""The main screen: filter box, release list, preview pane, status line, footer."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.widgets import Input
from textual.worker import Worker, get_current_worker

from oim_archive.i18n import _, ngettext
from oim_archive.store.errors import ArchiveError, CorruptArchiveError
from oim_archive.store.records import Release
from oim_archive.store.search.fold import highlight_spans
from oim_archive.store.stopping import ReadStopped, stop_when
from oim_archive.tui.library import EMPTY
from oim_archive.tui.messages import ContactsIndexed, MarksRead, SnapshotIndexed, SnapshotRead
from oim_archive.tui.release_tools import ReleaseTools
from oim_archive.tui.widgets.filter_input import FilterInput
from oim_archive.tui.widgets.key_bar import KeyBar
from oim_archive.tui.widgets.line_list import LineList
from oim_archive.tui.widgets.release_list import ReleaseList
from oim_archive.tui.widgets.release_view import ReleaseView
from oim_archive.tui.widgets.status_line import StatusLine, typed_text

if TYPE_CHECKING:
    from oim_archive.store.search.engine import Hit

PREVIEW_BODY_LIMIT = 3000
DISK_CHECK_SECONDS = 2.0
FIRST_PAINT_LATEST_SECONDS = 0.5  # the read starts then even if no first frame was told


class ReleasesScreen(ReleaseTools):
    """Browse every release: type to filter, the preview follows the highlight."""

    AUTO_FOCUS = "#releases"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012 (Textual: instance attr)

    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding runs before the keys typed next are routed, so "/query" typed
        # fast lands in the box; check_action lets "/" through while the box has focus.
        Binding("slash", "focus_filter", _("Filter"), key_display="/", priority=True),
        Binding("enter", "open", _("Open"), show=False),
        Binding("q", "quit", _("Quit")),
        Binding("c", "contacts", _("Contacts")),
        Binding("f", "facets", _("Country/year")),
        Binding("e", "export", _("Export")),
        Binding("y", "copy", _("Copy")),
        Binding("o", "pager", _("Pager"), show=False),
        Binding("bar", "pipe", _("Pipe to a command"), key_display="|", show=False),
        Binding("escape", "escape", _("Clear the filter"), show=False),
        Binding("ctrl+u", "clear_filter", _("Clear the filter"), show=False),
        Binding("i", "import_folder", _("Import a folder"), show=False),
        Binding("r", "reload", _("Reload the archive"), show=False),
        Binding("s", "sort", _("Sort"), show=False),
        Binding("space", "mark", _("Mark"), show=False),
        Binding("apostrophe", "only_marked", _("Only the marked"), key_display="'", show=False),
        Binding("d", "remove", _("Remove the release"), show=False),
        Binding("u", "undo_remove", _("Undo the last removal"), show=False),
    ]

    FILTER_ID = "filter"
    LIST_ID = "releases"

    def __init__(self) -> None:
        super().__init__()
        self._open_when_filtered = False
        self._preview_pending = False
        self._reload_asked = False
        self._read_waits_for_paint = False

    def compose(self) -> ComposeResult:
        yield FilterInput(
            placeholder=_("/ to filter: words, country:SN year:2021 lang:fr"),
            id="filter",
            compact=True,
        )
        with Container(id="panes"):
            yield ReleaseList(id="releases", find_spans=highlight_spans)
            yield ReleaseView(id="preview", body_limit=PREVIEW_BODY_LIMIT)
        yield StatusLine(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.release_list.marks = self.marks.ids
        self.load_archive()
        self.set_interval(DISK_CHECK_SECONDS, self.check_disk)

    # -- loading --------------------------------------------------------------------------

    def load_archive(self) -> None:
        """(Re)load the archive in a worker; the list shows before the index is built.

        On the first load an up-to-date list catalog is shown at once, while the worker reads
        the archive itself."""
        self._busy = True
        self.status.show_text(_("Loading {path} …").format(path=self.library.path))
        if self.library.snapshot is EMPTY:
            catalog = self.library.catalog_snapshot()
            if catalog is not None:
                self._snapshot_read(SnapshotRead(catalog))
                # Paint the list first: the read holds the GIL for long stretches. The app
                # starts it once its first frame is out (``read_after_paint``).
                self._read_waits_for_paint = True
                self.set_timer(FIRST_PAINT_LATEST_SECONDS, self.read_after_paint)
                return
        self._start_load()

    def read_after_paint(self) -> None:
        """The first frame is on screen: read and check the archive now (once)."""
        if self._read_waits_for_paint:
            self._read_waits_for_paint = False
            self._start_load()

    def _start_load(self) -> None:
        # The progress bar (three widgets) is drawn from here, not in a catalog's first frame.
        self.status.start_progress()
        self._load()

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self) -> None:
        worker = get_current_worker()
        # Quitting (or a newer load) cancels this worker: its read then stops between two
        # chunks, instead of holding the program's exit until a 100k-release read is done.
        with contextlib.suppress(ReadStopped), stop_when(lambda: worker.is_cancelled):
            self._read_archive()

    def _read_archive(self) -> None:
        """Read the archive and build its search structures, posting each as it is ready."""
        shown, searchable = self.library.snapshot, None
        if shown.partial and shown.releases:
            # Searchable while the archive is read: with the saved index, or on a first start
            # with one of the list fields (titles) until the whole is built.
            searchable = self.library.list_index(shown)
            self.post_message(SnapshotIndexed(shown, searchable))
            saved_contacts = self.library.saved_contacts(shown)
            if saved_contacts is not None:
                self.post_message(ContactsIndexed(shown, saved_contacts))
        snapshot = self.library.read_snapshot(searchable)
        self.post_message(MarksRead(self.library.archive.marked_ids()))
        self.post_message(SnapshotRead(snapshot))
        # Search first: the contact directory is not waited for.
        self.post_message(SnapshotIndexed(snapshot, self.library.index_snapshot(snapshot)))
        self.post_message(ContactsIndexed(snapshot, self.library.contacts_snapshot(snapshot)))

    @on(MarksRead)
    def _marks_read(self, message: MarksRead) -> None:
        self.marks.replace(message.ids)
        self.release_list.marks_changed()

    @on(SnapshotRead)
    def _snapshot_read(self, message: SnapshotRead) -> None:
        keep = self.release_list.highlighted_release
        if not self.library.adopt(message.snapshot):
            return  # a read started later is shown already
        self.invalidate_filter()
        self._stale = False
        if message.snapshot.index is not None and self.filter_input.value.strip():
            self.refilter()  # searched meanwhile, with the same index: the same hits
            return
        self._shown_query = ""
        self.release_list.set_empty_text(self._empty_text(self._shown_query))
        self.release_list.show(self._ordered(), keep_id=keep.id if keep else None)
        self.update_status()

    @on(SnapshotIndexed)
    def _snapshot_indexed(self, message: SnapshotIndexed) -> None:
        snapshot = message.snapshot
        if snapshot is not self.library.snapshot:
            return
        snapshot.index = message.index
        self.invalidate_filter()
        self._filter_changed_to(self.filter_input.value)
        self.update_status()

    @on(ContactsIndexed)
    def _contacts_indexed(self, message: ContactsIndexed) -> None:
        snapshot = message.snapshot
        if snapshot is not self.library.snapshot:
            return
        snapshot.directory, snapshot.contact_search = message.built
        if snapshot.partial:
            return  # saved contacts shown while the archive is still being read
        self._busy = False
        self.status.stop_progress()
        if self._reload_asked:
            self._reload_asked = False
            count = len(snapshot.releases)
            self.notify(
                ngettext("Reloaded: {count} release", "Reloaded: {count} releases", count).format(
                    count=count
                ),
                markup=False,
            )

    def worker_failed(self, worker: Worker[object]) -> str:
        self._busy = False
        self.status.stop_progress()
        if worker.group == "load":
            self.library.error = str(worker.error)
            never_read = self.library.snapshot is EMPTY or self.library.snapshot.partial
            if never_read and isinstance(worker.error, ArchiveError):
                # Nothing to browse: leave, and the CLI prints the one-line reason.
                damaged = isinstance(worker.error, CorruptArchiveError)
                self.app.exit(return_code=2 if damaged else 1)
                return _("Cannot open the archive")
            self.release_list.set_empty_text(_("The archive could not be opened (see below)"))
            self.query_one("#preview", ReleaseView).show_message(
                _("Cannot open the archive.\n\n{error}\n\nNothing was changed on disk.").format(
                    error=worker.error
                )
            )
            self.status.show_text(_("No archive loaded · q quits"))
            return _("Cannot open the archive")
        if worker.group == "import":
            self.update_status()
            return _("Import failed")
        if worker.group == "remove":
            self.update_status()
            return _("Remove failed")
        return ""

    # -- filtering ------------------------------------------------------------------------

    def compute_filter(self, query: str) -> Sequence[Hit] | None:
        index = self.library.snapshot.index
        # rank() makes a Hit only when a row is drawn: at 100k hits that is most of the cost.
        return None if index is None else index.rank(query)

    @on(Input.Changed, "#filter")
    def _filter_edited(self, event: Input.Changed) -> None:
        self._filter_changed_to(event.value)

    def refilter(self) -> None:
        self._filter_changed_to(self.filter_input.value)

    def _filter_changed_to(self, query: str) -> None:
        if query.strip() and self.library.snapshot.index is None:
            self.update_status()
        else:
            self.request_filter(query)

    def show_filtered(self, query: str, hits: Sequence[Hit] | None) -> None:
        releases = self.library.releases
        keep = self.release_list.highlighted_release
        keep_id = keep.id if keep is not None and not query.strip() else None
        self.release_list.set_empty_text(self._empty_text(query))
        shown: Sequence[Release] = self._ordered() if hits is None else releases
        if self._only_marked:
            marked = self.marks.ids
            if hits is None:
                shown = [r for r in shown if r.id in marked]
            else:
                hits = [h for h in hits if releases[h.index].id in marked]
        self.release_list.show(shown, hits, keep_id=keep_id)
        self._shown_query = query
        self.update_status()
        if self._open_when_filtered:
            self._open_when_filtered = False
            self.action_open()

    def _empty_text(self, query: str) -> str:
        """Why the list is empty: nothing matches the filter, or nothing was imported yet."""
        if not self.library.releases:
            return _("The archive holds no release yet: i imports a folder")
        index = self.library.snapshot.index
        if index is not None and not index.complete:
            return _("No title matches “{query}” yet: the text is still being indexed").format(
                query=typed_text(query.strip())
            )
        return _("No release matches “{query}” · esc clears the filter").format(
            query=typed_text(query.strip())
        )

    def update_status(self) -> None:
        """Counts and the filter the list shows (a query still being computed is a note)."""
        notes: list[str] = []
        typed = self.filter_input.value
        index = self.library.snapshot.index
        if index is None and self.library.releases:
            notes.append(
                _("indexing… (the filter applies when ready)") if typed.strip() else _("indexing…")
            )
        elif index is not None and not index.complete:
            notes.append(_("indexing the text… (titles searched meanwhile)"))
        elif typed != self._shown_query:
            notes.append(_("filtering…"))
        if self.library.read_only:
            notes.append(_("read-only"))
        if self._stale:
            notes.append(_("changed on disk: r reloads"))
        notes.append(self.marks.count_text())
        if self._only_marked:
            notes.append(_("only the marked (' shows all)"))
        notes.append(self.order_label() if not self._shown_query.strip() else _("best match first"))
        self.status.show_counts(
            self.release_list.row_count,
            len(self.library.releases),
            "releases",
            self._shown_query,
            tuple(notes),
        )

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        if self.filter_input.value != self._shown_query:
            self._open_when_filtered = True
        else:
            self.action_open()

    # -- list and preview -----------------------------------------------------------------

    @on(LineList.Highlighted, "#releases")
    def _highlighted(self, message: LineList.Highlighted) -> None:
        # The preview is the costly part of a frame (wrapping a body, a layout pass): paint the
        # list first, then the preview in the next frame, once for a burst of moves.
        if not self._preview_pending:
            self._preview_pending = True
            self.call_after_refresh(self._update_preview)

    def _update_preview(self) -> None:
        self._preview_pending = False
        rows = self.release_list
        row = rows.cursor
        preview = self.query_one("#preview", ReleaseView)
        release = rows.release_at(row)
        terms = tuple(rows.terms_at(row))
        if release is preview.release and terms == preview.terms:
            return
        try:
            preview.show(release, terms, highlight_spans)
        except ArchiveError as error:  # a damaged line, before the read has checked them all
            preview.show_message(str(error))

    @on(LineList.Selected, "#releases")
    def _selected(self, message: LineList.Selected) -> None:
        self.open_row(message.index)

    def open_row(self, row: int | None) -> None:
        """Open the release on ``row`` full-screen."""
        from oim_archive.tui.screens.release import ReleaseScreen

        rows = self.release_list
        release = self.whole(rows.release_at(row), _("Cannot open the release"))
        if release is not None:
            # Back from the release, the keys act on the list (the filter is one / away).
            self.set_focus(rows)
            self.app.push_screen(ReleaseScreen(release, rows.terms_at(row)))

    # -- actions --------------------------------------------------------------------------

    def action_open(self) -> None:
        self.open_row(self.release_list.cursor)

    def action_escape(self) -> None:
        if self.filter_input.value:
            self.action_clear_filter()

    def action_pager(self) -> None:
        self.page_release(self.release_list.highlighted_release)

    def action_pipe(self) -> None:
        self.pipe_release(self.release_list.highlighted_release)

    def action_copy(self) -> None:
        self.copy_release(self.release_list.highlighted_release)

    def action_contacts(self) -> None:
        self.open_contacts()

    def action_facets(self) -> None:
        from oim_archive.tui.dialogs.facets import FacetPicker, apply_facet, facet_choices

        countries, years, undated = facet_choices(self.library.releases)

        def chosen(token: str | None) -> None:
            if token is not None:
                self.filter_input.value = apply_facet(self.filter_input.value, token)

        picker = FacetPicker(countries, years, undated, active=self.filter_input.value)
        self.app.push_screen(picker, chosen)

    def action_reload(self) -> None:
        self._reload_asked = True
        self.load_archive()

    def action_quit(self) -> None:
        self.app.exit()

    def action_remove(self) -> None:
        self.remove_release(self.release_list.highlighted_release)
