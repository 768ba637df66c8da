"""Browser start to the full list, beside the one-label Textual app, on archives already made.

The start-up row of ``tests.bench.scale`` without building anything: each round starts the
minimal app, then the browser of each ``--browser`` (an ``oim-archive`` script, e.g. this
worktree's and one at an older commit), one after the other in the same tmux setup, with a warm
cache (list catalog and saved index, made by a first start before the rounds). Medians printed.

    python -m tests.bench.startup --db /tmp/a/archive-10000.json --db /tmp/a/archive-100000.json \\
        --cache /tmp/a/cache --browser /old/.venv/bin/oim-archive --rounds 5
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from tests.bench.scale import MINIMAL_APP, _ready, compile_package
from tests.bench.tmux import TmuxSession, tmux_available


def _argv(script: Path, db: Path) -> list[str]:
    return [str(script), "--db", str(db), "--export-dir", tempfile.gettempdir()]


def _count(db: Path, script: Path, env: dict[str, str]) -> int:
    """How many releases the browser lists (read from its status line after a first start,
    which also makes the list catalog and the saved index)."""
    import re

    with TmuxSession() as session:
        session.start(_argv(script, db), env=env)
        _, screen = session.wait_for(r"([\d,]+) / \1 releases(?!.*indexing)", timeout=900)
        found = re.search(r"([\d,]+) / \1 releases", screen)
        assert found is not None
        count = int(found.group(1).replace(",", ""))
        session.wait_for(lambda s: _ready(s, count), timeout=900)
        return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="browser start vs a one-label Textual app")
    parser.add_argument("--db", type=Path, action="append", required=True, help="an archive")
    parser.add_argument("--cache", type=Path, required=True, help="OIM_ARCHIVE_CACHE to use")
    parser.add_argument(
        "--browser",
        type=Path,
        action="append",
        default=[],
        help="another oim-archive script to time beside this one (e.g. an older worktree's)",
    )
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    if not tmux_available():
        print("tmux missing", file=sys.stderr)
        return 1
    ours = Path(sys.executable).with_name("oim-archive")
    scripts = [ours, *args.browser]
    for script in scripts:
        compile_package(str(script.with_name("python")))
    env = {"OIM_ARCHIVE_CACHE": str(args.cache)}
    for db in args.db:
        n = _count(db, ours, env)
        listed = rf"{n:,} / {n:,} releases"
        times: dict[str, list[float]] = {"minimal app": []}
        for script in scripts:
            times[str(script)] = []
        for _ in range(args.rounds):
            with TmuxSession() as session:
                session.start([sys.executable, "-c", MINIMAL_APP])
                times["minimal app"].append(session.wait_for("minimal-app-ready")[0])
            for script in scripts:
                with TmuxSession() as session:
                    session.start(_argv(script, db), env=env)
                    times[str(script)].append(session.wait_for(listed, timeout=300)[0])
        bare = statistics.median(times["minimal app"])
        print(f"{db.name}: {n:,} releases, median of {args.rounds} starts")
        for name, values in times.items():
            median = statistics.median(values)
            spread = f"{min(values):.2f}–{max(values):.2f}"
            print(f"  {median:.2f} s ({spread}, {median / bare:.2f}x)  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
