"""Inspect or time the importer on files: ``python -m oim_archive.importers [--bench] PATH...``.

Prints one JSON object per release (or per refused file) so a developer can see what a page
turns into; with ``--bench`` it prints pages per second on one core instead.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from pathlib import Path

from . import ImportRefused, parse_page

BENCH_SECONDS = 3.0


def _is_page(path: Path) -> bool:
    return path.is_file() and not path.name.startswith((".", "__")) and path.suffix != ".pyc"


def _files(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if _is_page(p)))
        else:
            found.append(path)
    return found


def _show(files: list[Path]) -> int:
    failed = 0
    for path in files:
        try:
            releases = parse_page(path.read_bytes(), path.name)
        except ImportRefused as refusal:
            failed += 1
            print(json.dumps({"file": str(path), "error": str(refusal)}, ensure_ascii=False))
            continue
        for release in releases:
            print(json.dumps(release.to_dict(), ensure_ascii=False))
    return 1 if failed else 0


def _bench(files: list[Path]) -> int:
    pages = [(path.read_bytes(), path.name) for path in files]
    size = sum(len(data) for data, _ in pages)
    done, started = 0, time.process_time()
    while time.process_time() - started < BENCH_SECONDS:
        for data, name in pages:
            with contextlib.suppress(ImportRefused):
                parse_page(data, name)
        done += len(pages)
    elapsed = time.process_time() - started
    print(
        f"{done / elapsed:,.0f} pages/s on one core "
        f"({len(pages)} files, {size / max(1, len(pages)) / 1024:.1f} KB on average, "
        f"{elapsed:.1f} s of CPU time)"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m oim_archive.importers``."""
    parser = argparse.ArgumentParser(prog="python -m oim_archive.importers", description=__doc__)
    parser.add_argument("paths", nargs="+", help="raw pages or folders of pages")
    parser.add_argument("--bench", action="store_true", help="print pages/s instead of JSON")
    args = parser.parse_args(argv)
    files = _files(args.paths)
    if not files:
        print("no files found", file=sys.stderr)
        return 2
    return _bench(files) if args.bench else _show(files)


if __name__ == "__main__":
    sys.exit(main())
