"""Safe export file names: hostile titles always make a valid name inside the export folder."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from oim_archive.store.exports.filenames import export_stem, safe_filename
from oim_archive.store.exports.render import release_text, write_export
from oim_archive.store.records import Release

RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[1-9¹²³]|LPT[1-9¹²³]|CONIN\$|CONOUT\$)$", re.I)
UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069/\\<>:"|?*]')


def check_safe(name: str, max_bytes: int = 120) -> None:
    """Every property a safe file name has, on Linux, macOS and Windows."""
    assert name and name not in (".", "..")
    assert not UNSAFE.search(name), name
    assert ".." not in name
    assert not name.startswith((".", "-", " "))
    stem = name.rsplit(".", 1)[0]
    assert stem and stem == stem.rstrip(" .")
    assert not RESERVED.match(name.split(".", 1)[0].rstrip(" "))
    assert len(name.encode("utf-8")) <= max_bytes
    assert unicodedata.normalize("NFC", name) == name


HOSTILE_TITLES = [
    "../../etc/passwd",
    "a/b\\c",
    "..",
    "...",
    ".hidden",
    "nul\x00byte",
    "\x1b[31mred\x1b[0m title\x07",
    "line\nbreak\ttab",
    "CON",
    "con",
    "Aux",
    "COM1",
    "lpt9",
    "NUL.txt",
    "con .md",
    "trailing dots...",
    "trailing spaces   ",
    "-rf --no-preserve-root",
    'Q: "why?" <a|b> *',
    "x" * 500,
    "é" * 500,
    "🌍" * 200,
    "",
    "   ",
    "\x00\x01\x02",
    "\u202eevil\u202d",
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_hostile_stems_make_safe_names(title: str) -> None:
    name = safe_filename(title, "txt")
    check_safe(name)
    assert name.endswith(".txt")


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_hostile_titles_export_inside_the_folder(tmp_path: Path, title: str) -> None:
    folder = tmp_path / "exports"
    release = Release(title=title, body="Corps.", date="2020-01-01")
    path = write_export(release, folder)
    assert path.parent == folder
    assert path.resolve().parent == folder.resolve()
    assert [p.name for p in folder.iterdir()] == [path.name]
    check_safe(path.name)
    assert path.read_text(encoding="utf-8") == release_text(release)


def test_examples() -> None:
    assert safe_filename("2019-09-24 Formation", "txt") == "2019-09-24 Formation.txt"
    assert safe_filename("a/b", ".md") == "a-b.md"
    assert safe_filename("Titre : sous-titre?", "txt") == "Titre - sous-titre.txt"
    assert safe_filename("CON", "txt") == "_CON.txt"
    assert safe_filename("", "txt") == "release.txt"
    assert safe_filename("Attends...", "txt") == "Attends….txt"
    assert safe_filename("x", "t/x\x00t") == "x.txt"


def test_keeps_accents_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Côte d’Ivoire : réintégration")
    assert safe_filename(decomposed, "md") == "Côte d’Ivoire - réintégration.md"


def test_length_limit_cuts_at_a_word_and_never_inside_a_character() -> None:
    words = "réintégration " * 40
    name = safe_filename(words, "txt", max_bytes=60)
    assert len(name.encode("utf-8")) <= 60
    assert name.endswith("réintégration….txt")
    for max_bytes in range(8, 40):
        name = safe_filename("é🌍" * 50, "txt", max_bytes=max_bytes)
        check_safe(name, max_bytes)
        name.encode("utf-8").decode("utf-8")  # whole characters only


def test_suffix_survives_truncation() -> None:
    name = safe_filename("x" * 500, "txt", suffix=" (12)")
    assert name.endswith(" (12).txt") and len(name.encode("utf-8")) <= 120
    assert safe_filename("CON", "txt", suffix=" (2)") in ("CON (2).txt", "_CON (2).txt")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["txt", "md", "json", "", "../x"]))
@example("0:.0", "")  # a colon before a dot once left "0 - .0", whose "0 - " ends in a space
@example("sans date . .0", "txt")  # dots parted by a space once joined into "..0"
def test_any_text_makes_a_safe_name(stem: str, ext: str) -> None:
    check_safe(safe_filename(stem, ext))


def test_export_stem() -> None:
    dated = Release(title="Formation sur la traite", body="b", date="2019-09-24")
    assert export_stem(dated) == "2019-09-24 Formation sur la traite"
    undated = Release(title="  Note\n sans   date ", body="b")
    assert export_stem(undated) == "sans date Note sans date"  # a French release
    undated.language = "es"
    assert export_stem(undated) == "sin fecha Note sans date"
    undated.language = "en"
    assert export_stem(undated) == "undated Note sans date"
    long_title = Release(title="mot " * 60, body="b", date="2020")
    stem = export_stem(long_title)
    assert stem.startswith("2020 mot mot") and stem.endswith("mot…") and len(stem) < 100


def test_collisions_never_overwrite(tmp_path: Path) -> None:
    release = Release(title="Même titre", body="b", date="2021-01-01")
    other = Release(title="Même titre", body="un autre corps", date="2021-01-01")
    paths = [write_export(r, tmp_path) for r in (release, other, release, other)]
    assert [p.name for p in paths] == [
        "2021-01-01 Même titre.txt",
        "2021-01-01 Même titre (2).txt",
        "2021-01-01 Même titre (3).txt",
        "2021-01-01 Même titre (4).txt",
    ]
    assert paths[1].read_text(encoding="utf-8") == release_text(other)
    assert paths[0].read_text(encoding="utf-8") == release_text(release)


def test_a_directory_in_the_way_is_skipped_not_entered(tmp_path: Path) -> None:
    release = Release(title="Titre", body="b", date="2021-01-01")
    (tmp_path / "2021-01-01 Titre.txt").mkdir()
    path = write_export(release, tmp_path)
    assert path.name == "2021-01-01 Titre (2).txt" and path.is_file()
