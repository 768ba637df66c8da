"""Hostile text in the browser: markup shows literally, nothing is executed, and no escape
sequence from a page ever reaches the terminal (checked in a real terminal, tmux, too)."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oim_archive.store.records import Contact, Release
from oim_archive.store.text import clean_line
from oim_archive.tui.app import make_app
from oim_archive.tui.screens.contacts import ContactsScreen
from oim_archive.tui.screens.release import ReleaseScreen
from oim_archive.tui.widgets.release_list import ReleaseList
from tests.conftest import make_release
from tests.support.reliability import CONTROL_CHARS, build_archive, cli_env, page_text, run_cli
from tests.support.tui import assert_nothing_interpreted, screen_text, settle, watch_notify

MARKUP_WORDS = [
    "[bold]",
    "[/]",
    "[link=https://evil.example]",
    "[/link]",
    "[@click=app.quit]Lire[/]",
    "[Q3]",
    "[red",
    "]]",
]
ESCAPES = [
    "\x1b[2J",
    "\x1b]0;pwned\x07",
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1b]8;;https://evil.example\x1b\\",
    "\x9b31m",
    "\x07",
    "\x00",
    "\r",
    "\u202e",
]


def squashed(text: str) -> str:
    return "".join(text.split())


async def _session(tmp_path: Path, release: Release) -> None:
    db = tmp_path / "archive.json"
    neighbour = make_release("Voisin paisible", "Rien.", date="1999-01-01")
    build_archive(db, [release, neighbour])
    exports = tmp_path / "exports"
    app = make_app(db, exports)
    shown = watch_notify(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        rows = app.screen.query_one(ReleaseList)
        assert rows.row_count == 2
        assert_nothing_interpreted(app)
        await pilot.press("home", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReleaseScreen)
        text = screen_text(app)
        for word in MARKUP_WORDS:
            if f" {word} " in f" {release.title} ":
                assert word in text, f"{word!r} not shown literally"
        assert_nothing_interpreted(app)
        await pilot.press("e")  # export: the notification quotes the title
        await pilot.pause()
        assert all(not n.markup for n in shown)
        assert_nothing_interpreted(app)
        await pilot.press("escape", "c")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        assert_nothing_interpreted(app)
        await pilot.press("escape")
        await pilot.pause()
        # What a user can type (a paste from a real terminal arrives with its escape bytes
        # already turned into visible "^[" text; the tmux test below checks that path).
        app.screen.query_one("#filter").value = clean_line(release.title)[:40]
        await settle(pilot)
        assert_nothing_interpreted(app)
        assert app.is_running  # no [@click=app.quit] ran
    exported = list(exports.iterdir())
    assert len(exported) == 1 and not CONTROL_CHARS.search(exported[0].name)


_WORDS = st.sampled_from(MARKUP_WORDS + ESCAPES + ["Dakar", "OIM", "é", "日本"])
_FREE = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
hostile_words = st.lists(st.one_of(_WORDS, _FREE), min_size=1, max_size=10).map(" ".join)


@pytest.mark.slow
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(title=hostile_words, body=hostile_words, name=hostile_words, source=hostile_words)
def test_fuzz_browser_sessions(
    tmp_path_factory: pytest.TempPathFactory, title: str, body: str, name: str, source: str
) -> None:
    release = make_release(
        "Alerte " + title,
        body,
        date="2024-01-01",
        contacts=[Contact(name, name, ["+221338696200"], ["a@iom.int"])],
        source=source + ".txt",
    )
    asyncio.run(_session(tmp_path_factory.mktemp("fuzz"), release))


# ---------------------------------------------------------------- a real terminal

HOSTILE_PAGE_TITLE = (
    "Alerte [bold]rouge[/] \x1b]0;pwned-title\x07[@click=app.quit]Lire[/] "
    "\x1b]52;c;ZXZpbA==\x07[link=https://evil.example]clic[/link] [Q3]"
)
HOSTILE_PAGE_BODY = (
    "Dakar - Le 3 mars 2021, \x1b]8;;https://evil.example\x1b\\un lien\x1b]8;;\x1b\\ "
    "[bold]gras[/] \x1b[2J\x1b[H et \x9b31m[@click=app.quit]Quitter[/] \x07 fin.\n"
    "Pour plus d'informations, veuillez contacter [b]Awa[/b] Diop\x1b]0;pwned-name\x07, "
    "OIM Sénégal, Tel: +221 33 869 62 00, Email: adiop@iom.int"
)


class _Tmux:
    """A private tmux server whose terminal records titles and OSC 52 clipboard writes."""

    def __init__(self, folder: Path) -> None:
        self.socket = f"oim-hostile-{uuid.uuid4().hex[:8]}"
        self.config = folder / "tmux.conf"
        self.config.write_text(
            "set -s set-clipboard on\nset -s escape-time 0\nset -g remain-on-exit on\n"
        )

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", str(self.config), *args],
            capture_output=True,
            text=True,
            check=False,
            env={k: v for k, v in cli_env().items() if k not in ("COLUMNS", "LINES")},
        )

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "main").stdout

    def wait_for(self, needle: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if needle in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{needle!r} never appeared; screen:\n{self.screen()}")

    def keys(self, key: str) -> None:
        self.run("send-keys", "-t", "main", key)
        time.sleep(0.1)

    def show(self, fmt: str) -> str:
        return self.run("display-message", "-p", "-t", "main", fmt).stdout.strip()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_hostile_pages_in_a_real_terminal(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    hostile = page_text(1, title=HOSTILE_PAGE_TITLE, body=HOSTILE_PAGE_BODY)
    (pages / "evil\x1b]0;pwned-file\x07[Q3].txt").write_text(hostile, encoding="utf-8")
    (pages / "calme.txt").write_text(page_text(2), encoding="utf-8")
    db = tmp_path / "archive.json"
    imported = run_cli(["--db", db, "import", pages, "--json"])
    assert imported.returncode == 0, imported.stderr
    assert len(orjson.loads(imported.stdout)["imported"]) == 2
    shown = run_cli(["--db", db, "list"]).stdout
    assert "[@click=app.quit]Lire[/]" in shown and not CONTROL_CHARS.search(shown)

    tmux = _Tmux(tmp_path)
    exit_file = tmp_path / "exit-status"
    # The shell records the exit status (tmux can be slow to reap a finished pane).
    command = (
        f"{sys.executable} -m oim_archive --db '{db}' --export-dir '{tmp_path}'; "
        f"echo $? > '{exit_file}'"
    )
    started = tmux.run("new-session", "-d", "-s", "main", "-x", "160", "-y", "40", command)
    assert started.returncode == 0, started.stderr
    try:
        screen = tmux.wait_for("[@click=app.quit]Lire[/]")
        assert "[bold]rouge[/]" in screen
        tmux.keys("/")  # paste hostile text into the filter, as a terminal delivers it
        tmux.run(
            "set-buffer", "-b", "evil", "Alerte \x1b]0;pwned-paste\x1b\\ \x1b]52;c;ZXZpbA==\x07"
        )
        tmux.run("paste-buffer", "-p", "-d", "-b", "evil", "-t", "main")
        tmux.wait_for("pwned-paste")  # shown as text, not obeyed
        tmux.keys("Escape")
        tmux.keys("Home")
        tmux.keys("Enter")
        screen = tmux.wait_for("Quitter")
        assert "[@click=app.quit]Quitter[/]" in screen and "[bold]gras[/]" in screen
        assert "[link=https://evil.example]clic[/link] [Q3]" in screen
        tmux.keys("Escape")  # alone: "Escape c" in one write reads as Alt+c
        tmux.wait_for("releases")
        tmux.keys("c")
        tmux.wait_for("[b]Awa[/b] Diop")
        tmux.keys("Escape")
        tmux.wait_for("Country/year")  # a key only the main screen offers
        tmux.keys("C-q")  # quits whichever widget has the focus
        deadline = time.monotonic() + 30
        while not exit_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert exit_file.exists() and exit_file.read_text().strip() == "0", tmux.screen()
        assert "pwned" not in tmux.show("#{pane_title}")
        buffers = tmux.run("list-buffers", "-F", "#{buffer_sample}").stdout
        assert "evil" not in buffers and buffers.strip() == "", buffers
    finally:
        tmux.run("kill-server")
