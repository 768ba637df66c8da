"""Ctrl-C during an import is taken between files, in our code, never inside the pool."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from oim_archive.workers import interrupt_between_steps

needs_sigint = pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="POSIX signals")


@needs_sigint
def test_ctrl_c_waits_for_the_check_then_raises() -> None:
    reached_check = False
    with pytest.raises(KeyboardInterrupt), interrupt_between_steps() as check:
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(1000):  # the handler has run by now; nothing was raised here
            pass
        reached_check = True
        check()
    assert reached_check
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@needs_sigint
def test_a_second_ctrl_c_interrupts_at_once() -> None:
    with pytest.raises(KeyboardInterrupt), interrupt_between_steps():
        os.kill(os.getpid(), signal.SIGINT)
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(1000):
            pass
        pytest.fail("the second Ctrl-C should have interrupted")


def test_without_a_ctrl_c_the_check_does_nothing() -> None:
    with interrupt_between_steps() as check:
        check()


def test_outside_the_main_thread_nothing_changes() -> None:
    handlers: list[object] = []

    def run() -> None:
        with interrupt_between_steps() as check:
            handlers.append(signal.getsignal(signal.SIGINT))
            check()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert handlers == [signal.default_int_handler]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc (Linux)")
def test_the_fork_server_ignores_ctrl_c_from_its_start() -> None:
    """A Ctrl-C while the fork server still imports the importer printed its traceback."""
    script = r"""
import contextlib, os
from pathlib import Path
from oim_archive.workers import start_pool

def ignored(pid):
    status = Path(f"/proc/{pid}/status").read_text()
    mask = int(next(l for l in status.splitlines() if l.startswith("SigIgn:")).split()[1], 16)
    return bool(mask & (1 << 1))  # SIGINT is signal 2

def forkserver_child(p):
    # A fork server this process started? Not another's, nor a process that ended while
    # /proc was listed (the machine runs others).
    try:
        parent = int((p / "stat").read_text().rsplit(")", 1)[1].split()[1])
        return parent == os.getpid() and b"forkserver" in (p / "cmdline").read_bytes()
    except OSError:
        return False

with contextlib.ExitStack() as stack:
    start_pool(stack, 1, preload=("oim_archive.ingest",))
    children = [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit() and forkserver_child(p)]
    print(len(children), all(map(ignored, children)), ignored(os.getpid()))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.stdout.split() == ["1", "True", "False"], done.stderr


def _big_import_in_a_new_process(tmp_path: Path, script: str) -> subprocess.CompletedProcess[str]:
    """Run ``script`` with the folder of 250 pages it imports and the archive file as its
    arguments: enough pages for the import to start its workers."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for number in range(250):
        (pages / f"{number:03}.txt").write_text(
            f"Titre numéro {number}\n\nDakar, 3 mars 2021 - Texte du communiqué {number}.\n",
            encoding="utf-8",
        )
    return subprocess.run(
        [sys.executable, "-c", script, str(pages), str(tmp_path / "archive.json")],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="no fork server on Windows")
def test_workers_start_when_stderr_has_no_descriptor(tmp_path: Path) -> None:
    """In the browser sys.stderr is Textual's capture (``fileno()`` -1): an import of 200
    files or more from it failed with "bad value(s) in fds_to_keep"."""
    script = r"""
import sys
from pathlib import Path
from oim_archive.ingest import import_paths
from oim_archive.store.file.archive import Archive

class Capture:  # what Textual puts in sys.stderr while an app runs
    def write(self, text): return len(text)
    def flush(self): pass
    def fileno(self): return -1

real, sys.stderr = sys.stderr, Capture()
try:
    import_paths(Archive(Path(sys.argv[2])), [Path(sys.argv[1])], workers=2)
finally:
    sys.stderr = real
print(len(Archive(Path(sys.argv[2])).releases()))
"""
    done = _big_import_in_a_new_process(tmp_path, script)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "250"


def test_a_big_import_works_where_there_is_no_fork_server(tmp_path: Path) -> None:
    """Windows has no fork server: the workers are spawned instead (tried here by hiding the
    fork server from the list of start methods)."""
    script = r"""
import multiprocessing, sys
from pathlib import Path

everywhere, any_context = multiprocessing.get_all_start_methods, multiprocessing.get_context

def no_fork_server(method=None):  # as on Windows
    if method == "forkserver":
        raise ValueError("cannot find context for 'forkserver'")
    return any_context(method)

multiprocessing.get_all_start_methods = lambda: [m for m in everywhere() if m != "forkserver"]
multiprocessing.get_context = no_fork_server

from oim_archive.ingest import import_paths
from oim_archive.store.file.archive import Archive
from oim_archive.workers import pool_context

report = import_paths(Archive(Path(sys.argv[2])), [Path(sys.argv[1])], workers=2)
print(pool_context().get_start_method(), len(report.imported), "multiprocessing.forkserver" in sys.modules)
"""
    done = _big_import_in_a_new_process(tmp_path, script)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["spawn", "250", "False"]


def test_releases_sent_by_fields_come_back_equal() -> None:
    import pickle
    from dataclasses import dataclass
    from multiprocessing.reduction import ForkingPickler

    from oim_archive import ingest
    from oim_archive.store.records import Contact, Quoted, Release
    from oim_archive.workers import send_by_fields

    release = Release(
        title="Titre",
        body="Corps du texte",
        country="SN",
        dates=["2020-01-02"],
        contacts=[Contact("Awa Diop", "Dakar", ["+221 33 000 00 00"], ["a@iom.int"])],
        funders=["EU"],
        quoted=[Quoted("Jean", "chef")],
        source="x.txt",
    )
    item = ingest._Parsed(path="x.txt", digest="d", releases=[release], bodies={"i": ("b", {})})
    back = pickle.loads(ForkingPickler.dumps([item, item]))
    assert back[0] == item and back[0] is back[1]
    assert type(back[0].releases[0].contacts[0]) is Contact
    assert back[0].releases[0].to_dict() == release.to_dict()

    @dataclass
    class OneField:
        name: str

    with pytest.raises(TypeError):
        send_by_fields(OneField)


_EARLY_START = r"""
import sys
import oim_archive.workers as workers

started = workers.start_fork_server

def start(preload=()):
    print("start", list(preload), "oim_archive.ingest" in sys.modules, flush=True)
    started(preload)

workers.start_fork_server = start
from oim_archive.tui.cli import main
sys.exit(main(["--db", sys.argv[1], "import", sys.argv[2]]))
"""


@pytest.mark.skipif(
    "forkserver" not in multiprocessing.get_all_start_methods(), reason="no fork server (Windows)"
)
def test_a_folder_import_starts_the_fork_server_before_importing_the_importer(
    tmp_path: Path,
) -> None:
    from oim_archive import ingest
    from oim_archive.workers import PARSER_MODULE

    assert ingest.__name__ == PARSER_MODULE  # what the fork server imports for the workers
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(
        (
            "Titre du communiqué\n\nDakar – Le texte du communiqué. L'OIM aide les migrants"
            " au Sénégal.\n"
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-c", _EARLY_START, str(tmp_path / "a.json"), str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("start")]
    assert lines[:1] == [f"start ['{PARSER_MODULE}'] False"]
