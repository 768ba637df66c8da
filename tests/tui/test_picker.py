"""The country/year picker's type-ahead, in both themes: j k g G move, every other letter (h, l,
q and x too) jumps, a letter typed within the type-ahead window continues the name — also after
a move, so names starting with g, j or k are reached by typing them."""

from __future__ import annotations

from pathlib import Path

import pytest

from oim_archive.store.records import Release
from oim_archive.tui.dialogs import facets
from oim_archive.tui.dialogs.facets import FacetPicker
from oim_archive.tui.screens.releases import ReleasesScreen
from tests.support.tui import new_app, running, sample_releases, settle

THEMES = pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])


def more_countries() -> list[Release]:
    extra = [("QA", "Qatar"), ("JO", "Jordan"), ("HT", "Haiti"), ("KE", "Kenya")]
    extra += [("CR", "Costa Rica"), ("CI", "Côte d'Ivoire")]
    return [
        *sample_releases(),
        *(
            Release(title=f"Communiqué {name}", body="Texte.", country=code, country_name=name)
            for code, name in extra
        ),
    ]


async def open_picker(pilot):
    await pilot.press("f")
    picker = pilot.app.screen
    assert isinstance(picker, FacetPicker)
    countries = picker.query_one("#facet-countries")
    labels = [
        str(countries.get_option_at_index(i).prompt).split("  ")[0]
        for i in range(countries.option_count)
    ]
    return picker, countries, labels


@THEMES
async def test_letters_that_are_keys_elsewhere_jump_here(tmp_path: Path, theme: str, monkeypatch):
    monkeypatch.setattr(facets, "TYPE_AHEAD_SECONDS", 3600.0)  # every key continues the name
    app = new_app(tmp_path, releases=more_countries())
    async with running(app, theme) as pilot:
        for typed, expected in (
            ("li", "Libya"),  # l no longer switches lists
            ("q", "Qatar"),  # q does not cancel: esc does
            ("ha", "Haiti"),  # h neither
            ("ge", "Georgia"),  # g moves to the top, then "ge" is a name
            ("Gu", None),  # G moves to the bottom; "gu" is no name: the list stays there
            ("jor", "Jordan"),  # j moves down, then "jo" is a name
            ("ken", "Kenya"),
            ("costa r", "Costa Rica"),  # a space continues the name
            ("cote", "Côte d'Ivoire"),  # accents ignored
        ):
            picker, countries, labels = await open_picker(pilot)
            await pilot.press(*typed)
            assert app.screen is picker
            shown = labels[countries.highlighted]
            assert shown == (expected or labels[-1]), typed
            await pilot.press("escape")
            assert isinstance(app.screen, ReleasesScreen)


@THEMES
async def test_j_k_g_shift_g_move_when_no_name_is_typed(tmp_path: Path, theme: str, monkeypatch):
    monkeypatch.setattr(facets, "TYPE_AHEAD_SECONDS", 0.0)  # each key starts afresh
    app = new_app(tmp_path, releases=more_countries())
    async with running(app, theme) as pilot:
        picker, countries, labels = await open_picker(pilot)
        await pilot.press("j", "j", "j")
        assert countries.highlighted == 3
        await pilot.press("k")
        assert countries.highlighted == 2
        await pilot.press("G")
        assert countries.highlighted == len(labels) - 1
        await pilot.press("g")
        assert countries.highlighted == 0
        await pilot.press("t")
        assert labels[countries.highlighted] == "Tunisia"
        await pilot.press("x")  # a letter no name starts with: nothing moves, nothing closes
        assert labels[countries.highlighted] == "Tunisia" and app.screen is picker
        await pilot.press("right")
        assert picker.focused is picker.query_one("#facet-years")
        await pilot.press("left", "enter")
        await settle(pilot)
        assert app.screen.filter_input.value == "country:TN "
        await pilot.press("f", "delete")  # del clears country and year
        await settle(pilot)
        assert app.screen.filter_input.value == ""
