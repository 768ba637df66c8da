"""The numpy-free search of one-shot commands ranks exactly as the numpy engine does."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oim_archive.store.directory import DirectoryEntry, build_directory
from oim_archive.store.file.archive import Archive
from oim_archive.store.file.catalog import index_cache_path
from oim_archive.store.reader import ArchiveReader
from oim_archive.store.search import lite
from oim_archive.store.search.contacts import ContactSearch
from oim_archive.store.search.engine import SearchIndex
from oim_archive.store.search.lite import LiteContactSearch, LiteSearch, TooBroad
from oim_archive.store.search.npz import SavedArrays, SavedFormatError
from tests.support.search_golden import QUERIES, golden_releases

STAMP = (1_700_000_000_000_000_000, 4096)
RELEASES = golden_releases()


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> tuple[SearchIndex, Path]:
    path = tmp_path_factory.mktemp("lite") / "releases.index"
    return SearchIndex.built_and_saved(RELEASES, RELEASES, path, STAMP), path


@pytest.fixture(scope="module")
def contacts(tmp_path_factory: pytest.TempPathFactory) -> tuple[ContactSearch, Path]:
    path = tmp_path_factory.mktemp("lite") / "contacts.index"
    entries: list[DirectoryEntry] = build_directory(RELEASES)
    return ContactSearch.saved_or_built(entries, path, STAMP), path


def _hits(found: list[lite.Hit]) -> list[tuple[int, str, float, tuple[str, ...]]]:
    return [(h.index, h.release_id, h.score, h.terms) for h in found]


def _same(saved: tuple[SearchIndex, Path], query: str, limit: int | None) -> None:
    index, path = saved
    with SavedArrays(path) as file:
        found = LiteSearch(file).search(query, limit)
    assert _hits(found) == _hits(index.search(query, limit)), query


@pytest.mark.parametrize("query", [*QUERIES, "", "l d'", "a b c d", "oim oim", "year:2"])
def test_the_golden_queries_rank_the_same(saved: tuple[SearchIndex, Path], query: str) -> None:
    _same(saved, query, None)
    _same(saved, query, 3)


_VOCABULARY = sorted({w for r in RELEASES[::7] for w in f"{r.title} {r.body}".split()})


@st.composite
def _typed(draw: st.DrawFn) -> str:
    """A word as a user types it: whole, cut short, with a swap or a lost letter, accents."""
    word = draw(st.sampled_from(_VOCABULARY))
    change = draw(st.sampled_from(["whole", "prefix", "swap", "drop", "upper"]))
    if change == "prefix":
        return word[: draw(st.integers(1, max(1, len(word))))]
    if change in ("swap", "drop") and len(word) > 3:
        at = draw(st.integers(0, len(word) - 2))
        if change == "swap":
            return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
        return word[:at] + word[at + 1 :]
    return word.upper() if change == "upper" else word


_FACETS = st.sampled_from(["", "country:TN", "year:201", "lang:fr", "pays:senegal", "year:none"])


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(_typed(), min_size=1, max_size=4),
    facet=_FACETS,
    limit=st.none() | st.integers(0, 9),
)
def test_any_typed_query_ranks_the_same(
    saved: tuple[SearchIndex, Path], words: list[str], facet: str, limit: int | None
) -> None:
    _same(saved, " ".join([*words, facet]), limit)


_NAMES = sorted(
    {w for r in RELEASES for c in r.contacts for w in f"{c.name} {c.office}".split()}
    | {"haiti", "Niger", "Sénégal", "Côte"}  # countries of the releases naming them
)


@settings(max_examples=100, deadline=None)
@given(words=st.lists(st.sampled_from(_NAMES), min_size=1, max_size=2), cut=st.integers(1, 8))
def test_contact_queries_rank_the_same(
    contacts: tuple[ContactSearch, Path], words: list[str], cut: int
) -> None:
    search, path = contacts
    query = " ".join(word[:cut] for word in words)
    with SavedArrays(path) as file:
        found = LiteContactSearch(file)
        assert found.search(query) == search.search(query)
        assert found.search(query, 2) == search.search(query, 2)


def test_a_broad_query_or_another_file_leaves_it_to_numpy(
    saved: tuple[SearchIndex, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, path = saved
    assert lite.saved_hits(path, STAMP, "t", None) is not None
    assert lite.saved_hits(path, (STAMP[0], STAMP[1] + 1), "t", None) is None  # not this file
    monkeypatch.setattr(lite, "MAX_POSTINGS", 10)
    with SavedArrays(path) as file, pytest.raises(TooBroad):
        LiteSearch(file).search("t")
    assert lite.saved_hits(path, STAMP, "t", None) is None


def test_a_damaged_index_is_not_used(saved: tuple[SearchIndex, Path], tmp_path: Path) -> None:
    _, path = saved
    arrays = dict(np.load(path))
    arrays["postings0"] = arrays["postings0"] + len(RELEASES)  # past the documents
    damaged = tmp_path / "damaged.index"
    np.savez(damaged, **arrays)
    assert lite.saved_hits(damaged, STAMP, "traite", None) is None
    damaged.write_bytes(path.read_bytes()[:5000])  # cut short
    assert lite.saved_hits(damaged, STAMP, "traite", None) is None
    assert lite.saved_contact_matches(damaged, STAMP, "ana") is None
    del arrays["list_ids"]  # saved by an older version
    np.savez(damaged, **arrays)
    assert lite.saved_hits(damaged, STAMP, "traite", None) is None


def test_saved_arrays_read_as_numpy_wrote_them(tmp_path: Path) -> None:
    arrays = {
        "small": np.array([3, -1, 7], dtype=np.int8),
        "bytes": np.frombuffer("é\0x".encode(), dtype=np.uint8),
        "short": np.arange(5, dtype=np.int16),
        "int": np.arange(-3, 900, dtype=np.int32),
        "long": np.array([2**40, -5], dtype=np.int64),
        "big_endian": np.arange(6, dtype=">i4"),
        "float": np.array([0.1, 2.5], dtype=np.float32),
        "double": np.array([1e-300, 0.1], dtype=np.float64),
        "empty": np.empty(0, dtype=np.int32),
    }
    path = tmp_path / "a.npz"
    np.savez(path, **arrays)
    with SavedArrays(path) as saved:
        for name, values in arrays.items():
            assert saved.read(name).tolist() == values.tolist(), name
            assert saved.length(name) == len(values)
        assert saved.slice("int", 10, 13).tolist() == [7, 8, 9]
        assert saved.slice("int", 900, 2000).tolist() == [897, 898, 899]
        assert saved.slice("int", 5, 2).tolist() == []
        assert "nothing" not in saved


@pytest.mark.parametrize("kind", ["compressed", "two dimensions", "text", "not a zip"])
def test_what_it_cannot_read_simply_is_refused(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "a.npz"
    if kind == "compressed":
        np.savez_compressed(path, a=np.arange(3))
    elif kind == "two dimensions":
        np.savez(path, a=np.zeros((2, 2)))
    elif kind == "text":
        np.savez(path, a=np.array(["x"]))
    else:
        path.write_bytes(b"PK but not really a zip file")
    with pytest.raises(SavedFormatError):
        SavedArrays(path)
    assert zipfile.is_zipfile(path) == (kind != "not a zip")


def test_a_command_searches_without_importing_numpy(hand_archive: Archive) -> None:
    reader = ArchiveReader(hand_archive)
    reader.searchable()  # the saved index, as after any command
    assert index_cache_path(hand_archive.path).exists()
    expected = [row.id for row in reader.search("traite")]
    assert expected
    script = (
        "import sys; from pathlib import Path;"
        "from oim_archive.store.file.archive import Archive;"
        "from oim_archive.store.reader import ArchiveReader;"
        f"rows = ArchiveReader(Archive(Path({str(hand_archive.path)!r}))).search('traite');"
        "print(' '.join(r.id for r in rows)); print('numpy' in sys.modules)"
    )
    shown = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert shown[0].split() == expected
    assert shown[1] == "False"
