"""When the browser can search, beside older builds, alternated in the same tmux setup.

Per round and per ``oim-archive`` script: a first start (the cache folder emptied: no list
catalog, no saved index), where a title word is typed as soon as the list shows, then the
filter is cleared and the whole index waited for; then normal starts (cache warm) to the list
and to search ready (no ``indexing`` note). Peak RSS is the first start's.

    python -m tests.bench.search_ready --db /tmp/oim-final/archive-100000.json \\
        --cache /tmp/ready-cache --browser /old/.venv/bin/oim-archive --rounds 2
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

from tests.bench.scale import TITLE_WORD, _browser_argv, _ready, compile_package
from tests.bench.startup import _count
from tests.bench.tmux import TmuxSession, tmux_available

CONTACTS_SAVED_SECONDS = 20  # a first start's directory is saved after search is ready


def first_start(script: Path, db: Path, n: int, cache: Path) -> tuple[float, float, float, float]:
    """Seconds to the list, to a typed title word filtering it, to the whole index; peak MB."""
    shutil.rmtree(cache, ignore_errors=True)
    with TmuxSession() as session:
        session.start([str(script), *_browser_argv(db)[1:]], env={"OIM_ARCHIVE_CACHE": str(cache)})
        listed, _ = session.wait_for(rf"{n:,} / {n:,} releases", timeout=300)
        session.send("/")
        session.send(TITLE_WORD, literal=True)
        typed, _ = session.wait_for(rf"filter: {TITLE_WORD}\b", timeout=600)
        session.send("C-u")
        session.send("Escape")
        whole, _ = session.wait_for(lambda screen: _ready(screen, n), timeout=600)
        time.sleep(CONTACTS_SAVED_SECONDS)
        return listed, listed + typed, listed + typed + whole, session.peak_rss_mb()


def normal_start(script: Path, db: Path, n: int, cache: Path) -> tuple[float, float]:
    """Seconds to the list and to search ready, with the cache the first start made."""
    with TmuxSession() as session:
        session.start([str(script), *_browser_argv(db)[1:]], env={"OIM_ARCHIVE_CACHE": str(cache)})
        listed, _ = session.wait_for(rf"{n:,} / {n:,} releases", timeout=300)
        ready, _ = session.wait_for(lambda screen: _ready(screen, n), timeout=300)
        return listed, listed + ready


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="when the browser can search, beside others")
    parser.add_argument("--db", type=Path, required=True, help="an archive")
    parser.add_argument("--cache", type=Path, required=True, help="OIM_ARCHIVE_CACHE (emptied)")
    parser.add_argument("--browser", type=Path, action="append", default=[])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    if not tmux_available():
        print("tmux missing", file=sys.stderr)
        return 1
    scripts = [*args.browser, Path(sys.executable).with_name("oim-archive")]
    for script in scripts:
        compile_package(str(script.with_name("python")))
    n = _count(args.db, scripts[-1], {"OIM_ARCHIVE_CACHE": str(args.cache)})
    print(f"{args.db.name}: {n:,} releases; s; first start = no cache; title word {TITLE_WORD!r}")
    print(f"{'first start: list / word / whole, peak MB':>58}   start: list / search")
    for _ in range(args.rounds):
        for script in scripts:
            listed, typed, whole, peak = first_start(script, args.db, n, args.cache)
            normal = min(normal_start(script, args.db, n, args.cache) for _ in range(2))
            print(
                f"{str(script)[-30:]:>30}  {listed:5.2f} / {typed:5.2f} / {whole:5.2f}, {peak:4.0f}"
                f"   {normal[0]:.2f} / {normal[1]:.2f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
