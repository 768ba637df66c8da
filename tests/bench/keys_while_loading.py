"""Typing in the filter while the browser loads, beside typing once it is idle, same run.

A first start (the cache folder emptied: the archive is read, checked and indexed in the
background) in tmux: as soon as the list shows, ``/`` then a short word is typed one key at a
time, each waited for on screen, then ``ctrl+u`` and the word again, for ``--seconds``. The
same typing is then timed once the browser is idle. A key that never shows is a lost key
(the run then types the word again); before the fix of Textual issue #6605 in our text boxes,
the letter typed right after a ``ctrl+u`` was lost now and then.

    python -m tests.bench.keys_while_loading --db /tmp/oim-final/archive-100000.json \\
        --cache /tmp/keys-cache --seconds 20
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

from tests.bench.scale import _idle, compile_package
from tests.bench.startup import _argv, _count
from tests.bench.tmux import TmuxSession, tmux_available

WORD = "zqxj"  # matches nothing: the list stays empty, only the box changes
KEY_TIMEOUT = 10.0


def _typing(session: TmuxSession, until: float) -> tuple[list[float], int]:
    """Type ``WORD``, ``ctrl+u``, again, until ``until`` (perf_counter); (ms per key, lost)."""
    latencies: list[float] = []
    lost = 0
    while time.perf_counter() < until:
        session.send("C-u")
        typed = ""
        for letter in WORD:
            typed += letter
            sent = time.perf_counter()
            session.send(letter, literal=True)
            try:
                session.wait_for(
                    lambda screen, text=typed: screen.splitlines()[0].rstrip().endswith(text),
                    timeout=KEY_TIMEOUT,
                )
            except TimeoutError:
                lost += 1
                break
            latencies.append((time.perf_counter() - sent) * 1000)
    return latencies, lost


def _row(name: str, latencies: list[float], lost: int) -> str:
    if not latencies:
        return f"{name:<22} no key shown, {lost} lost"
    ordered = sorted(latencies)
    p90 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
    return (
        f"{name:<22} {len(latencies):>5} {statistics.median(latencies):>7.0f}"
        f" {p90:>7.0f} {max(latencies):>7.0f} {lost:>5}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="typing while the browser loads, and idle")
    parser.add_argument("--db", type=Path, required=True, help="an archive")
    parser.add_argument("--cache", type=Path, required=True, help="OIM_ARCHIVE_CACHE (emptied)")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long to type")
    args = parser.parse_args(argv)
    if not tmux_available():
        print("tmux missing", file=sys.stderr)
        return 1
    script = Path(sys.executable).with_name("oim-archive")
    compile_package()
    env = {"OIM_ARCHIVE_CACHE": str(args.cache)}
    n = _count(args.db, script, env)  # also checks the archive opens
    shutil.rmtree(args.cache, ignore_errors=True)
    with TmuxSession() as session:
        session.start(_argv(script, args.db), env=env)
        session.wait_for(rf"{n:,} / {n:,} releases", timeout=300)
        session.send("/")
        loading = _typing(session, time.perf_counter() + args.seconds)
        session.send("C-u")  # the whole list again: its status line says when all is done
        session.wait_for(lambda screen: _idle(screen, n), timeout=900)
        time.sleep(1.0)  # what follows the load (a garbage collection, the cache writes)
        idle = _typing(session, time.perf_counter() + min(args.seconds, 5.0))
    print(f"{args.db.name}: {n:,} releases; key -> screen ms, typing {WORD!r} and ctrl+u")
    print(f"{'':<22} {'keys':>5} {'p50':>7} {'p90':>7} {'max':>7} {'lost':>5}")
    print(_row("first start, loading", *loading))
    print(_row("idle (same run)", *idle))
    return 0


if __name__ == "__main__":
    sys.exit(main())
