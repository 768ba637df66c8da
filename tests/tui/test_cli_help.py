"""Each command's --help: a summary, every option explained, and examples that run as written."""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from oim_archive.tui.cli import build_parser, main
from oim_archive.tui.cli_help import EXAMPLES, NEEDS_NETWORK
from tests.conftest import SAMPLE_DIR

SCRIPT = Path(sys.executable).with_name("oim-archive")


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def _help(*argv: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out), pytest.raises(SystemExit) as info:
        main([*argv, "--help"])
    assert info.value.code == 0
    return out.getvalue()


def test_every_command_has_examples_and_every_option_a_help_line() -> None:
    commands = _subparsers()
    assert set(commands) == set(EXAMPLES)
    for name, sub in commands.items():
        text = _help(name)
        assert sub.description and len(EXAMPLES[name]) >= 2, name
        for command, _ in EXAMPLES[name]:
            assert command in text, (name, command)
        for action in sub._actions:
            assert action.help and action.help != argparse.SUPPRESS, (name, action.dest)


def test_export_dir_only_on_the_browser_and_export() -> None:
    assert "--export-dir" in _help("export")
    assert "--export-dir" in build_parser().format_help()
    for name in _subparsers():
        if name != "export":
            assert "--export-dir" not in _help(name), name


@pytest.fixture
def example_folder(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A folder with `communiques/` and `page.txt`, an archive of the sample pages in
    $OIM_ARCHIVE_DB, and a private HOME (the completion examples write there)."""
    folder = tmp_path / "work"
    shutil.copytree(SAMPLE_DIR, folder / "communiques", ignore=shutil.ignore_patterns("__*"))
    shutil.copy(next(SAMPLE_DIR.glob("003_*.txt")), folder / "page.txt")
    db = tmp_path / "archive.json"
    assert main(["--db", str(db), "import", str(SAMPLE_DIR)], out=io.StringIO()) == 0
    env = {
        **os.environ,
        "OIM_ARCHIVE_DB": str(db),
        "HOME": str(tmp_path / "home"),
        "PATH": f"{SCRIPT.parent}{os.pathsep}{os.environ['PATH']}",
    }
    (tmp_path / "home").mkdir()
    return folder, env


@pytest.mark.parametrize("name", sorted(set(EXAMPLES) - NEEDS_NETWORK))
def test_help_examples_run_as_written(example_folder: tuple[Path, dict[str, str]], name: str):
    folder, env = example_folder
    for command, _ in EXAMPLES[name]:
        done = subprocess.run(
            ["bash", "-c", f"set -o pipefail; {command}"],
            cwd=folder,
            env=env,
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, (command, done.stderr.decode())
        wrote_file = ">" in command or " -o " in command or "dump oim" in command
        assert done.stdout.strip() or wrote_file or "--export-dir" in command, command
