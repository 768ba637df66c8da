"""The contact directory as columns, like khard: name, office, phone, email, last named.

People are sorted by surname (``store.directory.person_sort_key``); phones are grouped for
reading; "last named" is the month of the newest release naming the person, so a reader sees
how fresh a number is. Columns that do not fit the width are left out, least useful first.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from textual.content import Content
from textual.style import Style
from textual.widget import Widget

from oim_archive.i18n import _
from oim_archive.store.directory import DirectoryEntry, last_named_month
from oim_archive.store.phones import display_phone
from oim_archive.tui.widgets.line_list import LineList
from oim_archive.tui.widgets.safe_text import line

GAP = 2
SCROLLBAR = 1  # the list always keeps its scrollbar (see LineList's stylesheet)


class Column(NamedTuple):
    key: str
    least: int
    most: int


# In the order shown; PRIORITY is the order they are kept in when the width is short.
COLUMNS = (
    Column("name", 16, 28),
    Column("office", 10, 24),
    Column("phone", 17, 20),  # "+995 32 29 38 94": a phone is never cut in common plans
    Column("email", 16, 30),
    Column("named", 10, 10),
)
PRIORITY = ("name", "named", "phone", "email", "office")
GROWS = ("name", "email", "office", "phone")


def column_titles() -> dict[str, str]:
    """The header of each column, in the interface language."""
    return {
        "name": _("Name"),
        "office": _("Office"),
        "phone": _("Phone"),
        "email": _("Email"),
        "named": _("Last named"),
    }


def contact_columns(width: int) -> list[tuple[str, int]]:
    """(column, cells) of the columns that fit in ``width``, in display order."""
    kept: list[Column] = []
    used = 0
    by_key = {c.key: c for c in COLUMNS}
    for key in PRIORITY:
        column = by_key[key]
        cost = column.least + (GAP if kept else 0)
        if used + cost > width and kept:
            break
        kept.append(column)
        used += cost
    widths = {c.key: c.least for c in kept}
    spare = max(0, width - used)
    for key in GROWS:
        if key in widths and spare:
            extra = min(spare, by_key[key].most - widths[key])
            widths[key] += extra
            spare -= extra
    if kept and width < kept[0].least:
        widths[kept[0].key] = max(1, width)
    return [(c.key, widths[c.key]) for c in COLUMNS if c.key in widths]


def cell(text: str, width: int) -> str:
    """``text`` cut with an ellipsis or padded to ``width`` cells."""
    if len(text) > width:
        return text[: max(0, width - 1)] + "…"
    return text.ljust(width)


def contact_cells(entry: DirectoryEntry) -> dict[str, str]:
    """What each column shows for ``entry`` (untrusted text made safe, phones grouped)."""
    name = line(entry.name) or (line(entry.emails[0]) if entry.emails else "?")
    return {
        "name": name,
        "office": line(entry.office),
        "phone": display_phone(line(entry.phones[0])) if entry.phones else "",
        "email": line(entry.emails[0]) if entry.emails else "",
        "named": last_named_month(entry),
    }


class ContactHeader(Widget):
    """The column titles above the contact list (same widths as its rows)."""

    DEFAULT_CSS = "ContactHeader { height: 1; text-style: bold; }"

    def render(self) -> Content:
        titles = column_titles()
        columns = contact_columns(self.content_region.width - SCROLLBAR)
        return Content((" " * GAP).join(cell(titles[key], width) for key, width in columns))


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
        cells = contact_cells(entry)
        dim = self.style_of("line-list--dim")
        parts: list[str | tuple[str, Style]] = []
        for key, cells_wide in contact_columns(width):
            if parts:
                parts.append(" " * GAP)
            text = cell(cells[key], cells_wide)
            muted = key in ("office", "named") and not selected
            parts.append((text, dim) if muted else text)
        return Content.assemble(*parts)
