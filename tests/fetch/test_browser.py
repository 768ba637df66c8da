"""The browser's "Fetch new releases": remembered sources fetched in a worker, list reloaded."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from oim_archive.fetch import FetchOptions
from oim_archive.tui.app import OimArchiveApp, make_app
from oim_archive.tui.cli import main
from oim_archive.tui.fetching import start_fetch
from oim_archive.tui.widgets.release_list import ReleaseList
from tests.support.iom_site import IomSite
from tests.support.tui import new_app, settle, watch_notify


@pytest.fixture
def quick_site() -> Iterator[IomSite]:
    with IomSite(crawl_delay=0).serve() as served:
        yield served


def _palette_titles(app: OimArchiveApp) -> list[str]:
    return [command.title for command in app.get_system_commands(app.screen)]


async def test_fetch_new_releases_from_the_palette_source(
    quick_site: IomSite, tmp_path: Path
) -> None:
    db = tmp_path / "a.json"
    source = quick_site.url("/es/rss.xml")
    argv = ["--db", str(db), "fetch", source, "--delay", "0", "--max", "4", "--json"]
    assert main(argv, out=io.StringIO()) == 0  # 4 of the feed's 10 releases, source remembered
    quick_site.clear_log()
    app = make_app(db, tmp_path / "exports")
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(ReleaseList).row_count == 4
        assert "Fetch new releases" in _palette_titles(app)
        shown = watch_notify(app)
        start_fetch(app, FetchOptions(delay=0))
        await settle(pilot)
        await settle(pilot)
        assert app.screen.query_one(ReleaseList).row_count == 10
        assert [n.message for n in shown] == ["6 new releases, 6 pages fetched, 0 failed"]
    asked = [p for p in quick_site.paths() if p in quick_site.release_paths()]
    assert len(asked) == 6  # only the ones not fetched yet


async def test_without_a_remembered_source_it_says_how_to_start(tmp_path: Path) -> None:
    app = new_app(tmp_path)
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        shown = watch_notify(app)
        app.action_fetch()  # type: ignore[attr-defined]
        await settle(pilot)
        assert len(shown) == 1 and "oim-archive fetch URL" in shown[0].message
