"""A full stick: an import that cannot be written says so in one line, leaves the archive and
its .bak exactly as they were, leaves no temporary file, and works again once there is room."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from oim_archive.store.file.storage import backup_path
from tests.support.reliability import (
    SAMPLE_DIR,
    assert_clean_error,
    import_child_argv,
    import_child_env,
    run_cli,
    sources_in,
    tmpfs,
    write_pages,
)


@pytest.fixture
def small_stick(tmp_path: Path) -> Iterator[Path]:
    with tmpfs(tmp_path / "stick", size_mb=2) as mount:
        yield mount


def fill(folder: Path) -> Path:
    """Write a filler file until the file system refuses even one more byte."""
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        for chunk in (1 << 20, 1 << 16, 1 << 12, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * chunk)
        with pytest.raises(OSError) as info:
            os.write(fd, b"\0")
        assert info.value.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


def test_import_on_a_full_stick_changes_nothing(small_stick: Path, tmp_path: Path) -> None:
    db = small_stick / "archive.json"
    first = run_cli(["--db", db, "import", SAMPLE_DIR])
    assert first.returncode == 0, first.stderr
    write_pages(tmp_path / "seed", 2, start=800)
    assert run_cli(["--db", db, "import", tmp_path / "seed"]).returncode == 0  # makes a .bak
    before = {p.name: p.read_bytes() for p in (db, backup_path(db))}
    filler = fill(small_stick)
    pages = tmp_path / "new"
    write_pages(pages, 40)
    result = run_cli(["--db", db, "import", pages])
    assert_clean_error(result, str(db), "No space left", "unchanged")
    assert {p.name: p.read_bytes() for p in (db, backup_path(db))} == before
    assert [p.name for p in small_stick.iterdir() if p.name.endswith(".tmp")] == []

    filler.unlink()
    again = run_cli(["--db", db, "import", pages])
    assert again.returncode == 0, again.stderr
    assert {p.name for p in pages.iterdir()} <= sources_in(db)


def test_a_batch_written_behind_on_a_full_stick_stops_the_import_in_one_line(
    small_stick: Path, tmp_path: Path
) -> None:
    db = small_stick / "archive.json"
    assert run_cli(["--db", db, "import", SAMPLE_DIR]).returncode == 0
    write_pages(tmp_path / "seed", 2, start=800)
    assert run_cli(["--db", db, "import", tmp_path / "seed"]).returncode == 0  # makes a .bak
    before = {p.name: p.read_bytes() for p in (db, backup_path(db))}
    fill(small_stick)
    pages = tmp_path / "new"
    write_pages(pages, 40)
    # Batches of 10: the first is written in a thread while the next is parsed.
    result = subprocess.run(
        import_child_argv(db, pages),
        env=import_child_env(db, batch=10),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert_clean_error(result, str(db), "No space left", "unchanged")
    assert {p.name: p.read_bytes() for p in (db, backup_path(db))} == before
    assert [p.name for p in small_stick.iterdir() if p.name.endswith(".tmp")] == []
