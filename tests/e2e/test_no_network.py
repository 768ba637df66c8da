"""The app never touches the network: a full CLI session (every process, worker pools included)
and a headless browser session run with network sockets forbidden, and everything works."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.support.reliability import SAMPLE_DIR, cli_env, write_pages

# Loaded by every Python process of the session (sitecustomize on PYTHONPATH), so the pool's
# worker processes are guarded too. Each attempt is logged, then refused.
GUARD = r"""
import os, socket

_LOG = os.environ["OIM_TEST_NET_LOG"]
_NETWORK = {socket.AF_INET, socket.AF_INET6}


def _refuse(what):
    with open(_LOG, "a") as handle:
        handle.write(f"{os.getpid()} {what}\n")
    raise OSError(f"network use forbidden in this test: {what}")


class _GuardedSocket(socket.socket):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and (socket.AF_INET if family == -1 else family) in _NETWORK:
            _refuse(f"socket({family})")
        super().__init__(family, type, proto, fileno)


socket.socket = _GuardedSocket
socket.create_connection = lambda *a, **k: _refuse(f"create_connection{a}")
socket.getaddrinfo = lambda *a, **k: _refuse(f"getaddrinfo{a}")
"""


@pytest.fixture
def guarded_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    guard_dir = tmp_path / "guard"
    guard_dir.mkdir()
    (guard_dir / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    log = tmp_path / "network-attempts.log"
    log.touch()
    env = cli_env(OIM_TEST_NET_LOG=str(log))
    env["PYTHONPATH"] = os.pathsep.join([str(guard_dir), env["PYTHONPATH"]])
    return env, log


def run(env: dict[str, str], *argv: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "oim_archive", *map(str, argv)],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=180,
        check=False,
    )


def test_the_guard_catches_network_use(guarded_env: tuple[dict[str, str], Path]) -> None:
    """Without this, the session test below could not fail."""
    env, log = guarded_env
    probe = "import urllib.request; urllib.request.urlopen('http://example.invalid/', timeout=1)"
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode != 0 and "network use forbidden" in done.stderr
    assert log.read_text().strip()


@pytest.mark.slow
def test_a_full_cli_session_never_opens_a_socket(
    guarded_env: tuple[dict[str, str], Path], tmp_path: Path
) -> None:
    env, log = guarded_env
    db = tmp_path / "archive.json"
    pages = tmp_path / "pages"
    write_pages(pages, 250)  # enough for the parallel worker pool
    exports = tmp_path / "exports"
    steps: list[list[Any]] = [
        ["--db", db, "import", SAMPLE_DIR, pages, "--json"],
        ["--db", db, "list", "--json"],
    ]
    for argv in steps:
        done = run(env, *argv)
        assert done.returncode == 0, done.stderr
    releases = orjson.loads(done.stdout)
    assert len(releases) == 255
    first = releases[0]["id"]
    for argv in (
        ["--db", db, "list"],
        ["--db", db, "show", first[:8]],
        ["--db", db, "search", "formation", "country:SN"],
        ["--db", db, "search", "traite", "--json"],
        ["--db", db, "contacts"],
        ["--db", db, "contacts", "diop", "--vcard"],
        ["--db", db, "export", first, "--format", "md", "--export-dir", exports],
        ["--db", db, "export", first, "--format", "json", "-o", tmp_path / "one.json"],
        ["--db", db, "dump", tmp_path / "all.jsonl"],
        ["--db", tmp_path / "copy.json", "import", tmp_path / "all.jsonl"],
        ["--db", tmp_path / "copy.json", "list"],
        ["--db", tmp_path / "fresh.json", "import", "--help"],
    ):
        done = run(env, *argv)
        assert done.returncode == 0, f"{argv}: {done.stderr}"
    assert len(done.stdout.splitlines()) > 0
    assert log.read_text() == "", log.read_text()


class _Refused(Exception):
    pass


async def test_a_browser_session_never_opens_a_socket(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from oim_archive.tui.app import make_app
    from oim_archive.tui.cli import main
    from oim_archive.tui.widgets.release_list import ReleaseList
    from tests.support.tui import screen_text, settle

    db = tmp_path / "archive.json"
    assert main(["--db", str(db), "import", str(SAMPLE_DIR)], out=io.StringIO()) == 0
    attempts: list[str] = []
    real_socket = socket.socket

    class GuardedSocket(real_socket):  # type: ignore[misc, valid-type]
        def __init__(self, family: int = -1, type: int = -1, proto: int = -1, fileno=None):
            chosen = socket.AF_INET if family == -1 else family
            if fileno is None and chosen in (socket.AF_INET, socket.AF_INET6):
                attempts.append(f"socket({family})")
                raise _Refused("network socket")
            super().__init__(family, type, proto, fileno)

    def refuse(name: str) -> Any:
        def refused(*args: object, **kwargs: object) -> None:
            attempts.append(f"{name}{args}")
            raise _Refused(name)

        return refused

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    exports = tmp_path / "exports"
    app = make_app(db, exports)
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        rows = app.screen.query_one(ReleaseList)
        assert rows.row_count == 5
        await pilot.press("slash", *"traite")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("e")  # export
        await pilot.pause()
        await pilot.press("escape", "escape", "c")  # contacts
        await settle(pilot)
        await pilot.press("escape", "question_mark")  # help
        await pilot.pause()
        assert screen_text(app)
        await pilot.press("escape", "q")
        await pilot.pause()
    assert len(list(exports.iterdir())) == 1
    assert attempts == []
