"""Issue 14's tools and display fixes driven with Pilot: clipboard honesty, grouped phones."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from oim_archive.store.exports.render import release_text
from tests.support.tui import new_app, running, sample_releases, screen_text, settle, watch_notify

THEMES = pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])


def fake_tool(folder: Path, name: str) -> Path:
    """A clipboard tool that writes what it reads into ``folder/<name>.out``."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / name
    script.write_text(f'#!/bin/sh\ncat > "{folder}/{name}.out"\n', encoding="utf-8")
    script.chmod(0o755)
    return folder / f"{name}.out"


@THEMES
async def test_y_uses_a_local_clipboard_tool_on_a_desktop(tmp_path: Path, monkeypatch, theme):
    out = fake_tool(tmp_path / "bin", "xclip")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    for variable in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"):
        monkeypatch.delenv(variable, raising=False)
    app = new_app(tmp_path)
    shown = watch_notify(app)
    async with running(app, theme) as pilot:
        release = app.screen.query_one("#releases").highlighted_release
        await pilot.press("y")
        assert out.read_text(encoding="utf-8") == release_text(release)
        assert any("copied to the clipboard (xclip)" in n.message for n in shown)


@THEMES
async def test_y_over_ssh_only_asks_the_terminal_and_says_so(tmp_path: Path, monkeypatch, theme):
    out = fake_tool(tmp_path / "bin", "xclip")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 5000 10.0.0.2 22")
    app = new_app(tmp_path)
    shown = watch_notify(app)
    async with running(app, theme) as pilot:
        await pilot.press("y")
        assert not out.exists()
        assert any("sent to the terminal clipboard (OSC 52" in n.message for n in shown)


@THEMES
async def test_phones_are_grouped_where_people_read_them(tmp_path: Path, theme: str):
    app = new_app(tmp_path)
    async with running(app, theme, size=(120, 40)) as pilot:
        await pilot.press("slash", *"tbilissi", "enter")
        await settle(pilot)
        text = screen_text(app)
        assert "+995 32 29 38 94" in text and "+99532293894" not in text
        await pilot.press("escape", "escape", "c")
        await settle(pilot)
        await pilot.press("slash", *"dadey")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "+995 32 29 38 94" in screen_text(app)


@THEMES
async def test_s_cycles_the_order_shows_it_and_keeps_it(tmp_path: Path, theme: str):
    from oim_archive.preferences import load_preferences

    app = new_app(tmp_path)
    async with running(app, theme) as pilot:
        screen = app.screen
        rows = screen.query_one("#releases")

        def dates():
            return [rows.release_at(i).date for i in range(rows.row_count)]

        assert "newest first" in screen.status.text
        await pilot.press("s")
        assert dates() == ["2018-05", "2019-09-24", "2020-06-10", "2021-03-01", None]
        assert "oldest first" in screen.status.text
        await pilot.press("s")
        assert [rows.release_at(i).country for i in range(4)] == ["GE", "LY", "SN", "TN"]
        assert "by country" in screen.status.text
        await pilot.press("slash", *"libya")
        await settle(pilot)
        assert "best match first" in screen.status.text
    assert load_preferences().sort == "country"
    app = new_app(tmp_path / "again")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "by country" in app.screen.status.text


@THEMES
async def test_o_and_pipe_say_when_the_terminal_cannot_be_handed_over(tmp_path: Path, theme):
    from oim_archive.tui.dialogs.pipe import PipeDialog

    app = new_app(tmp_path)
    shown = watch_notify(app)
    async with running(app, theme) as pilot:  # headless: no terminal to hand over
        await pilot.press("o")
        assert any("cannot hand the screen" in n.message for n in shown)
        await pilot.press("enter", "bar")
        assert isinstance(app.screen, PipeDialog)
        await pilot.press(*"wc -w", "enter")
        await pilot.pause()
        assert sum("cannot hand the screen" in n.message for n in shown) == 2


def test_the_pager_is_less_or_more_on_windows_unless_pager_is_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from oim_archive.tui.outside import pager_command

    monkeypatch.delenv("PAGER", raising=False)
    assert (pager_command("posix"), pager_command("nt")) == ("less", "more")
    monkeypatch.setenv("PAGER", "most -s")
    assert pager_command("nt") == "most -s"


def test_run_outside_pipes_the_text_to_the_command(tmp_path: Path):
    import contextlib

    from oim_archive.tui.outside import run_outside

    class Suspending:
        suspended = 0

        @contextlib.contextmanager
        def suspend(self):
            self.suspended += 1
            yield

    app = Suspending()
    out = tmp_path / "out.txt"
    assert run_outside(app, f"cat > '{out}'", "Texte é\n", wait=False) is None
    assert out.read_text(encoding="utf-8") == "Texte é\n" and app.suspended == 1
    problem = run_outside(app, "no-such-command-oim", "x", wait=False)
    assert problem is not None and "could not be run" in problem


