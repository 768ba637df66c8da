"""Defect 11: after an import the browser shows a summary the user closes (counts, refused files
with their reasons, long names wrapped, never cut); the import box completes paths with tab and
opens on the last folder imported (kept in the preferences)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from oim_archive.preferences import load_preferences
from oim_archive.tui.dialogs.import_path import ImportPathDialog
from oim_archive.tui.dialogs.import_summary import ImportSummaryDialog
from oim_archive.tui.screens.releases import ReleasesScreen
from oim_archive.tui.widgets.path_input import PathInput, complete_path
from tests.conftest import SAMPLE_DIR
from tests.support.tui import help_keys, new_app, running, screen_text, settle

THEMES = pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
LONG_NAME = "un-communique-au-nom-vraiment-tres-long-pour-voir-comment-il-se-replie.txt"


def pages_folder(tmp_path: Path) -> Path:
    """Two sample pages, a page holding only site menus (long name) and an empty file."""
    folder = tmp_path / "communiques"
    folder.mkdir()
    for page in sorted(SAMPLE_DIR.glob("*.txt"))[:2]:
        (folder / page.name).write_bytes(page.read_bytes())
    (folder / LONG_NAME).write_text("Accueil\nMenu\nContact\n", encoding="utf-8")
    (folder / "vide.txt").write_bytes(b"")
    return folder


def dialog_text(app) -> str:
    """The dialog's lines, without its border and what shows around it."""
    rows = []
    for row in screen_text(app).splitlines():
        if row.count("│") >= 2:
            rows.append(row.split("│")[1].strip())
    return "\n".join(rows)


async def import_from_the_box(pilot, folder: Path) -> None:
    await pilot.press("i")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ImportPathDialog), pilot.app.screen
    box = pilot.app.screen.query_one(PathInput)
    box.value = str(folder)
    await pilot.press("enter")
    await settle(pilot)


@THEMES
async def test_an_import_ends_on_a_summary_the_user_closes(tmp_path: Path, theme: str):
    folder = pages_folder(tmp_path)
    app = new_app(tmp_path)
    async with running(app, theme, size=(80, 24)) as pilot:
        await import_from_the_box(pilot, folder)
        summary = app.screen
        assert isinstance(summary, ImportSummaryDialog)
        text = screen_text(app)
        assert "2 new releases" in text
        assert "0 files already in the archive" in text
        assert "0 releases removed earlier, left out" in text
        assert "2 files refused" in text
        await pilot.press("G")
        await pilot.pause()
        text = dialog_text(app)
        assert "vide.txt" in text and "empty file" in text
        # The long name is whole on screen, broken after a dash (never cut, no ellipsis).
        assert LONG_NAME in "".join(text.split()) and "…" not in text
        assert "-\n" in text and "only a title, no release text found" in text
        await pilot.pause(0.5)
        assert app.screen is summary  # it stays until closed
        await pilot.press("escape")
        assert isinstance(app.screen, ReleasesScreen)
        assert app.screen.query_one("#releases").row_count == 7
        # Again: the same files are known, the summary says so.
        await import_from_the_box(pilot, folder)
        text = screen_text(app)
        assert "0 new releases" in text and "2 files already in the archive" in text
        await pilot.press("enter")
        assert isinstance(app.screen, ReleasesScreen)


@THEMES
async def test_the_summary_scrolls_through_many_refused_files(
    tmp_path: Path, theme: str, monkeypatch
):
    from oim_archive.tui.dialogs import import_summary

    monkeypatch.setattr(import_summary, "SHOWN_FAILURES", 25)
    folder = tmp_path / "vides"
    folder.mkdir()
    for n in range(30):
        (folder / f"vide-{n:02}.txt").write_bytes(b"")
    app = new_app(tmp_path)
    async with running(app, theme, size=(80, 24)) as pilot:
        await import_from_the_box(pilot, folder)
        scroller = app.screen.query_one("#import-summary")
        assert "30 files refused" in screen_text(app)
        await pilot.press("G")
        await pilot.pause()
        assert scroller.scroll_y == scroller.max_scroll_y > 0
        text = dialog_text(app)
        assert "vide-24.txt" in text and "vide-25.txt" not in text
        assert "… and 5 more refused files, not listed here" in " ".join(text.split())
        await pilot.press("g")
        await pilot.pause()
        assert scroller.scroll_y == 0
        await pilot.press("q")
        assert isinstance(app.screen, ReleasesScreen) and app.is_running


