"""The search structures a first start builds (no saved index, no contact directory), timed
alone, after the checked read, in a fresh process each; beside the same build at an earlier
commit (``--baseline REV``), alternated in the same run.

    python -m tests.bench.index_build /tmp/oim-final/archive-100000.json --baseline 63370e7

Columns: *index* is the word index and its saved copy (`SearchIndex` as the browser's first
start builds it); *index + contacts* adds the contact directory and its search
(``ArchiveReader.indexes``, what the status line's "indexing…" waits for after the read).
Peak RSS is the whole process's (the checked read included).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from tests.bench.revision import installed_revision

_SCRIPT = r"""
import os, resource, shutil, sys, time
from pathlib import Path
from oim_archive.store.file.archive import Archive
from oim_archive.store.file.catalog import index_cache_path
from oim_archive.store.reader import ArchiveReader
from oim_archive.store.search.engine import SearchIndex

reader = ArchiveReader(Archive(Path(sys.argv[1])))
snapshot = reader.read()
cache = index_cache_path(reader.path)
shutil.rmtree(cache.parent, ignore_errors=True)
releases, stamp = snapshot.releases, snapshot.stamp
start = time.perf_counter()
index = None
if hasattr(SearchIndex, "built_from_file"):
    index = SearchIndex.built_from_file(releases, reader.path, stamp, cache)
if index is None:
    index = SearchIndex.built_and_saved(
        releases, reader.archive.full_releases(releases), cache, stamp
    )
alone = time.perf_counter() - start
shutil.rmtree(cache.parent, ignore_errors=True)
start = time.perf_counter()
reader.indexes(snapshot)
whole = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{alone:.2f} {whole:.2f} {peak:.0f} {len(index)}")
"""


def _run(archive: Path, cache: Path, pythonpath: str | None) -> tuple[float, float, float]:
    env = {**os.environ, "OIM_ARCHIVE_CACHE": str(cache)}
    if pythonpath is not None:
        env["PYTHONPATH"] = pythonpath
    out = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(archive)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=cache.parent,
    )
    alone, whole, peak, _ = out.stdout.split()
    return float(alone), float(whole), float(peak)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="first-start index build, timed alone")
    parser.add_argument("archive", type=Path)
    parser.add_argument("--baseline", help="also time the build at this commit")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    trees: dict[str, str | None] = {"this tree": None}
    results: dict[str, list[tuple[float, float, float]]] = {label: [] for label in trees}
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        cache = folder / "cache"
        with ExitStack() as stack:
            if args.baseline:
                baseline = stack.enter_context(installed_revision(args.baseline, folder))
                trees[f"at {args.baseline}"] = str(baseline)
                results[f"at {args.baseline}"] = []
            for _ in range(args.rounds):  # alternated, so both see the same load
                for label, path in trees.items():
                    results[label].append(_run(args.archive, cache, path))
    print(f"first-start build of {args.archive.name}: best of {args.rounds}, s (peak RSS MB)")
    print(f"{'':16}{'index':>10}{'index + contacts':>20}{'peak RSS MB':>14}")
    for label, runs in results.items():
        alone = min(r[0] for r in runs)
        whole = min(r[1] for r in runs)
        peak = max(r[2] for r in runs)
        print(f"{label:16}{alone:>10.2f}{whole:>20.2f}{peak:>14.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
