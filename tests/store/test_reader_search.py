"""A command's search reads the saved index and the list rows of its hits, not the whole list."""

from __future__ import annotations

import orjson
import pytest

from oim_archive.store import reader as reader_module
from oim_archive.store.file.archive import Archive
from oim_archive.store.file.catalog import catalog_path, index_cache_path, read_catalog_rows_at
from oim_archive.store.reader import ArchiveReader

QUERIES = ["traite", "tunisie", "oim", "country:TN", "zzzz", ""]


def _searched(reader: ArchiveReader, query: str) -> list[str]:
    return [row.id for row in reader.search(query)]


def _expected(archive: Archive, query: str) -> list[str]:
    """What a search over the whole list finds (no saved index trusted)."""
    listing, index = ArchiveReader(archive).searchable()
    return [listing.rows[hit.index].id for hit in index.search(query)]


@pytest.fixture()
def indexed(hand_archive: Archive) -> Archive:
    """An archive whose list catalog and search index are saved (as after any command)."""
    ArchiveReader(hand_archive).searchable()
    assert index_cache_path(hand_archive.path).exists()
    return hand_archive


def test_search_reads_only_the_rows_of_its_hits(
    indexed: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = {query: _expected(indexed, query) for query in QUERIES}
    assert any(expected.values()) and not all(expected.values())

    def no_list(*_: object) -> None:
        raise AssertionError("the whole list was read")

    monkeypatch.setattr(reader_module, "read_catalog_rows", no_list)
    reader = ArchiveReader(indexed)
    for query, ids in expected.items():
        assert _searched(reader, query) == ids, query
    assert [row.id for row in reader.search("", limit=2)] == expected[""][:2]


def test_a_catalog_in_another_order_is_not_trusted_for_hits(indexed: Archive) -> None:
    expected = _expected(indexed, "oim")
    path = catalog_path(indexed.path)
    header, *rows = path.read_bytes().splitlines()
    path.write_bytes(b"\n".join([header, *rows[::-1]]) + b"\n")
    assert _searched(ArchiveReader(indexed), "oim") == expected


def test_catalog_rows_at_refuses_a_short_or_stale_catalog(indexed: Archive) -> None:
    stamp = indexed.stamp()
    path = catalog_path(indexed.path)
    assert read_catalog_rows_at(indexed.path, stamp, [0]) is not None
    assert read_catalog_rows_at(indexed.path, (1, 1), [0]) is None
    header, *rows = path.read_bytes().splitlines()
    path.write_bytes(b"\n".join([header, *rows[:-1]]) + b"\n")
    assert read_catalog_rows_at(indexed.path, stamp, [0]) is None
    count = orjson.loads(header)["count"]
    path.write_bytes(b"\n".join([header, *rows[:-1], b"[1, 2]"]) + b"\n")
    assert read_catalog_rows_at(indexed.path, stamp, [count - 1]) is None


def test_a_contact_query_decodes_only_its_matches(
    hand_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = ArchiveReader(hand_archive)
    entries, stamp = reader.directory()
    search = reader.contact_search(entries, stamp)  # saves the contact index, as any command
    words = sorted({word for entry in entries for word in entry.name.split()})
    assert words
    queries = [*words, *(word[:3] for word in words), "zzzz", "oim", "+41 22"]
    expected = {query: [entries[i].name for i in search.search(query)] for query in queries}
    assert any(expected.values()) and not all(expected.values())
    made: list[object] = []
    real_entry = reader_module.directory_entry

    def counted(row: object) -> object:
        made.append(row)
        return real_entry(row)

    monkeypatch.setattr(reader_module, "directory_entry", counted)
    for query, names in expected.items():
        made.clear()
        found = [entry.name for entry in ArchiveReader(hand_archive).matching_contacts(query)]
        assert found == names, query
        if query != "+41 22":  # a phone number is matched over the whole directory
            assert len(made) == len(names), query
