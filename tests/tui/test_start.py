"""The browser's start: the first frame shows the list from the catalog, drawing only the rows
on screen; the long read and check of the archive starts once that frame is out."""

from __future__ import annotations

import asyncio
import gc
import threading
import time
from pathlib import Path

import pytest

from oim_archive.store import stopping
from oim_archive.store.file.archive import Archive
from oim_archive.store.file.catalog_list import CatalogList
from oim_archive.store.stopping import ReadStopped
from oim_archive.tui.app import OimArchiveApp, make_app
from oim_archive.tui.library import Library
from tests.conftest import make_release
from tests.store.test_catalog import until_searchable

COUNT = 80
# A hang guard, not a timing: the endless read below gives up after ~20 s.
HANG_GUARD_STEPS = 2000


@pytest.fixture
def long_archive(archive_path: Path) -> Archive:
    archive = Archive(archive_path)
    archive.add(
        [
            make_release(f"Communiqué {i}", f"Texte {i}.", date=f"2019-{1 + i % 12:02d}-10")
            for i in range(COUNT)
        ]
    )
    return archive


async def test_first_frame_makes_only_visible_rows_and_the_read_waits_for_it(
    long_archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    made_at_first_frame: list[int] = []
    read_snapshot = Library.read_snapshot
    on_ready = OimArchiveApp.on_ready

    def reading(library: Library, searchable: object = None) -> object:
        events.append("read")
        return read_snapshot(library, searchable)  # type: ignore[arg-type]

    def ready(app: OimArchiveApp) -> None:
        releases = app.library.releases
        assert isinstance(releases, CatalogList)
        made_at_first_frame.append(releases.made)
        events.append("first frame")
        on_ready(app)

    monkeypatch.setattr(Library, "read_snapshot", reading)
    monkeypatch.setattr(OimArchiveApp, "on_ready", ready)
    app = make_app(long_archive.path, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_searchable(pilot, app.library)
        assert events == ["first frame", "read"]
        assert 0 < made_at_first_frame[0] < 30  # the rows on screen, not all 80
        assert not app.library.snapshot.partial
        assert f"{COUNT} / {COUNT} releases" in app.main_screen.status.text
        assert app.main_screen.release_list.release_at(COUNT - 1) is not None


async def test_the_collector_paused_for_the_start_resumes_at_the_first_frame(
    long_archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``open_browser`` pauses the garbage collector; the first frame resumes it, with the
    start-up's objects frozen. An app started with the collector running freezes nothing."""
    freezes: list[str] = []
    seen: list[tuple[bool, bool, int]] = []  # paused before, running after, freezes by it
    on_ready = OimArchiveApp.on_ready

    def ready(app: OimArchiveApp) -> None:
        paused, before = not gc.isenabled(), len(freezes)
        on_ready(app)
        seen.append((paused, gc.isenabled(), len(freezes) - before))

    monkeypatch.setattr(OimArchiveApp, "on_ready", ready)
    monkeypatch.setattr(gc, "freeze", lambda: freezes.append("frozen"))  # tests keep garbage
    for paused in (True, False):
        if paused:
            gc.disable()
        try:
            app = make_app(long_archive.path, tmp_path)
            async with app.run_test(size=(100, 30)) as pilot:
                await until_searchable(pilot, app.library)
                assert gc.isenabled()
        finally:
            gc.enable()
    assert seen == [(True, True, 1), (False, True, 0)]


async def test_quitting_while_the_archive_is_read_stops_the_read(
    long_archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The read runs in a thread the program waits for as it ends: quitting asks the read to
    stop between two chunks instead of waiting for a 100k-release read to finish."""
    reading, stopped = threading.Event(), threading.Event()

    def endless_read(library: Library, searchable: object = None) -> object:
        reading.set()
        for _ in range(HANG_GUARD_STEPS):  # a read of a huge archive, chunk after chunk
            try:
                stopping.check()
            except ReadStopped:
                stopped.set()
                raise
            time.sleep(0.01)
        raise AssertionError("the read was never asked to stop")

    monkeypatch.setattr(Library, "read_snapshot", endless_read)
    app = make_app(long_archive.path, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        while not reading.is_set():
            await pilot.pause(0.01)
        await pilot.press("q")
    assert await asyncio.to_thread(stopped.wait, HANG_GUARD_STEPS * 0.01)
