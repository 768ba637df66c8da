"""Archive integrity (issue 11): a blank or broken file is never an empty archive, rewrites keep
the file's permissions, removed releases stay removed, --reparse replaces what a file brought,
and every write goes through TinyDB under the lock."""

from __future__ import annotations

import gzip
import io
import itertools
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from oim_archive import ingest
from oim_archive.pages import import_pages
from oim_archive.store.errors import (
    AmbiguousReleaseError,
    ArchiveLockedError,
    CorruptArchiveError,
    UnknownReleaseError,
)
from oim_archive.store.file import storage
from oim_archive.store.file.archive import Archive
from oim_archive.store.records import Release
from oim_archive.tui.cli import main
from tests.conftest import SAMPLE_DIR, make_release
from tests.support.reliability import archive_tables, cli_env, write_pages


def cli(*argv: str | Path) -> tuple[int, str]:
    out = io.StringIO()
    return main([str(a) for a in argv], out=out), out.getvalue()


def files_of(db: Path) -> dict[str, bytes]:
    """The archive and its backup, byte for byte."""
    return {p.name: p.read_bytes() for p in (db, storage.backup_path(db)) if p.exists()}


@pytest.fixture
def six(tmp_path: Path) -> Path:
    """The issue's archive: the five sample pages, then one more page (so a .bak exists)."""
    db = tmp_path / "a.json"
    assert cli("--db", db, "import", SAMPLE_DIR)[0] == 0
    (page,) = write_pages(tmp_path / "more", 1)
    assert cli("--db", db, "import", page)[0] == 0
    assert len(Archive(db)) == 6 and storage.backup_path(db).exists()
    return db


