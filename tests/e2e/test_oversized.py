"""Oversized and odd inputs: refused or handled with a one-line reason, in bounded memory, and
never at the expense of the other files of the same import."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
import tracemalloc
from pathlib import Path

import orjson
import pytest

from oim_archive.importers import MAX_PAGE_BYTES
from oim_archive.ingest import import_paths
from oim_archive.store.file.archive import Archive
from oim_archive.tui.cli import main
from tests.support.reliability import CONTROL_CHARS, cli_env, page_text, run_cli, write_pages

BIG_BYTES = 60 * 1024 * 1024


def write_big_page(path: Path, size: int = BIG_BYTES) -> Path:
    """A genuine-looking page, padded with prose to ``size`` bytes."""
    line = ("Une très longue ligne de texte sur la migration et la protection. " * 16) + "\n"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(page_text(900))
        while handle.tell() < size:
            handle.write(line)
    return path


def import_json(db: Path, *paths: Path) -> tuple[int, dict[str, list]]:
    out = io.StringIO()
    code = main(["--db", str(db), "import", *map(str, paths), "--json"], out=out)
    return code, orjson.loads(out.getvalue())


def failed_files(report: dict[str, list]) -> dict[str, str]:
    return {Path(f["file"]).name: f["error"] for f in report["failed"]}


def assert_one_line_reason(reason: str) -> None:
    assert reason.strip() and "\n" not in reason and "Traceback" not in reason
    assert not CONTROL_CHARS.search(reason)


def test_a_60_mb_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good = write_pages(folder, 3)
    write_big_page(folder / "huge.txt")
    db = tmp_path / "archive.json"
    tracemalloc.start()
    try:
        report = import_paths(Archive(db), [folder], workers=1)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    reasons = {Path(f.file).name: f.error for f in report.failed}
    assert set(reasons) == {"huge.txt"}
    assert_one_line_reason(reasons["huge.txt"])
    assert "60" in reasons["huge.txt"] and "MB" in reasons["huge.txt"]
    assert len(report.imported) == len(good)
    # Only the first MAX_PAGE_BYTES (+1) may have been read, never the 60 MB.
    assert peak < MAX_PAGE_BYTES * 3 < BIG_BYTES, f"peak {peak / 1e6:.1f} MB"


def test_the_cli_names_the_refused_big_file_on_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_pages(folder, 2)
    write_big_page(folder / "huge.txt")
    result = run_cli(["--db", tmp_path / "archive.json", "import", folder])
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "huge.txt" in lines[0] and "MB" in lines[0], result.stderr
    assert "2 new releases" in result.stdout


def test_a_big_file_dressed_as_a_bundle_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_pages(folder, 1)
    fake = folder / "fake.jsonl"
    with fake.open("wb") as handle:
        handle.write(b'{"oim-archive-bundle": 1, "releases": 3}\n')
        handle.write(b"not json at all " * (BIG_BYTES // 16))
    code, report = import_json(tmp_path / "archive.json", folder)
    assert code == 2
    reasons = failed_files(report)
    assert set(reasons) == {"fake.jsonl"}
    assert_one_line_reason(reasons["fake.jsonl"])
    assert len(report["imported"]) == 1


def test_ten_thousand_line_paragraph_and_pages_without_newlines(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good = write_pages(folder, 2)
    head, _, _ = page_text(500).rpartition("Pour plus")
    lines = (f"Ligne {i} du même paragraphe sans fin, écrite à Dakar." for i in range(10_000))
    (folder / "ten-thousand-lines.txt").write_text(head + "\n".join(lines) + "\n", "utf-8")
    (folder / "one-line-page.txt").write_text(page_text(501).replace("\n", " "), "utf-8")
    (folder / "one-line-megabyte.txt").write_text("mot " * 250_000, "utf-8")
    db = tmp_path / "archive.json"
    code, report = import_json(db, folder)
    reasons = failed_files(report)
    for reason in reasons.values():
        assert_one_line_reason(reason)
    archive = Archive(db)
    by_source = {r.source: r for r in archive.releases()}
    assert {p.name for p in good} <= set(by_source)
    handled = set(by_source) | set(reasons)
    assert {"ten-thousand-lines.txt", "one-line-page.txt", "one-line-megabyte.txt"} <= handled
    long_one = by_source.get("ten-thousand-lines.txt")
    if long_one is not None:
        assert "Ligne 9999 du même paragraphe" in long_one.body
    for release in by_source.values():  # every imported odd page shows cleanly
        out = io.StringIO()
        assert main(["--db", str(db), "show", release.id], out=out) == 0
        assert not CONTROL_CHARS.search(out.getvalue().replace("\t", " "))
    assert code == (2 if reasons else 0)


def test_symlink_loops_devices_and_junk_never_stop_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good = write_pages(folder, 4)
    (folder / "loop").symlink_to(".")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..")
    (folder / "self.txt").symlink_to("self.txt")
    (folder / "ping.txt").symlink_to("pong.txt")
    (folder / "pong.txt").symlink_to("ping.txt")
    (folder / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(folder / "fifo.txt")  # reading it would block forever
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "random.txt").write_bytes(os.urandom(4096))
    (folder / "utf16.txt").write_bytes(page_text(700).encode("utf-16"))
    db = tmp_path / "archive.json"
    result = run_cli(
        ["--db", db, "import", folder, "/dev/zero", tmp_path / "missing", "--json"], timeout=120
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    report = orjson.loads(result.stdout)
    reasons = failed_files(report)
    for name in ("self.txt", "ping.txt", "pong.txt", "dangling.txt", "zero", "missing"):
        assert name in reasons, name
    for reason in reasons.values():
        assert_one_line_reason(reason)
    sources = {r.source for r in Archive(db).releases()}
    assert {p.name for p in good} <= sources
    assert len(Archive(db)) == len(sources)  # each page once, despite the loops


def test_import_progress_reaches_the_end(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_pages(folder, 60)
    seen: list[tuple[int, int]] = []
    import_paths(
        Archive(tmp_path / "archive.json"), [folder], progress=lambda d, t: seen.append((d, t))
    )
    assert seen[-1] == (60, 60)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_a_terminal_sees_a_progress_bar(tmp_path: Path) -> None:
    """On a terminal, a long import shows progress (and still ends with its summary)."""
    folder = tmp_path / "in"
    write_pages(folder, 400)
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "oim_archive",
            "--db",
            str(tmp_path / "a.json"),
            "import",
            str(folder),
        ],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        env=cli_env(TERM="xterm-256color", COLUMNS="100"),
    )
    os.close(follower)
    output = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    assert process.wait(timeout=60) == 0
    text = output.decode("utf-8", errors="replace")
    assert "Importing" in text, text[-500:]
    assert "400 new releases" in text


@pytest.mark.slow
def test_huge_single_line_page_under_the_limit(tmp_path: Path) -> None:
    """Just under the page limit, with no newline at all: handled in bounded time."""
    folder = tmp_path / "in"
    write_pages(folder, 1)
    (folder / "wall.txt").write_text(("migration " * (MAX_PAGE_BYTES // 10 - 10)), "utf-8")
    result = run_cli(["--db", tmp_path / "archive.json", "import", folder, "--json"], timeout=300)
    assert "Traceback" not in result.stderr
    report = orjson.loads(result.stdout)
    assert len(report["imported"]) >= 1
    for failure in report["failed"]:
        assert_one_line_reason(failure["error"])
