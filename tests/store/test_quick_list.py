"""The quick list: the releases of an archive without a list catalog, shown before the archive
is checked, never taken for the archive itself (nothing written, damage still reported)."""

from __future__ import annotations

import base64
import io
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from oim_archive.store.file import layout
from oim_archive.store.file.archive import Archive
from oim_archive.store.file.catalog import catalog_path
from oim_archive.store.reader import ArchiveReader
from oim_archive.tui.app import make_app
from tests.store.test_catalog import keys_while_unchecked, until_searchable

LISTED = ("id", "title", "language", "country", "country_name", "dateline", "date", "date_basis")


def listed(releases: list[Any]) -> list[tuple[Any, ...]]:
    return [(*(getattr(r, name) for name in LISTED), r.at) for r in releases]


def rewrite(archive: Archive, change: Callable[[dict[str, Any]], None]) -> None:
    """Change the archive's tables by hand and write them back in the line layout."""
    tables = orjson.loads(archive.path.read_bytes())
    change(tables)
    out = io.BytesIO()
    layout.dump_tables(tables, out)
    archive.path.write_bytes(out.getvalue())


def test_quick_list_is_the_checked_list(hand_archive: Archive) -> None:
    quick = ArchiveReader(Archive(hand_archive.path)).quick()
    assert quick is not None and quick.partial
    checked = ArchiveReader(Archive(hand_archive.path)).read()
    assert listed(quick.releases) == listed(checked.releases)
    assert quick.stamp == checked.stamp
    # Bodies and contacts are read from the file when asked for.
    assert [r.body for r in quick.releases] == [r.body for r in checked.releases]


def test_records_in_another_field_order_are_listed_the_same(hand_archive: Archive) -> None:
    expected = listed(ArchiveReader(Archive(hand_archive.path)).read().releases)

    def reorder(tables: dict[str, Any]) -> None:
        for key, record in tables["releases"].items():
            tables["releases"][key] = dict(reversed(record.items()))

    rewrite(hand_archive, reorder)
    quick = ArchiveReader(Archive(hand_archive.path)).quick()
    assert quick is not None
    assert [row[:-1] for row in listed(quick.releases)] == [row[:-1] for row in expected]


def _title_is_a_number(tables: dict[str, Any]) -> None:
    next(iter(tables["releases"].values()))["title"] = 5


def _country_is_a_list(tables: dict[str, Any]) -> None:
    next(iter(tables["releases"].values()))["country"] = ["SN"]


def _body_missing(tables: dict[str, Any]) -> None:
    tables["bodies"].pop(next(iter(tables["bodies"])))


def _no_release(tables: dict[str, Any]) -> None:
    tables["releases"], tables["bodies"] = {}, {}


@pytest.mark.parametrize(
    "change", [_title_is_a_number, _country_is_a_list, _body_missing, _no_release]
)
def test_only_the_checked_read_speaks_for_an_odd_archive(
    hand_archive: Archive, change: Callable[[dict[str, Any]], None]
) -> None:
    rewrite(hand_archive, change)
    assert ArchiveReader(Archive(hand_archive.path)).quick() is None


@pytest.mark.parametrize(
    "content",
    [b"", b"\n", b"{\n", b'{"releases": {"x": {"title": "t"}}}', b"\x00\xff", b'{\n"releases":{\n'],
)
def test_no_quick_list_of_a_file_not_in_the_line_layout(archive_path: Path, content: bytes) -> None:
    archive_path.write_bytes(content)
    assert ArchiveReader(Archive(archive_path)).quick() is None


def test_no_quick_list_of_a_truncated_archive(hand_archive: Archive) -> None:
    raw = hand_archive.path.read_bytes()
    hand_archive.path.write_bytes(raw[: raw.index(b'"bodies":')])
    assert ArchiveReader(Archive(hand_archive.path)).quick() is None


async def test_browser_shows_the_quick_list_then_the_checked_archive(
    hand_archive: Archive, tmp_path: Path
) -> None:
    catalog_path(hand_archive.path).unlink()  # as for an archive copied from elsewhere
    archive = Archive(hand_archive.path)
    quick = ArchiveReader(archive).quick()
    app = make_app(hand_archive.path, tmp_path, archive=archive, first_list=quick)
    async with app.run_test(size=(100, 30)) as pilot:
        library = app.library
        await until_searchable(pilot, library)
        assert library.snapshot is not quick and not library.snapshot.partial
        assert listed(library.releases) == listed(quick.releases)  # type: ignore[union-attr]
    assert catalog_path(hand_archive.path).exists()  # written by the checked read only


async def test_nothing_is_written_while_the_list_is_unchecked(
    hand_archive: Archive, tmp_path: Path
) -> None:
    before = hand_archive.path.read_bytes()
    screen_name, warnings = await keys_while_unchecked(
        hand_archive.path, tmp_path, "space", "i", "d"
    )
    assert screen_name == "ReleasesScreen"
    assert sum("still loading" in w for w in warnings) >= 2
    assert hand_archive.path.read_bytes() == before


def test_the_checked_read_keeps_the_listed_releases_it_finds_identical(
    hand_archive: Archive,
) -> None:
    archive = Archive(hand_archive.path)
    quick = ArchiveReader(archive).quick()
    assert quick is not None
    checked = ArchiveReader(archive).read(quick)
    assert all(a is b for a, b in zip(quick.releases, checked.releases, strict=True))
    os.utime(hand_archive.path, ns=(1, 1))  # another version of the file: nothing kept
    again = ArchiveReader(Archive(hand_archive.path)).read(quick)
    assert not any(a is b for a, b in zip(quick.releases, again.releases, strict=True))


async def test_a_damaged_release_opened_from_the_quick_list_is_one_line_said(
    hand_archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from oim_archive.tui.library import Library
    from tests.support.tui import watch_notify

    newest = hand_archive.releases()[0].id

    def damage_the_newest_body(tables: dict[str, Any]) -> None:
        tables["bodies"][newest] = {"z": base64.b64encode(b"not zlib").decode("ascii")}

    rewrite(hand_archive, damage_the_newest_body)
    catalog_path(hand_archive.path).unlink(missing_ok=True)
    archive = Archive(hand_archive.path)
    quick = ArchiveReader(archive).quick()
    assert quick is not None
    held = threading.Event()  # the checked read (which finds the damage too) waits
    read_snapshot = Library.read_snapshot

    def held_read(library: Library, searchable: Any = None) -> Any:
        held.wait(30)
        return read_snapshot(library, searchable)

    monkeypatch.setattr(Library, "read_snapshot", held_read)
    app = make_app(hand_archive.path, tmp_path, archive=archive, first_list=quick)
    notes = watch_notify(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "e")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReleasesScreen"
        errors = [n.message for n in notes if n.severity == "error"]
        assert len(errors) == 2 and all("\n" not in e and newest in e for e in errors)
        held.set()
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".txt"]
