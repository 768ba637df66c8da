"""Every key of the browser, generated from the bindings themselves so it never goes stale."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from oim_archive.i18n import _
from oim_archive.tui.dialogs.scrolling import SCROLL_BINDINGS, scroll
from oim_archive.tui.widgets.key_bar import KeyBar
from oim_archive.tui.widgets.safe_text import join_lines

KEY_NAMES = {
    "slash": "/",
    "question_mark": "?",
    "escape": "esc",
    "enter": "enter",
    "pagedown": "pgdn",
    "pageup": "pgup",
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "tab": "tab",
}

FILTER_SYNTAX = [
    ("words", _("fuzzy, any order, accents and case ignored (title, body, dateline, names)")),
    ("country:SN", _("only releases about Senegal (ISO code)")),
    ("year:2021", _("only releases dated 2021")),
    ("lang:fr", _("only releases in French (fr, en, es)")),
]


def key_label(key: str) -> str:
    """``ctrl+u`` -> ``ctrl+u``, ``slash`` -> ``/``, ``G`` -> ``G``."""
    return "+".join(KEY_NAMES.get(part, part) for part in key.split("+"))


def binding_rows(
    bindings: Iterable[BindingType], skip_keys: frozenset[str] = frozenset()
) -> list[tuple[str, str]]:
    """(keys, description) per action, keys of one action joined (``↓ j``), no repeats."""
    rows: dict[tuple[str, str], list[str]] = {}
    for binding in Binding.make_bindings(bindings):
        if binding.system or not binding.description or binding.key in skip_keys:
            continue
        keys = rows.setdefault((binding.action, binding.description), [])
        label = binding.key_display or key_label(binding.key)
        if label not in keys:
            keys.append(label)
    joined = [(" ".join(keys), description) for (_, description), keys in rows.items()]
    return list(dict.fromkeys(joined))


def key_table(sections: Sequence[tuple[str, list[tuple[str, str]]]]) -> Content:
    """Sections of ``keys  description`` lines."""
    width = max((len(k) for _, rows in sections for k, _ in rows), default=8) + 2
    parts: list[Content] = []
    for title, rows in sections:
        if parts:
            parts.append(Content(""))
        parts.append(Content(title).stylize("bold $text-secondary"))
        for keys, description in rows:
            parts.append(Content.assemble((keys.ljust(width), "bold $text-accent"), description))
    return join_lines(parts)


def help_sections(
    app_bindings: Iterable[BindingType], current: type[object] | None = None
) -> list[tuple[str, list[tuple[str, str]]]]:
    """The key table of every screen of the browser; the keys of ``current`` (the screen the
    help was asked from) come right after those that work everywhere."""
    from oim_archive.tui.dialogs.facets import FacetPicker
    from oim_archive.tui.dialogs.import_path import ImportPathDialog
    from oim_archive.tui.dialogs.import_summary import ImportSummaryDialog
    from oim_archive.tui.screens.contacts import ContactsScreen
    from oim_archive.tui.screens.release import ReleaseScreen
    from oim_archive.tui.screens.releases import ReleasesScreen
    from oim_archive.tui.widgets.filter_input import FilterInput
    from oim_archive.tui.widgets.line_list import LineList
    from oim_archive.tui.widgets.release_view import ReleaseView

    releases = (_("Releases"), binding_rows([*LineList.BINDINGS, *ReleasesScreen.BINDINGS]))
    release = (
        _("Release"),
        [
            *binding_rows([*ReleaseScreen.BINDINGS, *ReleaseView.BINDINGS]),
            (_("↑ ↓ pgup pgdn home end"), _("Scroll")),
        ],
    )
    contacts = (
        _("Contacts"),
        [
            *binding_rows([*ContactsScreen.BINDINGS, *LineList.BINDINGS], frozenset({"enter"})),
            ("enter", _("On a person: go to their releases; on a release: open it")),
            ("tab", _("Between the people and the releases naming the person")),
        ],
    )
    screen_sections: dict[type[object], tuple[str, list[tuple[str, str]]]] = {
        ReleasesScreen: releases,
        ReleaseScreen: release,
        ContactsScreen: contacts,
    }
    sections = [
        (_("Everywhere"), [*binding_rows(app_bindings), ("ctrl+p", _("Command palette"))]),
        releases,
        (
            _("Filter box (releases and contacts)"),
            [(_("type"), _("Filter as you type")), *binding_rows(FilterInput.BINDINGS)],
        ),
        (_("Filter syntax"), FILTER_SYNTAX),
        release,
        contacts,
        (_("Import box"), binding_rows(ImportPathDialog.BINDINGS)),
        (_("Import summary"), binding_rows(ImportSummaryDialog.BINDINGS)),
        (
            _("Country/year picker"),
            [
                (
                    _("type"),
                    _(
                        "Jump to the first name starting with the letters typed (h l q x too); "
                        "a letter within a second of the last continues the name"
                    ),
                ),
                *binding_rows(FacetPicker.BINDINGS),
                ("tab", _("Between the countries and the years")),
            ],
        ),
    ]
    first = screen_sections.get(current) if current is not None else None
    if first is not None:
        sections.remove(first)
        sections.insert(1, first)
    return sections


class HelpScreen(ModalScreen[None]):
    """The key table; escape (or ? / f1 again) closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape,question_mark,f1", "close", _("Close help"), key_display="q esc ?"),
        *SCROLL_BINDINGS,
    ]

    def __init__(
        self, app_bindings: Iterable[BindingType], current: type[object] | None = None
    ) -> None:
        super().__init__()
        self._sections = help_sections(app_bindings, current)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help-dialog"):
            yield Static(
                Content(_("oim-archive: keys · q, esc or ? closes")), classes="dialog-title"
            )
            yield Static(key_table(self._sections), id="help-keys")
        yield KeyBar(with_help=False)

    def action_close(self) -> None:
        self.dismiss()

    def action_scroll(self, direction: str) -> None:
        scroll(self.query_one("#help-dialog", VerticalScroll), direction)
