"""The archive file one record per line: still plain JSON, read in bounded memory, releases
read from their own lines when asked for, never a damaged file taken for a good one."""

from __future__ import annotations

import io
import os
from pathlib import Path

import orjson
import pytest

from oim_archive.store.errors import CorruptArchiveError
from oim_archive.store.file import layout
from oim_archive.store.file.archive import Archive
from oim_archive.store.file.catalog import catalog_path, read_catalog_rows
from oim_archive.store.reader import ArchiveReader
from oim_archive.store.records import DATE_FROM_TEXT, Release
from oim_archive.store.stored import StoredRelease, whole_releases
from oim_archive.tui.cli import main
from tests.conftest import make_release


def whole(release: Release) -> dict[str, object]:
    record = release.to_dict()
    record.pop("imported_at")
    return record


def test_the_file_is_plain_json_one_record_per_line(
    hand_archive: Archive, hand_releases: list[Release]
) -> None:
    raw = hand_archive.path.read_bytes()
    tables = orjson.loads(raw)  # any JSON reader (TinyDB too) reads it whole
    assert set(tables["releases"]) == {r.id for r in hand_releases}
    lines = raw.split(b"\n")
    for release in hand_releases:
        assert sum(line.startswith(orjson.dumps(release.id) + b":{") for line in lines) == 2


def test_listed_releases_read_their_body_and_contacts_from_the_file(
    hand_archive: Archive, hand_releases: list[Release]
) -> None:
    listed = Archive(hand_archive.path).releases()
    assert all(isinstance(r, StoredRelease) for r in listed)
    by_id = {r.id: r for r in hand_releases}
    for release in listed:
        assert whole(release.full()) == whole(by_id[release.id])
        assert release.body == by_id[release.id].body
        assert release.contacts == by_id[release.id].contacts


@pytest.mark.skipif(os.name != "posix", reason="an open file survives its replacement on POSIX")
def test_a_list_read_earlier_keeps_its_releases_after_another_write(hand_archive: Archive) -> None:
    listed = Archive(hand_archive.path).releases()
    victim = listed[0]
    Archive(hand_archive.path).remove([victim.id])
    assert victim.body  # the version that was listed is still read, not the new file


def test_catalog_rows_know_where_each_release_is(hand_archive: Archive) -> None:
    reader = ArchiveReader(Archive(hand_archive.path))
    listing = reader.listing()
    assert not listing.full
    expected = [whole(r) for r in whole_releases(reader.read().releases)]
    assert [whole(r) for r in reader.whole(listing.rows)] == expected


def test_a_truncated_file_is_damaged_not_shorter(hand_archive: Archive) -> None:
    raw = hand_archive.path.read_bytes()
    cut = raw.rindex(b"\n", 0, len(raw) // 2) + 1  # a clean cut between two lines
    hand_archive.path.write_bytes(raw[:cut])
    with pytest.raises(CorruptArchiveError):
        Archive(hand_archive.path).releases()
    with pytest.raises(layout.NotLineLayout):
        list(layout.scan(hand_archive.path))


def test_a_damaged_body_is_reported_by_the_checked_read(hand_archive: Archive) -> None:
    raw = hand_archive.path.read_bytes()
    start = raw.index(b'{"z":"') + 6
    hand_archive.path.write_bytes(raw[:start] + b"!!!!" + raw[start + 4 :])
    with pytest.raises(CorruptArchiveError, match="damaged"):
        Archive(hand_archive.path).releases()


def test_a_single_line_file_from_an_older_version_is_read_whole(
    hand_archive: Archive, hand_releases: list[Release]
) -> None:
    tables = orjson.loads(hand_archive.path.read_bytes())
    hand_archive.path.write_bytes(orjson.dumps(tables))
    archive = Archive(hand_archive.path)
    read = archive.releases()
    assert not any(isinstance(r, StoredRelease) for r in read)
    assert sorted(whole(r)["id"] for r in read) == sorted(r.id for r in hand_releases)  # type: ignore[type-var]
    archive.add([make_release("Another", "Texte.")])  # the next write puts it in lines
    assert hand_archive.path.read_bytes().startswith(layout.OPEN)


def test_layout_round_trip_keeps_empty_tables_and_odd_text() -> None:
    tables = {"releases": {"a": {"t": "ligne\nnouvelle « é » \u2028"}}, "marks": {}, "x": {"k": {}}}
    out = io.BytesIO()
    layout.dump_tables(tables, out)
    assert orjson.loads(out.getvalue()) == tables


def test_list_shows_an_estimated_date_as_the_browser_does(tmp_path: Path) -> None:
    db = tmp_path / "a.json"
    Archive(db).add(
        [make_release("Estimée", "Texte.", date="2019-09-14", date_basis=DATE_FROM_TEXT)]
    )
    for _ in range(2):  # from the full read, then from the list catalog it saved
        out = io.StringIO()
        assert main(["--db", str(db), "list"], out=out) == 0
        assert "  ~2019-09    --  Estimée" in out.getvalue()
    rows = read_catalog_rows(db, Archive(db).stamp())
    assert rows is not None and rows[0].date_basis == DATE_FROM_TEXT
    assert catalog_path(db).exists()
