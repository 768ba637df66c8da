"""First start with no cache (an archive copied from a colleague): seconds until the list
shows and until search is ready, in tmux as `tests.bench.scale` measures it, for one archive.

    python -m tests.bench.first_start ARCHIVE [--cache DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

from tests.bench.tmux import TmuxSession


def _ready(screen: str, n: int) -> bool:
    pattern = re.compile(rf"\s*{n:,} / {n:,} releases\b")
    return any(pattern.match(line) and "indexing" not in line for line in screen.splitlines())


def first_start(archive: Path, n: int, cache: Path) -> tuple[float, float, float]:
    """(list s, search ready s, peak RSS MB) of one start with the cache folder emptied."""
    shutil.rmtree(cache, ignore_errors=True)
    script = Path(sys.executable).with_name("oim-archive")
    argv = [str(script), "--db", str(archive), "--export-dir", tempfile.gettempdir()]
    with TmuxSession() as session:
        session.start(argv, env={"OIM_ARCHIVE_CACHE": str(cache)})
        listed, _ = session.wait_for(rf"{n:,} / {n:,} releases", timeout=300)
        searchable, _ = session.wait_for(lambda screen: _ready(screen, n), timeout=600)
        return listed, listed + searchable, session.peak_rss_mb()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="first start with no cache, in tmux")
    parser.add_argument("archive", type=Path)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "oim-first")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)
    from oim_archive.store.file.archive import Archive

    n = len(Archive(args.archive).releases())
    print(f"first start, {n:,} releases: list s / search ready s / peak RSS MB")
    for _ in range(args.runs):
        listed, ready, peak = first_start(args.archive, n, args.cache)
        print(f"{listed:.2f} / {ready:.2f} / {peak:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
