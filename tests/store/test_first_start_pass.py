"""A first start (no saved index) reads the archive file once: the checked read gives the
search index its words. The same index as the separate pass built, the same refusals of a
damaged file, and the old way whenever the read could not give every release."""

from __future__ import annotations

import io
from pathlib import Path

import orjson
import pytest

from oim_archive.store.errors import ArchiveError, CorruptArchiveError
from oim_archive.store.file import layout
from oim_archive.store.file.archive import Archive
from oim_archive.store.file.catalog import catalog_path, index_cache_path
from oim_archive.store.reader import ArchiveReader
from oim_archive.store.search.engine import SearchIndex
from tests.support import search_golden


def test_the_first_read_builds_the_index_the_separate_pass_built(
    archive_path: Path, tmp_path: Path
) -> None:
    Archive(archive_path).add(search_golden.golden_releases()[-400:])
    reader = ArchiveReader(Archive(archive_path))
    snapshot = reader.read(index=True)
    assert snapshot.collected is not None and snapshot.stamp is not None
    index = reader.release_index(snapshot)
    assert snapshot.collected is None  # spent: its words are freed
    separate = SearchIndex.built_from_file(
        snapshot.releases, archive_path, snapshot.stamp, tmp_path / "separate.npz"
    )
    assert separate is not None
    # Same arrays and fingerprint, so the same results and a saved index later starts trust.
    assert search_golden.saved_arrays(index_cache_path(archive_path)) == search_golden.saved_arrays(
        tmp_path / "separate.npz"
    )
    for query in search_golden.QUERIES:
        assert index.search(query) == separate.search(query), query
    again = ArchiveReader(Archive(archive_path))
    assert again.read(index=True).collected is None  # an index is saved: nothing collected
    assert SearchIndex.saved(snapshot.releases, index_cache_path(archive_path), snapshot.stamp)


def test_search_is_ready_before_the_contact_directory(archive_path: Path) -> None:
    releases = search_golden.golden_releases()[-60:]
    Archive(archive_path).add(releases)
    reader = ArchiveReader(Archive(archive_path))
    snapshot = reader.read(index=True)
    index = reader.release_index(snapshot)
    assert [hit.release_id for hit in index.search("москва")]
    directory, contact_search = reader.contacts(snapshot)
    names = {c.name for r in reader.whole(snapshot.releases) for c in r.contacts if c.name}
    assert names and names <= {entry.name for entry in directory}
    assert contact_search.search(next(iter(names)))


def test_a_version_read_before_is_indexed_the_old_way(hand_archive: Archive) -> None:
    reader = ArchiveReader(hand_archive)
    reader.read()  # this very version checked already: the next read gives no words
    snapshot = reader.read(index=True)
    assert snapshot.collected is None
    assert reader.release_index(snapshot).search("Dakar")
    assert index_cache_path(hand_archive.path).exists()


def test_a_file_in_another_layout_is_indexed_the_old_way(hand_archive: Archive) -> None:
    tables = orjson.loads(hand_archive.path.read_bytes())
    hand_archive.path.write_bytes(orjson.dumps(tables))  # one line, as older versions wrote
    reader = ArchiveReader(Archive(hand_archive.path))
    snapshot = reader.read(index=True)
    assert snapshot.collected is None
    assert reader.release_index(snapshot).search("Dakar")


def _error_of(path: Path, *, index: bool) -> tuple[type[BaseException], str]:
    with pytest.raises(ArchiveError) as caught:
        ArchiveReader(Archive(path)).read(index=index)
    return type(caught.value), str(caught.value)


def _truncated(raw: bytes) -> bytes:
    return raw[: raw.rindex(b"\n", 0, len(raw) // 2) + 1]  # a clean cut between two lines


def _bad_body(raw: bytes) -> bytes:
    start = raw.index(b'{"z":"') + 6
    return raw[:start] + b"!!!!" + raw[start + 4 :]


def _bad_record(raw: bytes) -> bytes:
    return raw.replace(b'"title":"', b'"title":7,"x":"', 1)


def _missing_comma(raw: bytes) -> bytes:
    first = raw.index(b"},\n", raw.index(b'"releases":{'))
    return raw[: first + 1] + raw[first + 2 :]


@pytest.mark.parametrize(
    "damage",
    [_truncated, _bad_body, _bad_record, _missing_comma, lambda raw: b"", lambda raw: b"\n"],
    ids=["truncated", "bad body", "bad record", "missing comma", "blank", "one newline"],
)
def test_a_damaged_file_is_refused_as_the_plain_read_refuses_it(
    hand_archive: Archive, damage: object
) -> None:
    path = hand_archive.path
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    before = path.read_bytes()
    kind, message = _error_of(path, index=True)
    assert (kind, message) == _error_of(path, index=False)
    assert issubclass(kind, CorruptArchiveError)
    assert str(path) in message
    assert path.read_bytes() == before  # never rewritten
    assert not index_cache_path(path).exists()  # nothing saved from a damaged file


def test_a_bad_body_names_its_release(hand_archive: Archive) -> None:
    path = hand_archive.path
    path.write_bytes(_bad_body(path.read_bytes()))
    _, message = _error_of(path, index=True)
    assert "damaged" in message and "body" in message


def test_chunk_lines_parse_alone_as_they_parse_together() -> None:
    out = io.BytesIO()
    layout.dump_tables({"releases": {"a": {"t": 1}, "b": {"t": "x,"}, "c": {}}}, out)
    lines = out.getvalue().splitlines(keepends=True)[2:5]
    assert layout.parse_lines(lines) == [("a", {"t": 1}), ("b", {"t": "x,"}), ("c", {})]
    for bad in (
        [lines[0].replace(b"},", b"}"), lines[1]],  # a comma missing between two records
        [lines[0], lines[0]],  # one key twice
        [b'"a":[1],\n'],  # not an object
        [b'"a":{"t":1},"b":{},\n'],  # two records on one line
    ):
        with pytest.raises(layout.NotLineLayout):
            layout.parse_lines(bad)


def test_the_first_command_search_reads_the_file_once(
    archive_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Archive(archive_path).add(search_golden.golden_releases()[-60:])
    catalog_path(archive_path).unlink()  # an archive copied without its cache
    scans = []
    scan = Archive.scan

    def counted(archive: Archive, *args: object) -> object:
        scans.append(args)
        return scan(archive, *args)  # type: ignore[arg-type]

    def no_second_pass(*args: object) -> None:
        raise AssertionError("the index read the file again")

    monkeypatch.setattr(Archive, "scan", counted)
    monkeypatch.setattr(SearchIndex, "built_from_file", no_second_pass)
    rows = ArchiveReader(Archive(archive_path)).search("москва")  # no catalog, no index
    assert rows and len(scans) == 1
    again = ArchiveReader(Archive(archive_path)).search("москва")  # now from what was saved
    assert [r.id for r in again] == [r.id for r in rows]
