"""Pick a country or a year to narrow the list; it becomes a ``country:SN``/``year:2021`` token."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from oim_archive.store.records import Release
from oim_archive.tui.widgets.safe_text import line

FACETS = ("country", "year")
_CODE = re.compile(r"[A-Za-z]{2}")
_YEAR = re.compile(r"\d{4}")


def facet_choices(
    releases: Iterable[Release],
) -> tuple[list[tuple[str, str, int]], list[tuple[str, int]]]:
    """(country code, name, count) by count then name, and (year, count) newest first."""
    countries: Counter[str] = Counter()
    names: dict[str, str] = {}
    years: Counter[str] = Counter()
    for release in releases:
        if release.country and _CODE.fullmatch(release.country):
            code = release.country.upper()
            countries[code] += 1
            if release.country_name and code not in names:
                names[code] = line(release.country_name)
        if release.date and _YEAR.match(release.date):
            years[release.date[:4]] += 1
    by_country = sorted(countries.items(), key=lambda kv: (-kv[1], names.get(kv[0], kv[0])))
    return (
        [(code, names.get(code, code), count) for code, count in by_country],
        sorted(years.items(), reverse=True),
    )


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


class FacetPicker(ModalScreen[str | None]):
    """Two lists (countries, years); dismisses with a token, "" to clear, None to cancel."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("x", "clear", "Clear country and year"),
        Binding("left,h", "switch('#facet-countries')", "Countries", show=False),
        Binding("right,l", "switch('#facet-years')", "Years", show=False),
    ]

    def __init__(self, countries: list[tuple[str, str, int]], years: list[tuple[str, int]]) -> None:
        super().__init__()
        self._countries = countries
        self._years = years

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="facet-dialog"):
            yield Static(Content("Filter by country or year"), classes="dialog-title")
            with Horizontal(id="facet-lists"):
                yield OptionList(
                    *[
                        Option(Content(f"{code}  {name}  ({count})"), id=f"country:{code}")
                        for code, name, count in self._countries
                    ],
                    id="facet-countries",
                )
                yield OptionList(
                    *[
                        Option(Content(f"{year}  ({count})"), id=f"year:{year}")
                        for year, count in self._years
                    ],
                    id="facet-years",
                )
            yield Static(
                Content("enter picks · tab/←/→ switch · x clears · escape cancels"),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#facet-countries", OptionList).focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_switch(self, selector: str) -> None:
        self.set_focus(self.query_one(selector, OptionList))

    def action_clear(self) -> None:
        self.dismiss("")

    def action_cancel(self) -> None:
        self.dismiss(None)
