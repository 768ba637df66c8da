"""The archive store: upserts by content id, atomic batched writes, id prefixes, damage."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import orjson
import pytest

from oim_archive.store.errors import (
    AmbiguousReleaseError,
    ArchiveLockedError,
    ArchiveMissingError,
    CorruptArchiveError,
    UnknownReleaseError,
)
from oim_archive.store.file import storage
from oim_archive.store.file.archive import Archive
from oim_archive.store.file.lock import exclusive_lock
from oim_archive.store.file.storage import backup_path
from oim_archive.store.records import Contact, Release, release_id
from tests.conftest import make_release


def test_id_is_stable_and_content_derived() -> None:
    a = make_release("Titre", "Corps  du\ntexte")
    b = make_release("titre", "Corps du texte", source="other-name.txt")
    assert a.id == b.id == release_id("Titre", "Corps du texte")
    assert len(a.id) == 12 and all(c in "0123456789abcdef" for c in a.id)
    assert make_release("Titre", "Autre corps").id != a.id


def test_record_round_trip() -> None:
    release = make_release(
        "T", "B", contacts=[Contact("A", "OIM", ["+1"], ["a@x.org"])], funders=["UE"]
    )
    assert Release.from_dict(release.to_dict()) == release


def test_add_is_idempotent_and_writes_once_per_call(archive_path: Path) -> None:
    archive = Archive(archive_path)
    releases = [make_release(f"Release {i}", f"Body {i}") for i in range(50)]
    first = archive.add(releases)
    assert len(first.added) == 50 and first.duplicates == []
    assert archive.write_count == 1
    second = archive.add(releases)
    assert second.added == [] and len(second.duplicates) == 50
    assert archive.write_count == 1  # nothing new: no write at all
    assert len(Archive(archive_path)) == 50


def test_imported_at_is_set_by_the_store(archive_path: Path) -> None:
    archive = Archive(archive_path)
    archive.add([make_release("T", "B")])
    (release,) = archive.releases()
    assert release.imported_at and release.imported_at.endswith("Z")


def test_newest_first_undated_last(hand_archive: Archive) -> None:
    titles = [r.title for r in hand_archive.releases()]
    assert titles == ["Formation sur la traite à Dakar", "Old release", "Undated note"]


def test_partial_dates_sort_within_year(archive_path: Path) -> None:
    archive = Archive(archive_path)
    archive.add(
        [
            make_release("a", "1", date="2019"),
            make_release("b", "2", date="2019-09-24"),
            make_release("c", "3", date="2020-01"),
        ]
    )
    assert [r.date for r in archive.releases()] == ["2020-01", "2019-09-24", "2019"]


def test_id_prefixes(archive_path: Path) -> None:
    archive = Archive(archive_path)
    releases = [make_release(f"T{i}", f"B{i}") for i in range(40)]
    archive.add(releases)
    target = releases[0]
    assert archive.get(target.id).title == target.title
    unique = next(
        target.id[:n]
        for n in range(1, 13)
        if sum(r.id.startswith(target.id[:n]) for r in releases) == 1
    )
    assert archive.get(unique.upper()).id == target.id
    first_chars = [r.id[0] for r in releases]
    shared = next(c for c in first_chars if first_chars.count(c) > 1)
    with pytest.raises(AmbiguousReleaseError, match="matches"):
        archive.get(shared)
    with pytest.raises(UnknownReleaseError):
        archive.get("zzzz")
    with pytest.raises(UnknownReleaseError):
        archive.get("   ")


def test_second_write_keeps_a_backup(archive_path: Path) -> None:
    archive = Archive(archive_path)
    archive.add([make_release("one", "1")])
    before = archive_path.read_bytes()
    archive.add([make_release("two", "2")])
    assert backup_path(archive_path).read_bytes() == before
    assert len(Archive(archive_path)) == 2


def test_failed_write_leaves_the_old_archive_and_no_temp(
    archive_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = Archive(archive_path)
    archive.add([make_release("one", "1")])
    before = archive_path.read_bytes()

    def crash(src: str, dst: str) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(storage.os, "replace", crash)
    with pytest.raises(Exception, match="cannot write"):
        archive.add([make_release("two", "2")])
    monkeypatch.undo()
    assert archive_path.read_bytes() == before
    assert not [p for p in archive_path.parent.iterdir() if p.name.endswith(".tmp")]
    assert [r.title for r in Archive(archive_path).releases()] == ["one"]
    assert len(archive) == 1  # the in-memory cache did not keep the failed batch


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"releases": {"abc": {"title": "x", "bo', "not valid JSON"),
        (b"\x00\xff\xfe garbage", "not valid JSON"),
        (b"[1, 2, 3]", "not an oim-archive archive"),
        (b'{"releases": {"abc": 5}}', "not an oim-archive archive"),
    ],
)
def test_corrupt_archive_is_reported_and_never_overwritten(
    archive_path: Path, content: bytes, message: str
) -> None:
    archive_path.write_bytes(content)
    archive = Archive(archive_path)
    with pytest.raises(CorruptArchiveError, match=message) as info:
        archive.require()
    assert str(archive_path) in str(info.value) and ".bak" in str(info.value)
    with pytest.raises(CorruptArchiveError):
        archive.add([make_release("new", "data")])
    assert archive_path.read_bytes() == content


def test_release_with_missing_fields_is_reported(archive_path: Path) -> None:
    archive_path.write_bytes(orjson.dumps({"releases": {"abc": {"title": "no body"}}}))
    with pytest.raises(CorruptArchiveError, match="release abc is damaged"):
        Archive(archive_path).releases()


def test_missing_archive(archive_path: Path) -> None:
    with pytest.raises(ArchiveMissingError, match="no archive here"):
        Archive(archive_path).require()


def test_lock_held_too_long_gives_a_clear_error(archive_path: Path) -> None:
    held = threading.Event()
    release_lock = threading.Event()

    def holder() -> None:
        with exclusive_lock(archive_path):
            held.set()
            release_lock.wait(5)

    # flock locks belong to open file descriptions, so a second open in another thread conflicts.
    thread = threading.Thread(target=holder)
    thread.start()
    held.wait(5)
    try:
        with pytest.raises(ArchiveLockedError, match="another oim-archive process"):
            Archive(archive_path, lock_timeout=0.2).add([make_release("t", "b")])
    finally:
        release_lock.set()
        thread.join()
    assert Archive(archive_path).add([make_release("t", "b")]).added


def test_sees_writes_made_by_another_handle(archive_path: Path) -> None:
    first = Archive(archive_path)
    first.add([make_release("one", "1")])
    assert len(first) == 1
    Archive(archive_path).add([make_release("two", "2")])
    os.utime(archive_path, ns=(1, 1))  # same size, other mtime still invalidates
    assert len(first) == 2


def test_sources_table_remembers_raw_files(archive_path: Path) -> None:
    archive = Archive(archive_path)
    release = make_release("t", "b")
    archive.add([release], {"digest1": [release.id]})
    assert Archive(archive_path).known_source("digest1") == [release.id]
    assert archive.known_source("other") is None


def test_bodies_are_stored_compressed_apart_from_the_list_fields(archive_path: Path) -> None:
    body = "Paragraphe un.\n\nParagraphe deux, accentué : é à ç œ." * 20
    Archive(archive_path).add([make_release("T", body)])
    stored = orjson.loads(archive_path.read_bytes())
    (record,) = stored["releases"].values()
    assert "body" not in record
    assert len(archive_path.read_bytes()) < len(body.encode())
    (release,) = Archive(archive_path).releases()
    assert release.body == body


def test_damaged_body_is_reported(archive_path: Path) -> None:
    Archive(archive_path).add([make_release("T", "B")])
    stored = orjson.loads(archive_path.read_bytes())
    (rid,) = stored["bodies"]
    stored["bodies"][rid] = {"z": "not base64 zlib!"}
    archive_path.write_bytes(orjson.dumps(stored))
    with pytest.raises(CorruptArchiveError, match=f"release {rid} is damaged"):
        Archive(archive_path).releases()


def test_fast_sort_agrees_with_the_sort_key() -> None:
    from oim_archive.store.records import sort_newest_first
    from tests.support.sorting import sort_key_newest_first

    dates = [None, "2019", "2019-09", "2019-09-24", "2020-01", "2008", None, "2019-09-24"]
    releases = [make_release(f"title {i % 3}", str(i), date=d) for i, d in enumerate(dates)]
    expected = sorted(releases, key=sort_key_newest_first)
    sort_newest_first(releases)
    assert [(r.date, r.title) for r in releases] == [(r.date, r.title) for r in expected]


def test_releases_are_decoded_once_per_version_of_the_file(archive_path: Path) -> None:
    archive = Archive(archive_path)
    archive.add([make_release("one", "1")])
    first = archive.releases()
    second = archive.releases()
    assert first == second and first is not second and first[0] is second[0]
    archive.add([make_release("two", "2")])
    assert [r.title for r in archive.releases()] == ["one", "two"]


def test_marks_are_kept_in_the_archive_across_handles(hand_archive: Archive):
    ids = [r.id for r in hand_archive.releases()]
    assert hand_archive.marked_ids() == frozenset()
    hand_archive.set_marked(ids[:2], True)
    hand_archive.set_marked(ids[:1], True)  # marking twice is harmless
    assert Archive(hand_archive.path).marked_ids() == frozenset(ids[:2])
    hand_archive.set_marked([ids[0]], False)
    assert Archive(hand_archive.path).marked_ids() == frozenset(ids[1:2])
    assert len(Archive(hand_archive.path).releases()) == len(ids)  # nothing else changed
