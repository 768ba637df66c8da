"""End to end in a real terminal: tmux runs `oim-archive --db …`, we type and read the screen."""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from oim_archive.store.file.archive import Archive

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


class Terminal:
    """A detached tmux session on a private server (no user config, nobody else's options)."""

    def __init__(self, width: int, height: int) -> None:
        self.socket = f"oim-e2e-{uuid.uuid4().hex[:8]}"
        self.width, self.height = width, height

    def tmux(self, *args: str) -> str:
        command = ["tmux", "-L", self.socket, "-f", "/dev/null", *args]
        # Under pytest the C-level environment can carry COLUMNS=80/LINES=24 (set by a library,
        # invisible in os.environ); the server would hand them to the app, which trusts them.
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        return subprocess.run(command, capture_output=True, text=True, check=False, env=env).stdout

    def start(self, argv: list[str]) -> None:
        """Run ``argv``; once it exits the pane shows ``EXIT STATUS n`` (and stays open)."""
        size = ["-x", str(self.width), "-y", str(self.height)]
        command = f"{shlex.join(argv)}; echo EXIT STATUS $?; sleep 60"
        self.tmux("new-session", "-d", "-s", "e2e", *size, command)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "e2e")

    def send(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", "e2e", *(["-l"] if literal else []), *keys)

    def wait_for(
        self,
        check: str | Callable[[str], bool],
        timeout: float = 30.0,
        *,
        showing: Sequence[str] = (),
    ) -> str:
        """Poll the screen until the regex ``check`` matches (or ``check(screen)`` holds) and
        every text in ``showing`` is on it too (a capture can catch a half-drawn frame)."""
        ok = check if callable(check) else (lambda s: re.search(check, s) is not None)
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if ok(screen) and all(text in screen for text in showing):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"the screen never matched {check!r}; it shows:\n{screen}")

    def close(self) -> None:
        self.tmux("kill-server")


def browser_argv(db: Path, export_dir: Path) -> list[str]:
    """The console script next to this Python, else the CLI module run by this Python."""
    script = Path(sys.executable).with_name("oim-archive")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "oim_archive"]
    return [*command, "--db", str(db), "--export-dir", str(export_dir)]


@pytest.fixture
def terminal():
    term = Terminal(100, 30)
    yield term
    term.close()


def test_browse_filter_open_back_and_quit_in_tmux(tmp_path: Path, terminal: Terminal):
    db = tmp_path / "archive.json"  # absent: the first start imports the bundled samples
    exports = tmp_path / "exports"
    exports.mkdir()
    paged = tmp_path / "paged.txt"
    # o hands the release to $PAGER (cat here, into a file we can read) and comes back.
    terminal.start(["env", f"PAGER=cat > {shlex.quote(str(paged))}", *browser_argv(db, exports)])
    screen = terminal.wait_for(r"(?s)5 / 5 releases.*q Quit", timeout=60)  # list, status, footer
    # The sample's date is only mentioned in its body: an estimate, shown as one (once the
    # archive itself is read: the first paint comes from the list catalog).
    screen = terminal.wait_for(
        r"~2019-09    TN Formation intersectorielle sur la traite des personnes en Tunisie"
    )
    assert len(screen.splitlines()[0]) <= 100

    terminal.send("/")
    terminal.send("soldats", literal=True)
    # (a capture can catch the status line drawn before the list of the same frame)
    terminal.wait_for(
        lambda s: "1 / 5 releases · filter: soldats" in s and "Prometeo" not in s,
        showing=["Les soldats géorgiens formés à la lutte contre la traite"],
    )

    terminal.send("Enter")
    terminal.wait_for(r"escape goes back", showing=["Funded by:", "Georgia (GE)"])
    terminal.send("e")
    terminal.wait_for(r"Exported to")
    assert len(list(exports.iterdir())) == 1

    terminal.send("Escape")
    screen = terminal.wait_for(r"1 / 5 releases · filter: soldats")
    assert "escape goes back" not in screen
    # Back from the release the keys act on the list: e exports, nothing is typed in the filter.
    terminal.send("e")
    terminal.wait_for(lambda s: len(list(exports.iterdir())) == 2)
    assert "1 / 5 releases · filter: soldats" in terminal.screen()

    # An empty result says what happened, not that the archive is empty.
    terminal.send("Escape")  # on the list, escape clears the filter
    terminal.wait_for(r"5 / 5 releases\s")
    terminal.send("/")
    terminal.send("zzzz", literal=True)
    screen = terminal.wait_for(r"No release matches “zzzz”")
    assert "holds no release" not in screen
    terminal.send("Escape")  # nothing matches: one escape clears the filter
    terminal.wait_for(r"5 / 5 releases\s")

    # q goes back one level; it quits only from the list.
    terminal.send("c")
    terminal.wait_for(r"\d+ / \d+ contacts", showing=["Marc Hulst"])
    terminal.send("q")
    terminal.wait_for(r"5 / 5 releases\s")
    terminal.send("Enter")
    terminal.wait_for(r"escape goes back")
    terminal.send("o")
    terminal.wait_for(
        lambda s: paged.exists() and "Formation intersectorielle" in paged.read_text("utf-8")
    )
    screen = terminal.wait_for(r"escape goes back")  # the browser is back, same release

    # / searches inside the release, n goes to the next match.
    # (keys typed while the terminal is handed back may be dropped: "/" until the box shows)
    for _attempt in range(10):
        terminal.send("/")
        with contextlib.suppress(AssertionError):
            terminal.wait_for(r"find in the release", timeout=2)
            break
    terminal.send("traite", literal=True)
    terminal.send("Enter")
    screen = terminal.wait_for(r"match 1 / (\d+) · n next")
    count = int(re.search(r"match 1 / (\d+)", screen).group(1))
    assert count >= 2
    terminal.send("n")
    terminal.wait_for(r"match 2 / \d+ · n next")
    terminal.send("q")
    screen = terminal.wait_for(r"5 / 5 releases\s")
    assert "EXIT STATUS" not in screen

    # space marks (and moves down), ' shows only the marked; marks stay in the archive.
    terminal.send("Space")
    terminal.wait_for(r"5 / 5 releases · .*1 marked")
    terminal.send("'")
    screen = terminal.wait_for(r"1 / 5 releases · .*only the marked")
    assert re.search(r"\*~2019-09\S*\s+TN Formation intersectorielle", screen)  # marked, ~date
    terminal.send("'")
    terminal.wait_for(r"5 / 5 releases · (?!.*only the marked)")
    terminal.send("q")
    screen = terminal.wait_for(r"EXIT STATUS \d+")
    assert "EXIT STATUS 0" in screen
    assert "Traceback" not in screen
    assert len(Archive(db).marked_ids()) == 1


