"""Fetch benchmark: crawl the local IOM-like site with the delay set to 0.

    python -m tests.bench.fetch [--rounds 3]

The site (tests/support/iom_site.py, no Crawl-delay, no slow page wait) is served on
127.0.0.1. Each round crawls every source (sitemap index, three paginated listings, the RSS
feed) into a new archive: robots.txt, discovery, conditional requests, the importer, kept
pages and batched archive writes included. Beside it, in the same run: a plain loop of GETs
over the same release pages with the same httpx client and nothing else (the cost of HTTP
alone), and a second crawl of the unchanged site (what a refresh costs). Timings are printed,
never judged.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from oim_archive.fetch import FetchOptions, fetch
from oim_archive.fetch.client import PoliteClient
from oim_archive.fetch.state import fetch_dir
from oim_archive.store.file.archive import Archive
from tests.support.iom_site import IomSite


def _sources(site: IomSite) -> list[str]:
    paths = ["/sitemap.xml", "/fr/news", "/en/news", "/es/noticias", "/es/rss.xml"]
    return [site.url(p) for p in paths]


def crawl_round(site: IomSite, folder: Path) -> dict[str, float]:
    """One first crawl and one refresh into a new archive; the figures of both."""
    archive = Archive(folder / "archive.json")
    started = time.perf_counter()
    report = fetch(archive, _sources(site), FetchOptions(delay=0))
    first = time.perf_counter() - started
    kept = sorted((fetch_dir(archive.path) / "pages").rglob("*.html.gz"))
    started = time.perf_counter()
    again = fetch(archive, [], FetchOptions(delay=0))
    refresh = time.perf_counter() - started
    return {
        "pages": report.fetched,
        "requests": report.requests,
        "seconds": first,
        "writes": report.archive_writes,
        "kept_bytes": sum(p.stat().st_size for p in kept) / max(1, len(kept)),
        "page_bytes": statistics.mean(len(r.html) for r in site.releases),
        "refresh_seconds": refresh,
        "refresh_requests": again.requests,
        "refresh_writes": again.archive_writes,
    }


def plain_gets(site: IomSite) -> tuple[int, float]:
    """The same release pages with the same client, in a loop: HTTP alone."""
    client = PoliteClient(delay=0, clock=time.monotonic, sleep=lambda _s: False)
    urls = [site.url(p) for p in site.release_paths()]
    started = time.perf_counter()
    for url in urls:
        client.get(url, gate=lambda _u: None)
    elapsed = time.perf_counter() - started
    client.close()
    return len(urls), elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    site = IomSite(crawl_delay=0, bad_pages=False)
    rounds: list[dict[str, float]] = []
    plain: list[tuple[int, float]] = []
    with site.serve(), tempfile.TemporaryDirectory() as temp:
        for n in range(args.rounds):
            folder = Path(temp) / f"round{n}"
            folder.mkdir()
            rounds.append(crawl_round(site, folder))
            plain.append(plain_gets(site))
    print(
        f"# fetch, local site, delay 0, {date.today()}, {platform.machine()}, "
        f"{os.cpu_count()} cores, python {platform.python_version()}, {args.rounds} rounds"
    )
    print(f"{'what':<34}{'pages':>7}{'requests':>10}{'seconds':>10}{'pages/s':>10}{'writes':>8}")
    for r in rounds:
        print(
            f"{'crawl (first run)':<34}{r['pages']:>7.0f}{r['requests']:>10.0f}"
            f"{r['seconds']:>10.3f}{r['pages'] / r['seconds']:>10.1f}{r['writes']:>8.0f}"
        )
    for r in rounds:
        print(
            f"{'refresh (unchanged site)':<34}{0:>7}{r['refresh_requests']:>10.0f}"
            f"{r['refresh_seconds']:>10.3f}{'':>10}{r['refresh_writes']:>8.0f}"
        )
    for count, seconds in plain:
        print(
            f"{'plain GET loop, same client':<34}{count:>7}{count:>10}"
            f"{seconds:>10.3f}{count / seconds:>10.1f}{0:>8}"
        )
    last = rounds[-1]
    print(
        f"# kept page: {last['kept_bytes'] / 1024:.1f} KB gzipped "
        f"(page {last['page_bytes'] / 1024:.1f} KB); at 10,000 pages: "
        f"{last['kept_bytes'] * 10_000 / 1024**2:.0f} MB for pages like these"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
