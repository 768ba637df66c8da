"""Contacts like khard, in both themes: columns (name, office, phone, email, last named), sorted
by family name, y / Y copy the email / phone honestly, and c from a release shows its people."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from oim_archive.store.directory import build_directory, last_named_month
from oim_archive.store.names import person_sort_key
from oim_archive.store.records import Contact, Release
from oim_archive.tui.screens.contacts import ContactsScreen
from oim_archive.tui.screens.release import ReleaseScreen
from oim_archive.tui.screens.releases import ReleasesScreen
from oim_archive.tui.widgets.contact_list import contact_columns
from tests.support.tui import new_app, running, sample_releases, screen_text, settle, watch_notify

THEMES = pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])


def people_releases() -> list[Release]:
    """The sample releases plus people whose order needs folding and family names."""

    def person(name: str, email: str, date: str | None, **extra: object) -> Release:
        return Release(
            title=f"Communiqué avec {name}",
            body="Texte.",
            date=date,
            contacts=[Contact(name=name, office="OIM", phones=[], emails=[email])],
            source=f"{email}.txt",
            **extra,  # type: ignore[arg-type]
        )

    return [
        *sample_releases(),
        person("Élodie Ávila", "eavila@iom.int", "2015-02-03"),
        person("Marc Azoulay", "mazoulay@iom.int", "2016-01-01"),
        person("Flavio Di Giacomo", "fdigiacomo@iom.int", None),
        person("DIOP Awa", "adiop@iom.int", "2012-07-01", date_basis="text"),
        person("Awa Diop", "adiop@iom.int", "2014-05-01"),
    ]


def test_the_directory_is_sorted_by_family_name_and_knows_when_each_was_last_named():
    entries = build_directory(people_releases())
    names = [e.name for e in entries]
    assert names == [
        "Élodie Ávila",  # accents folded: with the A's, before Azoulay
        "Marc Azoulay",
        "Kristin Dadey",
        "Flavio Di Giacomo",  # the particle is part of the family name
        "DIOP Awa",  # one person (same email), merged under the first name seen
        "Anita Kassem",
    ]
    assert person_sort_key("awa DIOP")[0] == person_sort_key("DIOP Awa")[0] == "diop"
    by_name = {e.name: e for e in entries}
    assert last_named_month(by_name["Kristin Dadey"]) == "2021-03"  # the newest of two
    assert last_named_month(by_name["DIOP Awa"]) == "2014-05"  # newer than the estimate
    assert last_named_month(by_name["Flavio Di Giacomo"]) == ""  # undated release only


def test_columns_fit_the_width_least_useful_dropped_first():
    assert [k for k, _ in contact_columns(79)] == ["name", "office", "phone", "email", "named"]
    assert [k for k, _ in contact_columns(70)] == ["name", "phone", "email", "named"]
    assert [k for k, _ in contact_columns(60)] == ["name", "phone", "named"]
    assert [k for k, _ in contact_columns(40)] == ["name", "named"]
    for width in (20, 40, 60, 79, 120):
        columns = contact_columns(width)
        assert sum(w for _, w in columns) + 2 * (len(columns) - 1) <= width


@THEMES
async def test_contacts_show_khard_columns_at_80x24(tmp_path: Path, theme: str):
    app = new_app(tmp_path, releases=people_releases())
    async with running(app, theme, size=(80, 24)) as pilot:
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ContactsScreen)
        rows = screen_text(app).splitlines()
        header = rows[1]
        for title in ("Name", "Office", "Phone", "Email", "Last named"):
            assert title in header
        dadey = next(r for r in rows if r.startswith("Kristin Dadey"))
        assert "+995 32 29 38 94" in dadey  # grouped, whole
        assert "kdadey@iom.int" in dadey and dadey.rstrip().endswith("2021-03")
        assert "by surname" in screen.query_one("#status").text
        people = screen.contact_list
        assert [people.entry_at(i).name for i in range(2)] == ["Élodie Ávila", "Marc Azoulay"]
        await pilot.press("slash", *"dadey", "enter")
        await settle(pilot)
        assert "Last named 2021-03" in screen_text(app)  # on the card too
        assert "best match first" in screen.query_one("#status").text  # a filter's order


@THEMES
async def test_y_copies_the_email_and_shift_y_the_phone(tmp_path: Path, monkeypatch, theme: str):
    for variable in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(variable, raising=False)
    app = new_app(tmp_path, releases=people_releases())
    shown = watch_notify(app)
    async with running(app, theme) as pilot:
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("slash", *"dadey", "enter")
        await settle(pilot)
        await pilot.press("y")
        assert app.clipboard == "kdadey@iom.int"
        assert (
            "Email of Kristin Dadey (kdadey@iom.int): sent to the terminal clipboard (OSC 52"
            in (shown[-1].message)
        )
        await pilot.press("Y")
        assert app.clipboard == "+99532293894"  # E.164: what a phone or dialer takes
        assert shown[-1].message.startswith("Phone of Kristin Dadey (+99532293894): sent to")
        await pilot.press("escape")  # clears the filter
        await settle(pilot)
        await pilot.press("slash", *"avila", "enter")
        await settle(pilot)
        await pilot.press("Y")  # no phone: said, nothing copied
        assert app.clipboard == "+99532293894"
        assert shown[-1].message == "No phone for Élodie Ávila"
        assert shown[-1].severity == "warning"


@THEMES
async def test_y_uses_the_desktop_clipboard_tool(tmp_path: Path, monkeypatch, theme: str):
    folder = tmp_path / "bin"
    folder.mkdir()
    tool = folder / "wl-copy"
    tool.write_text(f'#!/bin/sh\ncat > "{folder}/out"\n', encoding="utf-8")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    for variable in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY", "DISPLAY"):
        monkeypatch.delenv(variable, raising=False)
    app = new_app(tmp_path)
    shown = watch_notify(app)
    async with running(app, theme) as pilot:
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("y")  # Kristin Dadey, first by family name
        assert (folder / "out").read_text(encoding="utf-8") == "kdadey@iom.int"
        assert shown[-1].message.endswith("copied to the clipboard (wl-copy)")


@THEMES
async def test_c_in_a_release_shows_the_people_it_names(tmp_path: Path, theme: str):
    app = new_app(tmp_path)
    async with running(app, theme) as pilot:
        await pilot.press("slash", *"tunisie", "enter")
        await settle(pilot)
        release = app.screen
        assert isinstance(release, ReleaseScreen)
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ContactsScreen)
        people = screen.contact_list
        assert [people.entry_at(i).name for i in range(people.row_count)] == ["Anita Kassem"]
        status = screen.query_one("#status").text
        assert status.startswith("1 / 2 contacts") and "only those named in the release" in status
        await pilot.press("escape")  # everyone
        await settle(pilot)
        assert people.row_count == 2
        await pilot.press("escape")
        assert app.screen is release  # back one level
        await pilot.press("q")
        assert isinstance(app.screen, ReleasesScreen)


async def test_the_palette_offers_the_new_commands_where_they_apply(tmp_path: Path, monkeypatch):
    for variable in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(variable, raising=False)
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)

        def titles() -> list[str]:
            return [c.title for c in app.get_system_commands(app.screen)]

        assert "Sort the list" in titles() and "Contacts of this release" not in titles()
        await pilot.press("enter")
        assert "Contacts of this release" in titles() and "Sort the list" not in titles()
        await pilot.press("escape", "c")
        await settle(pilot)
        assert {"Copy the email", "Copy the phone"} <= set(titles())
        await pilot.press("ctrl+p", *"copy the phone", "enter")
        await pilot.pause()
        assert app.clipboard == "+99532293894"
