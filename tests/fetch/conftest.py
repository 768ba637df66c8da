"""Fixtures: the local IOM-like site with a fake clock, and a crawl against it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from oim_archive.fetch import FetchOptions
from oim_archive.fetch.client import Limits
from oim_archive.store.file.archive import Archive
from tests.support.iom_site import FakeClock, IomSite


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def site(clock: FakeClock) -> Iterator[IomSite]:
    with IomSite(clock=clock).serve() as served:
        yield served


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    return Archive(tmp_path / "archive.json")


def options(clock: FakeClock, **changes: object) -> FetchOptions:
    """Delay 0, a short read timeout (the slow page), the fake clock for every wait."""
    made = FetchOptions(
        delay=0, clock=clock, sleep=clock.sleep, limits=Limits(read_timeout=0.5), batch_pages=10
    )
    for name, value in changes.items():
        setattr(made, name, value)
    return made


def every_source(site: IomSite) -> list[str]:
    return [
        site.url("/sitemap.xml"),
        site.url("/fr/news"),
        site.url("/en/news"),
        site.url("/es/noticias"),
        site.url("/es/rss.xml"),
    ]