def test_the_browser_speaks_french_with_a_french_locale(tmp_path: Path, terminal: Terminal):
    """LANG=fr_FR.UTF-8 (not even installed here): the main screen, help and contacts in French."""
    french = ["env", "-u", "OIM_ARCHIVE_LANG", "-u", "LANGUAGE", "-u", "LC_ALL", "-u"]
    french += ["LC_MESSAGES", "LANG=fr_FR.UTF-8", f"OIM_ARCHIVE_CONFIG={tmp_path / 'config'}"]
    terminal.start([*french, *browser_argv(tmp_path / "archive.json", tmp_path)])
    screen = terminal.wait_for(
        r"(?s)Financé par :.*5 / 5 communiqués.*q Quitter",
        timeout=60,
        showing=["? Aide", "c Contacts", "e Exporter", "/ pour filtrer", "Tunisie (TN)"],
    )
    assert "releases" not in screen and "Quit" not in screen.replace("Quitter", "")

    terminal.send("?")
    screen = terminal.wait_for(
        r"(?s)touches · q, esc ou \? pour fermer.*Partout.*Communiqués",
        showing=["Palette de commandes", "Page suivante"],
    )
    assert "Everywhere" not in screen and "Releases" not in screen
    terminal.send("q")
    # The contact directory is built with the index: wait until indexing is over before "c".
    terminal.wait_for(
        lambda shown: (
            "Partout" not in shown and "5 / 5 communiqués" in shown and "indexation" not in shown
        ),
        timeout=60,
    )

    terminal.send("c")
    screen = terminal.wait_for(
        r"(?s)Cité dans 1 communiqué :.*\d+ / \d+ contacts.*esc Retour",
        timeout=60,
        showing=["Courriel", "/ pour filtrer les contacts"],
    )
    assert "Named in" not in screen and "Back" not in screen
    terminal.send("C-q")
    screen = terminal.wait_for(r"EXIT STATUS \d+")
    assert "EXIT STATUS 0" in screen and "Traceback" not in screen


def ready(count: int) -> Callable[[str], bool]:
    """The archive is read whole and indexed, holding ``count`` releases, all shown."""
    return lambda s: f"{count} / {count} releases" in s and "indexing" not in s


def test_remove_and_undo_in_tmux(tmp_path: Path, terminal: Terminal):
    from oim_archive.store.file.archive import Archive

    db = tmp_path / "archive.json"  # absent: the first start imports the bundled samples
    terminal.start(browser_argv(db, tmp_path))
    terminal.wait_for(ready(5), timeout=60)
    first = Archive(db).releases()[0]  # newest first: the highlighted one
    terminal.send("d")
    terminal.wait_for(
        r"(?s)Remove the release.*from the archive\? u undoes it", showing=["Yes (y)"]
    )
    terminal.send("y")
    terminal.wait_for(r"4 / 4 releases")
    assert first.id not in Archive(db).raw_records()
    terminal.wait_for(ready(4))
    terminal.send("u")
    terminal.wait_for(ready(5))
    assert Archive(db).get(first.id) == first
    terminal.send("q")
    screen = terminal.wait_for(r"EXIT STATUS \d+")
    assert "EXIT STATUS 0" in screen and "Traceback" not in screen
