"""Removing releases in the browser: d asks in a yes/no dialog and removes (from the list or
the full view), u puts the last removal back; the app's own write never looks like an outside
change, and an older read never replaces a newer one."""

from __future__ import annotations

from pathlib import Path

from oim_archive.store.file.archive import Archive
from oim_archive.tui.dialogs.confirm import ConfirmDialog
from oim_archive.tui.screens.release import ReleaseScreen
from oim_archive.tui.screens.releases import ReleasesScreen
from oim_archive.tui.widgets.release_list import ReleaseList
from tests.support.tui import new_app, screen_text, settle, watch_notify


def parts(app: object) -> tuple[ReleasesScreen, ReleaseList, Archive]:
    screen = app.main_screen  # type: ignore[attr-defined]
    return screen, screen.query_one(ReleaseList), app.library.archive  # type: ignore[attr-defined]


async def test_d_asks_removes_and_u_undoes(tmp_path: Path) -> None:
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen, rows, archive = parts(app)
        shown = watch_notify(app)
        first = rows.highlighted_release
        assert first is not None
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Remove the release" in screen_text(app)
        await pilot.press("n")  # no: nothing happens
        await settle(pilot)
        assert len(Archive(archive.path)) == 5 and rows.row_count == 5

        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert first.id not in Archive(archive.path).raw_records()
        assert rows.row_count == 4 and screen.status.text.startswith("4 / 4 releases")
        assert any("u undoes it" in n.message for n in shown)
        assert not screen.library.changed_on_disk()  # our own write
        assert not isinstance(app.screen, ConfirmDialog)

        await pilot.press("u")
        await settle(pilot)
        restored = Archive(archive.path).get(first.id)
        assert restored == first  # whole: body, contacts, import time
        assert rows.row_count == 5
        await pilot.press("u")
        await settle(pilot)
        assert any(n.message == "Nothing to undo" for n in shown)


async def test_d_in_the_full_view_removes_and_goes_back(tmp_path: Path) -> None:
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen, rows, archive = parts(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReleaseScreen)
        opened = app.screen.release
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
        assert opened.id not in Archive(archive.path).raw_records()
        assert all(rows.release_at(i).id != opened.id for i in range(rows.row_count))
        # A later import of the same release does not bring it back.
        assert Archive(archive.path).add([opened]).removed_earlier == [opened.id]


async def test_an_older_read_never_replaces_a_newer_one(tmp_path: Path) -> None:
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        library = app.library  # type: ignore[attr-defined]
        older = library.read_snapshot()
        Archive(library.path).remove([older.releases[0].id])
        newer = library.read_snapshot()
        assert library.adopt(newer)
        assert not library.adopt(older)
        assert library.snapshot is newer and len(library.releases) == 4


async def test_another_process_write_is_still_offered(tmp_path: Path) -> None:
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen, rows, archive = parts(app)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert not screen.library.changed_on_disk()
        Archive(archive.path).remove([rows.release_at(0).id])  # another program
        assert screen.library.changed_on_disk()
