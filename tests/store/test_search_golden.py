"""The search index gives exactly the results it gave before its build was made faster.

`tests/store/search_golden.json` was written by the code before that change (see
`tests/support/search_golden.py`): the same index arrays (hence every search result), and the
same rankings for words, prefixes, typos, accents, other scripts and facets.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from oim_archive.store.errors import CorruptArchiveError
from oim_archive.store.file.archive import Archive
from oim_archive.store.reader import ArchiveReader
from oim_archive.store.records import Release
from oim_archive.store.search.engine import RELEASE_TIER_WEIGHTS, SearchIndex, release_tiers
from oim_archive.store.search.index import WordIndex
from oim_archive.store.search.words import WordIndexBuilder
from oim_archive.store.snapshot import Snapshot
from oim_archive.store.stored import whole_releases
from tests.support import search_golden


@pytest.fixture(scope="module")
def golden() -> dict[str, object]:
    loaded: dict[str, object] = json.loads(search_golden.GOLDEN.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def made() -> dict[str, object]:
    releases = search_golden.golden_releases()
    return {
        "corpus": search_golden.corpus_digest(releases),
        **search_golden.results(SearchIndex(releases)),
    }


def test_golden_file_is_about_these_releases(
    golden: dict[str, object], made: dict[str, object]
) -> None:
    assert made["corpus"] == golden["corpus"], "the generator changed: the golden file is stale"


def test_same_rankings_as_before(golden: dict[str, object], made: dict[str, object]) -> None:
    rankings = golden["rankings"]
    assert isinstance(rankings, dict)
    for query, expected in rankings.items():
        assert made["rankings"][query] == expected, query  # type: ignore[index]


def test_same_index_arrays_as_before(golden: dict[str, object], made: dict[str, object]) -> None:
    assert made["arrays"] == golden["arrays"]


def _same_arrays(left: WordIndex, right: WordIndex) -> bool:
    one, other = left.to_arrays(), right.to_arrays()
    return one.keys() == other.keys() and all(
        one[key].dtype == other[key].dtype and (one[key] == other[key]).all() for key in one
    )


def test_documents_in_any_order_with_their_tiers_split_give_the_same_index() -> None:
    documents = [release_tiers(release) for release in search_golden.golden_releases()[-300:]]
    whole = WordIndex(documents, RELEASE_TIER_WEIGHTS)
    builder = WordIndexBuilder(RELEASE_TIER_WEIGHTS)
    backwards = list(reversed(range(len(documents))))
    for doc in backwards:  # first tiers of every document, then the bodies, other order
        builder.add(doc, 0, documents[doc][:3])
    for doc in sorted(backwards, key=lambda d: (d % 7, d)):
        builder.add(doc, 3, documents[doc][3:])
    split = WordIndex.__new__(WordIndex)
    builder.finish(split, len(documents))
    assert _same_arrays(whole, split)
    assert split.match("traite").vector.tolist() == whole.match("traite").vector.tolist()


def test_a_document_with_no_words_in_a_tier_keeps_its_number() -> None:
    documents = [("Titre", "", "", "texte"), ("", "", "", ""), ("", "Nom", "", "titre")]
    index = WordIndex(documents, RELEASE_TIER_WEIGHTS)
    assert index.n_docs == 3
    assert index.first_tier_sizes.tolist() == [1, 1, 1]
    assert index.match("titre", prefix=False).vector.tolist() == pytest.approx([1.0, 0.0, 0.6])


def _read(path: Path) -> tuple[ArchiveReader, Snapshot]:
    reader = ArchiveReader(Archive(path))
    return reader, reader.read()


def test_one_pass_over_the_file_builds_what_reading_each_release_builds(
    archive_path: Path, tmp_path: Path
) -> None:
    Archive(archive_path).add(search_golden.golden_releases()[-400:])
    _, snapshot = _read(archive_path)
    assert snapshot.stamp is not None
    releases = snapshot.releases
    by_release = SearchIndex.built_and_saved(
        releases, whole_releases(releases), tmp_path / "one.npz", snapshot.stamp
    )
    by_file = SearchIndex.built_from_file(
        releases, archive_path, snapshot.stamp, tmp_path / "two.npz"
    )
    assert by_file is not None
    assert _same_arrays(by_release._index, by_file._index)
    with np.load(tmp_path / "one.npz") as one, np.load(tmp_path / "two.npz") as two:
        assert one["fingerprint"].tobytes() == two["fingerprint"].tobytes()
    for query in search_golden.QUERIES:
        assert by_file.search(query) == by_release.search(query), query


def test_the_browser_first_start_builds_its_index_from_the_file(
    archive_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Archive(archive_path).add(search_golden.golden_releases()[-50:])
    reader, snapshot = _read(archive_path)
    passes = []
    built_from_file = SearchIndex.built_from_file.__func__  # type: ignore[attr-defined]

    def counted(cls: type[SearchIndex], *args: Any) -> SearchIndex | None:
        passes.append(built := built_from_file(cls, *args))
        return built

    monkeypatch.setattr(SearchIndex, "built_from_file", classmethod(counted))
    index, _, _ = reader.indexes(snapshot)
    assert passes and passes[0] is index
    assert index.search("москва") == SearchIndex(list(reader.whole(snapshot.releases))).search(
        "москва"
    )


def test_no_pass_over_a_file_that_changed_or_lacks_a_listed_release(
    archive_path: Path, tmp_path: Path
) -> None:
    Archive(archive_path).add(search_golden.golden_releases()[-20:])
    _, snapshot = _read(archive_path)
    assert snapshot.stamp is not None
    releases, cache = snapshot.releases, tmp_path / "index.npz"
    elsewhere = [*releases, Release(title="Pas dans ce fichier", body="Ailleurs.")]
    assert SearchIndex.built_from_file(elsewhere, archive_path, snapshot.stamp, cache) is None
    assert SearchIndex.built_from_file(releases, archive_path, (1, 1), cache) is None
    os.utime(archive_path, ns=(1, 1))
    assert SearchIndex.built_from_file(releases, archive_path, snapshot.stamp, cache) is None
    assert not cache.exists()


def test_a_body_that_cannot_be_decoded_is_damage(archive_path: Path, tmp_path: Path) -> None:
    Archive(archive_path).add(search_golden.golden_releases()[-5:])
    _, snapshot = _read(archive_path)
    assert snapshot.stamp is not None
    raw = archive_path.read_bytes()
    start = raw.index(b'"z":"', raw.index(b'"bodies":')) + 5
    damaged = raw[:start] + b"!!!!" + raw[start + 4 :]
    archive_path.write_bytes(damaged)
    stamp = (archive_path.stat().st_mtime_ns, archive_path.stat().st_size)
    with pytest.raises(CorruptArchiveError, match="damaged"):
        SearchIndex.built_from_file(snapshot.releases, archive_path, stamp, tmp_path / "i.npz")
