"""When the browser can search, beside older builds, alternated in the same tmux setup.

Per round and per ``oim-archive`` script: a first start (the cache folder emptied: no list
catalog, no saved index), where a title word is typed as soon as the list shows, then the
filter is cleared and the whole index waited for (and the contact directory saved); then
normal starts (cache warm) to the list
and to search ready (no ``indexing`` note). Peak RSS is the first start's.

    python -m tests.bench.search_ready --db /tmp/oim-final/archive-100000.json \\
        --cache /tmp/ready-cache --browser /old/.venv/bin/oim-archive --rounds 2
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from tests.bench.scale import TITLE_WORD, compile_package, first_start, normal_start
from tests.bench.startup import _argv, _count
from tests.bench.tmux import tmux_available


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
    env = {"OIM_ARCHIVE_CACHE": str(args.cache)}
    n = _count(args.db, scripts[-1], env)
    print(f"{args.db.name}: {n:,} releases; s; first start = no cache; title word {TITLE_WORD!r}")
    print(f"{'first start: list / word / whole, peak MB':>58}   start: list / search")
    for _ in range(args.rounds):
        for script in scripts:
            shutil.rmtree(args.cache, ignore_errors=True)
            listed, typed, whole, peak, _ = first_start(_argv(script, args.db), n, env)
            normal = min(normal_start(_argv(script, args.db), n, env) for _ in range(2))
            print(
                f"{str(script)[-30:]:>30}  {listed:5.2f} / {typed:5.2f} / {whole:5.2f}, {peak:4.0f}"
                f"   {normal[0]:.2f} / {normal[1]:.2f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
