"""The saved word index: reused when the releases are the same, rebuilt otherwise, never fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from oim_archive.store.records import Contact, Release
from oim_archive.store.search.engine import SearchIndex


def _releases() -> list[Release]:
    return [
        Release(
            title="Formation intersectorielle sur la traite",
            body="Kasserine et Mahdia.",
            date="2019-09-24",
            country="TN",
            country_name="Tunisie",
        ),
        Release(
            title="Soldats géorgiens",
            body="Tbilissi.",
            date="2009-05",
            contacts=[Contact("Kristin Dadey", "OIM Tbilissi")],
        ),
    ]


def _same_results(a: SearchIndex, b: SearchIndex, queries: list[str]) -> bool:
    return all(a.search(q) == b.search(q) for q in queries)


QUERIES = ["kasserine", "formtion", "dadei", "tbilisi", "country:TN", "", "trai", "zzz"]


def test_saved_index_gives_the_same_results(tmp_path: Path) -> None:
    cache = tmp_path / "cache" / "search.npz"
    built = SearchIndex.cached(_releases(), cache)
    assert cache.is_file()
    stamp = cache.stat().st_mtime_ns
    loaded = SearchIndex.cached(_releases(), cache)
    assert cache.stat().st_mtime_ns == stamp  # read, not rewritten
    assert _same_results(built, loaded, QUERIES)
    assert _same_results(SearchIndex(_releases()), loaded, QUERIES)


def test_changed_releases_rebuild_the_saved_index(tmp_path: Path) -> None:
    cache = tmp_path / "search.npz"
    SearchIndex.cached(_releases(), cache)
    changed = _releases()
    changed[1].contacts = [Contact("Marc Hulst", "OIM Tbilissi")]  # same id, other contact
    index = SearchIndex.cached(changed, cache)
    assert [h.index for h in index.search("hulst")] == [1]
    assert index.search("dadey") == []
    fewer = SearchIndex.cached(_releases()[:1], cache)
    assert len(fewer) == 1
    assert fewer.search("tbilissi") == []


@pytest.mark.parametrize("damage", [b"", b"not a zip file", b"PK\x03\x04broken"])
def test_damaged_cache_is_rebuilt(tmp_path: Path, damage: bytes) -> None:
    cache = tmp_path / "search.npz"
    cache.write_bytes(damage)
    index = SearchIndex.cached(_releases(), cache)
    assert [h.index for h in index.search("kasserine")] == [0]
    assert SearchIndex.cached(_releases(), cache).search("kasserine") == index.search("kasserine")


def test_unwritable_cache_folder_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    index = SearchIndex.cached(_releases(), blocker / "sub" / "search.npz")
    assert [h.index for h in index.search("kasserine")] == [0]


def test_empty_archive_round_trip(tmp_path: Path) -> None:
    cache = tmp_path / "search.npz"
    SearchIndex.cached([], cache)
    assert SearchIndex.cached([], cache).search("x") == []
