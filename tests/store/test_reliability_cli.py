"""The CLI under everyday accidents: a closed pipe (`| head`) and Ctrl-C during an import end
quietly with one line at most, and nothing committed is lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from oim_archive.store.file.archive import Archive
from oim_archive.store.records import Contact
from tests.conftest import make_release
from tests.support.reliability import (
    build_archive,
    cli_env,
    import_child_argv,
    import_child_env,
    kill_group,
    sources_in,
    wait_for_sources,
    write_pages,
)


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`oim-archive list | head -1`: the reader leaves early; no error, no traceback."""
    db = tmp_path / "archive.json"
    releases = [
        make_release(
            f"Communiqué numéro {n}",
            f"Corps {n}.",
            contacts=[Contact(f"Personne {n}", "OIM", [], [f"p{n}@iom.int"])],
        )
        for n in range(3000)
    ]
    build_archive(db, releases)
    for argv in (["list"], ["list", "--json"], ["contacts"]):
        process = subprocess.Popen(
            [sys.executable, "-m", "oim_archive", "--db", str(db), *argv],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=cli_env(),
        )
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline()
        process.stdout.close()  # output is far larger than the pipe buffer: the writer hits EPIPE
        err = process.stderr.read().decode()
        assert process.wait(timeout=60) == 0, err
        assert err == "", err


@pytest.mark.parametrize("batches_before", [1, 9])
def test_ctrl_c_during_an_import_keeps_whole_batches(tmp_path: Path, batches_before: int) -> None:
    """Ctrl-C (SIGINT to the whole process group, workers included) after some batches: early
    while the workers parse, late while they wait for work."""
    pages = tmp_path / "pages"
    names = sorted(p.name for p in write_pages(pages, 1200))
    db = tmp_path / "archive.json"
    batch = 100
    process = subprocess.Popen(
        import_child_argv(db, pages),
        env=import_child_env(db, batch=batch),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        wait_for_sources(db, batches_before * batch, process)
        os.killpg(process.pid, signal.SIGINT)
        _, err = process.communicate(timeout=120)
    finally:
        kill_group(process)
    landed = sources_in(db)
    if process.returncode == 0:  # the import won the race and finished: nothing to check
        assert landed == set(names)
        return
    assert process.returncode == 130, err
    assert err.strip() == "oim-archive: interrupted", err
    assert landed == set(names[: len(landed)]) and len(landed) % batch == 0
    assert len(Archive(db).require().releases()) == len(landed)
