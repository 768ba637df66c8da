"""Issue 14's defects, each driven with Pilot in both themes: keys after reading a result, empty
results, q going back one level, no animation, stale archive, the country/year picker."""

from __future__ import annotations

from pathlib import Path

import pytest

from oim_archive.store.file.archive import Archive
from oim_archive.store.records import Release
from oim_archive.tui.dialogs.facets import FacetPicker
from oim_archive.tui.screens.contacts import ContactsScreen
from oim_archive.tui.screens.help import HelpScreen
from oim_archive.tui.screens.release import ReleaseScreen
from oim_archive.tui.screens.releases import ReleasesScreen
from oim_archive.tui.widgets.release_list import ReleaseList
from tests.support.tui import new_app, running, screen_text, settle

THEMES = pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])


def main_parts(app):
    screen = app.screen
    assert isinstance(screen, ReleasesScreen)
    return screen, screen.query_one(ReleaseList)


@THEMES
async def test_back_from_a_result_the_keys_act_on_the_list(tmp_path: Path, theme: str):
    app = new_app(tmp_path)
    async with running(app, theme) as pilot:
        screen, rows = main_parts(app)
        await pilot.press("slash", *"tbilissi", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReleaseScreen)
        await pilot.press("escape")
        assert app.screen is screen and screen.focused is rows
        assert screen.filter_input.value == "tbilissi"  # the filter is kept
        await pilot.press("e")  # a list key, not a letter typed into the filter
        assert screen.filter_input.value == "tbilissi"
        assert len(list((tmp_path / "exports").iterdir())) == 1
        await pilot.press("slash")
        assert screen.focused is screen.filter_input  # the box is one / away


@THEMES
async def test_an_empty_result_says_nothing_matches(tmp_path: Path, theme: str):
    app = new_app(tmp_path)
    async with running(app, theme) as pilot:
        screen, rows = main_parts(app)
        await pilot.press("slash", *"zzzz")
        await settle(pilot)
        text = screen_text(app)
        assert rows.row_count == 0
        assert "No release matches “zzzz” · esc clears the filter" in text
        assert "holds no release" not in text
        screen.filter_input.value = "country:morocco"
        await settle(pilot)
        assert "No release matches “country:morocco”" in screen_text(app)
        await pilot.press("enter", "escape")  # nothing to open; one escape starts over
        await settle(pilot)
        assert screen.filter_input.value == "" and rows.row_count > 0
        assert screen.focused is rows


@THEMES
async def test_an_empty_archive_says_so(tmp_path: Path, theme: str):
    app = new_app(tmp_path, releases=[])
    async with running(app, theme):
        assert "The archive holds no release yet: i imports a folder" in screen_text(app)


@THEMES
async def test_q_goes_back_one_level_and_ctrl_q_quits_from_anywhere(tmp_path: Path, theme: str):
    app = new_app(tmp_path)
    async with running(app, theme) as pilot:
        screen, _ = main_parts(app)
        await pilot.press("enter")
        assert isinstance(app.screen, ReleaseScreen)
        await pilot.press("q")
        assert app.screen is screen and app.is_running
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        await pilot.press("q")
        assert app.screen is screen and app.is_running
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "q, esc or ? closes" in screen_text(app)
        await pilot.press("q")
        assert app.screen is screen and app.is_running
        await pilot.press("enter")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


@THEMES
async def test_help_closes_with_escape_and_question_mark_and_scrolls_with_g(
    tmp_path: Path, theme: str
):
    app = new_app(tmp_path)
    async with running(app, theme, size=(100, 20)) as pilot:
        for closing in ("escape", "question_mark"):
            await pilot.press("question_mark")
            help_screen = app.screen
            assert isinstance(help_screen, HelpScreen)
            scroller = help_screen.query_one("#help-dialog")
            await pilot.press("G")
            await pilot.pause()
            assert scroller.scroll_y == scroller.max_scroll_y > 0
            await pilot.press("g")
            await pilot.pause()
            assert scroller.scroll_y == 0
            await pilot.press(closing)
            assert isinstance(app.screen, ReleasesScreen)


