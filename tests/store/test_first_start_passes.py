"""A first start on a big archive collects the search index's words in passes over the file
made by other processes (the read itself collects a small share): the same index as one
process builds, the old way whenever a pass cannot give its share, and no process left."""

from __future__ import annotations

import multiprocessing
import pickle
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from oim_archive.store.errors import CorruptArchiveError
from oim_archive.store.file.archive import Archive
from oim_archive.store.file.catalog import catalog_path, index_cache_path
from oim_archive.store.reader import ArchiveReader
from oim_archive.store.search import build, first_start, word_pass
from oim_archive.store.search.build import RELEASE_TIER_WEIGHTS
from oim_archive.store.search.engine import SearchIndex
from oim_archive.store.search.word_pass import KeyShare
from oim_archive.store.search.words import WordIndexBuilder
from tests.support import search_golden


@pytest.fixture
def with_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Passes for any archive, on a machine of three cores: two passes and the read's share."""
    monkeypatch.setattr(first_start, "PASSES_FROM_BYTES", 0)
    monkeypatch.setattr(first_start, "_cores", lambda: 3)


def no_other_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """The index can only come from the words collected (no pass of its own over the file)."""

    def other_way(*args: object) -> None:
        raise AssertionError("the index was built another way")

    monkeypatch.setattr(SearchIndex, "built_from_file", other_way)


def _no_pass_running() -> bool:
    return not any(
        child.name.startswith("ForkServerProcess") or child.name.startswith("SpawnProcess")
        for child in multiprocessing.active_children()
    )


def _same_as_one_process(reader: ArchiveReader, index: SearchIndex, scratch: Path) -> None:
    snapshot = reader.read()
    assert snapshot.stamp is not None
    separate = SearchIndex.built_from_file(
        snapshot.releases, reader.path, snapshot.stamp, scratch / "separate.npz"
    )
    assert separate is not None
    assert search_golden.saved_arrays(index_cache_path(reader.path)) == search_golden.saved_arrays(
        scratch / "separate.npz"
    )
    for query in search_golden.QUERIES:
        assert index.search(query) == separate.search(query), query


