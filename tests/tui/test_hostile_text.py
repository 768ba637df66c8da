"""Hostile scraped text (markup, terminal escapes) reaches the CLI's output inert: no control
characters ever, and markup brackets kept literally."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oim_archive.store.records import Contact, Release
from oim_archive.store.text import clean_line
from oim_archive.tui.cli import main
from tests.conftest import make_release
from tests.support.reliability import CONTROL_CHARS, build_archive, cli_env

MARKUP = [
    "[bold]",
    "[/]",
    "[link=https://x]",
    "[/link]",
    "[@click=app.quit]Lire[/]",
    "[Q3]",
    "[red on white]",
    "[b]",
    "\\[",
]
ESCAPES = [
    "\x1b[31m",  # CSI colour
    "\x1b[2J\x1b[H",  # clear screen
    "\x1b]52;c;ZXZpbA==\x07",  # OSC 52: write the clipboard
    "\x1b]8;;https://evil.example\x1b\\",  # OSC 8 hyperlink
    "\x1b]0;pwned\x07",  # window title
    "\x07",  # BEL
    "\x9b31m",  # 8-bit CSI
    "\x9d0;title\x9c",  # 8-bit OSC ... ST
    "\x85",  # NEL
    "\x90q\x9c",  # DCS
    "\x00",
    "\x08\x08",
    "\r",
    "\u202e",  # right-to-left override
]
LITERALS = ["[bold]rouge[/]", "[link=https://x]clic[/link]", "[@click=app.quit]Lire[/]", "[Q3]"]

HOSTILE_TITLE = (
    "Alerte [bold]rouge[/] \x1b[31m[link=https://x]clic[/link]\x1b[0m "
    "\x1b]52;c;ZXZpbA==\x07[@click=app.quit]Lire[/] \x9b2J[Q3] \x07fin"
)
HOSTILE_BODY = (
    "Dakar - Le [bold]texte[/] \x1b]8;;https://evil.example\x1b\\lien\x1b]8;;\x1b\\ "
    "[link=https://x]clic[/link] et [@click=app.quit]Lire[/] \x1b[2J\x1b[H.\n\n"
    "Deuxième [Q3] paragraphe \x85 avec \x90q\x9c un DCS \x00 et \r retour \u202e fin."
)


def hostile_release(suffix: str = "") -> Release:
    return make_release(
        HOSTILE_TITLE + suffix,
        HOSTILE_BODY,
        date="2021-03-01",
        country="SN",
        country_name="Sénégal [bold]\x1b[5m",
        dateline="Dakar [/]",
        contacts=[
            Contact(
                "Awa [bold]Diop\x1b[0m [@click=app.quit]x[/]",
                "OIM \x9b2J[Q3]",
                ["+221338696200\x07"],
                ["adiop@iom.int\x1b]52;c;eA==\x07"],
            )
        ],
        funders=["Union [link=https://x]européenne[/link]\x1b[1m"],
        source="page\x1b]8;;https://evil\x07[Q3].txt",
    )


def run(db: Path, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["--db", str(db), *argv], out=out)
    return code, out.getvalue()


def assert_inert(text: str) -> None:
    """No character a terminal could act on (tab, newline and a CRLF line end are fine)."""
    found = CONTROL_CHARS.search(text.replace("\t", " ").replace("\r\n", "\n"))
    assert found is None, f"control character {found.group()!r} at {found.start()}: {text!r}"


_LEADING_BULLET = re.compile(r"^\s*[-•–*·▪●]\s+")


def squashed(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def hostile_db(tmp_path: Path) -> tuple[Path, Release]:
    release = hostile_release()
    db = tmp_path / "hostile.json"
    build_archive(db, [release, make_release("Voisin paisible", "Rien à signaler.")])
    return db, release


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "{id}"],
        ["export", "{id}"],
        ["export", "{id}", "--format", "txt"],
        ["list"],
        ["contacts"],
        ["contacts", "Diop"],
        ["search", "Alerte"],
    ],
)
def test_text_output_is_inert_and_literal(
    hostile_db: tuple[Path, Release], argv: list[str]
) -> None:
    db, release = hostile_db
    code, out = run(db, *[a.format(id=release.id) for a in argv])
    assert code == 0
    assert_inert(out)
    expected = LITERALS if argv[0] != "contacts" else ["[bold]Diop", "[@click=app.quit]x[/]"]
    for literal in expected:
        assert literal in out, f"{literal!r} lost from {argv[0]} output: {out!r}"


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "{id}", "--format", "md"],
        ["export", "{id}", "--format", "json"],
        ["list", "--json"],
        ["search", "Alerte", "--json"],
        ["contacts", "--json"],
        ["contacts", "--vcard"],
    ],
)
def test_structured_output_is_inert(hostile_db: tuple[Path, Release], argv: list[str]) -> None:
    db, release = hostile_db
    code, out = run(db, *[a.format(id=release.id) for a in argv])
    assert code == 0
    assert_inert(out)
    if "--json" in argv or "json" in argv:
        orjson.loads(out)  # escaping kept it valid JSON


def test_json_output_keeps_the_data_escaped(hostile_db: tuple[Path, Release]) -> None:
    """JSON is for machines: the exact stored text survives, as \\u escapes, not raw bytes."""
    db, release = hostile_db
    code, out = run(db, "list", "--json")
    assert code == 0
    records = {r["id"]: r for r in orjson.loads(out)}
    assert records[release.id]["title"] == release.title


def test_export_files_are_inert(hostile_db: tuple[Path, Release], tmp_path: Path) -> None:
    db, release = hostile_db
    exports = tmp_path / "exports"
    exports.mkdir()
    for fmt in ("txt", "md", "json"):
        code, out = run(db, "export", release.id, "--format", fmt, "--export-dir", str(exports))
        assert code == 0
        assert_inert(out)  # the printed path
        written = Path(out.strip())
        assert written.parent == exports
        assert_inert(written.name)
        assert_inert(written.read_text(encoding="utf-8"))


def test_the_real_terminal_bytes_are_inert(hostile_db: tuple[Path, Release]) -> None:
    """What a terminal would receive from a real process, byte for byte."""
    db, release = hostile_db
    for argv in (["show", release.id], ["list"], ["contacts"], ["list", "--json"]):
        done = subprocess.run(
            [sys.executable, "-m", "oim_archive", "--db", str(db), *argv],
            capture_output=True,
            env=cli_env(),
            stdin=subprocess.DEVNULL,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert b"\x1b" not in done.stdout and b"\x07" not in done.stdout
        assert_inert(done.stdout.decode("utf-8"))
        assert_inert(done.stderr.decode("utf-8"))


def test_errors_quoting_hostile_input_are_inert(
    hostile_db: tuple[Path, Release], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = hostile_db
    code, out = run(db, "show", "zz\x1b[2J\x07[bold]")
    assert code != 0
    assert_inert(out + capsys.readouterr().err)
    code, out = run(db, "search", "\x1b]52;c;eA==\x07zzqqxx\x9b2J")
    assert_inert(out + capsys.readouterr().err)


# ---------------------------------------------------------------- fuzz

_PIECES = st.sampled_from(MARKUP + ESCAPES + ["Dakar", "OIM", " ", "\n", "\n\n", "é", "-", "."])
_FREE = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=20
)
hostile_text = st.lists(st.one_of(_PIECES, _FREE), min_size=1, max_size=12).map("".join)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(title=hostile_text, body=hostile_text, name=hostile_text, office=hostile_text)
def test_fuzz_cli_output_is_inert_and_literal(
    title: str, body: str, name: str, office: str
) -> None:
    release = make_release(
        "T " + title,
        body or "corps",
        contacts=[Contact(name or "x", office or None, [], ["a@b.org"])],
        source=name + ".txt",
    )
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "fuzz.json"
        build_archive(db, [release])
        commands = {
            "show": ["show", release.id],
            "list": ["list"],
            "contacts": ["contacts"],
            "md": ["export", release.id, "--format", "md"],
            "json": ["export", release.id, "--format", "json"],
            "list-json": ["list", "--json"],
        }
        outputs = {}
        for key, argv in commands.items():
            code, out = run(db, *argv)
            assert code == 0, argv
            assert_inert(out)
            outputs[key] = out
    assert orjson.loads(outputs["list-json"])[0]["title"] == release.title
    assert orjson.loads(outputs["json"])["title"] == release.title
    shown_title = clean_line(release.title)
    assert shown_title in outputs["list"]
    assert squashed(shown_title) in squashed(outputs["show"])
    # The text export writes a leading bullet ("·", "•", "*"...) as "- ": compare without it.
    body = _LEADING_BULLET.sub("", clean_line(release.body))
    assert squashed(body) in squashed(outputs["show"])
    if clean_line(name):
        assert squashed(clean_line(name)) in squashed(outputs["contacts"])


def test_hostile_and_undecodable_file_names_on_import(tmp_path: Path) -> None:
    """File names are scraped text too: escape sequences, C1 bytes, and names that are not
    UTF-8 at all (a Latin-1 "communiqué.txt" from an old stick) never break an import."""
    from tests.support.reliability import page_text

    folder = tmp_path / "in"
    folder.mkdir()
    raw_folder = os.fsencode(folder)
    names = {
        b"communiqu\xe9.txt": page_text(1).encode(),  # Latin-1, not UTF-8
        b"evil\x1b]0;pwned\x07[Q3].txt": page_text(2).encode(),
        b"c1\x9b2J.txt": page_text(3).encode(),  # a lone 0x9b byte: not UTF-8 either
        b"junk\x1b]52;c;ZXZpbA==\x07.txt": b"x",
        b"bad\x1b[2J\xff.jsonl": b'{"oim-archive-bundle": 1}\nnot json\n',
    }
    for name, data in names.items():
        with open(os.path.join(raw_folder, name), "wb") as handle:
            handle.write(data)
    db = tmp_path / "archive.json"
    for extra in ([], ["--json"]):
        done = subprocess.run(
            [sys.executable, "-m", "oim_archive", "--db", str(db), "import", str(folder), *extra],
            capture_output=True,
            env=cli_env(),
            stdin=subprocess.DEVNULL,
            timeout=60,
            check=False,
        )
        stdout, stderr = done.stdout.decode(), done.stderr.decode()
        assert done.returncode == 2, stderr
        assert "Traceback" not in stderr
        assert_inert(stdout)
        assert_inert(stderr)
    report = orjson.loads(stdout)
    assert len(report["failed"]) == 2 and len(report["duplicates"]) == 3
    code, listed = run(db, "list", "--json")
    assert code == 0
    sources = sorted(r["source"] for r in orjson.loads(listed))
    assert sources == sorted(
        ["c1\ufffd2J.txt", "communiqu\ufffd.txt", "evil\x1b]0;pwned\x07[Q3].txt"]
    )
    for record in orjson.loads(listed):
        code, shown = run(db, "show", record["id"])
        assert code == 0
        assert_inert(shown)
