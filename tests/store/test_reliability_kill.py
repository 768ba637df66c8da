"""kill -9 during an import, at exact points of the atomic write and after random delays: the
archive always opens with everything committed before, a batch is wholly in or wholly out, the
.bak holds the previous version, and running the import again finishes the job."""

from __future__ import annotations

import io
import os
import shutil
import signal
import stat
import subprocess
import time
from pathlib import Path

import pytest

from oim_archive.store.file import storage
from oim_archive.store.file.archive import Archive
from oim_archive.tui.cli import main
from tests.support.reliability import (
    SAMPLE_DIR,
    archive_tables,
    import_child_argv,
    import_child_env,
    kill_group,
    sources_in,
    wait_for_sources,
    write_pages,
)

BATCH = 4
NEW_PAGES = 12  # three batches: writes 1, 2 and 3 of the import


def run_import(db: Path, folder: Path) -> None:
    assert main(["--db", str(db), "import", str(folder)], out=io.StringIO()) == 0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """An archive written twice (so it has a .bak) and a folder of new pages."""
    root = tmp_path_factory.mktemp("kill")
    first, second = root / "seed1", root / "seed2"
    samples = sorted(SAMPLE_DIR.glob("*.txt"))
    for folder, chosen in ((first, samples[:2]), (second, samples[2:])):
        folder.mkdir()
        for page in chosen:
            shutil.copy(page, folder / page.name)
    db = root / "seeded" / "archive.json"
    db.parent.mkdir()
    run_import(db, first)
    run_import(db, second)
    new = root / "new"
    write_pages(new, NEW_PAGES)
    return {"db": db, "new": new, "first": first}


