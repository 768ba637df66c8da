"""Pick a country or a year to narrow the list; it becomes a ``country:SN``/``year:2021`` token."""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterable
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from oim_archive.i18n import _, current_language
from oim_archive.store.countries import display_country
from oim_archive.store.records import Release
from oim_archive.store.search.fold import fold, sort_key
from oim_archive.tui.widgets.key_bar import KeyBar
from oim_archive.tui.widgets.safe_text import line

FACETS = ("country", "year")
_CODE = re.compile(r"[A-Za-z]{2}")
_YEAR = re.compile(r"\d{4}")
UNDATED_TOKEN = "year:undated"
TYPE_AHEAD_SECONDS = 1.0
# The only letters that are keys here; each also starts a name ("g" then "e" is Georgia).
MOTION_KEYS = {"j": "cursor_down", "k": "cursor_up", "g": "first", "G": "last"}


def country_label(code: str, names: Iterable[str]) -> str:
    """The name shown for a country: its name in the interface language (fr/en/es table), else
    the first name the releases give, else the code. Never a mix of the pages' languages."""
    scraped = next((line(n) for n in names if line(n)), None)
    return line(display_country(code, scraped, current_language()))


def facet_choices(
    releases: Iterable[Release],
) -> tuple[list[tuple[str, str, int]], list[tuple[str, int]], int]:
    """(code, name, count) sorted by name as a person sorts (accents ignored), (year, count)
    newest first, and how many releases have no date."""
    countries: Counter[str] = Counter()
    names: dict[str, list[str]] = {}
    years: Counter[str] = Counter()
    undated = 0
    for release in releases:
        if release.country and _CODE.fullmatch(release.country):
            code = release.country.upper()
            countries[code] += 1
            if release.country_name:
                names.setdefault(code, []).append(release.country_name)
        if release.date and _YEAR.match(release.date):
            years[release.date[:4]] += 1
        elif not release.date:
            undated += 1
    labelled = [
        (code, country_label(code, names.get(code, ())), n) for code, n in countries.items()
    ]
    labelled.sort(key=lambda item: (sort_key(item[1]), item[0]))
    return labelled, sorted(years.items(), reverse=True), undated


def apply_facet(query: str, token: str) -> str:
    """``query`` with ``token`` (``country:SN``) replacing any token of the same facet.

    An empty ``token`` removes every country and year token.
    """
    facet = token.split(":", 1)[0].lower() if token else ""
    drop = [facet] if facet in FACETS else list(FACETS)
    words = [w for w in query.split() if not any(w.lower().startswith(f"{f}:") for f in drop)]
    if token:
        words.append(token)
    return " ".join(words) + (" " if words else "")


def active_tokens(query: str) -> set[str]:
    """The facet tokens of ``query`` as the picker's option ids (``country:SN``, ``year:2021``)."""
    tokens = set()
    for word in query.split():
        facet, _sep, value = word.partition(":")
        if facet.lower() == "country" and _CODE.fullmatch(value):
            tokens.add(f"country:{value.upper()}")
        elif facet.lower() == "year" and value:
            tokens.add(f"year:{value.lower()}")
    return tokens


class FacetPicker(ModalScreen[str | None]):
    """Two lists (countries, years); dismisses with a token, "" to clear, None to cancel.

    ``j``/``k``/``g``/``G`` move; every other letter jumps to the first name starting with what
    was typed, and a letter typed within a second of the last one continues the name (so
    "georgia", "kenya" and "iraq" are reached by typing them); the active choices are
    highlighted."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", _("Cancel")),
        Binding("delete,ctrl+u", "clear", _("Clear country and year"), key_display="del"),
        Binding("left", "switch('#facet-countries')", _("Countries"), show=False),
        Binding("right", "switch('#facet-years')", _("Years"), show=False),
        Binding("j", "move('cursor_down')", _("Next"), show=False),
        Binding("k", "move('cursor_up')", _("Previous"), show=False),
        Binding("g", "move('first')", _("First"), show=False),
        Binding("G", "move('last')", _("Last"), show=False),
    ]

    def __init__(
        self,
        countries: list[tuple[str, str, int]],
        years: list[tuple[str, int]],
        undated: int = 0,
        active: str = "",
    ) -> None:
        super().__init__()
        self._countries = countries
        self._years = years
        self._undated = undated
        self._active = active_tokens(active)
        self._typed = ""
        self._typed_at = 0.0

    def compose(self) -> ComposeResult:
        year_options = [
            Option(Content(f"{year}  ({count})"), id=f"year:{year}") for year, count in self._years
        ]
        if self._undated:
            label = _("undated")
            year_options.append(Option(Content(f"{label}  ({self._undated})"), id=UNDATED_TOKEN))
        with Vertical(classes="dialog", id="facet-dialog"):
            yield Static(Content(_("Filter by country or year")), classes="dialog-title")
            with Horizontal(id="facet-lists"):
                yield OptionList(
                    *[
                        Option(Content(f"{name}  {code}  ({count})"), id=f"country:{code}")
                        for code, name, count in self._countries
                    ],
                    id="facet-countries",
                )
                yield OptionList(*year_options, id="facet-years")
            yield Static(
                Content(
                    _(
                        "enter picks · type a name to jump · j k g G move · "
                        "tab ← → switch · del clears · esc cancels"
                    )
                ),
                classes="dialog-hint",
            )
        yield KeyBar()

    def on_mount(self) -> None:
        countries = self.query_one("#facet-countries", OptionList)
        years = self.query_one("#facet-years", OptionList)
        focus = countries
        for options in (years, countries):
            for index in range(options.option_count):
                if options.get_option_at_index(index).id in self._active:
                    options.highlighted = index
                    focus = options
        focus.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def on_key(self, event: events.Key) -> None:
        """Type ahead: letters jump to the first name that starts with what was typed."""
        char = event.character
        if not char or not char.isprintable():
            return
        now = time.monotonic()
        typing = bool(self._typed) and now - self._typed_at < TYPE_AHEAD_SECONDS
        if char.isspace() and not typing:
            return  # a space only continues a name ("costa r")
        event.stop()
        event.prevent_default()
        wanted = (self._typed if typing else "") + char
        self._typed_at = now
        if typing and self.jump_to(wanted):
            self._typed = wanted
        elif char in MOTION_KEYS:
            self._typed = char  # a move, which may also start a name
            self.action_move(MOTION_KEYS[char])
        elif self.jump_to(wanted):
            self._typed = wanted
        else:
            self._typed = char if self.jump_to(char) else ""

    def jump_to(self, typed: str) -> bool:
        """Highlight the first option of the focused list whose label starts with ``typed``."""
        options = self.focused if isinstance(self.focused, OptionList) else None
        if options is None:
            return False
        wanted = fold(typed)
        for index in range(options.option_count):
            label = fold(str(options.get_option_at_index(index).prompt))
            if label.startswith(wanted):
                options.highlighted = index
                return True
        return False

    def action_move(self, action: str) -> None:
        options = self.focused if isinstance(self.focused, OptionList) else None
        if options is not None:
            getattr(options, f"action_{action}")()

    def action_switch(self, selector: str) -> None:
        self.set_focus(self.query_one(selector, OptionList))

    def action_clear(self) -> None:
        self.dismiss("")

    def action_cancel(self) -> None:
        self.dismiss(None)
