"""The search structures a first start builds (no saved index, no contact directory), timed
alone, after the checked read, in a fresh process each; beside the same build at an earlier
commit (``--baseline REV``), alternated in the same run.

    python -m tests.bench.index_build /tmp/oim-final/archive-100000.json --baseline 63370e7

Columns: *index* is the word index and its saved copy built by its own pass over the file
(`SearchIndex.built_from_file`); *index + contacts* adds the contact directory and its search
(``ArchiveReader.indexes``). *first start* is the whole of it from no cache, as the browser's
first start does it: the checked read (which, where the tree can, gives the index its words),
then the search index (*search ready*), then the contact directory and its search (*all*).
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
from oim_archive.store.stored import whole_releases

import inspect
reader = ArchiveReader(Archive(Path(sys.argv[1])))
cache = index_cache_path(reader.path)
shutil.rmtree(cache.parent, ignore_errors=True)
start = time.perf_counter()  # a first start: read, index (search ready), contacts
fused = "index" in inspect.signature(reader.read).parameters
snapshot = reader.read(index=True) if fused else reader.read()
if hasattr(reader, "release_index"):
    reader.release_index(snapshot)
    ready = time.perf_counter() - start
    reader.contacts(snapshot)
else:
    reader.indexes(snapshot)
    ready = time.perf_counter() - start
first = time.perf_counter() - start
reader = ArchiveReader(Archive(Path(sys.argv[1])))
snapshot = reader.read()
shutil.rmtree(cache.parent, ignore_errors=True)
releases, stamp = snapshot.releases, snapshot.stamp
start = time.perf_counter()
index = None
if hasattr(SearchIndex, "built_from_file"):
    index = SearchIndex.built_from_file(releases, reader.path, stamp, cache)
if index is None:
    index = SearchIndex.built_and_saved(
        releases, whole_releases(releases), cache, stamp
    )
alone = time.perf_counter() - start
shutil.rmtree(cache.parent, ignore_errors=True)
start = time.perf_counter()
reader.indexes(snapshot)
whole = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{alone:.2f} {whole:.2f} {peak:.0f} {ready:.2f} {first:.2f}")
"""


def _run(archive: Path, cache: Path, pythonpath: str | None) -> tuple[float, ...]:
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
    return tuple(float(value) for value in out.stdout.split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="first-start index build, timed alone")
    parser.add_argument("archive", type=Path)
    parser.add_argument("--baseline", help="also time the build at this commit")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    trees: dict[str, str | None] = {"this tree": None}
    results: dict[str, list[tuple[float, ...]]] = {label: [] for label in trees}
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
    print(f"{'':16}{'index':>8}{'index + contacts':>18}{'peak RSS MB':>13}", end="")
    print(f"{'first start: search ready / all':>34}")
    for label, runs in results.items():
        alone, whole, ready, first = (min(r[i] for r in runs) for i in (0, 1, 3, 4))
        peak = max(r[2] for r in runs)
        print(f"{label:16}{alone:>8.2f}{whole:>18.2f}{peak:>13.0f}{ready:>26.2f} / {first:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
