"""The browser's main screen, driven headless with App.run_test() and Pilot."""

from __future__ import annotations

from pathlib import Path

from oim_archive.store.exports.render import release_text
from oim_archive.store.file.archive import Archive
from oim_archive.store.records import Release
from oim_archive.tui.dialogs.facets import FacetPicker
from oim_archive.tui.screens.help import HelpScreen
from oim_archive.tui.screens.release import ReleaseScreen
from oim_archive.tui.screens.releases import ReleasesScreen
from oim_archive.tui.widgets.release_list import ReleaseList
from tests.support.tui import help_keys, new_app, screen_text, settle, watch_notify


def main_parts(app):
    screen = app.screen
    assert isinstance(screen, ReleasesScreen)
    return screen, screen.query_one(ReleaseList)


async def test_list_is_newest_first_with_counts(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen, rows = main_parts(app)
        dates = [rows.release_at(i).date for i in range(rows.row_count)]
        assert dates == ["2021-03-01", "2020-06-10", "2019-09-24", "2018-05", None]
        assert screen.status.text.startswith("5 / 5 releases")
        text = screen_text(app)
        assert "2021-03-01 GE Des migrants géorgiens rentrent de Grèce" in text
        assert "Quit" in text and "Filter" in text  # the footer


async def test_filter_narrows_as_keys_are_pressed(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen, rows = main_parts(app)
        await pilot.press("slash")
        assert screen.focused is screen.filter_input
        counts = []
        for key in "tbilissi":
            await pilot.press(key)
            await settle(pilot)
            counts.append(rows.row_count)
        assert counts == sorted(counts, reverse=True)  # never widens while typing
        assert counts[-1] == 1
        assert rows.highlighted_release.country == "GE"
        assert screen.status.text.startswith("1 / 5 releases · filter: tbilissi")


async def test_filter_is_accent_insensitive_and_takes_facet_tokens(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen, rows = main_parts(app)
        await pilot.press("slash", *"senegal")
        await settle(pilot)
        assert rows.highlighted_release.country == "SN"
        screen.filter_input.value = "country:LY"
        await settle(pilot)
        assert [rows.release_at(i).country for i in range(rows.row_count)] == ["LY"]
        screen.filter_input.value = "year:2019"
        await settle(pilot)
        assert [rows.release_at(i).date for i in range(rows.row_count)] == ["2019-09-24"]


async def test_enter_from_filter_opens_top_hit_with_contacts_and_escape_returns(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"tunisie", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReleaseScreen)
        text = screen_text(app)
        for expected in (
            "Formation intersectorielle sur la traite des personnes en Tunisie",
            "2019-09-24 · Tunisia (TN) · Tunis",  # country names in the interface language
            "Funded by: Union européenne",
            "Contacts",
            "Anita Kassem",
            "OIM Tunisie",
            "+216 71 860 312",  # grouped for reading
            "akassem@iom.int",
        ):
            assert expected in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReleasesScreen)


async def test_escape_from_release_keeps_the_same_highlight(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        _, rows = main_parts(app)
        await pilot.press("j", "j")
        chosen = rows.highlighted_release
        assert rows.cursor == 2
        await pilot.press("enter")
        assert isinstance(app.screen, ReleaseScreen)
        assert app.screen.release.id == chosen.id
        await pilot.press("escape")
        _, rows = main_parts(app)
        assert rows.cursor == 2 and rows.highlighted_release.id == chosen.id


async def test_movement_keys(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen, rows = main_parts(app)
        moves = [
            ("j", 1),
            ("down", 2),
            ("k", 1),
            ("up", 0),
            ("G", 4),
            ("g", 0),
            ("end", 4),
            ("home", 0),
            ("pagedown", 4),
            ("pageup", 0),
        ]
        for key, expected in moves:
            await pilot.press(key)
            assert rows.cursor == expected, key
        await pilot.press("j")
        await pilot.pause()
        preview = screen.query_one("#preview")
        assert preview.release.id == rows.highlighted_release.id  # the detail follows


async def test_escape_leaves_the_filter_then_clears_it_and_ctrl_u_clears(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen, rows = main_parts(app)
        await pilot.press("slash", *"libya")
        await settle(pilot)
        assert rows.row_count == 1
        await pilot.press("escape")
        assert screen.focused is rows and screen.filter_input.value == "libya"
        await pilot.press("escape")
        await settle(pilot)
        assert screen.filter_input.value == "" and rows.row_count == 5
        assert rows.highlighted_release.country == "LY"  # clearing keeps the highlight
        await pilot.press("slash", *"libya")
        await settle(pilot)
        await pilot.press("ctrl+u")
        await settle(pilot)
        assert screen.filter_input.value == "" and rows.row_count == 5


async def test_up_down_in_the_filter_move_the_list(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen, rows = main_parts(app)
        await pilot.press("slash", "down", "down")
        assert screen.focused is screen.filter_input and rows.cursor == 2
        await pilot.press("enter")
        assert app.screen.release.id == rows.release_at(2).id


async def test_export_writes_the_file_into_the_export_dir(tmp_path: Path):
    app = new_app(tmp_path)
    shown = watch_notify(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        _, rows = main_parts(app)
        release = rows.highlighted_release
        await pilot.press("e")
        files = list((tmp_path / "exports").iterdir())
        assert len(files) == 1
        assert files[0].read_text(encoding="utf-8") == release_text(release)
        assert any(str(files[0]) in n.message for n in shown)
        await pilot.press("enter", "e")  # also from the full view; never overwrites
        assert len(list((tmp_path / "exports").iterdir())) == 2


async def test_y_copies_the_release_text(tmp_path: Path, monkeypatch):
    for variable in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(variable, raising=False)
    app = new_app(tmp_path)
    shown = watch_notify(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        _, rows = main_parts(app)
        await pilot.press("y")
        assert app.clipboard == release_text(rows.highlighted_release)
        assert any("sent to the terminal clipboard (OSC 52" in n.message for n in shown)


async def test_facet_picker_adds_a_country_token(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen, rows = main_parts(app)
        await pilot.press("f")
        assert isinstance(app.screen, FacetPicker)
        await pilot.press("down", "enter")  # countries are ordered by count, then name
        await settle(pilot)
        assert screen.filter_input.value.startswith("country:")
        code = screen.filter_input.value.split(":")[1].strip()
        assert rows.row_count == 1 and rows.highlighted_release.country == code
        await pilot.press("f", "delete")  # del clears (x is a letter there)
        await settle(pilot)
        assert screen.filter_input.value == "" and rows.row_count == 5


async def test_help_lists_every_key_of_the_main_screen(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        text = await help_keys(pilot)
        for binding in ReleasesScreen.BINDINGS:
            assert binding.description in text
        for expected in ("Quit", "Command palette", "country:SN", "Clear the filter"):
            assert expected in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReleasesScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_q_quits_but_types_in_the_filter(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen, _ = main_parts(app)
        await pilot.press("slash", "q")
        assert screen.filter_input.value == "q" and app.is_running
        await pilot.press("escape", "q")
        await pilot.pause()
        assert not app.is_running


async def test_layout_80x24_stacks_list_and_detail(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen, rows = main_parts(app)
        preview = screen.query_one("#preview")
        assert screen.has_class("-narrow")
        assert rows.region.width == 80 and preview.region.y > rows.region.y
        assert rows.region.height >= 8 and preview.region.height >= 8
        lines = screen_text(app).splitlines()
        assert len(lines) == 24
        assert lines[-2].strip().startswith("5 / 5 releases")
        assert "Returns from Libya continue" in "\n".join(lines)
    app = new_app(tmp_path / "wide")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen, rows = main_parts(app)
        assert screen.has_class("-wide")
        assert screen.query_one("#preview").region.x > rows.region.x


async def test_the_layout_follows_every_new_terminal_size(tmp_path: Path):
    """A repeated report of the same size is skipped; every new size is laid out again."""
    app = new_app(tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen, rows = main_parts(app)
        for width, height, layout in [
            (140, 40, "-wide"),
            (80, 24, "-narrow"),
            (80, 24, "-narrow"),
            (140, 40, "-wide"),
            (140, 40, "-wide"),
            (80, 24, "-narrow"),
        ]:
            await pilot.resize_terminal(width, height)
            await settle(pilot)
            preview = screen.query_one("#preview")
            assert screen.has_class(layout)
            assert screen.size == (width, height)
            assert len(screen_text(app).splitlines()) == height
            if layout == "-wide":
                assert preview.region.x > rows.region.x
            else:
                assert rows.region.width == width and preview.region.y > rows.region.y
        # Resized while the release screen covers the list, then back to the list's last size.
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReleaseScreen)
        await pilot.resize_terminal(140, 40)
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert app.screen is screen and screen.has_class("-narrow")
        assert screen.size == (80, 24) and rows.region.width == 80


async def test_theme_toggles_between_dark_and_light(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        await pilot.press("t")
        assert app.theme == "textual-light"
        assert "Returns from Libya continue" in screen_text(app)
        await pilot.press("t")
        assert app.theme == "textual-dark"


async def test_command_palette_offers_the_app_commands(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for expected in (
            "Import a folder",
            "Export the release",
            "Contacts",
            "Toggle dark/light theme",
            "Help",
        ):
            assert expected in titles
        await pilot.press("ctrl+p", *"toggle dark", "enter")
        await pilot.pause()
        assert app.theme == "textual-light"


async def test_outside_change_offers_a_reload(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen, rows = main_parts(app)
        Archive(screen.library.path).add(
            [
                Release(
                    title="Nouvelle arrivée",
                    body="Niamey - ajouté par un autre programme.",
                    date="2024-01-01",
                )
            ]
        )
        screen.check_disk()
        await pilot.pause()
        assert "Archive changed on disk" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert rows.row_count == 6 and rows.release_at(0).title == "Nouvelle arrivée"
        screen.check_disk()
        await pilot.pause()
        assert app.screen is screen  # nothing new: no question


async def test_declined_reload_is_not_asked_again(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen, rows = main_parts(app)
        Archive(screen.library.path).add([Release(title="Autre", body="Texte.")])
        screen.check_disk()
        await pilot.pause()
        await pilot.press("n")
        screen.check_disk()
        await pilot.pause()
        assert app.screen is screen and rows.row_count == 5


async def test_click_highlights_and_double_click_opens(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        _, rows = main_parts(app)
        await pilot.click(ReleaseList, offset=(5, 3))
        assert rows.cursor == 3
        await pilot.click(ReleaseList, offset=(5, 3), times=2)
        assert isinstance(app.screen, ReleaseScreen)
        assert app.screen.release.id == rows.release_at(3).id


async def test_search_works_while_the_contact_directory_is_still_being_built(tmp_path: Path):
    import threading

    from oim_archive.tui.screens.contacts import ContactsScreen

    app = new_app(tmp_path)
    library = app.library  # type: ignore[attr-defined]
    built = threading.Event()
    contacts_snapshot = library.contacts_snapshot

    def slow_contacts(snapshot):  # the directory takes its time; the index does not wait
        assert built.wait(30)
        return contacts_snapshot(snapshot)

    library.contacts_snapshot = slow_contacts
    shown = watch_notify(app)
    async with app.run_test(size=(100, 30)) as pilot:
        screen, rows = main_parts(app)
        for _ in range(200):
            if library.snapshot.index is not None:
                break
            await pilot.pause(0.05)
        assert library.snapshot.index is not None and library.snapshot.contact_search is None
        await pilot.press("slash", *"tbilissi")
        for _ in range(100):
            if rows.row_count == 1:
                break
            await pilot.pause(0.05)
        assert rows.highlighted_release.country == "GE"
        assert "indexing" not in screen.status.text
        await pilot.press("escape", "c")
        await pilot.pause()
        assert not isinstance(app.screen, ContactsScreen)
        assert any("still being built" in n.message for n in shown)
        built.set()
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
