"""The list of releases (date, country, title), drawn from plain Python sequences."""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from typing import Protocol

from textual.content import Content
from textual.style import Style

from oim_archive.i18n import _
from oim_archive.store.records import Listed, Release, display_date
from oim_archive.tui.widgets.line_list import LineList
from oim_archive.tui.widgets.safe_text import SpanFinder, line, marked

DATE_WIDTH = 10
NO_STYLE = Style()
MATCH_ON_CURSOR = Style(bold=True, underline=True)
NO_DATE = "—"
MARK = "*"


class HitLike(Protocol):
    """What the list needs from a search hit."""

    @property
    def index(self) -> int: ...

    @property
    def terms(self) -> Sequence[str]: ...


def format_date(date: str | None) -> str:
    """A release date as shown in the list: ISO as stored, a dash when unknown."""
    return (line(date)[:DATE_WIDTH] if date else NO_DATE).ljust(DATE_WIDTH)


def date_column(release: Listed) -> str:
    """A release's date column in every list of releases: "~" before a date only estimated
    from the text, a space before any other."""
    shown = display_date(release)
    return ("~" if shown.startswith("~") else " ") + format_date(shown.lstrip("~") or None)


class ReleaseList(LineList):
    """Releases newest first; after a search, the hits in rank order with matches marked."""

    def __init__(
        self,
        *,
        find_spans: SpanFinder | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(empty_text=_("Loading the archive…"), name=name, id=id, classes=classes)
        self._releases: Sequence[Release] = ()
        self._hits: Sequence[HitLike] | None = None
        self.find_spans = find_spans
        self.marks: AbstractSet[str] = frozenset()

    def show(
        self,
        releases: Sequence[Release],
        hits: Sequence[HitLike] | None = None,
        *,
        keep_id: str | None = None,
    ) -> None:
        """Show ``releases`` (all of them), or only the ``hits`` into them, in hit order.

        The highlight goes to the release ``keep_id`` when it is still shown, else to the top.
        """
        self._releases = releases
        self._hits = hits
        count = len(hits) if hits is not None else len(releases)
        cursor = self.position_of(keep_id) if keep_id else None
        self.reset(count, cursor or 0)

    def release_at(self, row: int | None) -> Release | None:
        """The release shown on ``row``."""
        if row is None or not 0 <= row < self.row_count:
            return None
        if self._hits is None:
            return self._releases[row]
        return self._releases[self._hits[row].index]

    def terms_at(self, row: int | None) -> Sequence[str]:
        """The matched words to mark for the release on ``row``."""
        if self._hits is None or row is None or not 0 <= row < self.row_count:
            return ()
        return self._hits[row].terms

    @property
    def highlighted_release(self) -> Release | None:
        """The release under the cursor."""
        return self.release_at(self.cursor)

    def position_of(self, release_id: str) -> int | None:
        """The row showing the release ``release_id``, if any (a linear scan)."""
        if self._hits is None:
            for row, release in enumerate(self._releases):
                if release.id == release_id:
                    return row
            return None
        releases = self._releases
        for row, hit in enumerate(self._hits):
            if releases[hit.index].id == release_id:
                return row
        return None

    def render_row(self, index: int, width: int, selected: bool) -> Content:
        release = self.release_at(index)
        if release is None:
            return Content("")
        dim = NO_STYLE if selected else self.style_of("line-list--dim")
        match = MATCH_ON_CURSOR if selected else self.style_of("line-list--match")
        title = marked(line(release.title), self.terms_at(index), match, self.find_spans)
        country = (line(release.country) or "")[:2].ljust(2)
        mark = MARK if release.id in self.marks else " "
        return Content.assemble(mark, (date_column(release), dim), " ", (country, dim), " ", title)

    def marks_changed(self) -> None:
        """Redraw the mark column."""
        self.clear_cached_rows()
