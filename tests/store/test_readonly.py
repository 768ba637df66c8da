"""A write-protected stick: browsing, searching and exporting work; writing says "read-only".

Running as root, chmod does not stop writes, so the archive sits on a tmpfs remounted
read-only (the test is skipped where mounting is not permitted)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from oim_archive.store.file.archive import Archive
from oim_archive.tui.cli import main
from tests.support.reliability import (
    SAMPLE_DIR,
    assert_clean_error,
    remount_read_only,
    run_cli,
    tmpfs,
    write_pages,
)


@pytest.fixture(params=["with-lock-file", "without-lock-file"])
def stick(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    """A read-only mount holding archive.json (the sample pages)."""
    with tmpfs(tmp_path / "stick") as mount:
        db = mount / "archive.json"
        assert main(["--db", str(db), "import", str(SAMPLE_DIR)], out=io.StringIO()) == 0
        if request.param == "without-lock-file":
            (mount / "archive.json.lock").unlink()  # e.g. copied onto the stick by hand
        remount_read_only(mount)
        yield db


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_browsing_searching_and_exporting_work(stick: Path, tmp_path: Path) -> None:
    db = stick
    before = _snapshot(db.parent)
    listed = run_cli(["--db", db, "list", "--json"])
    assert listed.returncode == 0, listed.stderr
    releases = orjson.loads(listed.stdout)
    assert len(releases) == 5
    first = releases[0]["id"]
    exports = tmp_path / "exports"
    exports.mkdir()
    for argv in (
        ["list"],
        ["show", first],
        ["search", "traite"],
        ["contacts"],
        ["contacts", "--vcard"],
        ["export", first, "--format", "md"],
        ["export", first, "--export-dir", exports],
        ["export", first, "-o", tmp_path / "one.txt"],
        ["dump", tmp_path / "all.jsonl"],
    ):
        result = run_cli(["--db", db, *argv])
        assert result.returncode == 0, f"{argv}: {result.stderr}"
        assert result.stdout.strip() or argv[0] in ("export", "dump")
    assert len(list(exports.iterdir())) == 1
    assert (tmp_path / "one.txt").read_text(encoding="utf-8").strip()
    assert (tmp_path / "all.jsonl").stat().st_size > 0
    assert _snapshot(db.parent) == before


def test_import_says_the_archive_is_read_only(stick: Path, tmp_path: Path) -> None:
    db = stick
    before = _snapshot(db.parent)
    write_pages(tmp_path / "new", 3)
    result = run_cli(["--db", db, "import", tmp_path / "new"])
    assert_clean_error(result, str(db), "read-only")
    assert _snapshot(db.parent) == before
    # Files already in the archive need no write: that import succeeds, changing nothing.
    again = run_cli(["--db", db, "import", SAMPLE_DIR, "--json"])
    assert again.returncode == 0, again.stderr
    assert orjson.loads(again.stdout)["imported"] == []


def test_writing_onto_the_stick_fails_clearly(stick: Path) -> None:
    db = stick
    first = Archive(db).releases()[0].id
    for argv, needle in (
        (["export", first, "--export-dir", db.parent], "Read-only"),
        (["dump", db.parent / "all.jsonl"], "Read-only"),
        (["--db", db.parent / "new.json"], "read-only"),  # the browser's first start
    ):
        full = argv if argv[0] == "--db" else ["--db", db, *argv]
        assert_clean_error(run_cli(full, timeout=60), needle)


async def test_browser_opens_a_read_only_archive(stick: Path, tmp_path: Path) -> None:
    from oim_archive.tui.app import make_app
    from oim_archive.tui.widgets.release_list import ReleaseList
    from tests.support.tui import screen_text, settle

    app = make_app(stick, tmp_path / "exports")
    (tmp_path / "exports").mkdir()
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(ReleaseList).row_count == 5
        assert "read-only" in screen_text(app)
        await pilot.press("e")  # export the highlighted release to a writable folder
        await pilot.pause()
        assert len(list((tmp_path / "exports").iterdir())) == 1
        assert app.is_running


def test_refused_output_names_the_file_the_user_asked_for(stick: Path) -> None:
    db = stick
    first = Archive(db).releases()[0].id
    for argv in (
        ["export", first, "-o", db.parent / "one.txt"],
        ["contacts", "-o", db.parent / "people.txt"],
        ["dump", db.parent / "all.jsonl"],
    ):
        line = assert_clean_error(run_cli(["--db", db, *argv]), "Read-only")
        target = str(argv[-1])
        assert f"{target}:" in line, line
