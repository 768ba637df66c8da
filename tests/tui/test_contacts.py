"""The contacts screen: directory, fuzzy filter, card, and the releases naming a person."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from oim_archive.tui.screens.contacts import ContactsScreen
from oim_archive.tui.screens.release import ReleaseScreen
from oim_archive.tui.screens.releases import ReleasesScreen
from oim_archive.tui.widgets.contact_list import ContactList
from tests.support.tui import help_keys, new_app, sample_releases, screen_text, settle, watch_notify


async def open_contacts(pilot) -> tuple[ContactsScreen, ContactList]:
    await settle(pilot)
    await pilot.press("c")
    screen = pilot.app.screen
    assert isinstance(screen, ContactsScreen)
    return screen, screen.contact_list


async def test_c_then_slash_finds_a_contact_by_a_typo(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen, people = await open_contacts(pilot)
        assert people.row_count == 2  # Kristin Dadey appears once for her two releases
        assert screen.query_one("#status").text.startswith("2 / 2 contacts")
        await pilot.press("slash", *"dadei")
        await settle(pilot)
        assert people.highlighted_entry.name == "Kristin Dadey"
        text = screen_text(app)
        for expected in (
            "Kristin Dadey",
            "OIM Géorgie",
            "+995 32 29 38 94",  # grouped for reading
            "kdadey@iom.int",
            "Named in 2 releases",
        ):
            assert expected in text


async def test_phone_digits_in_any_spacing_find_the_person(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        _, people = await open_contacts(pilot)
        await pilot.press("slash", *"+216 71 86")
        await settle(pilot)
        assert people.row_count == 1
        assert people.highlighted_entry.name == "Anita Kassem"


async def test_enter_opens_a_release_naming_the_person_and_escape_returns(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen, people = await open_contacts(pilot)
        await pilot.press("slash", *"kristin", "enter")
        await settle(pilot)
        assert screen.focused is people
        await pilot.press("enter")  # on the person: go to their releases
        releases = screen.query_one("#contact-releases", OptionList)
        assert screen.focused is releases and releases.option_count == 2
        await pilot.press("down", "enter")
        assert isinstance(app.screen, ReleaseScreen)
        assert app.screen.release.title == "Returns from Libya continue"  # newest first
        assert "Kristin Dadey" in screen_text(app)
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("escape")  # leave the releases
        assert screen.focused is people
        await pilot.press("escape")  # clear the filter
        await settle(pilot)
        assert screen.filter_input.value == "" and people.row_count == 2
        await pilot.press("escape")  # back to the releases
        assert isinstance(app.screen, ReleasesScreen)


async def test_contacts_layout_at_80x24(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, people = await open_contacts(pilot)
        card = screen.query_one("#contact-card")
        assert card.region.y > people.region.y and card.region.height >= 8
        assert "Anita Kassem" in screen_text(app)


async def test_v_writes_the_vcard_of_the_person_and_shift_v_of_all_shown(tmp_path: Path):
    import vobject

    app = new_app(tmp_path)
    shown = watch_notify(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_contacts(pilot)
        await pilot.press("slash", *"dadey", "enter")
        await settle(pilot)
        await pilot.press("v", "v", "V")
        exports = tmp_path / "exports"
        names = sorted(p.name for p in exports.iterdir())
        assert names == ["Kristin Dadey (2).vcf", "Kristin Dadey.vcf", "contacts.vcf"]
        card = vobject.readOne((exports / "Kristin Dadey.vcf").read_text(encoding="utf-8"))
        assert card.fn.value == "Kristin Dadey"
        assert card.tel.value == "+99532293894" and card.email.value == "kdadey@iom.int"
        everyone = list(vobject.readComponents((exports / "contacts.vcf").read_text("utf-8")))
        assert [c.fn.value for c in everyone] == ["Kristin Dadey"]  # only those shown
        assert any("exported to" in n.message for n in shown)


async def test_a_persons_releases_show_estimated_dates_as_the_list_does(tmp_path: Path):
    releases = sample_releases()
    estimated = releases[2]  # Kristin Dadey's "Returns from Libya continue"
    estimated.date_basis = "text"
    app = new_app(tmp_path, releases)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_contacts(pilot)
        await pilot.press("slash", *"kristin", "enter")
        await settle(pilot)
        text = screen_text(app)
        assert "~2020-06    Returns from Libya continue" in text
        assert " 2021-03-01 Des migrants géorgiens rentrent de Grèce" in text


async def test_help_from_the_contacts_shows_their_keys_first(tmp_path: Path):

    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_contacts(pilot)
        text = await help_keys(pilot)
        headings = [h for h in ("Everywhere", "Contacts", "Releases", "Release\n") if h in text]
        assert sorted(headings, key=text.index) == [
            "Everywhere",
            "Contacts",
            "Releases",
            "Release\n",
        ]
        assert "vCard" in text.split("Releases")[0]  # the contacts' own keys, before scrolling
        await pilot.press("escape", "escape")
        text = await help_keys(pilot)
        assert text.index("Releases") < text.index("Contacts")
