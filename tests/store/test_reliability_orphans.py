"""No process outlives the import that started it: kill -9 the importing process mid-way and
its parse workers, the forkserver and the resource tracker all exit on their own."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.reliability import cli_env, kill_group, page_text

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("ps") is None, reason="needs ps(1) to list processes"),
]

GRACE_SECONDS = 5.0
PAGES = 400  # over PARALLEL_MIN_FILES: parsed by a pool of workers
LONG_BODY = (
    "Dakar - L'OIM a organisé une formation sur la protection des migrants avec les agents. " * 40
    + "\n"
) * 25  # ~90 kB: long enough to parse that the pool is still at work when it is killed


def session_processes(session: int) -> dict[int, str]:
    """Live (not zombie) processes of a session: pid -> command line."""
    listing = subprocess.run(
        ["ps", "-ww", "-e", "-o", "pid=,sess=,stat=,args="],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = {}
    for line in listing.splitlines():
        pid, sid, state, *args = line.split(None, 3)
        if int(sid) == session and not state.startswith("Z"):
            found[int(pid)] = " ".join(args)
    return found


def test_kill_9_mid_import_leaves_no_process_behind(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for number in range(PAGES):
        text = page_text(number, body=f"{number} {LONG_BODY}")
        (pages / f"page_{number:04d}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "archive.json"
    process = subprocess.Popen(
        [sys.executable, "-m", "oim_archive", "--db", str(db), "import", str(pages)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=cli_env(),
        start_new_session=True,  # its session id is its pid: finds every descendant
    )
    try:
        deadline = time.monotonic() + 120
        tree: dict[int, str] = {}
        while process.poll() is None and time.monotonic() < deadline:
            tree = session_processes(process.pid)
            workers = [cmd for cmd in tree.values() if "forkserver" in cmd]
            if len(workers) >= 3:  # the forkserver and two workers it forked
                break
            time.sleep(0.05)
        assert process.poll() is None, "the import ended before its workers were seen"
        print("process tree before kill -9:", *tree.items(), sep="\n  ")
        assert any("resource_tracker" in cmd for cmd in tree.values()), tree
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        left = session_processes(process.pid)
        deadline = time.monotonic() + GRACE_SECONDS
        while left and time.monotonic() < deadline:
            time.sleep(0.1)
            left = session_processes(process.pid)
        assert left == {}, f"still alive {GRACE_SECONDS} s after kill -9: {left}"
    finally:
        kill_group(process)
