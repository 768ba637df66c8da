"""The contact directory as a list (name, office), filtered by index into the directory."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from oim_archive.i18n import _
from oim_archive.store.directory import DirectoryEntry
from oim_archive.tui.widgets.line_list import LineList
from oim_archive.tui.widgets.safe_text import line

NAME_WIDTH = 28


class ContactList(LineList):
    """People from the contact blocks; shows ``rows`` (indices into the directory)."""

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(empty_text=_("No contact"), name=name, id=id, classes=classes)
        self._entries: Sequence[DirectoryEntry] = ()
        self._rows: Sequence[int] | None = None

    def show(self, entries: Sequence[DirectoryEntry], rows: Sequence[int] | None = None) -> None:
        """Show every entry, or only ``rows`` (indices into ``entries``) in that order."""
        self._entries = entries
        self._rows = rows
        self.reset(len(rows) if rows is not None else len(entries))

    def entry_at(self, row: int | None) -> DirectoryEntry | None:
        """The person shown on ``row``."""
        if row is None or not 0 <= row < self.row_count:
            return None
        return self._entries[self._rows[row] if self._rows is not None else row]

    @property
    def highlighted_entry(self) -> DirectoryEntry | None:
        """The person under the cursor."""
        return self.entry_at(self.cursor)

    def render_row(self, index: int, width: int, selected: bool) -> Content:
        entry = self.entry_at(index)
        if entry is None:
            return Content("")
        name = line(entry.name) or (line(entry.emails[0]) if entry.emails else "?")
        office = line(entry.office)
        name_width = min(NAME_WIDTH, max(12, width // 2))
        if not office or width < 30:
            return Content(name)
        shown = name if len(name) <= name_width else name[: name_width - 1] + "…"
        if selected:
            return Content(f"{shown.ljust(name_width)} {office}")
        return Content.assemble(
            shown.ljust(name_width), " ", (office, self.style_of("line-list--dim"))
        )
