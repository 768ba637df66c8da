"""`oim-archive fetch` from the command line, against the local site (no Crawl-delay)."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from oim_archive.tui.cli import main
from tests.support import iom_site
from tests.support.iom_site import IomSite


@pytest.fixture
def quick_site() -> Iterator[IomSite]:
    with IomSite(crawl_delay=0).serve() as served:
        yield served


def run(*argv: str | Path) -> tuple[int, str]:
    out = io.StringIO()
    status = main([str(a) for a in argv], out=out)
    return status, out.getvalue()


def test_fetch_json_then_refresh_the_remembered_sources(
    quick_site: IomSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "a.json"
    status, text = run("--db", db, "fetch", quick_site.url("/es/rss.xml"), "--delay", "0", "--json")
    assert status == 0
    report = orjson.loads(text)
    assert (report["fetched"], report["imported"], report["unchanged"]) == (10, 10, 0)
    assert report["failed"] == [] and len(report["ids"]) == 10
    status, text = run("--db", db, "list", "--json")
    assert len(orjson.loads(text)) == 10

    status, text = run("--db", db, "fetch", "--delay", "0")  # no URL: the remembered ones
    assert status == 0
    assert text.startswith("0 pages fetched, 0 new releases, 0 unchanged, 10 already in")


def test_failures_are_named_and_exit_2(
    quick_site: IomSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "a.json"
    pdf = quick_site.url(iom_site.PDF)
    status, text = run("--db", db, "fetch", pdf, quick_site.url("/en/news"), "--delay", "0")
    assert status == 2
    assert text.startswith("12 pages fetched, 12 new releases")
    assert f"{pdf}: not a web page or feed (application/pdf)" in capsys.readouterr().err


def test_max_stops_early_and_the_next_run_goes_on(quick_site: IomSite, tmp_path: Path) -> None:
    db = tmp_path / "a.json"
    args = ("--db", db, "fetch", quick_site.url("/en/news"), "--delay", "0", "--json")
    status, text = run(*args, "--max", "5")
    assert status == 0 and orjson.loads(text)["imported"] == 5
    status, text = run(*args)
    assert orjson.loads(text)["imported"] == 7


def test_without_a_source_it_says_what_to_give(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = run("--db", tmp_path / "a.json", "fetch")
    assert status != 0
    assert "give a URL" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        run("--db", tmp_path / "a.json", "fetch", "http://x/", "--since", "last week")


def test_ctrl_c_stops_after_the_current_page_and_prints_the_summary(
    quick_site: IomSite, tmp_path: Path
) -> None:
    db = tmp_path / "a.json"
    command = [sys.executable, "-m", "oim_archive", "--db", str(db), "fetch"]
    command += [quick_site.url("/en/news"), "--delay", "0.2", "--json"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        deadline = time.monotonic() + 60
        while not [p for p in quick_site.paths() if p in quick_site.release_paths()]:
            assert time.monotonic() < deadline and process.poll() is None
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    report = orjson.loads(out)
    assert 1 <= report["imported"] < 12  # stopped early, and kept what it had
    assert b"stopping after the current page" in err
    _status, text = run("--db", db, "list", "--json")
    assert len(orjson.loads(text)) == report["imported"]
