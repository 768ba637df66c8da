"""Hostile titles make safe export names inside the export folder; no file is ever overwritten
silently (not a user's file, not an earlier export, not through a planted symlink)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oim_archive.store.records import Release
from oim_archive.tui.cli import main
from tests.conftest import make_release
from tests.support.reliability import CONTROL_CHARS, build_archive

WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10))}
WINDOWS_DEVICES |= {f"LPT{i}" for i in range(1, 10)}
WINDOWS_FORBIDDEN = set('<>:"/\\|?*')

HOSTILE_TITLES = [
    "../../../etc/passwd",
    "..",
    ".",
    "...",
    "/",
    "/etc/cron.d/evil",
    "a/b\\c",
    "nul\x00byte",
    "\x1b[31mrouge\x1b[0m \x1b]52;c;ZXZpbA==\x07 \x07\x08\r\n",
    "CON",
    "con",
    "Con.txt",
    "NUL",
    "COM1",
    "LPT9",
    "AUX .md",
    "x" * 500,
    "é" * 500,
    "日本語" * 200,
    " leading and trailing spaces and dots . . .",
    "-rf --no-preserve-root",
    '<>:"|?*',
    "\u202eevil\u202dtxt.exe",
    "",
    "   ",
]


def export(db: Path, release_id: str, folder: Path, fmt: str = "txt") -> Path:
    out = io.StringIO()
    code = main(
        ["--db", str(db), "export", release_id, "--format", fmt, "--export-dir", str(folder)],
        out=out,
    )
    assert code == 0
    return Path(out.getvalue().strip())


def assert_safe_name(path: Path, folder: Path) -> None:
    name = path.name
    assert path.parent.resolve() == folder.resolve(), f"{path} escaped {folder}"
    assert name not in ("", ".", "..") and not name.startswith((".", "-", " "))
    assert "/" not in name and "\x00" not in name and ".." not in name
    assert not CONTROL_CHARS.search(name), repr(name)
    assert not WINDOWS_FORBIDDEN & set(name), repr(name)
    assert not name.endswith((".", " "))
    assert name.split(".")[0].strip().upper() not in WINDOWS_DEVICES, name
    assert len(name.encode("utf-8")) <= 255
    assert path.is_file() and path.stat().st_size > 0


@pytest.fixture
def hostile_db(tmp_path: Path) -> tuple[Path, list[Release]]:
    releases = [make_release(title, f"Corps {n}.") for n, title in enumerate(HOSTILE_TITLES)]
    db = tmp_path / "archive.json"
    build_archive(db, releases)
    return db, releases


@pytest.mark.parametrize("fmt", ["txt", "md", "json"])
def test_hostile_titles_export_to_safe_names_inside_the_folder(
    hostile_db: tuple[Path, list[Release]], tmp_path: Path, fmt: str
) -> None:
    db, releases = hostile_db
    folder = tmp_path / "exports"
    paths = [export(db, r.id, folder, fmt) for r in releases]
    for path in paths:
        assert_safe_name(path, folder)
        assert path.suffix == f".{fmt}"
    assert len(set(paths)) == len(paths)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in paths)
    assert not (tmp_path / "etc").exists()


def test_exporting_twice_never_overwrites(
    hostile_db: tuple[Path, list[Release]], tmp_path: Path
) -> None:
    db, releases = hostile_db
    folder = tmp_path / "exports"
    first = export(db, releases[0].id, folder)
    first.write_text("notes the user added by hand", encoding="utf-8")
    second = export(db, releases[0].id, folder)
    third = export(db, releases[0].id, folder)
    assert len({first, second, third}) == 3
    assert first.read_text(encoding="utf-8") == "notes the user added by hand"
    assert second.read_bytes() == third.read_bytes()


def test_a_planted_symlink_is_never_followed(
    hostile_db: tuple[Path, list[Release]], tmp_path: Path
) -> None:
    """Someone puts links named like the next export: the export must not write through them."""
    db, releases = hostile_db
    folder = tmp_path / "exports"
    probe = export(db, releases[1].id, tmp_path / "probe")  # learn the name an export gets
    folder.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    (folder / probe.name).symlink_to(victim)
    stem, dot, ext = probe.name.rpartition(".")
    (folder / f"{stem} (2){dot}{ext}").symlink_to(outside / "created-through-link.txt")
    path = export(db, releases[1].id, folder)
    assert not path.is_symlink() and path.parent == folder
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not (outside / "created-through-link.txt").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "{id}", "-o", "{file}"],
        ["export", "{id}", "--format", "json", "-o", "{file}"],
        ["contacts", "-o", "{file}"],
        ["contacts", "--vcard", "-o", "{file}"],
        ["dump", "{file}"],
    ],
)
def test_an_existing_output_file_is_refused_without_force(
    hostile_db: tuple[Path, list[Release]],
    tmp_path: Path,
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, releases = hostile_db
    target = tmp_path / "mine.txt"
    target.write_text("my own file", encoding="utf-8")
    filled = [a.format(id=releases[0].id, file=target) for a in argv]
    assert main(["--db", str(db), *filled], out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert str(target) in err and "--force" in err and len(err.strip().splitlines()) == 1
    assert target.read_text(encoding="utf-8") == "my own file"
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "not-there-yet.txt")  # a dangling link counts as taken
    filled = [a.format(id=releases[0].id, file=link) for a in argv]
    assert main(["--db", str(db), *filled], out=io.StringIO()) == 2
    assert not (tmp_path / "not-there-yet.txt").exists()
    filled = [a.format(id=releases[0].id, file=target) for a in argv]
    assert main(["--db", str(db), *filled, "--force"], out=io.StringIO()) == 0
    assert target.read_text(encoding="utf-8") != "my own file"


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    title=st.lists(
        st.one_of(
            st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40),
            st.sampled_from([*"/\\.:\x00\x1b\x07 *?<>|", "..", "CON", "nul", "\u202e"]),
        ),
        max_size=30,
    ).map("".join)
)
def test_fuzz_any_title_exports_inside_the_folder(tmp_path: Path, title: str) -> None:
    release = make_release(title, "corps")
    folder = tmp_path / f"fuzz-{os.urandom(6).hex()}"
    db = folder.with_suffix(".json")
    build_archive(db, [release])
    path = export(db, release.id, folder)
    assert_safe_name(path, folder)
    assert [p.name for p in folder.iterdir()] == [path.name]