def test_complete_path_like_a_shell(tmp_path: Path, monkeypatch):
    (tmp_path / "communiques-2019").mkdir()
    (tmp_path / "communiques-2020").mkdir()
    (tmp_path / "contacts.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    base = str(tmp_path) + os.sep
    done = complete_path(base + "com")
    assert done.text == base + "communiques-20"  # the common prefix
    assert done.candidates == ("communiques-2019" + os.sep, "communiques-2020" + os.sep)
    assert complete_path(base + "cont").text == base + "contacts.txt"  # a file: no separator
    assert complete_path(base + "communiques-2019").text == base + "communiques-2019" + os.sep
    assert complete_path(base + "COMMUNIQUES-2020").text == base + "communiques-2020" + os.sep
    assert ".cache" + os.sep not in complete_path(base).candidates
    assert complete_path(base + ".ca").text == base + ".cache" + os.sep
    assert complete_path(base + "zzz").text == base + "zzz"  # nothing: unchanged
    monkeypatch.setenv("HOME", str(tmp_path))
    assert complete_path("~/contac").text == base + "contacts.txt"  # ~ expanded


@THEMES
async def test_tab_completes_in_the_box_then_goes_through_the_names(tmp_path: Path, theme: str):
    home = tmp_path / "home"
    for name in ("Documents", "Downloads"):
        (home / name).mkdir(parents=True)
    app = new_app(tmp_path)
    async with running(app, theme, size=(80, 24)) as pilot:
        await pilot.press("i")
        dialog = app.screen
        assert isinstance(dialog, ImportPathDialog)
        box = dialog.query_one(PathInput)
        box.value = str(home / "Do")
        await pilot.press("tab")
        assert box.value == str(home / "Do")  # no common prefix longer: the names are listed
        await pilot.pause()
        text = screen_text(app)
        assert "Documents/" in text and "Downloads/" in text
        await pilot.press("tab")
        assert box.value == str(home / "Documents") + os.sep
        await pilot.press("tab")
        assert box.value == str(home / "Downloads") + os.sep
        await pilot.press("tab")
        assert box.value == str(home / "Documents") + os.sep
        assert app.screen is dialog  # tab never left the box
        await pilot.press("escape")


@THEMES
async def test_the_box_opens_on_the_last_folder_imported(tmp_path: Path, theme: str):
    folder = pages_folder(tmp_path)
    app = new_app(tmp_path)
    async with running(app, theme, size=(80, 24)) as pilot:
        await pilot.press("i")
        assert app.screen.query_one(PathInput).value == ""  # nothing imported yet
        await pilot.press("escape")
        await import_from_the_box(pilot, folder / "vide.txt")  # a file: its folder is kept
        await pilot.press("escape")
    assert load_preferences().last_import_dir == str(folder.resolve())
    app = new_app(tmp_path / "again")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        box_value = app.screen.query_one(PathInput).value
        assert box_value == str(folder.resolve()) + os.sep
        await pilot.press("enter")  # the folder itself can be imported at once
        await settle(pilot)
        assert isinstance(app.screen, ImportSummaryDialog)


@THEMES
async def test_help_lists_the_import_box_and_summary_keys(tmp_path: Path, theme: str):
    from oim_archive.tui.dialogs.import_summary import ImportSummaryDialog as Summary

    app = new_app(tmp_path)
    async with running(app, theme, size=(100, 40)) as pilot:
        text = await help_keys(pilot)
        for title in ("Import box", "Import summary", "Country/year picker"):
            assert title in text
        assert "tab" in text and "Complete the path" in text
        assert "esc enter q" in text and "Close" in text
        for binding in [*ImportPathDialog.BINDINGS, *Summary.BINDINGS]:
            assert binding.description in text


def test_a_file_name_wraps_after_separators_and_is_never_cut():
    from oim_archive.tui.widgets.file_name import wrap_name

    name = "/home/awa/Téléchargements/communiques_2019/formation-intersectorielle-tunisie.txt"
    for width in (12, 20, 31, 80):
        lines = wrap_name(name, width)
        assert "".join(lines) == name  # nothing lost, nothing added
        assert all(len(row) <= width for row in lines)
    assert wrap_name(name, 31) == [
        "/home/awa/Téléchargements/",
        "communiques_2019/formation-",
        "intersectorielle-tunisie.txt",
    ]
    assert wrap_name("abcdefghij", 4) == ["abcd", "efgh", "ij"]  # one part wider: folded
    assert wrap_name("", 10) == [""]
