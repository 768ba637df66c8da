"""The saved word index: reused when the releases are the same, rebuilt otherwise, never fatal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from oim_archive.store.records import Contact, Release
from oim_archive.store.search import cache as search_cache
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


STAMP = (1_700_000_000_000_000_000, 1234)


def _ranked(index: SearchIndex, query: str) -> list[tuple[int, str, float]]:
    return [(h.index, h.release_id, h.score) for h in index.search(query)]


def test_saved_index_searches_without_the_releases(tmp_path: Path) -> None:
    cache = tmp_path / "search.npz"
    built = SearchIndex.cached(_releases(), cache, STAMP)
    alone = SearchIndex.saved(None, cache, STAMP)
    assert alone is not None
    for query in [*QUERIES, "country:tunisie", "year:2009", "lang:fr", "year:undated"]:
        assert _ranked(alone, query) == _ranked(built, query), query
    assert SearchIndex.saved(None, cache, (STAMP[0], STAMP[1] + 1)) is None  # another file


def test_saved_index_is_refused_for_other_releases(tmp_path: Path) -> None:
    cache = tmp_path / "search.npz"
    SearchIndex.cached(_releases(), cache, STAMP)
    assert SearchIndex.saved(_releases(), cache, STAMP) is not None
    assert SearchIndex.saved(_releases()[::-1], cache, STAMP) is None  # same ids, other order
    assert SearchIndex.saved(_releases()[:1], cache, STAMP) is None


def test_index_saved_without_its_list_gains_it_when_read_with_the_releases(
    tmp_path: Path,
) -> None:
    """An index saved by an earlier version holds the word index alone."""
    cache = tmp_path / "search.npz"
    built = SearchIndex.cached(_releases(), cache, STAMP)
    words, _ = search_cache.read(cache, None, STAMP)
    assert words is not None
    search_cache.write(cache, "older", words, STAMP)
    assert SearchIndex.saved(None, cache, STAMP) is None
    with_rows = SearchIndex.saved(_releases(), cache, STAMP)
    assert with_rows is not None and _ranked(with_rows, "traite") == _ranked(built, "traite")
    alone = SearchIndex.saved(None, cache, STAMP)
    assert alone is not None and _ranked(alone, "dadey") == _ranked(built, "dadey")


@pytest.mark.parametrize(
    "damage",
    [
        {"list_ids": np.frombuffer(b'["only-one"]', dtype=np.uint8)},
        {"list_ids": np.frombuffer(b"not json", dtype=np.uint8)},
        {"list_date_rank": np.zeros(5, dtype=np.int64)},
        {"list_country_codes": np.full(2, 99, dtype=np.int32)},
        {"list_year_values": np.frombuffer(b"[1, 2]", dtype=np.uint8)},
    ],
)
def test_damaged_saved_list_is_not_trusted(tmp_path: Path, damage: dict[str, Any]) -> None:
    cache = tmp_path / "search.npz"
    SearchIndex.cached(_releases(), cache, STAMP)
    arrays, _ = search_cache.read_arrays(cache, None, STAMP)
    assert arrays is not None
    words, _ = search_cache.read(cache, None, STAMP)
    assert words is not None
    kept = {k: v for k, v in arrays.items() if k.startswith("list_")}
    search_cache.write(cache, "damaged", words, STAMP, extra={**kept, **damage})
    assert SearchIndex.saved(None, cache, STAMP) is None
