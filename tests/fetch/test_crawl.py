"""The crawler against the local IOM-like site: politeness, failures, incremental runs.

Every assertion is on the server's request log, the report and the archive; waits go
through a fake clock, so nothing here depends on timing."""

from __future__ import annotations

import itertools
import threading

from oim_archive.fetch import FetchReport, fetch
from oim_archive.fetch.client import USER_AGENT
from oim_archive.fetch.state import FetchState
from oim_archive.ingest import import_paths
from oim_archive.store.file.archive import Archive
from tests.fetch.conftest import every_source, options
from tests.support import iom_site
from tests.support.iom_site import FakeClock, IomSite

GOOD = 36 + 1  # the release pages, and the one answering 429 first


def _failures(report: FetchReport, site: IomSite) -> dict[str, str]:
    prefix = site.url("")
    return {f.url.removeprefix(prefix): f.error for f in report.failed}


def test_a_first_crawl_imports_every_release_politely(
    site: IomSite, archive: Archive, clock: FakeClock
) -> None:
    report = fetch(archive, every_source(site), options(clock))
    log = site.paths()

    assert log[0] == "/robots.txt" and log.count("/robots.txt") == 1
    assert iom_site.DISALLOWED not in log
    assert report.disallowed == [site.url(iom_site.DISALLOWED)]
    assert {r.host for r in site.log} == {site.host}  # never the other host name
    assert all(r.headers["user-agent"] == USER_AGENT for r in site.log)
    assert USER_AGENT.startswith("oim-archive/")
    assert site.most_in_flight() == 1

    # Every release page once (the 429 one twice), each listing page and sitemap once.
    for path in site.release_paths():
        assert log.count(path) == 1, path
    assert log.count(iom_site.RETRY_ONCE) == 2
    assert log.count("/sitemaps/news-en.xml.gz") == 1
    assert report.fetched == GOOD
    state = FetchState(archive.path)
    ids = {i for memory in state.pages.values() for i in memory.ids}
    assert len(ids) == GOOD  # each page brought its own release
    assert sorted(report.imported) == sorted(ids) and len(archive) == GOOD

    failures = _failures(report, site)
    assert failures == {
        iom_site.ALWAYS_500: "HTTP 500 after 3 tries",
        iom_site.SLOW: "timed out (no answer within 0.5 s)",
        iom_site.REDIRECT: f"redirects to another site (localhost:{site.port}), not followed",
        iom_site.TOO_LARGE: "larger than 5 MB",
        iom_site.PDF: "not a web page or feed (application/pdf)",
    }
    assert log.count(iom_site.ALWAYS_500) == 3
    # One archive write per batch of 10 pages.
    assert report.archive_writes == -(-GOOD // 10)
    kept = list((state.folder / "pages" / f"127.0.0.1-{site.port}").glob("*.html.gz"))
    assert len(kept) == GOOD


def test_waits_follow_crawl_delay_and_retry_after(
    site: IomSite, archive: Archive, clock: FakeClock
) -> None:
    fetch(archive, [site.url("/sitemaps/news-fr.xml")], options(clock))
    times = [r.at for r in site.log]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) >= site.crawl_delay  # robots.txt's Crawl-delay, though --delay is 0
    asked = site.requests_for(iom_site.RETRY_ONCE)
    assert [r.status for r in asked] == [429, 200]
    assert asked[1].at - asked[0].at >= iom_site.RETRY_AFTER
    errors = site.requests_for(iom_site.ALWAYS_500)
    assert errors[2].at - errors[1].at > errors[1].at - errors[0].at  # backing off


def test_a_second_run_asks_conditionally_and_imports_nothing(
    site: IomSite, archive: Archive, clock: FakeClock
) -> None:
    fetch(archive, every_source(site), options(clock))
    writes = archive.write_count
    site.clear_log()
    again = fetch(archive, [], options(clock))  # no URL: the remembered sources

    assert again.imported == [] and again.fetched == 0
    assert archive.write_count == writes
    documents = [r for r in site.log if not r.path.startswith(("/fr/news/", "/robots"))]
    assert {r.path for r in documents} >= {"/sitemap.xml", "/fr/news", "/es/rss.xml"}
    assert all("if-none-match" in r.headers for r in documents)
    assert {r.status for r in documents} == {304}
    asked_pages = {r.path for r in site.log if r.path in site.release_paths()}
    assert asked_pages == set()  # every release is known: none asked again
    retried = {r.path for r in site.log if r.path.startswith("/fr/news/")}
    assert retried == set(iom_site.BAD_PAGES)  # only the failures are tried again
    assert again.skipped >= GOOD


