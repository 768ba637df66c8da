"""An earlier commit of this project, installed into a temporary folder, for benchmarks that
time it beside the working tree in the same run (``PYTHONPATH`` = the folder it yields)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def installed_revision(revision: str, folder: Path) -> Iterator[Path]:
    """The package at ``revision``, installed (no dependencies) under ``folder``."""
    tree, target = folder / "baseline-tree", folder / "baseline-site"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), revision],
                   check=True, capture_output=True)  # fmt: skip
    try:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                        str(target), str(tree)], check=True, capture_output=True)  # fmt: skip
        yield target
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                       check=False, capture_output=True)  # fmt: skip