@pytest.mark.usefixtures("with_passes")
def test_passes_build_the_index_one_process_builds(
    archive_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Archive(archive_path).add(search_golden.golden_releases()[-400:])
    reader = ArchiveReader(Archive(archive_path))
    snapshot = reader.read(index=True)
    assert isinstance(snapshot.collected, first_start.WordPasses)
    with monkeypatch.context() as patch:
        no_other_way(patch)
        index = reader.release_index(snapshot)
    assert snapshot.collected is None and _no_pass_running()
    _same_as_one_process(reader, index, tmp_path)


@pytest.mark.usefixtures("with_passes")
def test_the_list_shown_first_starts_the_passes_the_read_then_uses(
    archive_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Archive(archive_path).add(search_golden.golden_releases()[-200:])
    catalog_path(archive_path).unlink()  # an archive copied without its cache
    reader = ArchiveReader(Archive(archive_path))
    shown = reader.quick()
    assert shown is not None and isinstance(shown.collected, first_start.WordPasses)
    started = shown.collected

    def no_second_start(*args: object, **kwargs: object) -> None:
        raise AssertionError("the read started passes again")

    monkeypatch.setattr(first_start, "first_start_words", no_second_start)
    snapshot = reader.read(shown, index=True)
    assert snapshot.collected is started and shown.collected is None
    with monkeypatch.context() as patch:
        no_other_way(patch)
        index = reader.release_index(snapshot)
    _same_as_one_process(reader, index, tmp_path)


@pytest.mark.usefixtures("with_passes")
def test_a_file_changed_since_the_passes_started_is_indexed_as_it_is_now(
    archive_path: Path, tmp_path: Path
) -> None:
    releases = search_golden.golden_releases()
    Archive(archive_path).add(releases[-100:])
    catalog_path(archive_path).unlink()
    reader = ArchiveReader(Archive(archive_path))
    shown = reader.quick()
    assert shown is not None
    Archive(archive_path).add(releases[-130:-100])  # another process imports meanwhile
    snapshot = reader.read(shown, index=True)
    index = reader.release_index(snapshot)
    assert len(snapshot.releases) == 130
    assert _no_pass_running()
    _same_as_one_process(reader, index, tmp_path)


@pytest.mark.usefixtures("with_passes")
def test_stopped_passes_leave_the_index_to_the_reading_process(
    archive_path: Path, tmp_path: Path
) -> None:
    Archive(archive_path).add(search_golden.golden_releases()[-100:])
    reader = ArchiveReader(Archive(archive_path))
    snapshot = reader.read(index=True)
    assert snapshot.collected is not None
    snapshot.collected.cancel()  # as a pass killed by the system would be
    assert _no_pass_running()
    _same_as_one_process(reader, reader.release_index(snapshot), tmp_path)


def test_a_pass_that_cannot_read_the_file_gives_no_index(archive_path: Path) -> None:
    Archive(archive_path).add(search_golden.golden_releases()[-20:])
    snapshot = ArchiveReader(Archive(archive_path)).read()
    wrong = (1, 1)  # a version of the file that is not there: each pass refuses it
    passes = first_start.WordPasses(archive_path, wrong, 2)
    passes.visitor.done()  # the read's own share: complete (and empty)
    assert passes.index(snapshot.releases, archive_path.with_suffix(".npz"), wrong) is None
    assert _no_pass_running()


@pytest.mark.usefixtures("with_passes")
def test_a_damaged_file_is_refused_and_its_passes_stopped(hand_archive: Archive) -> None:
    path = hand_archive.path
    raw = path.read_bytes()
    start = raw.index(b'{"z":"') + 6
    path.write_bytes(raw[:start] + b"!!!!" + raw[start + 4 :])
    with pytest.raises(CorruptArchiveError):
        ArchiveReader(Archive(path)).read(index=True)
    assert _no_pass_running()
    assert not index_cache_path(path).exists()


def test_the_shares_hold_every_release_once() -> None:
    ids = [f"{random.getrandbits(64):016x}" for _ in range(3000)]
    for count in (1, 2, 3):
        for start in (0, 42, 128):
            shares = [KeyShare(0, start), *KeyShare.split(count, start=start)]
            assert all(sum(i in share for share in shares) == 1 for i in ids)
    assert 7 not in KeyShare(0, KeyShare.SHARES)
    assert "\ud800" in KeyShare(0, KeyShare.SHARES)  # a lone surrogate from a JSON key


def test_builders_of_parts_merge_into_the_builder_of_the_whole() -> None:
    documents = [
        ("Tunisie : retour", "Aïcha", "Tunis", "l'OIM aide 300 migrants à Tunis."),
        ("Niger", "", "Agadez, Niger", "Des migrants — bloqués — à Agadez."),
        ("Haïti", "Jean", "", "Port-au-Prince: l'OIM, Haïti."),
        ("Costa Rica", "María", "San José", "La OIM en San José; migrantes."),
    ]
    whole = WordIndexBuilder(RELEASE_TIER_WEIGHTS)
    parts = [WordIndexBuilder(RELEASE_TIER_WEIGHTS) for _ in range(2)]
    for number, texts in enumerate(documents):
        whole.add(number, 0, texts)
        parts[number // 2].add(number % 2, 0, texts[:3])  # the body comes later, as in a file
    for number, texts in enumerate(documents):
        parts[number // 2].add(number % 2, 3, texts[3:])
    merged = WordIndexBuilder.merged(parts, [0, 2]).build(len(documents))
    assert search_golden.word_arrays(merged) == search_golden.word_arrays(
        whole.build(len(documents))
    )


def test_a_word_pass_loads_neither_numpy_nor_the_index() -> None:
    # Each pass is a process of its own, beside the browser: ~20 MB lighter without them.
    script = (
        "import sys, oim_archive.store.search.word_pass\n"
        "print(sorted(m for m in ('numpy', 'rapidfuzz', 'oim_archive.store.search.index')"
        " if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd="/"
    ).stdout
    assert out.strip() == "[]"


def test_words_written_in_pieces_are_the_words_collected(
    archive_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Archive(archive_path).add(search_golden.golden_releases()[-300:])
    snapshot = ArchiveReader(Archive(archive_path)).read()
    assert snapshot.stamp is not None
    monkeypatch.setattr(build, "ARRAYS_TAKEN_AT", 500)  # many pieces, as at 100k releases
    written = []
    original = word_pass._write_arrays

    def counted(out: object, arrays: list[object]) -> None:
        written.append(len(arrays))
        original(out, arrays)  # type: ignore[arg-type]

    monkeypatch.setattr(word_pass, "_write_arrays", counted)
    share, spill = KeyShare(0, 700), tmp_path / "words.tmp"
    receiving, sending = multiprocessing.Pipe(duplex=False)
    word_pass.run_word_pass(sending, str(archive_path), snapshot.stamp, 0, 700, str(spill))
    assert receiving.recv() is True and len(written) > 5
    received = word_pass._read_words(spill)
    whole = build.words_in_file(archive_path, snapshot.stamp, share)
    assert whole is not None
    ids = [row.id for row in snapshot.releases if row.id in share]
    one, other = received.built(ids), whole.built(ids)
    assert one is not None and other is not None
    assert one[1] == other[1]
    assert search_golden.word_arrays(one[0]) == search_golden.word_arrays(other[0])
    spill.write_bytes(spill.read_bytes()[:-100])  # a file cut short: no words from it
    with pytest.raises((EOFError, ValueError, pickle.UnpicklingError)):
        word_pass._read_words(spill)


def test_no_words_file_is_left_behind(archive_path: Path) -> None:
    Archive(archive_path).add(search_golden.golden_releases()[-20:])
    before = set(Path(tempfile.gettempdir()).glob("oim-archive-words-*"))
    snapshot = ArchiveReader(Archive(archive_path)).read()
    assert snapshot.stamp is not None
    for stop_first in (False, True):
        passes = first_start.WordPasses(archive_path, snapshot.stamp, 2)
        if stop_first:
            passes.cancel()
        else:
            passes.visitor.done()
            passes.index(snapshot.releases, archive_path.with_suffix(".npz"), snapshot.stamp)
        assert set(Path(tempfile.gettempdir()).glob("oim-archive-words-*")) == before


@pytest.mark.usefixtures("with_passes")
def test_no_room_for_a_pass_leaves_the_words_to_the_read(
    archive_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Archive(archive_path).add(search_golden.golden_releases()[-20:])

    def no_room(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "mkstemp", no_room)
    reader = ArchiveReader(Archive(archive_path))
    snapshot = reader.read(index=True)
    assert isinstance(snapshot.collected, first_start.FirstStartPass)
    assert reader.release_index(snapshot).search("москва")
    assert _no_pass_running()
