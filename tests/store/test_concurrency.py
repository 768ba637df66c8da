"""Several writers on one archive: every import lands all its releases; a lock held too long
gives a clear message; the browser notices another process's write and offers to reload."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from oim_archive.store.file.archive import Archive
from oim_archive.store.file.storage import AtomicOrjsonStorage
from oim_archive.tui.cli import main
from tests.support.reliability import (
    assert_clean_error,
    cli_env,
    import_child_argv,
    import_child_env,
    run_cli,
    sources_in,
    write_pages,
)

HOLD_LOCK = r"""
import sys, time
from pathlib import Path
from oim_archive.store.file.lock import exclusive_lock

with exclusive_lock(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.readline()  # until the test closes our stdin
"""


def _start_imports(db: Path, folders: list[Path], batch: int) -> list[subprocess.Popen[str]]:
    return [
        subprocess.Popen(
            import_child_argv(db, folder, "--json"),
            env=import_child_env(db, batch=batch),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in folders
    ]


@pytest.mark.parametrize("existing", [False, True], ids=["new-archive", "existing-archive"])
def test_simultaneous_imports_all_land(tmp_path: Path, existing: bool) -> None:
    """Three imports at once, in small batches so their writes interleave."""
    db = tmp_path / "archive.json"
    if existing:
        write_pages(tmp_path / "seed", 3, start=9000, prefix="seed")
        assert main(["--db", str(db), "import", str(tmp_path / "seed")], out=io.StringIO()) == 0
    seeded = sources_in(db)
    folders = []
    expected = set(seeded)
    for n in range(3):
        folder = tmp_path / f"writer{n}"
        expected |= {p.name for p in write_pages(folder, 40, start=1000 * n, prefix=f"w{n}")}
        folders.append(folder)
    processes = _start_imports(db, folders, batch=3)
    for process in processes:
        out, err = process.communicate(timeout=180)
        assert process.returncode == 0, err
        report = orjson.loads(out)
        assert len(report["imported"]) == 40 and report["failed"] == []
    assert sources_in(db) == expected
    assert len(Archive(db).require()) == len(expected)


def test_same_pages_from_two_processes_are_stored_once(tmp_path: Path) -> None:
    db = tmp_path / "archive.json"
    folder = tmp_path / "shared"
    pages = write_pages(folder, 30)
    processes = _start_imports(db, [folder, folder], batch=4)
    for process in processes:
        _, err = process.communicate(timeout=180)
        assert process.returncode == 0, err
    assert sources_in(db) == {p.name for p in pages}
    assert len(Archive(db)) == len(pages)


def test_real_console_imports_in_parallel(tmp_path: Path) -> None:
    """The plain ``python -m oim_archive import`` entry, twice at once (one write each)."""
    db = tmp_path / "archive.json"
    first = write_pages(tmp_path / "a", 20, prefix="a")
    second = write_pages(tmp_path / "b", 20, start=500, prefix="b")
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "oim_archive", "--db", str(db), "import", str(folder)],
            env=cli_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in (tmp_path / "a", tmp_path / "b")
    ]
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    assert sources_in(db) == {p.name for p in first + second}


@pytest.fixture
def lock_holder(tmp_path: Path) -> tuple[Path, subprocess.Popen[str]]:
    """Another process holding the archive's write lock until the test ends."""
    db = tmp_path / "archive.json"
    write_pages(tmp_path / "seed", 2, prefix="seed")
    assert main(["--db", str(db), "import", str(tmp_path / "seed")], out=io.StringIO()) == 0
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db)],
        env=cli_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    yield db, holder
    if holder.poll() is None:
        holder.communicate("\n", timeout=30)


def test_lock_held_too_long_gives_a_clear_message(
    lock_holder: tuple[Path, subprocess.Popen[str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, holder = lock_holder
    before = db.read_bytes()
    pages = tmp_path / "new"
    write_pages(pages, 3, start=100)
    # Shorten the 30 s wait; the message is the one a user would see.
    monkeypatch.setattr(Archive.__init__, "__kwdefaults__", {"lock_timeout": 0.5})
    code = main(["--db", str(db), "import", str(pages)], out=io.StringIO())
    captured = capsys.readouterr()
    result = subprocess.CompletedProcess([], code, captured.out, captured.err)
    assert_clean_error(result, str(db), "another oim-archive process", "try again")
    assert db.read_bytes() == before

    holder.communicate("\n", timeout=30)  # the other writer finishes
    monkeypatch.undo()
    assert main(["--db", str(db), "import", str(pages)], out=io.StringIO()) == 0
    assert len(Archive(db)) == 5


def test_readers_are_not_blocked_by_a_writer(
    lock_holder: tuple[Path, subprocess.Popen[str]],
) -> None:
    """Browsing, searching and exporting never wait for the write lock."""
    db, _ = lock_holder
    release_id = Archive(db).releases()[0].id
    for argv in (["list"], ["show", release_id], ["search", "agents"], ["contacts"]):
        result = run_cli(["--db", db, *argv], timeout=20)
        assert result.returncode == 0, result.stderr


async def test_browser_offers_to_reload_after_another_process_imports(tmp_path: Path) -> None:
    from oim_archive.tui.app import make_app
    from oim_archive.tui.widgets.release_list import ReleaseList
    from tests.support.tui import screen_text, settle

    db = tmp_path / "archive.json"
    write_pages(tmp_path / "seed", 2, prefix="seed")
    assert main(["--db", str(db), "import", str(tmp_path / "seed")], out=io.StringIO()) == 0
    app = make_app(db, tmp_path / "exports")
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        rows = screen.query_one(ReleaseList)
        assert rows.row_count == 2
        write_pages(tmp_path / "more", 3, start=50, prefix="more")
        done = run_cli(["--db", db, "import", tmp_path / "more"], timeout=60)
        assert done.returncode == 0, done.stderr
        screen.check_disk()  # what the 2-second timer does
        await pilot.pause()
        assert "Archive changed on disk" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert rows.row_count == 5


def test_a_read_during_another_process_write_is_never_torn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process writes between two reads of the same listing: the listing must come
    from one version of the file (old or new), never report a healthy archive as damaged."""
    db = tmp_path / "archive.json"
    write_pages(tmp_path / "seed", 2, prefix="seed")
    assert main(["--db", str(db), "import", str(tmp_path / "seed")], out=io.StringIO()) == 0
    write_pages(tmp_path / "more", 2, start=70, prefix="more")
    real_read = AtomicOrjsonStorage.read
    armed = True

    def read_then_someone_writes(self: AtomicOrjsonStorage) -> object:
        nonlocal armed
        result = real_read(self)
        if armed:
            armed = False
            done = run_cli(["--db", db, "import", tmp_path / "more"], timeout=60)
            assert done.returncode == 0, done.stderr
        return result

    monkeypatch.setattr(AtomicOrjsonStorage, "read", read_then_someone_writes)
    releases = Archive(db).releases()
    assert len(releases) in (2, 4)
