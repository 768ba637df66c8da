"""Capture the README's 80×24 screen from the real browser in tmux, and put it in the README.

``python -m tests.support.readme_capture`` imports the five sample pages into a temporary
archive, opens the browser in a private tmux server (English, fresh preferences), marks two
releases with ``space``, captures the pane and replaces the first ``text`` block of README.md
(``--print`` only prints it). Needs tmux.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WIDTH, HEIGHT = 80, 24
KEYS = ["space", "j", "space"]  # mark the first and third releases; the fourth is highlighted
TIMEOUT = 60.0


def _tmux(socket: str, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "TMUX")}
    command = ["tmux", "-L", socket, "-f", "/dev/null", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, env=env).stdout


def _wait(socket: str, pattern: str) -> str:
    deadline = time.monotonic() + TIMEOUT
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux(socket, "capture-pane", "-p", "-t", "readme")
        if re.search(pattern, screen):
            return screen
        time.sleep(0.1)
    raise SystemExit(f"the browser never showed {pattern!r}; the screen was:\n{screen}")


def capture() -> str:
    """The browser's screen, as the README shows it."""
    with tempfile.TemporaryDirectory(prefix="oim-readme-") as folder:
        work = Path(folder)
        env = {
            **os.environ,
            "OIM_ARCHIVE_LANG": "en",
            "OIM_ARCHIVE_CONFIG": str(work / "config"),
            "OIM_ARCHIVE_CACHE": str(work / "cache"),
        }
        db = work / "archive.json"
        cli = [sys.executable, "-m", "oim_archive", "--db", str(db)]
        subprocess.run(
            [*cli, "import", str(ROOT / "sample_data")], env=env, check=True, capture_output=True
        )
        socket = f"oim-readme-{uuid.uuid4().hex[:8]}"
        exports = ["--export-dir", str(work / "exports")]
        browser = " ".join(f"{k}={v!r}" for k, v in env.items() if k.startswith("OIM_ARCHIVE"))
        command = f"env {browser} {' '.join(map(repr, [*cli, *exports]))}"
        try:
            _tmux(socket, "new-session", "-d", "-s", "readme", "-x", str(WIDTH), "-y", str(HEIGHT))
            _tmux(socket, "send-keys", "-t", "readme", f"exec {command}", "Enter")
            _wait(socket, r"5 / 5 releases · newest first")
            for key in KEYS:
                _tmux(socket, "send-keys", "-t", "readme", key)
                time.sleep(0.3)
            screen = _wait(socket, r"2 marked")
        finally:
            _tmux(socket, "kill-server")
    return "\n".join(row.rstrip() for row in screen.rstrip("\n").split("\n"))


def update_readme(screen: str) -> None:
    """Replace the first ``text`` block of README.md with ``screen``."""
    path = ROOT / "README.md"
    text = path.read_text(encoding="utf-8")
    start = text.index("```text\n") + len("```text\n")
    end = text.index("\n```", start)
    path.write_text(text[:start] + screen + text[end:], encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--print", action="store_true", help="print the capture only")
    screen = capture()
    if parser.parse_args().print:
        print(screen)
    else:
        update_readme(screen)


if __name__ == "__main__":
    main()
