"""The list catalog and index cache: a fast start that is never trusted once the archive changed."""

from __future__ import annotations

import os
from pathlib import Path

from textual.pilot import Pilot

from oim_archive.store.file.archive import Archive
from oim_archive.store.file.catalog import (
    catalog_path,
    contact_index_path,
    index_cache_path,
    read_catalog_rows,
    write_catalog,
)
from oim_archive.store.reader import ArchiveReader
from oim_archive.tui.app import make_app
from oim_archive.tui.library import Library
from tests.conftest import make_release
from tests.support.tui import watch_notify


async def until_searchable(pilot: Pilot[None], library: Library) -> None:
    """Wait for the full read and the index (the read starts on a timer, after the first paint)."""
    for _ in range(100):
        if library.snapshot.ready:
            return
        await pilot.pause(0.05)


async def keys_while_unchecked(db: Path, export_dir: Path, *keys: str) -> tuple[str, list[str]]:
    """Press ``keys`` in the browser as if its list were not checked yet (only the catalog or
    the quick pass shown); the screen then shown and the warnings said."""
    app = make_app(db, export_dir)
    shown = watch_notify(app)
    async with app.run_test(size=(100, 30)) as pilot:
        library = app.library
        await until_searchable(pilot, library)
        library.snapshot.partial = True
        await pilot.press(*keys)
        await pilot.pause()
        screen_name = type(app.screen).__name__
    return screen_name, [n.message for n in shown if n.severity == "warning"]


def test_catalog_round_trip_and_staleness(hand_archive: Archive) -> None:
    releases = hand_archive.releases()
    stamp = hand_archive.stamp()
    catalog_path(hand_archive.path).unlink()  # the write made one; make it again by hand
    assert read_catalog_rows(hand_archive.path, stamp) is None
    write_catalog(hand_archive.path, stamp, releases)
    light = read_catalog_rows(hand_archive.path, stamp)
    assert light is not None
    assert [(r.id, r.title, r.date, r.date_basis, r.country) for r in light] == [
        (r.id, r.title, r.date, r.date_basis, r.country) for r in releases
    ]
    os.utime(hand_archive.path, ns=(1, 1))  # the file changed behind our back: not trusted
    assert read_catalog_rows(hand_archive.path, hand_archive.stamp()) is None


def test_damaged_catalog_is_ignored(hand_archive: Archive) -> None:
    path = catalog_path(hand_archive.path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for junk in (b"", b"[1,2]", b'{"version": 1, "stamp": [0, 0], "rows": 5}', b"\xff{"):
        path.write_bytes(junk)
        assert read_catalog_rows(hand_archive.path, hand_archive.stamp()) is None


def test_full_read_writes_the_catalog_and_the_index_cache(hand_archive: Archive) -> None:
    catalog_path(hand_archive.path).unlink()  # as for an archive copied from elsewhere
    library = Library(hand_archive.path, hand_archive.path.parent)
    assert library.catalog_snapshot() is None
    snapshot = library.read_snapshot()
    library.index_snapshot(snapshot)
    assert index_cache_path(hand_archive.path).exists()
    partial = library.catalog_snapshot()
    assert partial is not None and partial.partial
    assert [r.id for r in partial.releases] == [r.id for r in snapshot.releases]


async def test_browser_shows_the_catalog_then_the_full_archive(
    hand_archive: Archive, tmp_path: Path
) -> None:
    first = Library(hand_archive.path, tmp_path)
    first.read_snapshot()  # as a previous session would have
    app = make_app(hand_archive.path, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        library = app.library
        await until_searchable(pilot, library)
        assert not library.snapshot.partial
        assert library.releases[0].body  # bodies arrived with the full read
        await pilot.press("e")
        await pilot.pause()
    exported = [p for p in tmp_path.iterdir() if p.suffix == ".txt"]
    assert len(exported) == 1 and "Dakar" in exported[0].read_text(encoding="utf-8")


def test_cache_goes_to_the_private_folder(archive_path: Path) -> None:
    assert str(catalog_path(archive_path)).startswith(os.environ["OIM_ARCHIVE_CACHE"])


async def test_export_copy_and_open_read_the_release_while_only_the_catalog_is_shown(
    hand_archive: Archive, tmp_path: Path
) -> None:
    screen_name, warnings = await keys_while_unchecked(
        hand_archive.path, tmp_path, "e", "y", "enter"
    )
    assert screen_name == "ReleaseScreen"
    exported = [p for p in tmp_path.iterdir() if p.suffix == ".txt"]
    assert len(exported) == 1 and "Dakar" in exported[0].read_text(encoding="utf-8")
    assert not [w for w in warnings if "still loading" in w]


def test_every_write_refreshes_the_catalog_in_display_order(hand_archive: Archive) -> None:
    hand_archive.add([make_release("Zeta", "Z.", date="2021-03-01"), make_release("Alpha", "A.")])
    light = read_catalog_rows(hand_archive.path, hand_archive.stamp())
    assert light is not None
    assert [r.id for r in light] == [r.id for r in hand_archive.releases()]


def test_contact_search_index_is_saved_and_reused(hand_archive: Archive) -> None:
    reader = ArchiveReader(Archive(hand_archive.path))
    entries, stamp = reader.directory()
    first = reader.contact_search(entries, stamp).search("diop")
    saved = contact_index_path(hand_archive.path)
    assert first and saved.exists()
    written = saved.stat().st_mtime_ns
    assert reader.contact_search(entries, stamp).search("diop") == first
    assert saved.stat().st_mtime_ns == written  # loaded, not built and saved again


def test_the_browser_list_comes_straight_from_the_catalog_rows(hand_archive: Archive) -> None:
    stamp = hand_archive.stamp()
    rows = read_catalog_rows(hand_archive.path, stamp)
    listed = ArchiveReader(Archive(hand_archive.path)).catalog()
    assert rows is not None and listed is not None and listed.partial
    fields = ("id", "title", "language", "country", "country_name", "date", "date_basis", "at")
    assert [tuple(getattr(r, f) for f in fields) for r in listed.releases] == [
        tuple(getattr(r, f) for f in fields) for r in rows
    ]
    assert [r.body for r in listed.releases] == [r.body for r in hand_archive.releases()]
    catalog_path(hand_archive.path).write_bytes(b"\xff{")  # damaged: the archive is read instead
    assert ArchiveReader(Archive(hand_archive.path)).catalog() is None
