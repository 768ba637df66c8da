"""Archive bundles: dump one archive, import into another, without duplicates or silent damage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oim_archive.store.exports.bundle import (
    BUNDLE_FORMAT,
    BUNDLE_VERSION,
    BundleError,
    dump_bundle,
    is_bundle,
    read_bundle,
)
from oim_archive.store.file.archive import Archive
from oim_archive.store.records import Release
from tests.conftest import hand_made_releases


@pytest.fixture
def archive_a(tmp_path: Path) -> Archive:
    archive = Archive(tmp_path / "a.json")
    archive.add(hand_made_releases())
    return archive


def test_round_trip_between_two_archives(tmp_path: Path, archive_a: Archive) -> None:
    bundle = tmp_path / "share.jsonl"
    assert dump_bundle(archive_a.releases(), bundle) == 3
    data = bundle.read_bytes()
    assert is_bundle(data)
    archive_b = Archive(tmp_path / "b.json")
    result = archive_b.add(read_bundle(data, bundle.name))
    assert sorted(result.added) == sorted(archive_a.raw_records())
    assert archive_b.raw_records() == archive_a.raw_records()  # same ids, same records
    assert [r.to_dict() for r in archive_b.releases()] == [
        r.to_dict() for r in archive_a.releases()
    ]
    again = archive_b.add(read_bundle(data, bundle.name))
    assert again.added == [] and sorted(again.duplicates) == sorted(archive_a.raw_records())
    assert len(archive_b) == 3


def test_merge_into_an_archive_that_has_some_already(tmp_path: Path, archive_a: Archive) -> None:
    bundle = tmp_path / "share.jsonl"
    dump_bundle(archive_a.releases(), bundle)
    archive_b = Archive(tmp_path / "b.json")
    extra = Release(title="Seulement dans B", body="Texte.")
    archive_b.add([hand_made_releases()[0], extra])
    result = archive_b.add(read_bundle(bundle.read_bytes(), "share.jsonl"))
    assert len(result.added) == 2 and result.duplicates == [hand_made_releases()[0].id]
    assert len(archive_b) == 4


def test_file_layout(tmp_path: Path, archive_a: Archive) -> None:
    bundle = tmp_path / "share.jsonl"
    dump_bundle(archive_a.releases(), bundle)
    lines = bundle.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "" and len(lines) == 5
    assert json.loads(lines[0]) == {"format": BUNDLE_FORMAT, "version": BUNDLE_VERSION, "count": 3}
    assert lines[0] == '{"format":"oim-archive-bundle","version":1,"count":3}'
    records = [json.loads(line) for line in lines[1:-1]]
    assert records == [r.to_dict() for r in archive_a.releases()]
    assert "Sénégal" in "".join(lines)  # UTF-8, not \\u escapes
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_dump_replaces_atomically_or_refuses(tmp_path: Path) -> None:
    bundle = tmp_path / "share.jsonl"
    bundle.write_text("old", encoding="utf-8")
    assert dump_bundle(hand_made_releases()[:1], bundle) == 1
    assert is_bundle(bundle.read_bytes())
    with pytest.raises(FileExistsError):
        dump_bundle(hand_made_releases(), bundle, force=False)
    assert len(read_bundle(bundle.read_bytes(), "share.jsonl")) == 1


def test_empty_bundle(tmp_path: Path) -> None:
    bundle = tmp_path / "empty.jsonl"
    assert dump_bundle([], bundle) == 0
    assert read_bundle(bundle.read_bytes(), "empty.jsonl") == []


def good_bundle() -> bytes:
    header = json.dumps({"format": BUNDLE_FORMAT, "version": 1, "count": 3})
    lines = [header, *(json.dumps(r.to_dict(), ensure_ascii=False) for r in hand_made_releases())]
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_tolerates_bom_crlf_and_blank_lines() -> None:
    data = b"\xef\xbb\xbf" + good_bundle().replace(b"\n", b"\r\n") + b"\r\n\r\n"
    assert is_bundle(data)
    assert [r.id for r in read_bundle(data, "win.jsonl")] == [r.id for r in hand_made_releases()]


@pytest.mark.parametrize(
    ("line_number", "replacement", "message"),
    [
        (3, b'{"title": "cut', r"line 3: not a valid JSON record"),
        (2, b"[1, 2]", r"line 2: a release record must be a JSON object"),
        (4, b'{"title": 5, "body": "x"}', r"line 4: not a release record"),
        (3, b'{"title": "t", "body": "b", "contacts": "nope"}', r"line 3: not a release record"),
        (2, b"\xff\xfe garbage", r"line 2: not a valid JSON record"),
    ],
)
def test_damaged_lines_name_the_line(line_number: int, replacement: bytes, message: str) -> None:
    lines = good_bundle().split(b"\n")
    lines[line_number - 1] = replacement
    with pytest.raises(BundleError, match=rf"^share\.jsonl: {message}") as err:
        read_bundle(b"\n".join(lines), "share.jsonl")
    assert "\n" not in str(err.value)


def test_truncated_bundle_is_an_error() -> None:
    data = good_bundle()
    with pytest.raises(BundleError, match="line 4"):
        read_bundle(data[: len(data) - 20], "cut.jsonl")
    whole_lines = b"\n".join(data.split(b"\n")[:3]) + b"\n"
    with pytest.raises(BundleError, match="announces 3 releases but the bundle holds 2"):
        read_bundle(whole_lines, "cut.jsonl")


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (b"", "line 1: empty"),
        (b"not json", "line 1: not an oim-archive bundle header"),
        (b'{"format": "something-else", "version": 1, "count": 0}', "line 1: not an oim-archive"),
        (b'{"format": "oim-archive-bundle", "count": 0}', "line 1: .*no version"),
        (b'{"format": "oim-archive-bundle", "version": 2, "count": 0}', "version 2 .*newer"),
        (b'{"format": "oim-archive-bundle", "version": 1, "count": -1}', "line 1: .*count"),
        (b'{"format": "oim-archive-bundle", "version": 1, "count": "3"}', "line 1: .*count"),
    ],
)
def test_bad_headers(header: bytes, message: str) -> None:
    with pytest.raises(BundleError, match=message):
        read_bundle(header + b"\n", "x.jsonl")


def test_is_bundle_looks_only_at_the_first_line() -> None:
    assert is_bundle(good_bundle())
    assert not is_bundle(b"")
    assert not is_bundle(b'{"releases": {}}')  # an archive file
    assert not is_bundle(b"<html><body>oim-archive-bundle</body></html>")
    assert not is_bundle(b'{"format": "oim-archive-bundle"')  # cut header
    assert not is_bundle(b"Formation sur la traite\nL'OIM...")
    assert is_bundle(b'{"format":"oim-archive-bundle","version":9,"count":1}\n' + b"x" * 10_000)


def test_hostile_records_are_cleaned_and_ids_recomputed() -> None:
    record = hand_made_releases()[0].to_dict()
    record["title"] = "Titre\x1b[31m rouge"
    record["id"] = "../../evil"
    header = json.dumps({"format": BUNDLE_FORMAT, "version": 1, "count": 1})
    data = (header + "\n" + json.dumps(record) + "\n").encode()
    (release,) = read_bundle(data, "x.jsonl")
    assert release.title == "Titre rouge"
    assert release.id == Release(title="Titre rouge", body=release.body).id


def test_bundles_go_through_the_one_bundle_reader() -> None:
    from oim_archive.ingest import parse_file
    from oim_archive.store.exports.bundle import bundle_bytes
    from oim_archive.store.records import Release

    originals = [Release(title="Un titre", body="Un corps.", source="000.txt")]
    data, _count = bundle_bytes(originals)
    releases = parse_file(data, "archive.jsonl")
    assert [(r.id, r.title, r.source) for r in releases] == [
        (r.id, r.title, r.source) for r in originals
    ]


def test_bundle_refusals() -> None:
    from oim_archive.importers import ImportRefused
    from oim_archive.ingest import parse_file

    with pytest.raises(ImportRefused, match="line 1"):
        parse_file(b'{"title": "no header"}\n', "headless.jsonl")
    with pytest.raises(ImportRefused, match="line 1"):
        parse_file(b"{not json\n", "bad.jsonl")
