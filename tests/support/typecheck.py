"""Run mypy on the package as it is installed: ``python -m tests.support.typecheck``.

The editable install maps ``oim_archive.*`` onto the repository's top-level folders with an
import hook mypy cannot follow, so this lays the package out as a wheel would (symlinks in a
temporary folder) and checks it there: ``--strict`` on store, importers and ingest, the
default on tui.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("store", "importers", "tui", "sample_data")


def strict_targets() -> list[str]:
    """mypy arguments for everything but tui: store, importers and the top-level modules."""
    args = ["-p", "oim_archive.store", "-p", "oim_archive.importers", "-m", "oim_archive"]
    for entry in sorted((ROOT / "src" / "oim_archive").iterdir()):
        if entry.suffix == ".py" and entry.stem != "__init__":
            args += ["-m", f"oim_archive.{entry.stem}"]
        elif (entry / "__init__.py").exists():
            args += ["-p", f"oim_archive.{entry.name}"]
    return args


def package_tree(folder: Path) -> Path:
    """A folder holding ``oim_archive/`` laid out like the wheel, made of symlinks."""
    package = folder / "oim_archive"
    package.mkdir()
    for entry in (ROOT / "src" / "oim_archive").iterdir():
        if entry.suffix == ".py" or (entry / "__init__.py").exists():
            (package / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    for part in PARTS:
        (package / part).symlink_to(ROOT / part, target_is_directory=True)
    return folder


def run() -> int:
    with tempfile.TemporaryDirectory() as temp:
        tree = package_tree(Path(temp))
        checks = [
            ["--strict", *strict_targets()],
            ["-p", "oim_archive.tui"],
        ]
        status = 0
        for args in checks:
            command = [sys.executable, "-m", "mypy", "--no-incremental", *args]
            print("+ mypy", " ".join(args), flush=True)
            status |= subprocess.run(command, cwd=tree).returncode
        return status


if __name__ == "__main__":
    raise SystemExit(run())
