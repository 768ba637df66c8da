"""A first start builds the contact directory from one pass over the archive's records (no
release read whole): the same directory as the release-by-release build."""

from __future__ import annotations

import os
from pathlib import Path

from oim_archive.store.directory import (
    DirectoryEntry,
    build_directory,
    contacts_from_file,
    directory_of,
)
from oim_archive.store.file.archive import Archive
from oim_archive.store.reader import ArchiveReader
from oim_archive.store.records import Contact, Release
from tests.support import search_golden


def _entries(entries: list[DirectoryEntry]) -> list[tuple[object, ...]]:
    return [(e.to_dict(), e.office, e.offices, e.last_named) for e in entries]


def _people() -> list[Release]:
    """Releases whose contacts merge by email and by name, with repeated phones and offices."""
    shared = Contact("Awa Diop", "OIM Dakar", ["+221 33 869 62 00"], ["ADiop@iom.int"])
    return [
        Release(title="Un", body="a", date="2021-01-02", contacts=[shared]),
        Release(
            title="Deux",
            body="b",
            date="2020-05-01",
            date_basis="text",
            contacts=[
                Contact("Awa Diop", "OIM Thiès", ["+221 33 869 62 00", "+221 77 1"], []),
                Contact("", None, [], ["adiop@iom.int"]),
                Contact("Jean Dupont", None, [], []),
            ],
        ),
        Release(title="Trois", body="c", contacts=[shared, Contact("Jean Dupont", "OIM", [], [])]),
        Release(title="Quatre", body="d", date="2019-01-01"),
    ]


def test_the_directory_from_one_pass_over_the_records_is_the_same(archive_path: Path) -> None:
    releases = [*search_golden.golden_releases()[-200:], *_people()]
    Archive(archive_path).add(releases)
    reader = ArchiveReader(Archive(archive_path))
    snapshot = reader.read()
    assert snapshot.stamp is not None
    ids = [row.id for row in snapshot.releases]
    people = contacts_from_file(ids, archive_path, snapshot.stamp)
    assert people is not None
    expected = build_directory(reader.whole(snapshot.releases))
    assert _entries(directory_of(snapshot.releases, people)) == _entries(expected)
    _, directory, _ = reader.indexes(snapshot)  # what a first start builds and saves
    assert _entries(directory) == _entries(expected)


def test_no_contacts_from_a_file_that_changed_or_lacks_a_release(archive_path: Path) -> None:
    Archive(archive_path).add(_people())
    snapshot = ArchiveReader(Archive(archive_path)).read()
    assert snapshot.stamp is not None
    ids = [row.id for row in snapshot.releases]
    assert contacts_from_file([*ids, "absent"], archive_path, snapshot.stamp) is None
    assert contacts_from_file(ids, archive_path, (1, 1)) is None
    os.utime(archive_path, ns=(1, 1))
    assert contacts_from_file(ids, archive_path, snapshot.stamp) is None
