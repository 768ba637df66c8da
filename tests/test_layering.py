"""The package's shape, checked in fresh interpreters: one import name, layers that hold.

- ``importers`` know nothing of the archive file: importing them loads no TinyDB, no Textual;
- ``store`` never imports ``importers`` (the orchestration lives in ``oim_archive.ingest``);
- only ``tui`` imports Textual, and the CLI loads it only when the browser opens;
- the wheel installs exactly one top-level name, ``oim_archive``, and the code and the tests
  import that name, never the folders it is made of;
- the CLI works where ``fcntl`` does not exist (Windows).
"""

from __future__ import annotations

import json
import pkgutil
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = next((ROOT / "sample_data").glob("000_*.txt"))


def _submodules(package: str) -> list[str]:
    module = __import__(package, fromlist=["__path__"])
    return [package] + [
        info.name for info in pkgutil.walk_packages(module.__path__, prefix=f"{package}.")
    ]


def _loaded_after(modules: list[str], code: str = "") -> set[str]:
    """Top-level names in sys.modules after importing ``modules`` in a fresh interpreter."""
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"{code}\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd="/", capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def _has(loaded: set[str], package: str) -> bool:
    return any(m == package or m.startswith(package + ".") for m in loaded)


def test_importers_load_neither_tinydb_nor_textual_nor_the_archive() -> None:
    modules = _submodules("oim_archive.importers")
    assert len(modules) > 10  # the scan really covered the package
    loaded = _loaded_after(
        modules,
        "from oim_archive.importers import parse_page\n"
        f"parse_page(open({str(SAMPLE)!r}, 'rb').read(), 'x')",
    )
    forbidden_modules = (
        "tinydb",
        "textual",
        "rich",
        "oim_archive.tui",
        "oim_archive.ingest",
        "oim_archive.pages",
    )
    for forbidden in forbidden_modules:
        assert not _has(loaded, forbidden), forbidden
    for module in ("oim_archive.store.file.archive", "oim_archive.store.exports.bundle"):
        assert module not in loaded
    assert "oim_archive.store.exports.render" not in loaded


def test_store_never_imports_importers_or_textual() -> None:
    modules = _submodules("oim_archive.store")
    assert len(modules) > 10
    loaded = _loaded_after(modules)
    for forbidden in ("oim_archive.importers", "oim_archive.tui", "textual"):
        assert not _has(loaded, forbidden), forbidden


def test_cli_does_not_load_textual_until_the_browser_opens() -> None:
    loaded = _loaded_after(["oim_archive.tui.cli", "oim_archive.ingest", "oim_archive.pages"])
    assert not _has(loaded, "textual")


def test_only_tui_imports_textual_in_the_source() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("store", "importers", "src")
        for path in (ROOT / folder).rglob("*.py")
        if "import textual" in path.read_text(encoding="utf-8")
        or "from textual" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


# "from importers.body import …" works from the repository's root only, and loads a second
# copy of the module beside oim_archive.importers.body: every import names the one package.
_FOLDER_IMPORT = re.compile(r"^\s*(?:from|import)\s+(?:importers|store|tui|sample_data)\b", re.M)


def test_code_and_tests_import_the_package_not_its_folders() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("store", "importers", "tui", "src", "tests")
        for path in (ROOT / folder).rglob("*.py")
        if "real_pages" not in path.parts and _FOLDER_IMPORT.search(path.read_text("utf-8"))
    ]
    assert offenders == []


@pytest.mark.slow
def test_wheel_installs_one_top_level_name(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, cwd=tmp_path,
    )  # fmt: skip
    [wheel] = tmp_path.glob("oim_archive-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/", 1)[0] for name in names}
    assert {t for t in top if not t.endswith(".dist-info")} == {"oim_archive"}
    for expected in (
        "oim_archive/__main__.py",
        "oim_archive/store/file/archive.py",
        "oim_archive/importers/data/chrome.json",
        "oim_archive/tui/oim_archive.tcss",
        "oim_archive/sample_data/000_209834753d0ef37a.txt",
        "oim_archive/locale/fr/LC_MESSAGES/oim_archive.mo",
        "oim_archive/locale/es/LC_MESSAGES/oim_archive.mo",
    ):
        assert expected in names


def test_cli_runs_without_fcntl(tmp_path: Path) -> None:
    """Windows has no fcntl: --help, an import and a list still work (msvcrt is faked here)."""
    code = f"""
import sys, types, subprocess, multiprocessing.util, concurrent.futures.process, tempfile, shutil
sys.modules["fcntl"] = None  # import fcntl raises ImportError, as on Windows
held = set()
def locking(fd, mode, nbytes):
    if mode == msvcrt.LK_UNLCK:
        held.discard(fd)
    else:
        held.add(fd)
msvcrt = types.SimpleNamespace(LK_NBLCK=2, LK_UNLCK=0, locking=locking)
sys.modules["msvcrt"] = msvcrt
from oim_archive.tui.cli import main
for argv in (["--help"], ["--db", {str(tmp_path / "a.json")!r}, "import", {str(SAMPLE)!r}],
             ["--db", {str(tmp_path / "a.json")!r}, "list"]):
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code
    assert code in (0, None), (argv, code)
assert not held
"""
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "usage: oim-archive" in result.stdout
    assert "1 new" in result.stdout or "imported" in result.stdout.lower()


def test_tui_screens_holds_screens_only() -> None:
    """Every module of tui/screens defines a Screen; helpers live beside it in tui/."""
    import importlib

    from textual.screen import Screen

    for name in _submodules("oim_archive.tui.screens")[1:]:
        module = importlib.import_module(name)
        screens = [
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, Screen)
            and value.__module__ == module.__name__
        ]
        assert screens, f"{name} defines no screen"
