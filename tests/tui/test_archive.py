"""The browser on real sample pages, and on missing, damaged and read-only archives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from oim_archive.pages import ensure_sample_archive
from oim_archive.store.file.archive import Archive
from oim_archive.tui import library as library_module
from oim_archive.tui.app import make_app
from oim_archive.tui.dialogs.import_path import ImportPathDialog
from oim_archive.tui.screens.release import ReleaseScreen
from oim_archive.tui.screens.releases import ReleasesScreen
from oim_archive.tui.widgets.release_list import ReleaseList
from tests.support.tui import new_app, screen_text, settle, watch_notify

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "sample_data"


def sample_archive(tmp_path: Path) -> Path:
    path = tmp_path / "sample.json"
    assert ensure_sample_archive(Archive(path))
    return path


async def test_sample_pages_browse_filter_and_open(tmp_path: Path):
    app = make_app(sample_archive(tmp_path), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        rows = app.screen.query_one(ReleaseList)
        assert rows.row_count == 5
        await pilot.press("slash", *"soldats georgiens", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReleaseScreen)
        text = screen_text(app)
        assert "Les soldats géorgiens formés à la lutte contre la traite" in text
        await pilot.press("end")  # the contacts are at the bottom of a long release
        await pilot.pause()
        text = screen_text(app)
        assert "Marc Hulst" in text and "+995 32 29 38 94" in text and "marc@iom.ge" in text


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no archive here"),
        (b"\x00\xffgarbage{", "damaged"),
        (b'{"releases": {"x": {"title": 3}}}', "damaged"),
        (b"[1, 2, 3]", "not an oim-archive archive"),
        (b"", "blank"),
        (b"\n", "blank"),
    ],
)
async def test_missing_or_damaged_archive_is_explained_and_left_alone(
    tmp_path: Path, content: bytes | None, expected: str
):
    path = tmp_path / "archive.json"
    if content is not None:
        path.write_bytes(content)
    app = make_app(path, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
    # Nothing to browse: the app leaves with the one-line reason for the CLI; status 2 when
    # the file is damaged, 1 when it is missing.
    assert not app.is_running and app.return_code == (1 if content is None else 2)
    error = app.library.error  # type: ignore[attr-defined]
    assert expected in error and str(path) in error and "\n" not in error
    if content is None:
        assert not path.exists()
    else:
        assert path.read_bytes() == content
    assert not path.with_name(path.name + ".bak").exists()


@pytest.fixture
def read_only_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    app = new_app(tmp_path)
    folder = tmp_path / "db"
    path = folder / "archive.json"
    path.chmod(0o444)
    folder.chmod(0o555)
    if os.geteuid() == 0:  # root ignores permissions: make the archive look protected
        real_access = os.access

        def access(target, mode, *args, **kwargs):
            if mode & os.W_OK and Path(target).resolve().is_relative_to(folder.resolve()):
                return False
            return real_access(target, mode, *args, **kwargs)

        monkeypatch.setattr(library_module.os, "access", access)
    yield app, path
    folder.chmod(0o755)
    path.chmod(0o644)


async def test_read_only_archive_browses_searches_and_exports(read_only_archive, tmp_path: Path):
    app, path = read_only_archive
    shown = watch_notify(app)
    before = path.read_bytes()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        rows = screen.query_one(ReleaseList)
        assert "read-only" in screen.status.text
        await pilot.press("slash", *"libya")
        await settle(pilot)
        assert rows.row_count == 1
        await pilot.press("escape", "e")
        assert len(list((tmp_path / "exports").iterdir())) == 1
        await pilot.press("i")  # import is refused with a clear message, no dialog
        assert not isinstance(app.screen, ImportPathDialog)
        assert any("read-only" in n.message for n in shown)
    assert path.read_bytes() == before


async def test_import_a_folder_from_the_dialog(tmp_path: Path):
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        rows = app.screen.query_one(ReleaseList)
        await pilot.press("i")
        assert isinstance(app.screen, ImportPathDialog)
        await pilot.press(*"/no/such/folder", "enter")
        assert isinstance(app.screen, ImportPathDialog)
        assert "No such file or folder" in screen_text(app)
        dialog_input = app.screen.query_one("#import-path")
        dialog_input.value = str(SAMPLE_DIR)
        await pilot.press("enter")
        await settle(pilot)
        assert "5 new releases" in screen_text(app)  # a summary, closed by the user
        await pilot.press("escape")
        assert isinstance(app.screen, ReleasesScreen)
        assert rows.row_count == 10
        assert not app.screen.library.changed_on_disk()  # our own write asks nothing


async def test_a_huge_body_is_shown_cut_but_exported_whole(tmp_path: Path):
    from oim_archive.store.records import Release
    from oim_archive.tui.screens.release import FULL_BODY_LIMIT

    body = " ".join(f"mot{i}" for i in range(FULL_BODY_LIMIT // 3))  # one giant paragraph
    app = new_app(tmp_path, [Release(title="Très long", body=body, date="2020-01-01")])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, ReleaseScreen)
        shown = str(app.screen.query_one("#release .release-text").content)
        assert "more characters: e exports the whole text" in shown
        assert len(shown) < len(body)
        await pilot.press("e")
        (exported,) = (tmp_path / "exports").iterdir()
        assert "mot" + str(FULL_BODY_LIMIT // 3 - 1) in exported.read_text(encoding="utf-8")
