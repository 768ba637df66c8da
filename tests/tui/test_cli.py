"""The scripting CLI on the sample pages: every command and every error path."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from oim_archive.pages import ensure_sample_archive
from oim_archive.store.file.archive import Archive
from oim_archive.tui.cli import main
from tests.conftest import SAMPLE_DIR

RECORD_FIELDS = {
    "id",
    "title",
    "language",
    "country",
    "country_name",
    "dateline",
    "date",
    "body",
    "contacts",
    "funders",
    "source",
    "imported_at",
}


def run(*argv: str | Path) -> tuple[int, str]:
    out = io.StringIO()
    code = main([str(a) for a in argv], out=out)
    return code, out.getvalue()


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    db = tmp_path / "sample.json"
    code, _ = run("--db", db, "import", SAMPLE_DIR)
    assert code == 0
    return db


def ids_by_source(db: Path) -> dict[str, str]:
    return {r.source[:3]: r.id for r in Archive(db).releases()}


def test_import_json_report_and_idempotent_reimport(tmp_path: Path) -> None:
    db = tmp_path / "a.json"
    code, out = run("--db", db, "import", SAMPLE_DIR, "--json")
    report = orjson.loads(out)
    assert code == 0
    assert len(report["imported"]) == 5 and report["duplicates"] == [] and report["failed"] == []
    code, out = run("--db", db, "import", SAMPLE_DIR, "--json")
    report = orjson.loads(out)
    assert code == 0 and report["imported"] == [] and len(report["duplicates"]) == 5


def test_same_content_under_another_name_is_a_duplicate(tmp_path: Path, sample_db: Path) -> None:
    copy = tmp_path / "renamed.txt"
    shutil.copy(next(SAMPLE_DIR.glob("002_*.txt")), copy)
    code, out = run("--db", sample_db, "import", copy, "--json")
    assert code == 0 and orjson.loads(out)["duplicates"] == [str(copy)]
    assert len(Archive(sample_db)) == 5


def test_bad_file_never_stops_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "pages"
    shutil.copytree(SAMPLE_DIR, folder, ignore=shutil.ignore_patterns("__init__.py"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 20)
    db = tmp_path / "a.json"
    code, out = run("--db", db, "import", folder, "--json")
    report = orjson.loads(out)
    assert code == 2
    assert len(report["imported"]) == 5
    failed = {Path(f["file"]).name: f["error"] for f in report["failed"]}
    assert set(failed) == {"empty.txt", "binary.bin"}
    assert all(error and "\n" not in error for error in failed.values())
    code, _ = run("--db", db, "import", folder)
    err = capsys.readouterr().err
    assert code == 2 and "empty.txt" in err and "Traceback" not in err


def test_import_missing_path(tmp_path: Path) -> None:
    code, out = run("--db", tmp_path / "a.json", "import", tmp_path / "nope", "--json")
    assert code == 2 and "No such file" in orjson.loads(out)["failed"][0]["error"]


def test_list_newest_first_and_json_records(sample_db: Path) -> None:
    code, out = run("--db", sample_db, "list")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 5
    code, out = run("--db", sample_db, "list", "--json")
    records = orjson.loads(out)
    assert [r["id"] for r in records] == [line.split()[0] for line in lines]
    assert all(set(r) >= RECORD_FIELDS for r in records)
    dated = [r["date"] for r in records if r["date"]]
    assert dated == sorted(dated, reverse=True)
    assert [r["date"] for r in records][len(dated) :] == [None] * (len(records) - len(dated))


def test_show_accepts_a_unique_prefix(sample_db: Path) -> None:
    full = ids_by_source(sample_db)["000"]
    code, out = run("--db", sample_db, "show", full[:6])
    assert code == 0
    assert out.startswith("Formation intersectorielle sur la traite des personnes en Tunisie")


@pytest.mark.parametrize("bad_id", ["zzzzzz", ""])
def test_show_unknown_id(sample_db: Path, bad_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("--db", sample_db, "show", bad_id)
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("oim-archive: error:") and err.count("\n") == 1


def test_search_finds_body_words_without_accents(sample_db: Path) -> None:
    code, out = run("--db", sample_db, "search", "soldats", "georgiens", "--json", "--limit", "1")
    (record,) = orjson.loads(out)
    assert code == 0 and record["source"].startswith("002_")
    code, out = run("--db", sample_db, "search", "kasserine")
    assert code == 0 and out.splitlines()[0].split()[0] == ids_by_source(sample_db)["000"]


def test_search_with_no_hit(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run("--db", sample_db, "search", "qqqqxxxxzzzz")
    assert code == 1 and out == "" and "no release matches" in capsys.readouterr().err
    code, out = run("--db", sample_db, "search", "qqqqxxxxzzzz", "--json")
    assert code == 1 and orjson.loads(out) == []


def test_contacts_directory_query_json_and_vcard(sample_db: Path) -> None:
    code, out = run("--db", sample_db, "contacts")
    assert code == 0
    for name in ("Marc Hulst", "Kristin Dadey", "Laurence Hart", "Flavio Di Giacomo"):
        assert name in out
    code, out = run("--db", sample_db, "contacts", "dadey", "--json")
    people = orjson.loads(out)
    assert code == 0 and people[0]["name"] == "Kristin Dadey"
    assert people[0]["emails"] == ["kdadey@iom.ge"]
    assert people[0]["releases"] == [ids_by_source(sample_db)["002"]]
    code, out = run("--db", sample_db, "contacts", "+995 32 29", "--json")
    assert orjson.loads(out)[0]["name"] == "Marc Hulst"
    code, out = run("--db", sample_db, "contacts", "--vcard")
    assert code == 0 and out.count("BEGIN:VCARD") == out.count("END:VCARD") >= 5
    assert "\r\n" in out


def test_export_formats_file_and_export_dir(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rid = ids_by_source(sample_db)["002"]
    code, out = run("--db", sample_db, "export", rid, "--format", "json")
    assert code == 0 and orjson.loads(out)["id"] == rid
    target = tmp_path / "out.md"
    code, _ = run("--db", sample_db, "export", rid, "--format", "md", "-o", target)
    assert code == 0 and target.read_text(encoding="utf-8").startswith("# ")
    code, _ = run("--db", sample_db, "export", rid, "-o", target)
    assert code == 2 and "--force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8").startswith("# ")  # not overwritten
    code, _ = run("--db", sample_db, "export", rid, "-o", target, "--force")
    assert code == 0 and not target.read_text(encoding="utf-8").startswith("# ")
    folder = tmp_path / "exports"
    folder.mkdir()
    code, out = run("--db", sample_db, "export", rid, "--export-dir", folder)
    written = Path(out.strip())
    assert code == 0 and written.parent == folder and written.read_text(encoding="utf-8")
    code, out = run("--db", sample_db, "--export-dir", folder, "export", rid)
    assert Path(out.strip()) != written and len(list(folder.iterdir())) == 2


def test_dump_and_import_bundle_into_another_archive(sample_db: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "share.jsonl"
    code, out = run("--db", sample_db, "dump", bundle)
    assert code == 0 and "5 releases" in out
    header = orjson.loads(bundle.read_bytes().splitlines()[0])
    assert header["count"] == 5
    other = tmp_path / "other.json"
    code, out = run("--db", other, "import", bundle, "--json")
    assert code == 0 and len(orjson.loads(out)["imported"]) == 5
    assert {r.to_dict()["id"] for r in Archive(other).releases()} == set(
        ids_by_source(sample_db).values()
    )
    code, _ = run("--db", sample_db, "dump", bundle)
    assert code == 2  # never overwrites silently


@pytest.mark.parametrize("command", [["list"], ["show", "abc"], ["search", "x"], ["contacts"]])
def test_reading_a_missing_archive(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "missing.json"
    code, _ = run("--db", db, *command)
    err = capsys.readouterr().err
    assert code == 2 and "no archive here" in err and "Traceback" not in err
    assert not db.exists()


def test_corrupt_archive_error_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "broken.json"
    db.write_bytes(b'{"releases": {')
    code, _ = run("--db", db, "list")
    err = capsys.readouterr().err
    assert code == 2 and str(db) in err and ".bak" in err
    assert db.read_bytes() == b'{"releases": {'


def test_db_after_the_command_and_env_var(sample_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = run("list", "--db", sample_db)
    assert code == 0 and len(out.splitlines()) == 5
    monkeypatch.setenv("OIM_ARCHIVE_DB", str(sample_db))
    code, out = run("list")
    assert code == 0 and len(out.splitlines()) == 5


def test_usage_errors_exit_2(sample_db: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--db", str(sample_db), "search", "x", "--limit", "0"])
    assert info.value.code == 2


def test_first_start_creates_the_sample_archive(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "new" / "archive.json")
    assert ensure_sample_archive(archive) is True
    assert len(archive) == 5
    assert ensure_sample_archive(archive) is False


def test_console_script_is_installed(sample_db: Path) -> None:
    script = Path(sys.executable).with_name("oim-archive")
    if not script.exists():
        found = shutil.which("oim-archive")
        assert found, "the oim-archive console script is not installed"
        script = Path(found)
    result = subprocess.run(
        [str(script), "--db", str(sample_db), "list"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 5
