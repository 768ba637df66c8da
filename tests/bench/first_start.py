"""First start with no cache (an archive copied from a colleague): seconds until the list
shows and until search is ready, in tmux as `tests.bench.scale` measures it, for one archive;
with ``--baseline REV``, the same start of an earlier commit, alternated in the same run.
With ``--quit-after S``: seconds from ``q`` to the program's end, pressed S s after the list
shows (the archive still being read and indexed).

    python -m tests.bench.first_start /tmp/oim-final/archive-100000.json --baseline 63370e7
    python -m tests.bench.first_start /tmp/oim-final/archive-100000.json --quit-after 2 \
        --baseline 72cfb59 --runs 3
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from tests.bench.revision import installed_revision
from tests.bench.tmux import SLOW_POLL, TmuxSession


def _ready(screen: str, n: int) -> bool:
    pattern = re.compile(rf"\s*{n:,} / {n:,} releases\b")
    return any(pattern.match(line) and "indexing" not in line for line in screen.splitlines())


def _argv(archive: Path, pythonpath: str | None) -> list[str]:
    """The browser on ``archive``: this tree's, or the one installed at ``pythonpath``."""
    if pythonpath is None:
        program = [str(Path(sys.executable).with_name("oim-archive"))]
    else:
        program = [sys.executable, "-m", "oim_archive"]
    return [*program, "--db", str(archive), "--export-dir", tempfile.gettempdir()]


def _env(cache: Path, pythonpath: str | None) -> dict[str, str]:
    env = {"OIM_ARCHIVE_CACHE": str(cache)}
    if pythonpath is not None:
        env["PYTHONPATH"] = pythonpath
    return env


def first_start(
    archive: Path, n: int, cache: Path, pythonpath: str | None = None
) -> tuple[float, float, float, float]:
    """(list s, search ready s, peak RSS MB, peak RSS MB with the word passes) of one start
    with the cache folder emptied;
    ``pythonpath``: the package installed there (an earlier commit) instead of this tree."""
    shutil.rmtree(cache, ignore_errors=True)
    with TmuxSession() as session:
        session.start(_argv(archive, pythonpath), env=_env(cache, pythonpath))
        tree = session.watch_tree_rss()
        listed, _ = session.wait_for(rf"{n:,} / {n:,} releases", timeout=300, poll=SLOW_POLL)
        searchable, _ = session.wait_for(
            lambda screen: _ready(screen, n), timeout=600, poll=SLOW_POLL
        )
        return listed, listed + searchable, session.peak_rss_mb(), tree.stop()


def quit_while_reading(
    archive: Path, n: int, cache: Path, pythonpath: str | None = None, after: float = 2.0
) -> float:
    """Seconds from ``q`` to the program's end, pressed ``after`` seconds into a first start
    (the list shown, the archive still being read and indexed)."""
    shutil.rmtree(cache, ignore_errors=True)
    with TmuxSession() as session:
        session.start(_argv(archive, pythonpath), env=_env(cache, pythonpath))
        session.wait_for(rf"{n:,} / {n:,} releases", timeout=300, poll=SLOW_POLL)
        time.sleep(after)
        session.send("q")
        return session.wait_exit()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="first start with no cache, in tmux")
    parser.add_argument("archive", type=Path)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "oim-first")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--baseline", help="also start the browser of this commit")
    parser.add_argument(
        "--quit-after",
        type=float,
        metavar="S",
        help="instead: seconds from q to the end, pressed S s after the list shows",
    )
    args = parser.parse_args(argv)
    from oim_archive.store.file.archive import Archive

    n = len(Archive(args.archive).releases())
    if args.quit_after is None:
        print(
            f"first start, {n:,} releases: list s / search ready s / peak RSS MB (browser; "
            "browser with its word passes)"
        )
    else:
        print(f"first start, {n:,} releases: q pressed {args.quit_after:g} s after the list shows")
    with ExitStack() as stack:
        trees: dict[str, str | None] = {"this tree": None}
        if args.baseline:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            baseline = stack.enter_context(installed_revision(args.baseline, folder))
            trees[f"at {args.baseline}"] = str(baseline)
        for _ in range(args.runs):
            for label, path in trees.items():
                if args.quit_after is not None:
                    took = quit_while_reading(args.archive, n, args.cache, path, args.quit_after)
                    print(f"{label:16}quit while reading: {took:.2f} s", flush=True)
                    continue
                listed, ready, peak, together = first_start(args.archive, n, args.cache, path)
                print(
                    f"{label:16}{listed:.2f} / {ready:.2f} / {peak:.0f}; {together:.0f}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
