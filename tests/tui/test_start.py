"""The browser's start: the first frame shows the list from the catalog, drawing only the rows
on screen; the long read and check of the archive starts once that frame is out."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from oim_archive.store.file.archive import Archive
from oim_archive.store.file.catalog_list import CatalogList
from oim_archive.tui.app import OimArchiveApp, make_app
from oim_archive.tui.library import Library
from tests.conftest import make_release
from tests.store.test_catalog import until_searchable

COUNT = 80


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
