"""A damaged archive: every command (and the browser) stops with one clear line naming the file
and how to recover, never a traceback, and never touches the damaged file."""

from __future__ import annotations

import io
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from oim_archive.store.file import layout
from oim_archive.store.records import Contact
from oim_archive.tui.cli import main
from tests.conftest import make_release
from tests.support.reliability import assert_clean_error, build_archive, run_cli, write_pages

DAMAGED_ID = "abc123abc123"


def _valid_tables(tmp_path: Path) -> dict[str, Any]:
    """The tables of a healthy one-release archive, to damage in various ways."""
    healthy = tmp_path / "healthy.json"
    release = make_release(
        "Formation à Dakar",
        "Dakar - L'OIM a formé 40 agents.",
        date="2021-03-01",
        contacts=[Contact("Awa Diop", "OIM", [], ["adiop@iom.int"])],
        id=DAMAGED_ID,
    )
    build_archive(healthy, [release])
    return orjson.loads(healthy.read_bytes())


def _mutated(change: Callable[[dict[str, Any]], None]) -> Callable[[Path], bytes]:
    def make(tmp_path: Path) -> bytes:
        tables = _valid_tables(tmp_path)
        change(tables)
        return orjson.dumps(tables)

    return make


def _in_lines(change: Callable[[dict[str, Any]], None]) -> Callable[[Path], bytes]:
    """Damage written in the archive's own line layout: the browser's quick list of it looks
    sound, and only the checked read finds the damage."""

    def make(tmp_path: Path) -> bytes:
        tables = _valid_tables(tmp_path)
        change(tables)
        out = io.BytesIO()
        layout.dump_tables(tables, out)
        return out.getvalue()

    return make


def _body_not_base64(tables: dict[str, Any]) -> None:
    tables["bodies"][DAMAGED_ID] = {"z": "not base64 at all!"}


def _drop_title(tables: dict[str, Any]) -> None:
    del tables["releases"][DAMAGED_ID]["title"]


def _drop_body(tables: dict[str, Any]) -> None:
    tables["bodies"].pop(DAMAGED_ID, None)
    tables["releases"][DAMAGED_ID].pop("body", None)


def _contacts_not_a_list(tables: dict[str, Any]) -> None:
    tables["releases"][DAMAGED_ID]["contacts"] = "Awa Diop"


def _field_of_wrong_type(field: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(tables: dict[str, Any]) -> None:
        tables["releases"][DAMAGED_ID][field] = value

    return change


def _office_not_text(tables: dict[str, Any]) -> None:
    tables["releases"][DAMAGED_ID]["contacts"][0]["office"] = {"name": "OIM"}


def _truncated(tmp_path: Path) -> bytes:
    raw = orjson.dumps(_valid_tables(tmp_path))
    return raw[: len(raw) // 2]


DAMAGE: dict[str, Callable[[Path], bytes]] = {
    "zero-bytes": lambda _: b"",
    "one-byte-newline": lambda _: b"\n",
    "one-byte-brace": lambda _: b"{",
    "blank-spaces": lambda _: b"   \n\t",
    "json-object-without-releases": lambda _: b"{}",
    "truncated-json": _truncated,
    "garbage-bytes": lambda _: bytes(range(256)) * 8,
    "nul-bytes": lambda _: b"\x00" * 4096,
    "json-array": lambda _: b'[{"title": "x", "body": "y"}]',
    "json-wrong-table-shape": lambda _: b'{"releases": [1, 2, 3]}',
    "json-scalar-record": lambda _: b'{"releases": {"abc123abc123": 5}}',
    "json-null": lambda _: b"null",
    "release-without-title": _mutated(_drop_title),
    "release-without-body": _mutated(_drop_body),
    "release-contacts-not-a-list": _mutated(_contacts_not_a_list),
    "release-country-is-a-number": _mutated(_field_of_wrong_type("country", 5)),
    "release-date-is-a-number": _mutated(_field_of_wrong_type("date", 20210301)),
    "release-dateline-is-a-list": _mutated(_field_of_wrong_type("dateline", ["Dakar"])),
    "contact-office-not-text": _mutated(_office_not_text),
    "lines-body-not-base64": _in_lines(_body_not_base64),
    "lines-contacts-not-a-list": _in_lines(_contacts_not_a_list),
    "lines-release-without-body": _in_lines(_drop_body),
    "lines-date-basis-unknown": _in_lines(_field_of_wrong_type("date_basis", "guessed")),
}

COMMANDS: dict[str, list[str]] = {
    "list": ["list"],
    "list-json": ["list", "--json"],
    "show": ["show", DAMAGED_ID],
    "search": ["search", "formation"],
    "contacts": ["contacts"],
    "contacts-vcard": ["contacts", "--vcard"],
    "export": ["export", DAMAGED_ID, "--format", "md"],
    "export-dir": ["export", DAMAGED_ID, "--export-dir", "{exports}"],
    "dump": ["dump", "{dump}"],
    "import": ["import", "{pages}"],
    "import-reparse": ["import", "--reparse", "{pages}"],
    "remove": ["remove", DAMAGED_ID],
    "remove-json": ["remove", DAMAGED_ID[:4], "--json"],
    "browser": [],
}
SUBPROCESS_COMMANDS = {"browser", "import", "list"}
LEAVE_FULL_SCREEN = "\x1b[?1049l"
ANSI_SEQUENCE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")


def after_the_app(stderr: str) -> str:
    """What stays on the terminal once the browser has left its full-screen mode (it may
    start and find the damage while loading), without the mode-switching sequences."""
    left = stderr.rpartition(LEAVE_FULL_SCREEN)[2] if LEAVE_FULL_SCREEN in stderr else stderr
    return ANSI_SEQUENCE.sub("", left)


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in folder.iterdir()
        if p.is_file() and not p.name.endswith(".lock")
    }


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_every_command_refuses_a_damaged_archive(
    tmp_path: Path, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store_dir = tmp_path / "stick"
    store_dir.mkdir()
    db = store_dir / "archive.json"
    db.write_bytes(DAMAGE[damage](tmp_path))
    (store_dir / "archive.json.bak").write_bytes(b'{"releases": {}}')  # an older good version
    exports = tmp_path / "exports"
    exports.mkdir()
    pages = tmp_path / "pages"
    write_pages(pages, 2)
    dump = tmp_path / "dump.jsonl"
    before = _snapshot(store_dir)
    for name, argv in COMMANDS.items():
        filled = [a.format(exports=exports, dump=dump, pages=pages) for a in argv]
        if name in SUBPROCESS_COMMANDS:
            result = run_cli(["--db", db, *filled], timeout=60)
            if name == "browser":
                result.stderr = after_the_app(result.stderr)
        else:
            code = main(["--db", str(db), *filled], out=io.StringIO())
            captured = capsys.readouterr()
            result = subprocess.CompletedProcess(filled, code, captured.out, captured.err)
        line = assert_clean_error(result, str(db))
        assert result.returncode == 2, f"{name}: exit {result.returncode} for a damaged archive"
        assert ".bak" in line and "import" in line, f"{name}: no way to recover in {line!r}"
        assert _snapshot(store_dir) == before, f"{name} touched the damaged archive"
        assert not dump.exists() and not os.listdir(exports), f"{name} wrote output"
