"""The CLI's contract with scripts: exit codes (0 found/done, 1 no match, 2 failure), `-` for
stdin and stdout, shell completion, and the saved search index shared with the browser."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from oim_archive.store.file.archive import Archive
from oim_archive.store.file.catalog import catalog_path, directory_path, index_cache_path
from oim_archive.tui.cli import COMPLETE_DIRECTORY, COMPLETE_FILE, main
from tests.conftest import SAMPLE_DIR, make_release

SCRIPT = Path(sys.executable).with_name("oim-archive")
DAMAGED = b'{"releases": {'


def run(*argv: str | Path) -> tuple[int, str]:
    out = io.StringIO()
    code = main([str(a) for a in argv], out=out)
    return code, out.getvalue()


def shell(command: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[bytes]:
    """Run a shell pipeline with the installed console script first on PATH."""
    environment = {**os.environ, **env, "PATH": f"{SCRIPT.parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(
        ["bash", "-c", f"set -o pipefail; {command}"],
        cwd=cwd,
        env=environment,
        capture_output=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    db = tmp_path / "sample.json"
    assert run("--db", db, "import", SAMPLE_DIR)[0] == 0
    return db


@pytest.fixture
def damaged_db(tmp_path: Path) -> Path:
    db = tmp_path / "damaged.json"
    db.write_bytes(DAMAGED)
    return db


JSON = [[], ["--json"]]


@pytest.mark.parametrize("json", JSON)
@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["list", "--country", "TN", "--year", "2019"],
        ["search", "formtion", "intersectoriele"],
        ["contacts", "dadey"],
        ["contacts"],
    ],
)
def test_found_is_0(sample_db: Path, argv: list[str], json: list[str]) -> None:
    code, out = run("--db", sample_db, *argv, *json)
    assert code == 0 and out.strip()
    if json:
        assert orjson.loads(out)


@pytest.mark.parametrize("json", JSON)
@pytest.mark.parametrize(
    "argv",
    [
        ["list", "--country", "TN", "--year", "2008"],
        ["list", "--lang", "es"],
        ["list", "--since", "2030"],
        ["search", "qqqqxxxxzzzz"],
        ["search", "traite", "country:NO"],
        ["contacts", "qqqqxxxxzzzz"],
    ],
)
def test_no_match_is_1_and_json_prints_an_empty_array(
    sample_db: Path, argv: list[str], json: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run("--db", sample_db, *argv, *json)
    assert code == 1
    assert orjson.loads(out) == [] if json else out == ""
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "error" not in err and "Traceback" not in err


@pytest.mark.parametrize("json", JSON)
@pytest.mark.parametrize(
    "argv",
    [["list"], ["search", "traite"], ["contacts"], ["contacts", "dadey"], ["import", SAMPLE_DIR]],
)
def test_a_damaged_or_missing_archive_is_2(
    damaged_db: Path,
    tmp_path: Path,
    argv: list[str],
    json: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    for db in (damaged_db, tmp_path / "missing.json"):
        if argv[0] == "import" and db != damaged_db:
            continue  # importing creates a missing archive
        code, out = run("--db", db, *argv, *json)
        err = capsys.readouterr().err
        assert code == 2 and out == "", (db, err)
        assert err.startswith("oim-archive: error:") and err.count("\n") == 1
    assert damaged_db.read_bytes() == DAMAGED


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "zzzz"],
        ["export", "zzzz"],
        ["export", "zzzz", "--format", "json"],
        ["export", "", "--format", "json"],
        ["dump", "{tmp}/no/such/folder/x.jsonl"],
        ["contacts", "--json", "-o", "{tmp}/no/such/folder/x.json"],
    ],
)
def test_failures_are_2(
    sample_db: Path, tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run("--db", sample_db, *[a.format(tmp=tmp_path) for a in argv])
    err = capsys.readouterr().err
    assert code == 2 and out == "" and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize("json", JSON)
def test_import_exit_codes(tmp_path: Path, json: list[str]) -> None:
    db = tmp_path / f"a{len(json)}.json"
    assert run("--db", db, "import", SAMPLE_DIR, *json)[0] == 0  # new releases
    assert run("--db", db, "import", SAMPLE_DIR, *json)[0] == 0  # nothing new: done
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out = run("--db", db, "import", SAMPLE_DIR, empty, *json)
    assert code == 2  # a refused file
    if json:
        assert [Path(f["file"]).name for f in orjson.loads(out)["failed"]] == ["empty.txt"]


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "x", "--limit", "0"],
        ["list", "--since", "2021-13"],
        ["list", "--since", "June"],
        ["list", "--export-dir", "."],
        ["--export-dir", ".", "list"],
        ["search", "x", "--export-dir", "."],
        ["import", "-", "-"],
        ["completion", "fish"],
        ["nosuchcommand"],
    ],
)
def test_usage_errors_are_2(sample_db: Path, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--db", str(sample_db), *argv])
    assert info.value.code == 2


@pytest.mark.parametrize(
    "command",
    [
        'import "$UNSET"',
        'import "$UNSET" --json',
        '--db "$UNSET" list',
        'export 15cc -o "$UNSET"',
        'dump "$UNSET"',
        '--export-dir " " export 15cc',
    ],
)
def test_an_empty_path_is_a_usage_error_that_touches_nothing(
    sample_db: Path, tmp_path: Path, command: str
) -> None:
    """``"$FILE"`` with the variable unset must not mean the current folder."""
    folder = tmp_path / "cwd"
    folder.mkdir()
    (folder / "notes.txt").write_text("Genève - L'OIM a organisé une formation.\n")
    before = sample_db.read_bytes()
    done = shell(f"oim-archive --db '{sample_db}' {command}", folder, UNSET="")
    assert done.returncode == 2
    assert b"an empty path" in done.stderr and done.stderr.count(b"\n") <= 6
    assert done.stdout == b""
    assert sample_db.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_import_dash_reads_one_page_from_stdin(tmp_path: Path) -> None:
    page = next(SAMPLE_DIR.glob("000_*.txt"))
    db = tmp_path / "a.json"
    done = shell(f"cat '{page}' | oim-archive --db '{db}' import - --json", tmp_path)
    assert done.returncode == 0, done.stderr
    (new,) = orjson.loads(done.stdout)["imported"]
    (release,) = Archive(db).releases()
    assert release.id == new and release.source == "stdin"
    again = shell(f"oim-archive --db '{db}' import - < '{page}'", tmp_path)
    assert again.returncode == 0 and b"1 file already in the archive" in again.stdout
    empty = shell(f"oim-archive --db '{db}' import - < /dev/null", tmp_path)
    assert empty.returncode == 2 and empty.stderr.startswith(b"oim-archive: stdin: ")


def test_dump_dash_pipes_into_import_dash(sample_db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    done = shell(
        f"oim-archive --db '{sample_db}' dump - | oim-archive --db '{other}' import -", tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert {r.id for r in Archive(other).releases()} == {
        r.id for r in Archive(sample_db).releases()
    }
    assert not (tmp_path / "-").exists()


def test_dash_output_is_stdout(
    sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    rid = Archive(sample_db).releases()[0].id
    for fmt in ("txt", "md", "json"):
        plain = run("--db", sample_db, "export", rid, "--format", fmt)
        assert run("--db", sample_db, "export", rid, "--format", fmt, "-o", "-") == plain
    assert run("--db", sample_db, "contacts", "--vcard", "-o", "-") == run(
        "--db", sample_db, "contacts", "--vcard"
    )
    code, out = run("--db", sample_db, "dump", "-")
    assert code == 0 and orjson.loads(out.splitlines()[0])["count"] == 5
    assert not (tmp_path / "-").exists()


def test_completion_scripts_parse_in_their_shells(tmp_path: Path) -> None:
    for shell_name in ("bash", "zsh"):
        code, script = run("completion", shell_name)
        assert code == 0
        for word in ("import", "search", "contacts", "--country", "--since", "--format"):
            assert word in script, (shell_name, word)
        path = tmp_path / f"completion.{shell_name}"
        path.write_text(script, encoding="utf-8")
        if shell_name == "zsh" and shutil.which("zsh") is None:
            continue  # checked by test_zsh_completion_parses (skipped with its reason)
        done = subprocess.run([shell_name, "-n", str(path)], capture_output=True, check=False)
        assert done.returncode == 0, done.stderr


def test_bash_completion_completes_commands_and_options(tmp_path: Path) -> None:
    _, script = run("completion", "bash")
    path = tmp_path / "c.bash"
    path.write_text(script, encoding="utf-8")
    probe = (
        f"source '{path}'; COMP_WORDS=(oim-archive lis); COMP_CWORD=1; "
        "_shtab_oim_archive; echo ${COMPREPLY[@]}; "
        "COMP_WORDS=(oim-archive list --co); COMP_CWORD=2; _shtab_oim_archive; "
        "echo ${COMPREPLY[@]}"
    )
    done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, check=False)
    assert done.stdout.splitlines() == ["list", "--country"], done.stderr


def test_zsh_completion_parses(tmp_path: Path) -> None:
    if shutil.which("zsh") is None:
        pytest.skip("zsh is not installed (.ci/run installs it)")
    code, script = run("completion", "zsh")
    path = tmp_path / "_oim-archive"
    path.write_text(script, encoding="utf-8")
    done = subprocess.run(["zsh", "-n", str(path)], capture_output=True, check=False)
    assert code == 0 and done.returncode == 0, done.stderr


def test_file_completion_kinds_are_shtabs() -> None:
    import shtab

    for shell_name in ("bash", "zsh"):
        assert COMPLETE_FILE[shell_name] == shtab.FILE[shell_name]
        assert COMPLETE_DIRECTORY[shell_name] == shtab.DIRECTORY[shell_name]


def test_search_saves_the_index_and_the_next_search_uses_it(sample_db: Path) -> None:
    index = index_cache_path(sample_db)
    index.unlink(missing_ok=True)
    catalog_path(sample_db).unlink(missing_ok=True)
    first = run("--db", sample_db, "search", "kasserine", "--json")
    assert index.exists() and catalog_path(sample_db).exists()
    saved = index.stat().st_mtime_ns
    assert run("--db", sample_db, "search", "kasserine", "--json") == first
    assert index.stat().st_mtime_ns == saved  # read, not rebuilt
    page = next(SAMPLE_DIR.glob("000_*.txt")).read_bytes()
    extra = sample_db.parent / "extra.txt"
    extra.write_bytes(page.replace(b"Kasserine", b"Kasserine Gafsa"))
    assert run("--db", sample_db, "import", extra)[0] == 0
    code, out = run("--db", sample_db, "search", "gafsa")
    assert code == 0 and len(out.splitlines()) == 1  # the archive changed: a fresh index


def test_nothing_to_show_without_a_query_is_0(tmp_path: Path) -> None:
    db = tmp_path / "no-contacts.json"
    Archive(db).add([make_release("Sans contact", "Un texte sans contacts.")])
    assert run("--db", db, "contacts") == (0, "")
    assert run("--db", db, "contacts", "--json") == (0, "[]\n")
    assert run("--db", db, "list")[0] == 0


def test_contacts_saves_the_directory_and_a_change_refreshes_it(sample_db: Path) -> None:
    saved = directory_path(sample_db)
    saved.unlink(missing_ok=True)
    first = run("--db", sample_db, "contacts", "--json")
    assert saved.exists() and first[0] == 0
    written = saved.stat().st_mtime_ns
    assert run("--db", sample_db, "contacts", "--json") == first
    assert run("--db", sample_db, "contacts", "--vcard") == run(
        "--db", sample_db, "contacts", "--vcard"
    )
    assert saved.stat().st_mtime_ns == written  # read, not rebuilt
    page = next(SAMPLE_DIR.glob("002_*.txt")).read_bytes()
    extra = sample_db.parent / "extra.txt"
    changed = page.replace(b"Kristin Dadey", b"Kristin Nouvelle").replace(b"kdadey", b"knouvelle")
    changed = changed.replace(b"Les soldats", b"Les nouveaux soldats")  # a new release
    extra.write_bytes(changed)
    assert run("--db", sample_db, "import", extra)[0] == 0
    code, out = run("--db", sample_db, "contacts", "nouvelle")
    assert code == 0 and "Kristin Nouvelle" in out
