"""The status line: counts, the active filter, archive state, and a progress bar for slow work."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import ProgressBar, Static

from oim_archive.i18n import _, format_number, ngettext
from oim_archive.store.text import strip_control


def typed_text(text: str) -> str:
    """What the user typed, shown as typed (spaces kept), without control characters."""
    return strip_control(text).replace("\n", " ").replace("\t", " ")


def counts_text(shown: int, total: int, noun: str) -> str:
    """``5 / 13 releases`` (``noun`` says what is counted: "releases" or "contacts")."""
    if noun == "contacts":
        template = ngettext("{shown} / {total} contact", "{shown} / {total} contacts", total)
    else:
        template = ngettext("{shown} / {total} release", "{shown} / {total} releases", total)
    return template.format(shown=format_number(shown), total=format_number(total))


class StatusLine(Horizontal):
    """One line at the bottom of a screen; never parses what it shows as markup."""

    def compose(self) -> ComposeResult:
        yield Static(Content(""), id="status-text", markup=False)
        yield ProgressBar(id="status-progress", show_eta=False)

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False

    def show_counts(
        self, shown: int, total: int, noun: str, query: str = "", notes: tuple[str, ...] = ()
    ) -> None:
        """``5 / 13 releases · filter: dakar · read-only``."""
        parts = [counts_text(shown, total, noun)]
        if query.strip():
            parts.append(_("filter: {query}").format(query=typed_text(query)))
        parts.extend(note for note in notes if note)
        self.show_text(" · ".join(parts))

    def show_text(self, text: str) -> None:
        """Replace the status text (plain text, one line; spaces kept as typed)."""
        # Fixed size: no layout pass (a layout re-measures the preview, 5-20 ms per keystroke).
        self.query_one("#status-text", Static).update(Content(typed_text(text)), layout=False)

    @property
    def text(self) -> str:
        """The status text as shown."""
        return str(self.query_one("#status-text", Static).content)

    def start_progress(self, total: int | None = None) -> None:
        """Show the progress bar (indeterminate when ``total`` is None)."""
        bar = self.query_one(ProgressBar)
        bar.update(total=total, progress=0)
        bar.display = True

    def set_progress(self, done: int, total: int) -> None:
        """Move the progress bar."""
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)

    def stop_progress(self) -> None:
        """Hide the progress bar."""
        self.query_one(ProgressBar).display = False
