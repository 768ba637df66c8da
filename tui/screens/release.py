"""One release full-screen: title, facts, funders, body and contacts; escape goes back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input

from oim_archive.i18n import _, ngettext
from oim_archive.store.records import Release
from oim_archive.store.search.fold import fold, highlight_spans
from oim_archive.tui.screens.base import BaseScreen
from oim_archive.tui.widgets.key_bar import KeyBar
from oim_archive.tui.widgets.keys_in_order import KeysInOrder
from oim_archive.tui.widgets.release_view import ReleaseView
from oim_archive.tui.widgets.status_line import StatusLine

# Real releases are a few thousand characters; a pathological 1 MB paragraph would take seconds
# to wrap. Past this the view says how much is left (e and y always use the whole text).
FULL_BODY_LIMIT = 100_000


class FindInput(KeysInOrder):
    """The box of ``/`` in a release; escape closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "leave", _("Close"))]

    class Leave(Message):
        """Escape in the box."""

    def action_leave(self) -> None:
        self.post_message(self.Leave())


class ReleaseScreen(BaseScreen):
    """Read one release; matched words stay marked."""

    AUTO_FOCUS = "#release"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", _("Back")),
        Binding("e", "export", _("Export")),
        Binding("y", "copy", _("Copy")),
        Binding("o", "pager", _("Pager"), show=False),
        Binding("bar", "pipe", _("Pipe to a command"), key_display="|", show=False),
        Binding("slash", "find", _("Find"), key_display="/"),
        Binding("c", "contacts", _("Its contacts")),
        Binding("n", "next_match(1)", _("Next match"), show=False),
        Binding("N", "next_match(-1)", _("Previous match"), show=False),
        Binding("d", "remove", _("Remove the release"), show=False),
    ]

    def __init__(self, release: Release, terms: Sequence[str] = ()) -> None:
        super().__init__()
        self.release = release
        self.terms = tuple(terms)
        self.found: list[int] = []  # wrapped lines matching the words searched with /
        self.found_at = -1

    def compose(self) -> ComposeResult:
        yield ReleaseView(
            id="release",
            body_limit=FULL_BODY_LIMIT,
            more_hint=_("e exports the whole text, y copies it"),
        )
        yield FindInput(
            placeholder=_("find in the release: words, enter searches"), id="find", compact=True
        )
        yield StatusLine(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(FindInput).display = False
        self.query_one(ReleaseView).show(self.release, self.terms, highlight_spans)
        self._show_where()

    def _show_where(self) -> None:
        contacts = len(self.release.contacts)
        text = ngettext(
            "Release {id} · {count} contact · escape goes back",
            "Release {id} · {count} contacts · escape goes back",
            contacts,
        ).format(id=self.release.id, count=contacts)
        if self.found:
            text = (
                _("match {at} / {count} · n next · N previous").format(
                    at=self.found_at + 1, count=len(self.found)
                )
                + " · "
                + text
            )
        self.query_one(StatusLine).show_text(text)

    # -- search inside the release ----------------------------------------------------------

    def action_find(self) -> None:
        box = self.query_one(FindInput)
        box.display = True
        box.focus()

    @on(Input.Submitted, "#find")
    def _find(self, event: Input.Submitted) -> None:
        view = self.query_one(ReleaseView)
        terms = tuple(fold(event.value).split())
        self._close_find()
        if not terms:
            return
        view.show(self.release, terms, highlight_spans)
        self.found = view.match_lines(terms)
        self.found_at = -1
        if not self.found:
            self.query_one(StatusLine).show_text(
                _("Not in this release: {words}").format(words=" ".join(terms))
            )
            return
        self.action_next_match(1)

    @on(FindInput.Leave)
    def _close_find(self) -> None:
        box = self.query_one(FindInput)
        box.display = False
        self.query_one(ReleaseView).focus()

    def action_next_match(self, step: int) -> None:
        if not self.found:
            return
        self.found_at = (self.found_at + step) % len(self.found)
        self.query_one(ReleaseView).scroll_to_line(self.found[self.found_at])
        self._show_where()

    def action_back(self) -> None:
        self.dismiss()

    def action_contacts(self) -> None:
        self.open_contacts(self.release)

    def action_export(self) -> None:
        self.export_release(self.release)

    def action_pager(self) -> None:
        self.page_release(self.release)

    def action_pipe(self) -> None:
        self.pipe_release(self.release)

    def action_copy(self) -> None:
        self.copy_release(self.release)

    def action_remove(self) -> None:
        self.remove_release(self.release)
