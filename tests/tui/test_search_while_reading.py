"""Searching while the archive is read and checked: with the saved index at once, or, on a
first start (an archive copied without its cache), with an index of the titles until the
whole text is indexed."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import ProgressBar

from oim_archive.store.file.archive import Archive
from oim_archive.store.file.catalog import index_cache_path
from oim_archive.store.reader import ArchiveReader
from oim_archive.store.search.engine import SearchIndex
from oim_archive.store.snapshot import Snapshot
from oim_archive.tui.app import OimArchiveApp, make_app
from oim_archive.tui.library import Library
from tests.conftest import hand_made_releases, make_release
from tests.store.test_catalog import until_searchable
from tests.support.tui import screen_text, watch_notify

RELEASES = [
    make_release(
        "Retour volontaire depuis Agadez", "Les migrants reçoivent un kit.", date="2021-03-02"
    ),
    make_release("Santé des migrants à Dakar", "Une campagne de vaccination.", date="2020-05-04"),
    make_release("Aide aux sinistrés", "Des abris pour les familles.", date="2019-01-09"),
]


@pytest.fixture
def held_read(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The archive's checked read waits until the event is set (a long read at 100k)."""
    release = threading.Event()
    read_snapshot = Library.read_snapshot

    def slow_read(library: Library, searchable: SearchIndex | None = None) -> Snapshot:
        assert release.wait(30)
        return read_snapshot(library, searchable)

    monkeypatch.setattr(Library, "read_snapshot", slow_read)
    return release


async def _rows_after(pilot: object, app: OimArchiveApp, typed: str, rows: int) -> int:
    screen = app.main_screen
    await pilot.press("slash", "ctrl+u", *typed)  # type: ignore[attr-defined]
    for _ in range(100):
        if screen.release_list.row_count == rows and screen._shown_query == typed:
            break
        await pilot.pause(0.05)  # type: ignore[attr-defined]
    return screen.release_list.row_count


async def test_a_first_start_searches_titles_while_the_text_is_indexed(
    archive_path: Path, tmp_path: Path, held_read: threading.Event
) -> None:
    archive = Archive(archive_path)
    archive.add(RELEASES)
    shutil.rmtree(index_cache_path(archive_path).parent)
    reader = ArchiveReader(archive)
    assert not reader.has_catalog()  # as copied from a colleague: no catalog, no saved index
    app = make_app(archive_path, tmp_path, first_list=reader.quick())
    async with app.run_test(size=(100, 30)) as pilot:
        status = app.main_screen.status
        assert await _rows_after(pilot, app, "agadez", 1) == 1
        assert "titles searched meanwhile" in status.text
        assert await _rows_after(pilot, app, "vaccination", 0) == 0  # a word of a body only
        assert "No title matches “vaccination” yet" in screen_text(app)
        held_read.set()
        await until_searchable(pilot, app.library)
        assert await _rows_after(pilot, app, "vaccination", 1) == 1
        assert app.library.snapshot.index is not None and app.library.snapshot.index.complete
        assert "indexing" not in status.text


async def test_a_later_start_searches_with_the_saved_index_before_the_read_ends(
    archive_path: Path, tmp_path: Path, held_read: threading.Event
) -> None:
    archive = Archive(archive_path)
    archive.add(RELEASES)
    reader = ArchiveReader(archive)
    reader.search_index(reader.read())  # a previous session saved catalog and index
    app = make_app(archive_path, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await _rows_after(pilot, app, "vaccination", 1) == 1
        shown = app.library.snapshot
        assert shown.partial and shown.index is not None and shown.index.complete
        assert "indexing" not in app.main_screen.status.text
        held_read.set()
        await until_searchable(pilot, app.library)
        checked = app.library.snapshot
        assert not checked.partial and checked.index is shown.index  # not loaded twice
        assert app.main_screen.release_list.row_count == 1  # the filter typed still applies


async def _until(pilot: object, ready: Callable[[], bool]) -> None:
    for _ in range(100):
        if ready():
            return
        await pilot.pause(0.05)  # type: ignore[attr-defined]


async def test_a_later_start_opens_releases_and_contacts_before_the_read_ends(
    archive_path: Path, tmp_path: Path, held_read: threading.Event
) -> None:
    from oim_archive.tui.screens.contacts import ContactsScreen
    from oim_archive.tui.screens.release import ReleaseScreen

    archive = Archive(archive_path)
    archive.add(hand_made_releases())
    reader = ArchiveReader(archive)
    reader.indexes(reader.read())  # a previous session saved the index and the directory
    app = make_app(archive_path, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        library = app.library
        await _until(pilot, lambda: library.snapshot.contact_search is not None)
        shown = library.snapshot
        assert shown.partial and shown.directory is not None
        await pilot.press("enter")  # the newest: read from its own lines, not waited for
        await pilot.pause()
        assert isinstance(app.screen, ReleaseScreen)
        assert "Deuxième paragraphe" in screen_text(app)
        await pilot.press("escape", "c")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        assert "Awa Diop" in screen_text(app)
        assert app.main_screen.query_one(ProgressBar).display  # the archive is still being read
        held_read.set()
        await until_searchable(pilot, library)
        checked = library.snapshot
        assert not checked.partial and checked.contact_search is shown.contact_search
        assert not app.main_screen.query_one(ProgressBar).display


async def test_a_first_start_says_the_contacts_are_being_built(
    archive_path: Path, tmp_path: Path, held_read: threading.Event
) -> None:
    archive = Archive(archive_path)
    archive.add(hand_made_releases())
    shutil.rmtree(index_cache_path(archive_path).parent)
    app = make_app(archive_path, tmp_path, first_list=ArchiveReader(archive).quick())
    notes = watch_notify(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await _until(pilot, lambda: app.library.snapshot.index is not None)
        await pilot.press("c")
        await pilot.pause()
        assert any("still being built" in note.message for note in notes)
        held_read.set()
        await until_searchable(pilot, app.library)


def test_the_list_fields_index_finds_titles_datelines_and_countries_only() -> None:
    releases = [
        make_release("Retour depuis Agadez", "Texte sur Tillabéri.", date="2021-03-02"),
        make_release("Autre communiqué", "Rien.", date="2020-01-01"),
    ]
    index = SearchIndex.of_list_fields(releases)
    assert not index.complete
    assert [h.index for h in index.search("agadez")] == [0]
    assert index.search("tillaberi") == []
