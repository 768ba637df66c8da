"""A folder of 100,000 small files: the import finishes, in bounded memory, and lands the real
pages among them (each other file gets its one-line reason)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from oim_archive.store.file.archive import Archive
from tests.support.reliability import cli_env, page_text

FILES = 100_000
REAL_EVERY = 5_000
MEMORY_BOUND_MB = 600

# The CLI, then the peak memory of this process and of its (worker) children, in MB.
MEASURED_CLI = r"""
import json, resource, sys
from oim_archive.tui.cli import main

code = main(sys.argv[2:])
usage = {
    "self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}
with open(sys.argv[1], "w") as handle:
    json.dump(usage, handle)
sys.exit(code)
"""


@pytest.mark.slow
def test_a_folder_of_100k_files(tmp_path: Path) -> None:
    folder = tmp_path / "flat"
    folder.mkdir()
    real = set()
    for number in range(FILES):
        path = folder / f"f{number:06d}.txt"
        if number % REAL_EVERY == 0:
            path.write_text(page_text(number), encoding="utf-8")
            real.add(path.name)
        else:
            path.write_bytes(b"note %d\n" % number)
    db = tmp_path / "archive.json"
    usage_file = tmp_path / "usage.txt"
    argv = ["--db", str(db), "import", str(folder), "--json"]
    done = subprocess.run(
        [sys.executable, "-c", MEASURED_CLI, str(usage_file), *argv],
        capture_output=True,
        env=cli_env(),
        stdin=subprocess.DEVNULL,
        timeout=900,  # a bound that says "it finishes", not how fast
        check=False,
    )
    assert done.returncode == 2, done.stderr[-2000:]
    assert b"Traceback" not in done.stderr
    report = orjson.loads(done.stdout)
    assert len(report["imported"]) == len(real)
    assert len(report["failed"]) == FILES - len(real)
    assert all(f["error"] and "\n" not in f["error"] for f in report["failed"])
    assert {r.source for r in Archive(db).releases()} == real
    usage = orjson.loads(usage_file.read_bytes())
    assert usage["self"] < MEMORY_BOUND_MB and usage["children"] < MEMORY_BOUND_MB, usage