def test_an_interrupted_crawl_resumes_without_duplicates(
    site: IomSite, archive: Archive, clock: FakeClock
) -> None:
    sources = [site.url("/fr/news"), site.url("/en/news"), site.url("/es/noticias")]
    first = fetch(archive, sources, options(clock, max_pages=8))
    assert first.stopped and first.fetched == 8 and len(archive) == 8
    first_pages = [p for p in site.paths() if p in site.release_paths()]
    assert len(first_pages) == 8
    site.clear_log()

    second = fetch(archive, [], options(clock))
    second_pages = [p for p in site.paths() if p in site.release_paths()]
    assert not set(first_pages) & set(second_pages)
    assert sorted(first_pages + second_pages) == sorted(site.release_paths())
    assert len(archive) == 36 and len(set(first.imported + second.imported)) == 36


def test_stop_event_ends_after_the_current_page_and_keeps_it(
    site: IomSite, archive: Archive, clock: FakeClock
) -> None:
    stop = threading.Event()

    def progress(report: FetchReport) -> None:
        if report.fetched >= 3:
            stop.set()  # what Ctrl-C does in the CLI

    report = fetch(archive, [site.url("/en/news")], options(clock), stop=stop, progress=progress)
    assert report.stopped and report.fetched == 3 and len(archive) == 3
    assert len([p for p in site.paths() if p in site.release_paths()]) == 3
    assert not FetchState(archive.path).sources[site.url("/en/news")].complete


def test_since_stops_paging_on_a_dated_listing(
    site: IomSite, archive: Archive, clock: FakeClock
) -> None:
    newest_fr = sorted(r.day for r in site.releases if r.language == "fr")
    since = newest_fr[-3].isoformat()  # only the three newest are wanted
    report = fetch(archive, [site.url("/fr/news")], options(clock, since=since))
    assert report.fetched == 3
    asked = site.paths()
    assert "/fr/news" in asked and site.listing_path("fr", 1) in asked
    assert site.listing_path("fr", 2) not in asked  # page 2 was all older: paging stopped


def test_since_skips_old_sitemap_entries(site: IomSite, archive: Archive, clock: FakeClock) -> None:
    days = sorted(r.day for r in site.releases if r.language == "en")
    report = fetch(archive, [site.url("/sitemap.xml")], options(clock, since=days[-2].isoformat()))
    en_asked = [p for p in site.paths() if p in site.release_paths("en")]
    assert len(en_asked) == 2
    assert not [p for p in site.paths() if p in site.release_paths("fr")]  # all older
    assert report.fetched == 2


def test_a_release_url_given_directly_is_imported(
    site: IomSite, archive: Archive, clock: FakeClock
) -> None:
    path = site.release_paths("es")[0]
    report = fetch(archive, [site.url(path)], options(clock))
    assert report.fetched == 1 and len(archive) == 1
    assert site.paths() == ["/robots.txt", path]


def test_kept_pages_are_known_to_import_and_reparse_ready(
    site: IomSite, archive: Archive, clock: FakeClock
) -> None:
    fetch(archive, [site.url("/es/rss.xml")], options(clock))
    kept = FetchState(archive.path).folder / "pages"
    report = import_paths(archive, [kept], workers=1)
    assert report.imported == [] and report.failed == []
    assert len(report.duplicates) == 10  # the same bytes: recognised by their hash


def test_a_damaged_state_file_is_set_aside(
    site: IomSite, archive: Archive, clock: FakeClock
) -> None:
    state = FetchState(archive.path)
    state.folder.mkdir(parents=True)
    state.path.write_text("{not json")
    report = fetch(archive, [site.url("/es/rss.xml")], options(clock))
    assert report.fetched == 10
    assert (state.folder / "state.damaged.json").read_text() == "{not json"