@THEMES
async def test_marks_column_filter_export_and_kept_in_the_archive(tmp_path: Path, theme: str):
    from oim_archive.store.file.archive import Archive
    from oim_archive.tui.dialogs.choice import ChoiceDialog

    app = new_app(tmp_path)
    shown = watch_notify(app)
    async with running(app, theme) as pilot:
        screen = app.screen
        rows = screen.query_one("#releases")
        first, second = rows.release_at(0), rows.release_at(1)
        await pilot.press("space", "space")  # marks and moves down, like mutt
        await settle(pilot)
        assert rows.cursor == 2
        assert "2 marked" in screen.status.text
        assert f"* 2021-03-01 GE {first.title}" in screen_text(app)
        await pilot.press("apostrophe")
        await settle(pilot)
        assert [rows.release_at(i).id for i in range(rows.row_count)] == [first.id, second.id]
        assert "only the marked" in screen.status.text
        await pilot.press("e")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("c")  # one combined file
        files = list((tmp_path / "exports").iterdir())
        assert len(files) == 1
        text = files[0].read_text(encoding="utf-8")
        assert first.title in text and second.title in text
        await pilot.press("e", "s")  # one file each
        assert len(list((tmp_path / "exports").iterdir())) == 3
        assert any("2 files written" in n.message for n in shown)
        await pilot.press("apostrophe")
        await settle(pilot)
        assert rows.row_count == 5
        screen.check_disk()  # what the 2-second timer does
        await pilot.pause()
        assert app.screen is screen  # our own writes are not an outside change
        path = screen.library.path
    assert Archive(path).marked_ids() == {first.id, second.id}
    from oim_archive.tui.app import make_app

    app = make_app(path, tmp_path / "exports")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "2 marked" in app.screen.status.text
        await pilot.press("space")  # unmark the first
        await settle(pilot)
        assert "1 marked" in app.screen.status.text
    assert Archive(path).marked_ids() == {second.id}


@THEMES
async def test_slash_in_a_release_finds_and_n_moves_between_matches(tmp_path: Path, theme: str):
    from oim_archive.store.records import Release

    paragraphs = [f"Paragraphe {n} sans rien." for n in range(120)]
    paragraphs[40] = "Une visite à la frontière nord."
    paragraphs[90] = "Retour à la Frontière sud."
    release = Release(title="Long", body="\n\n".join(paragraphs), date="2020-01-01")
    app = new_app(tmp_path, releases=[release])
    async with running(app, theme, size=(80, 24)) as pilot:
        await pilot.press("enter")
        screen = app.screen
        await pilot.press("slash", *"frontiere q", "enter")  # q is typed, not a key
        await pilot.pause()
        status = screen.query_one("#status").text
        assert status.startswith("match 1 / 2 · n next · N previous")
        assert "frontière nord" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert "Frontière sud" in screen_text(app) and "frontière nord" not in screen_text(app)
        await pilot.press("N")
        await pilot.pause()
        assert "frontière nord" in screen_text(app)
        await pilot.press("slash", *"introuvable", "enter")
        assert "Not in this release: introuvable" in screen.query_one("#status").text
        await pilot.press("slash", "escape")
        assert not screen.query_one("#find").display
        await pilot.press("escape")
        assert app.screen is not screen


@THEMES
async def test_release_text_is_capped_at_a_reading_width(tmp_path: Path, theme: str):
    app = new_app(tmp_path)
    async with running(app, theme, size=(160, 50)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        text = app.screen.query_one(".release-text")
        assert 60 < text.region.width <= 100


@THEMES
async def test_exports_default_to_the_documents_folder_and_say_the_full_path(
    tmp_path: Path, monkeypatch, theme: str
):
    import platformdirs

    from oim_archive.tui.app import make_app
    from tests.support.tui import write_archive

    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(documents))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "db").mkdir()
    app = make_app(write_archive(tmp_path / "db", sample_releases()))  # no --export-dir
    shown = watch_notify(app)
    async with running(app, theme) as pilot:
        await pilot.press("e")
        (written,) = (documents / "oim-archive").iterdir()
        assert any(f"Exported to {written}" in n.message for n in shown)  # the full path
        assert written.is_absolute()
        assert not list(tmp_path.glob("*.txt"))  # nothing in the current folder
