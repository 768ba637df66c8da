"""A long read stops when its caller asks (the browser quitting during a first start): between
two chunks, with nothing half-written, no pass or temporary file left, and the archive read
normally afterwards."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from oim_archive.store import stopping
from oim_archive.store.file.archive import Archive
from oim_archive.store.file.catalog import catalog_path, directory_path, index_cache_path
from oim_archive.store.reader import ArchiveReader
from oim_archive.store.search import first_start
from oim_archive.store.search.engine import SearchIndex
from oim_archive.store.stopping import ReadStopped, stop_when
from tests.store.test_first_start_passes import _no_pass_running, with_passes
from tests.support import search_golden

__all__ = ["with_passes"]  # a fixture used below


def _words_files() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob("oim-archive-words-*"))


def test_check_stops_only_inside_a_block_that_asks() -> None:
    stopping.check()  # nothing asked: goes on
    with stop_when(lambda: False):
        stopping.check()
        with stop_when(lambda: True), pytest.raises(ReadStopped):
            stopping.check()
        stopping.check()  # the outer block's answer again
    stopping.check()


def test_checked_gives_every_item_until_asked_to_stop() -> None:
    assert list(stopping.checked(range(10), every=3)) == list(range(10))
    asked = False
    seen: list[int] = []
    with stop_when(lambda: asked), pytest.raises(ReadStopped):
        for item in stopping.checked(range(100), every=4):
            seen.append(item)
            asked = asked or item == 5
    assert seen == list(range(8))  # stopped at the next check, after item 7


def test_a_stopped_read_writes_nothing_and_the_next_read_is_whole(archive_path: Path) -> None:
    Archive(archive_path).add(search_golden.golden_releases()[-60:])
    catalog_path(archive_path).unlink()
    reader = ArchiveReader(Archive(archive_path))
    with stop_when(lambda: True), pytest.raises(ReadStopped):
        reader.read(index=True)
    assert not catalog_path(archive_path).exists()
    assert not index_cache_path(archive_path).exists()
    snapshot = reader.read(index=True)  # the same reader, not asked to stop
    assert len(snapshot.releases) == 60
    assert reader.release_index(snapshot).complete
    assert catalog_path(archive_path).exists() and index_cache_path(archive_path).exists()


def test_building_an_index_stops_before_saving_it(archive_path: Path) -> None:
    Archive(archive_path).add(search_golden.golden_releases()[-60:])
    reader = ArchiveReader(Archive(archive_path))
    snapshot = reader.read(index=True)
    with stop_when(lambda: True), pytest.raises(ReadStopped):
        reader.release_index(snapshot)
    assert not index_cache_path(archive_path).exists()


def test_a_list_index_stops_between_chunks_of_rows(archive_path: Path) -> None:
    Archive(archive_path).add(search_golden.golden_releases()[-60:])
    shown = ArchiveReader(Archive(archive_path)).read()
    calls = 0

    def third_call() -> bool:
        nonlocal calls
        calls += 1
        return calls >= 3

    with stop_when(third_call), pytest.raises(ReadStopped):
        SearchIndex.of_list_fields(shown.releases * 3000)  # 180k rows: several chunks
    assert calls == 3


@pytest.mark.usefixtures("with_passes")
def test_waiting_for_the_word_passes_stops_them_and_leaves_no_file(
    archive_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Archive(archive_path).add(search_golden.golden_releases()[-200:])
    before = _words_files()
    reader = ArchiveReader(Archive(archive_path))
    snapshot = reader.read(index=True)
    assert isinstance(snapshot.collected, first_start.WordPasses)
    assert snapshot.stamp is not None
    asked: list[bool] = []

    def stop_now() -> bool:
        asked.append(True)
        return True

    # The passes never answer: the reading process waits until it is asked to stop.
    monkeypatch.setattr(
        "multiprocessing.connection.Connection.poll", lambda self, timeout=0.0: False
    )
    with stop_when(stop_now), pytest.raises(ReadStopped):
        snapshot.collected.index(snapshot.releases, index_cache_path(archive_path), snapshot.stamp)
    assert asked
    assert _no_pass_running()
    assert _words_files() == before


def test_building_the_contact_directory_stops_before_saving_it(archive_path: Path) -> None:
    Archive(archive_path).add(search_golden.golden_releases()[-60:])
    reader = ArchiveReader(Archive(archive_path))
    snapshot = reader.read()
    directory_path(archive_path).unlink(missing_ok=True)
    with stop_when(lambda: True), pytest.raises(ReadStopped):
        reader.contacts(snapshot)
    assert not directory_path(archive_path).exists()
    assert reader.contacts(snapshot)[0]  # not asked to stop: built
