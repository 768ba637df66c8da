"""One release full-screen: title, facts, funders, body and contacts; escape goes back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer

from oim_archive.i18n import _
from oim_archive.store.records import Release
from oim_archive.store.search.fold import highlight_spans
from oim_archive.tui.screens.base import BaseScreen
from oim_archive.tui.widgets.release_view import ReleaseView
from oim_archive.tui.widgets.status_line import StatusLine

# Real releases are a few thousand characters; a pathological 1 MB paragraph would take seconds
# to wrap. Past this the view says how much is left (e and y always use the whole text).
FULL_BODY_LIMIT = 100_000


class ReleaseScreen(BaseScreen):
    """Read one release; matched words stay marked."""

    AUTO_FOCUS = "#release"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", _("Back")),
        Binding("e", "export", _("Export")),
        Binding("y", "copy", _("Copy")),
        Binding("o", "pager", _("Pager"), show=False),
        Binding("bar", "pipe", _("Pipe to a command"), key_display="|", show=False),
    ]

    def __init__(self, release: Release, terms: Sequence[str] = ()) -> None:
        super().__init__()
        self.release = release
        self.terms = tuple(terms)

    def compose(self) -> ComposeResult:
        yield ReleaseView(
            id="release",
            body_limit=FULL_BODY_LIMIT,
            more_hint="e exports the whole text, y copies it",
        )
        yield StatusLine(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(ReleaseView).show(self.release, self.terms, highlight_spans)
        contacts = len(self.release.contacts)
        self.query_one(StatusLine).show_text(
            f"Release {self.release.id} · {contacts} contact(s) · escape goes back"
        )

    def action_back(self) -> None:
        self.dismiss()

    def action_export(self) -> None:
        self.export_release(self.release)

    def action_pager(self) -> None:
        self.page_release(self.release)

    def action_pipe(self) -> None:
        self.pipe_release(self.release)

    def action_copy(self) -> None:
        self.copy_release(self.release)