@THEMES
async def test_scrolling_jumps_without_animation(tmp_path: Path, theme: str):
    long_body = "\n\n".join(f"Paragraphe {n} du communiqué." for n in range(200))
    app = new_app(tmp_path, releases=[Release(title="Long", body=long_body, date="2020-01-01")])
    async with running(app, theme, size=(80, 24)) as pilot:
        assert app.animation_level == "none"
        await pilot.press("enter")
        view = app.screen.query_one("#release")
        await pilot.press("G")
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y > 0  # there at the next frame
        await pilot.press("g")
        await pilot.pause()
        assert view.scroll_y == 0


@THEMES
async def test_a_declined_reload_leaves_a_note_until_r_reloads(tmp_path: Path, theme: str):
    app = new_app(tmp_path)
    async with running(app, theme) as pilot:
        screen, rows = main_parts(app)
        Archive(screen.library.path).add([Release(title="Autre", body="Texte.")])
        screen.check_disk()
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert "changed on disk: r reloads" in screen.status.text
        assert rows.row_count == 5
        await pilot.press("r")
        await settle(pilot)
        assert rows.row_count == 6
        assert "changed on disk" not in screen.status.text


@THEMES
async def test_picker_moves_jumps_reopens_on_the_choice_and_offers_undated(
    tmp_path: Path, theme: str
):
    app = new_app(tmp_path)
    async with running(app, theme) as pilot:
        screen, rows = main_parts(app)
        await pilot.press("f")
        picker = app.screen
        assert isinstance(picker, FacetPicker)
        countries = picker.query_one("#facet-countries")
        names = [str(countries.get_option_at_index(i).prompt) for i in range(4)]
        assert [n.split()[0] for n in names] == [
            "Georgia",
            "Libya",
            "Senegal",
            "Tunisia",
        ]  # one language
        await pilot.press("j", "j")
        assert countries.highlighted == 2
        await pilot.press("G")
        assert countries.highlighted == 3
        await pilot.press("g")
        assert countries.highlighted == 0
        await pilot.press("s", "e")  # typing jumps to the name
        assert countries.highlighted == 2
        await pilot.press("enter")
        await settle(pilot)
        assert screen.filter_input.value == "country:SN "
        assert rows.row_count == 1
        await pilot.press("f")
        countries = app.screen.query_one("#facet-countries")
        assert countries.highlighted == 2  # reopens on the active choice
        await pilot.press("right")
        years = app.screen.query_one("#facet-years")
        labels = [str(years.get_option_at_index(i).prompt) for i in range(years.option_count)]
        assert labels[-1] == "undated  (1)"
        await pilot.press("G", "enter")
        await settle(pilot)
        assert screen.filter_input.value == "country:SN year:undated "
        screen.filter_input.value = "year:undated"
        await settle(pilot)
        assert [rows.release_at(i).title for i in range(rows.row_count)] == ["Communiqué sans date"]


@THEMES
@pytest.mark.parametrize("width", [50, 64, 80, 120])
async def test_each_screen_shows_its_own_keys_never_cut(tmp_path: Path, theme: str, width: int):
    from oim_archive.tui.widgets.key_bar import KeyBar

    app = new_app(tmp_path)
    async with running(app, theme, size=(width, 24)) as pilot:
        for keys, expected, absent in (
            ((), "q Quit", "Cancel"),
            (("enter",), "esc Back", "Quit"),
            (("f",), "esc Cancel", "Contacts"),
            (("i",), "esc Cancel", "Contacts"),
            (("question_mark",), "q esc ? Close help", "Contacts"),
        ):
            await pilot.press(*keys)
            await settle(pilot)
            bar = app.screen.query_one(KeyBar)
            shown = bar.text
            assert len(shown) <= width - 2
            assert expected in shown and absent not in shown
            pairs = dict(bar.key_pairs())
            for part in shown.split("  "):
                key, _, description = part.partition(" ")
                if key in pairs and pairs[key] == description:
                    continue
                assert any(f"{k} {d}" == part for k, d in bar.key_pairs()), part  # whole keys only
            if keys:
                await pilot.press("escape")
                await settle(pilot)