@pytest.mark.parametrize("damage", [b"", b" ", b"{", b'{"releases": {"x": {"title"'])
def test_a_blanked_archive_is_refused_and_nothing_is_written(
    six: Path, tmp_path: Path, damage: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    six.write_bytes(damage)  # a yanked stick, a failed copy
    before = files_of(six)
    for argv in (["list"], ["import", SAMPLE_DIR], ["remove", "0"], ["search", "x"]):
        code, out = cli("--db", six, *argv)
        err = capsys.readouterr().err
        assert code == 2 and out == "", argv
        assert "damaged" in err and ".bak" in err and err.count("\n") == 1, err
        assert files_of(six) == before, f"{argv} changed the archive or its backup"
    # The backup still holds the six releases: restoring it recovers everything.
    shutil.copyfile(storage.backup_path(six), six)
    assert len(Archive(six)) == 5  # the .bak is the version before the last import


def test_backup_is_refreshed_only_from_the_file_checked_under_the_lock(six: Path) -> None:
    archive = Archive(six)
    expected = storage.file_stamp(six)
    six.write_bytes(b"")  # replaced behind the lock's back after it was read
    before = files_of(six)
    with pytest.raises(ArchiveLockedError, match="nothing was written"):
        storage.write_atomically(six, b'{"releases": {}}', expected=expected)
    assert files_of(six) == before
    assert not list(six.parent.glob(".a.json.*.tmp"))
    with pytest.raises(CorruptArchiveError):
        archive.add([make_release("new", "one")])
    assert files_of(six) == before


@pytest.fixture
def umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.mark.parametrize("mode", [0o644, 0o664, 0o600, 0o640])
def test_rewrites_keep_the_permission_bits(six: Path, tmp_path: Path, mode: int, umask: None):
    os.chmod(six, mode)
    more = write_pages(tmp_path / "later", 1, start=50)
    assert cli("--db", six, "import", *more)[0] == 0
    assert os.stat(six).st_mode & 0o7777 == mode
    assert cli("--db", six, "remove", Archive(six).releases()[0].id)[0] == 0
    assert os.stat(six).st_mode & 0o7777 == mode
    assert os.stat(storage.backup_path(six)).st_mode & 0o7777 == mode


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_archive_follows_the_umask(tmp_path: Path, mask: int, mode: int) -> None:
    db = tmp_path / "new.json"
    done = subprocess.run(
        [sys.executable, "-m", "oim_archive", "--db", str(db), "import", str(SAMPLE_DIR)],
        capture_output=True,
        env=cli_env(),
        umask=mask,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert os.stat(db).st_mode & 0o7777 == mode


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_rewrites_keep_owner_and_group(six: Path) -> None:
    os.chown(six, 1234, 5678)
    assert cli("--db", six, "remove", Archive(six).releases()[0].id)[0] == 0
    st = os.stat(six)
    assert (st.st_uid, st.st_gid) == (1234, 5678)


def test_remove_by_prefix_with_json_and_one_write(six: Path) -> None:
    archive = Archive(six)
    first, second = (r.id for r in archive.releases()[:2])
    code, out = cli("--db", six, "remove", first[:7], second, "--json")
    assert code == 0 and orjson.loads(out) == {"removed": [first, second]}
    tables = archive_tables(six)
    assert first not in tables["releases"] and first not in tables["bodies"]
    assert set(tables["removed"]) == {first, second}
    assert len(Archive(six)) == 4
    code, out = cli("--db", six, "list")
    assert first not in out and len(out.splitlines()) == 4


@pytest.mark.parametrize("bad", ["ffffffffffff", "", "unknown-id"])
def test_remove_unknown_id_stops_everything(
    six: Path, bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    good = Archive(six).releases()[0].id
    before = files_of(six)
    code, out = cli("--db", six, "remove", good, bad)
    err = capsys.readouterr().err
    assert code == 2 and out == "" and "nothing was removed" in err and err.count("\n") == 1
    assert files_of(six) == before


def test_remove_ambiguous_prefix_stops_everything(tmp_path: Path) -> None:
    db = tmp_path / "a.json"
    releases = [make_release(f"titre {n}", f"corps {n}") for n in range(40)]
    Archive(db).add(releases)
    ids = sorted(r.id for r in releases)
    shared = next(a[0] for a, b in itertools.pairwise(ids) if a[0] == b[0])
    with pytest.raises(AmbiguousReleaseError):
        Archive(db).remove([shared])
    with pytest.raises(UnknownReleaseError):
        Archive(db).remove(["zz"])
    assert len(Archive(db)) == 40 and "removed" not in archive_tables(db)


def test_removed_releases_are_not_resurrected_by_a_plain_import(six: Path, tmp_path: Path):
    archive = Archive(six)
    victims = [r for r in archive.releases() if r.source.startswith(("000", "001"))]
    assert len(victims) == 2
    assert cli("--db", six, "remove", *(r.id for r in victims))[0] == 0
    # The same folder again: its files are known, nothing comes back.
    code, out = cli("--db", six, "import", SAMPLE_DIR, "--json")
    assert code == 0 and orjson.loads(out)["imported"] == []
    # The same pages under other bytes (another save of the page): the releases are recognised.
    copies = tmp_path / "copies"
    copies.mkdir()
    for victim in victims:
        page = next(SAMPLE_DIR.glob(victim.source))
        (copies / page.name).write_bytes(page.read_bytes() + b"\n\n")
    code, out = cli("--db", six, "import", copies)
    assert code == 0 and "2 removed earlier, skipped" in out
    assert {r.id for r in victims}.isdisjoint(Archive(six).raw_records())


def test_undo_restores_a_removed_release_whole(six: Path) -> None:
    archive = Archive(six)
    before = {r.id: r for r in archive.releases()}
    gone = archive.remove([next(iter(before))])
    assert len(archive) == 5
    assert archive.add(gone, restore=True).added == [gone[0].id]
    assert {r.id: r for r in Archive(six).releases()} == before
    assert gone[0].id not in archive_tables(six).get("removed", {})


def _better_importer(real: object, fixes: dict[str, str]) -> object:
    """A parser that renames some releases' titles (an importer that improved)."""

    def parse(data: bytes, name: str) -> list[Release]:
        found = real(data, name)  # type: ignore[operator]
        for release in found:
            if name[:3] in fixes:
                release.title = fixes[name[:3]]
                release.id = ""
                release.__post_init__()
            elif name.startswith("002"):
                release.country = "ZZ"  # same text, better facts: the id is kept
        return found

    return parse


def test_reparse_replaces_what_each_file_brought(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "a.json"
    assert cli("--db", db, "import", SAMPLE_DIR)[0] == 0
    before = {r.source[:3]: r for r in Archive(db).releases()}
    assert cli("--db", db, "remove", before["004"].id)[0] == 0
    monkeypatch.setattr(ingest, "parse_page", _better_importer(ingest.parse_page, {"000": "New"}))
    # A plain import skips the known files: the better importer is not even asked.
    code, out = cli("--db", db, "import", SAMPLE_DIR, "--json")
    assert orjson.loads(out)["imported"] == []
    code, out = cli("--db", db, "import", "--reparse", SAMPLE_DIR, "--json")
    report = orjson.loads(out)
    assert code == 0
    assert report["changed"] == [before["002"].id]
    assert report["disappeared"] == [before["000"].id]
    assert len(report["appeared"]) == 1 and report["removed_earlier"] == [before["004"].id]
    after = {r.source[:3]: r for r in Archive(db).releases()}
    assert after["000"].title == "New" and after["002"].country == "ZZ"
    assert after["002"].imported_at == before["002"].imported_at
    assert "004" not in after  # the user's removal holds
    code, out = cli("--db", db, "import", "--reparse", SAMPLE_DIR)
    assert code == 0 and "0 changed, 0 appeared, 0 disappeared" in out


def test_reparse_from_kept_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "a.json"
    archive = Archive(db)
    pages = {p.name: p.read_bytes() for p in sorted(SAMPLE_DIR.glob("*.txt"))}
    ingest.import_paths(archive, [SAMPLE_DIR], workers=1)
    monkeypatch.setattr(ingest, "parse_page", _better_importer(ingest.parse_page, {"001": "B"}))
    digests = {ingest.file_digest(data): data for data in pages.values()}
    names = {ingest.file_digest(data): name for name, data in pages.items()}
    report = ingest.reparse_sources(archive, digests, names)
    assert (len(report.changed), len(report.appeared), len(report.disappeared)) == (1, 1, 1)


def test_a_release_shared_by_another_file_survives_its_reparse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "a.json"
    page = next(SAMPLE_DIR.glob("000_*.txt"))
    twin = tmp_path / "twin" / page.name
    twin.parent.mkdir()
    twin.write_bytes(page.read_bytes() + b"\n")  # other bytes, same release
    assert cli("--db", db, "import", page, twin)[0] == 0
    (kept,) = Archive(db).releases()
    monkeypatch.setattr(ingest, "parse_page", _better_importer(ingest.parse_page, {"000": "X"}))
    code, out = cli("--db", db, "import", "--reparse", page, "--json")
    assert code == 0 and orjson.loads(out)["disappeared"] == []
    assert kept.id in Archive(db).raw_records()


def test_no_write_around_the_lock(six: Path) -> None:
    archive = Archive(six)
    assert not hasattr(archive, "db")
    tables = archive_tables(six)
    with pytest.raises(RuntimeError, match="under its lock"):
        archive._storage.write(tables)  # what a raw TinyDB handle would do
    assert archive.write_count == 0


def test_cache_and_stamp_are_one_value(six: Path) -> None:
    archive = Archive(six)
    assert len(archive) == 6
    other = Archive(six)
    other.remove([archive.releases()[0].id])
    assert len(archive) == 5  # the stamp changed with the file: the cache was not trusted
    assert other.last_written == other.stamp()


def test_a_fetched_page_reparsed_from_its_kept_copy_keeps_its_url(tmp_path: Path) -> None:
    """`fetch` records a page under its URL and keeps its bytes under .fetch/pages; reparsing
    that copy changes nothing and the release still says where it came from."""
    archive = Archive(tmp_path / "a.json")
    data = next(SAMPLE_DIR.glob("001_*.txt")).read_bytes()
    url = "https://www.iom.int/fr/news/communique"
    (result,) = import_pages(archive, [(url, data)])
    kept = tmp_path / "a.fetch" / "pages" / "www.iom.int" / "communique.0123456789ab.html.gz"
    kept.parent.mkdir(parents=True)
    kept.write_bytes(gzip.compress(data))
    report = ingest.import_paths(archive, [kept.parent], workers=1, reparse=True)
    assert (report.changed, report.appeared, report.disappeared) == ([], [], [])
    assert [r.source for r in Archive(archive.path).releases()] == [url] * len(result.ids)
