"""A first start's whole index built by another process while this one checks the archive."""

from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path

import pytest

from oim_archive.store.file.archive import Archive
from oim_archive.store.file.catalog import index_cache_path
from oim_archive.store.reader import ArchiveReader
from oim_archive.store.search import index_process
from oim_archive.store.search.engine import SearchIndex
from oim_archive.store.search.index_process import IndexProcess
from tests.conftest import make_release

needs_fork_server = pytest.mark.skipif(
    "forkserver" not in multiprocessing.get_all_start_methods(), reason="no fork server here"
)


def _index_processes() -> list[str]:
    return [p.name for p in multiprocessing.active_children() if p.name == "oim-archive index"]


@pytest.fixture
def first_start(archive_path: Path) -> ArchiveReader:
    """An archive as copied from a colleague: no list catalog, no saved index."""
    archive = Archive(archive_path)
    archive.add(
        [
            make_release(
                f"Retour depuis Agadez {i}", f"Kits pour Tillabéri {i}.", date="2021-03-02"
            )
            for i in range(30)
        ]
        + [make_release("Santé à Dakar", "Vaccination des migrants.", date="2020-05-04")]
    )
    shutil.rmtree(index_cache_path(archive_path).parent)
    return ArchiveReader(archive)


def test_a_small_archive_builds_its_index_here(first_start: ArchiveReader) -> None:
    shown = first_start.quick()
    assert shown is not None and shown.stamp is not None
    index, building = first_start.list_index(shown)
    assert not index.complete and building is None


@needs_fork_server
def test_the_index_built_elsewhere_is_the_one_built_here(
    first_start: ArchiveReader, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_process, "MIN_RELEASES", 0)
    shown = first_start.quick()
    assert shown is not None
    titles, building = first_start.list_index(shown)
    assert building is not None and not titles.complete
    checked = first_start.read(shown, index=False, searchable=titles)
    assert checked.collected is None  # the words were not collected here
    index = first_start.release_index(checked, building)
    assert index.complete and _index_processes() == []
    titles_found = [checked.releases[h.index].title for h in index.search("vaccination")]
    assert titles_found == ["Santé à Dakar"]  # a body word: the whole index
    whole = first_start.archive.full_releases(checked.releases)
    here = SearchIndex(checked.releases, whole=lambda: whole)
    for query in ("agadez", "tillaberi 7", "migrants", "dakar sante", "agdez"):
        assert [h.index for h in index.search(query)] == [h.index for h in here.search(query)]


@needs_fork_server
def test_a_file_changed_meanwhile_is_indexed_here_as_it_now_is(
    first_start: ArchiveReader, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_process, "MIN_RELEASES", 0)
    shown = first_start.quick()
    assert shown is not None
    _, building = first_start.list_index(shown)
    assert building is not None
    first_start.archive.add([make_release("Nouveau à Zinder", "Texte.", date="2022-01-01")])
    checked = first_start.read(index=False)
    index = first_start.release_index(checked, building)
    assert [checked.releases[h.index].title for h in index.search("zinder")] == ["Nouveau à Zinder"]


@needs_fork_server
def test_a_stopped_build_ends_the_process(
    first_start: ArchiveReader, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_process, "MIN_RELEASES", 0)
    shown = first_start.quick()
    assert shown is not None and shown.stamp is not None
    building = IndexProcess.start(
        shown.releases, first_start.path, shown.stamp, index_cache_path(first_start.path)
    )
    assert building is not None
    building.stop()
    assert _index_processes() == []
    assert building.wait(lambda: True) is False
