"""A small driver for a program in a detached tmux session: start, type, read the screen."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

# Polling interval for waits of seconds (a first start): each poll runs a tmux client, and
# every 5 ms they took ~30 % of a core from the program measured (two cores here), more than
# the ±50 ms this costs in precision.
SLOW_POLL = 0.05


def tmux_available() -> bool:
    """Whether the tmux binary is on PATH."""
    return shutil.which("tmux") is not None


class TmuxSession:
    """One detached tmux session running one command, on a tmux server of its own."""

    def __init__(self, width: int = 100, height: int = 30) -> None:
        self.name = f"oim-{uuid.uuid4().hex[:8]}"
        self.width = width
        self.height = height
        self.started_at = 0.0

    def start(self, argv: Sequence[str | Path], env: dict[str, str] | None = None) -> None:
        """Start ``argv`` (exec'd, so the pane's pid is the program's)."""
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
        command = f"{exports} exec {shlex.join(str(a) for a in argv)}".strip()
        self.started_at = time.perf_counter()
        subprocess.run(
            [
                "tmux",
                "-L",
                self.name,
                "new-session",
                "-d",
                "-s",
                self.name,
                "-x",
                str(self.width),
                "-y",
                str(self.height),
                command,
            ],
            check=True,
        )
        subprocess.run(
            ["tmux", "-L", self.name, "set-option", "-t", self.name, "remain-on-exit", "on"],
            check=False,
        )
        # An escape followed quickly by a key must stay two keys, not become Alt+key.
        subprocess.run(
            ["tmux", "-L", self.name, "set-option", "-s", "escape-time", "0"], check=False
        )

    def capture(self) -> str:
        """The visible screen as plain text."""
        return subprocess.run(
            ["tmux", "-L", self.name, "capture-pane", "-p", "-t", self.name],
            capture_output=True,
            text=True,
            check=False,
        ).stdout

    def send(self, *keys: str, literal: bool = False) -> None:
        """Send keys (tmux key names, or literal text with ``literal=True``)."""
        args = [
            "tmux",
            "-L",
            self.name,
            "send-keys",
            "-t",
            self.name,
            *(["-l"] if literal else []),
            *keys,
        ]
        subprocess.run(args, check=True)

    def wait_for(
        self, predicate: Callable[[str], bool] | str, timeout: float = 30.0, poll: float = 0.005
    ) -> tuple[float, str]:
        """Poll the screen until ``predicate`` (or a regex) holds; (seconds waited, screen)."""
        check = (
            (lambda s: re.search(predicate, s) is not None)
            if isinstance(predicate, str)
            else predicate
        )
        start = time.perf_counter()
        screen = ""
        while time.perf_counter() - start < timeout:
            screen = self.capture()
            if check(screen):
                return time.perf_counter() - start, screen
            time.sleep(poll)
        raise TimeoutError(f"screen never matched within {timeout:.0f} s; last screen:\n{screen}")

    def wait_exit(self, timeout: float = 60.0, poll: float = 0.01) -> float:
        """Seconds until the program in the pane has ended (the pane is kept: remain-on-exit)."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            dead = subprocess.run(
                ["tmux", "-L", self.name, "display-message", "-p", "-t", self.name, "#{pane_dead}"],
                capture_output=True,
                text=True,
                check=False,
            ).stdout.strip()
            if dead == "1":
                return time.perf_counter() - start
            time.sleep(poll)
        raise TimeoutError(f"the program did not end within {timeout:.0f} s")

    def pane_pid(self) -> int:
        """The pid of the program in the pane."""
        out = subprocess.run(
            ["tmux", "-L", self.name, "list-panes", "-t", self.name, "-F", "#{pane_pid}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return int(out.split()[0])

    def peak_rss_mb(self) -> float:
        """Peak resident memory (VmHWM) of the program, in MB."""
        status = Path(f"/proc/{self.pane_pid()}/status").read_text()
        kb = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
        return kb / 1024

    def watch_tree_rss(self) -> TreeRss:
        """Start sampling the resident memory of the program with every process it started
        (the first start's word passes); ``TreeRss.stop`` gives the peak of the sum."""
        return TreeRss(self.pane_pid())

    def kill(self) -> None:
        """End the session and its program."""
        subprocess.run(["tmux", "-L", self.name, "kill-server"], check=False, capture_output=True)

    def __enter__(self) -> TmuxSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.kill()


class TreeRss:
    """The peak, sampled every 100 ms in a thread, of the summed resident memory (VmRSS) of a
    process and its descendants: what the machine gives the program at once."""

    def __init__(self, pid: int) -> None:
        self._pid = pid
        self._peak_kb = 0
        self._running = threading.Event()
        self._running.set()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while self._running.is_set():
            self._peak_kb = max(self._peak_kb, sum(map(_rss_kb, _tree(self._pid))))
            time.sleep(0.1)

    def stop(self) -> float:
        """Stop sampling; the peak in MB."""
        self._running.clear()
        self._thread.join()
        return self._peak_kb / 1024


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (from each thread's ``children`` file in /proc)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for children in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo.extend(int(child) for child in children.read_text().split())
            except OSError:
                continue
    return found


def _rss_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    match = re.search(r"VmRSS:\s+(\d+)", status)
    return int(match.group(1)) if match else 0