def states(corpus: dict[str, Path], batch: int, count: int) -> dict[int, set[str]]:
    """The source sets after each write: -1 = first seed, 0 = seeded, k = k batches in."""
    first = {p.name for p in corpus["first"].iterdir()}
    seeded = sources_in(corpus["db"])
    pages = sorted(p.name for p in corpus["new"].iterdir())[:count]
    result = {-1: first, 0: seeded}
    for k in range(1, (len(pages) + batch - 1) // batch + 1):
        result[k] = seeded | set(pages[: k * batch])
    return result


def fresh_copy(corpus: dict[str, Path], into: Path) -> Path:
    into.mkdir()
    for item in corpus["db"].parent.iterdir():
        if not item.name.endswith(".lock"):
            shutil.copy2(item, into / item.name)
    return into / corpus["db"].name


def assert_consistent(db: Path) -> None:
    """Every release decodes, and the raw-file table names only releases that are there."""
    releases = Archive(db).require().releases()
    ids = {r.id for r in releases}
    for entry in archive_tables(db).get("sources", {}).values():
        assert set(entry["ids"]) <= ids, "a file is marked imported but its releases are missing"


# (kill point, write number) -> (archive state, .bak state) after the kill.
EXACT_POINTS = {
    ("tmp-written", 1): (0, -1),
    ("tmp-written", 3): (2, 1),
    ("backup-staged", 2): (1, 0),
    ("before-replace", 1): (0, 0),
    ("before-replace", 3): (2, 2),
    ("after-replace", 1): (1, 0),
    ("after-replace", 2): (2, 1),
    ("after-replace", 3): (3, 2),
}


@pytest.mark.parametrize(("point", "write"), sorted(EXACT_POINTS))
def test_kill_at_an_exact_point_of_the_write(
    corpus: dict[str, Path], tmp_path: Path, point: str, write: int
) -> None:
    db = fresh_copy(corpus, tmp_path / "archive")
    done = subprocess.run(
        import_child_argv(db, corpus["new"]),
        env=import_child_env(db, batch=BATCH, point=point, write=write),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, f"the kill hook never fired: {done.stderr}"
    expected = states(corpus, BATCH, NEW_PAGES)
    archive_state, bak_state = EXACT_POINTS[(point, write)]
    assert sources_in(db) == expected[archive_state]
    assert_consistent(db)
    bak = storage.backup_path(db)
    assert sources_in(bak) == expected[bak_state]
    assert_consistent(bak)

    # Later, running the same import again finishes the job; nothing twice, nothing missing,
    # and the killed write's leftovers are cleaned up.
    for leftover in db.parent.glob("*.tmp"):
        an_hour_ago = time.time() - 3600
        os.utime(leftover, (an_hour_ago, an_hour_ago))
    run_import(db, corpus["new"])
    assert sources_in(db) == expected[max(expected)]
    assert len(Archive(db)) == len(expected[max(expected)])
    assert_consistent(db)
    leftovers = [p.name for p in db.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == [], "temporary files of the killed write were left behind"


KILL_BATCH = 25


@pytest.mark.slow
@pytest.mark.parametrize(
    ("when", "amount"),
    [
        ("delay", 0.0),
        ("delay", 0.3),
        ("delay", 1.0),
        ("batches", 1),
        ("batches", 4),
        ("batches", 9),
    ],
)
def test_kill_during_a_real_import_keeps_whole_batches(
    corpus: dict[str, Path], tmp_path: Path, when: str, amount: float
) -> None:
    """A real import of enough pages to use the worker pool, killed with its workers after a
    delay or right after the N-th batch landed (while the next one is being prepared)."""
    pages = tmp_path / "pages"
    shutil.copytree(corpus["new"], pages)
    write_pages(pages, 288, start=NEW_PAGES)
    batch = KILL_BATCH
    db = fresh_copy(corpus, tmp_path / "archive")
    process = subprocess.Popen(
        import_child_argv(db, pages),
        env=import_child_env(db, batch=batch),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        if when == "delay":
            time.sleep(amount)
        else:
            landed = len(sources_in(corpus["db"])) + int(amount) * KILL_BATCH
            wait_for_sources(db, landed, process)
    finally:
        kill_group(process)
    seeded = sources_in(corpus["db"])
    names = sorted(p.name for p in pages.iterdir())
    landed = sources_in(db) - seeded
    assert seeded <= sources_in(db), "releases committed before the import were lost"
    count = len(landed)
    assert landed == set(names[:count]), "the archive holds pages out of import order"
    assert count % batch == 0 or count == len(names), f"a partial batch landed: {count}"
    assert_consistent(db)
    bak = storage.backup_path(db)
    bak_landed = sources_in(bak) - seeded
    assert bak_landed == set(names[: len(bak_landed)])
    assert count - len(bak_landed) in (0, batch, len(names) % batch), "the .bak is not the previous"
    assert_consistent(bak)

    run_import(db, pages)
    assert sources_in(db) == seeded | set(names)
    assert_consistent(db)


def test_a_killed_import_leaves_no_stale_lock(corpus: dict[str, Path], tmp_path: Path) -> None:
    """The lock dies with its process: the next writer does not wait for the timeout."""
    db = fresh_copy(corpus, tmp_path / "archive")
    done = subprocess.run(
        import_child_argv(db, corpus["new"]),
        env=import_child_env(db, batch=BATCH, point="before-replace", write=1),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL
    assert (db.parent / (db.name + ".lock")).exists()
    archive = Archive(db, lock_timeout=0.5)  # fails with ArchiveLockedError if still held
    from oim_archive.ingest import import_paths

    report = import_paths(archive, [corpus["new"]])
    assert len(report.imported) == NEW_PAGES and not report.failed


def test_writes_fsync_the_file_then_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The order that makes a write durable: data fsynced, renamed, then the folder fsynced."""
    db = tmp_path / "archive.json"
    pages = tmp_path / "pages"
    write_pages(pages, 3)
    run_import(db, pages)
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def spy_fsync(fd: int) -> None:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            same = (st.st_dev, st.st_ino) == (tmp_path.stat().st_dev, tmp_path.stat().st_ino)
            events.append("fsync-folder" if same else "fsync-other-folder")
        else:
            events.append("fsync-file")
        real_fsync(fd)

    def spy_replace(src: str | Path, dst: str | Path) -> None:
        events.append("replace-archive" if Path(dst) == db else "replace-other")
        real_replace(src, dst)

    monkeypatch.setattr(storage.os, "fsync", spy_fsync)
    monkeypatch.setattr(storage.os, "replace", spy_replace)
    write_pages(pages, 2, start=3)
    run_import(db, pages)
    monkeypatch.undo()
    assert "replace-archive" in events
    at = events.index("replace-archive")
    assert "fsync-file" in events[:at], "the new archive was not fsynced before the rename"
    assert "fsync-folder" in events[at + 1 :], "the folder was not fsynced after the rename"
    assert len(Archive(db)) == 5


def test_only_old_temporary_files_are_cleaned(tmp_path: Path) -> None:
    """A crash leftover (old) goes at the next write; a young one may be a live write: kept."""
    db = tmp_path / "archive.json"
    pages = tmp_path / "pages"
    write_pages(pages, 1)
    run_import(db, pages)
    old = tmp_path / ".archive.json.dead1234.tmp"
    young = tmp_path / ".archive.json.live5678.tmp"
    unrelated = tmp_path / ".other.json.dead9999.tmp"
    for leftover in (old, young, unrelated):
        leftover.write_bytes(b"{}")
    an_hour_ago = time.time() - 3600
    for aged in (old, unrelated):
        os.utime(aged, (an_hour_ago, an_hour_ago))
    write_pages(pages, 1, start=1)
    run_import(db, pages)
    assert not old.exists()
    assert young.exists() and unrelated.exists()
