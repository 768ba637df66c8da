"""The crawl: from the URLs a user gave to releases in the archive, politely and resumably.

Documents (sitemaps, feeds, listing pages) are read for links; release pages are fetched,
kept gzipped, and handed to ``oim_archive.ingest.import_pages`` in batches (one atomic
archive write per batch, then the crawler's state). Stopping at any point keeps what was
written; the next run skips what the archive already holds.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from oim_archive.fetch.client import Answer, FetchError, Limits, PoliteClient, Stopped, host_of
from oim_archive.fetch.discover import Link, UnreadableDocument, is_release_url, read_document
from oim_archive.fetch.robots import Robots
from oim_archive.fetch.state import FetchState, SourceMemory
from oim_archive.ingest import file_digest
from oim_archive.pages import import_pages
from oim_archive.store.file.archive import Archive

DEFAULT_DELAY = 1.0
BATCH_PAGES = 25


@dataclass(slots=True)
class FetchOptions:
    """How a fetch runs; ``clock``/``sleep`` are injectable (sleep returns True to stop)."""

    since: str = ""  # YYYY, YYYY-MM or YYYY-MM-DD: older dated entries are left out
    max_pages: int | None = None  # release pages requested in this run
    delay: float = DEFAULT_DELAY
    batch_pages: int = BATCH_PAGES
    limits: Limits = field(default_factory=Limits)
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], bool] | None = None


@dataclass(slots=True)
class FetchFailure:
    """A URL that could not be fetched or read, with a one-line reason."""

    url: str
    error: str


@dataclass(slots=True)
class FetchReport:
    """What a fetch did."""

    fetched: int = 0  # release pages downloaded
    imported: list[str] = field(default_factory=list)  # new release ids
    unchanged: int = 0  # release pages answered "304 Not Modified" or with known bytes
    skipped: int = 0  # release pages already in the archive, not requested
    refused: int = 0  # release pages with no release the importer could read
    failed: list[FetchFailure] = field(default_factory=list)
    disallowed: list[str] = field(default_factory=list)
    host: str = ""
    requests: int = 0
    archive_writes: int = 0
    stopped: bool = False  # by the user (Ctrl-C) or --max

    def to_dict(self) -> dict[str, Any]:
        return {
            "fetched": self.fetched,
            "imported": len(self.imported),
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "failed": [{"url": f.url, "error": f.error} for f in self.failed],
            "disallowed": list(self.disallowed),
            "ids": list(self.imported),
        }


ProgressCallback = Callable[[FetchReport], None]


class _Limit(Exception):
    """--max reached."""


@dataclass(slots=True)
class _Pending:
    url: str
    answer: Answer


class Crawler:
    """One fetch run over some sources into one archive."""

    def __init__(
        self,
        archive: Archive,
        options: FetchOptions,
        *,
        stop: threading.Event | None = None,
        progress: ProgressCallback | None = None,
        transport: Any = None,
    ) -> None:
        self.archive = archive
        self.options = options
        self.stop = stop or threading.Event()
        self.progress = progress
        self.state = FetchState(archive.path)
        self.report = FetchReport()
        sleep = options.sleep or self.stop.wait
        self.client = PoliteClient(
            delay=options.delay,
            clock=options.clock,
            sleep=sleep,
            limits=options.limits,
            transport=transport,
        )
        self.robots = Robots(self.client, self.client.set_host_delay)
        self._hosts: set[str] = set()
        self._pending: list[_Pending] = []
        self._seen: set[str] = set()
        self._release_requests = 0
        self._writes_before = archive.write_count

    # -- the run ------------------------------------------------------------------------

    def run(self, sources: Sequence[str]) -> FetchReport:
        """Fetch every source (all remembered ones when empty); always flushes what it has."""
        urls = list(dict.fromkeys(sources)) or list(self.state.sources)
        self._hosts = {host_of(u) for u in urls}
        for url in urls:
            self.state.sources.setdefault(url, SourceMemory())
        try:
            for url in urls:
                memory = self.state.sources[url]
                complete = self._walk(url, refresh=memory.complete)
                memory.last_run = date.today().isoformat()
                memory.complete = memory.complete or complete
                if self.stop.is_set():
                    break
        except (Stopped, _Limit):
            pass
        finally:
            self.report.stopped = self.stop.is_set() or (
                self.options.max_pages is not None
                and self._release_requests >= self.options.max_pages
            )
            self._flush()
            self.client.close()
            self.report.requests = self.client.requests
        return self.report

    def _gate(self, url: str) -> str | None:
        host = host_of(url)
        if host not in self._hosts:
            return f"on another site ({host}), not followed"
        return self.robots.refusal(url)

    def _walk(self, source: str, *, refresh: bool) -> bool:
        """Read one source to its end; True when nothing stopped it half-way."""
        if is_release_url(source):
            self._release(Link(source))
            return True
        documents: deque[str] = deque([source])
        complete = True
        while documents and not self.stop.is_set():
            url = documents.popleft()
            if url in self._seen:
                continue
            self._seen.add(url)
            body = self._document_body(url)
            if body is None:
                complete = False
                continue
            try:
                listing = read_document(body, url)
            except UnreadableDocument as error:
                self._fail(url, str(error))
                complete = False
                continue
            if listing.kind == "page":  # no release links: the page itself is the release
                self._release(Link(url))
                continue
            fresh = [link for link in listing.releases if self._wanted(link)]
            new = 0
            for link in fresh:
                new += self._release(link)
                if self.stop.is_set():
                    return False
            documents.extend(
                link.url for link in listing.documents if self._follow(listing.kind, link)
            )
            if listing.kind == "listing" and self._stop_paging(
                listing.releases, fresh, new, refresh
            ):
                documents.clear()
        return complete and not self.stop.is_set()

    def _wanted(self, link: Link) -> bool:
        since = self.options.since
        return not (since and link.date and link.date[: len(since)] < since)

    def _follow(self, kind: str, link: Link) -> bool:
        return kind != "sitemap-index" or self._wanted(link)

    def _stop_paging(
        self, releases: list[Link], fresh: list[Link], new: int, refresh: bool
    ) -> bool:
        """A dated listing whose entries are all older than --since ends the paging, and so
        does, on a source walked to its end before, a page that brought nothing new."""
        if self.options.since and releases and all(r.date for r in releases) and not fresh:
            return True
        return refresh and new == 0

    # -- documents --------------------------------------------------------------------------

    def _document_body(self, url: str) -> bytes | None:
        refusal = self._gate(url)
        if refusal:
            self._refuse(url, refusal)
            return None
        memory = self.state.page(url)
        kept = self.state.kept_listing(url) if (memory.etag or memory.last_modified) else None
        try:
            answer = self.client.get(
                url,
                gate=self._gate,
                etag=memory.etag if kept is not None else None,
                last_modified=memory.last_modified if kept is not None else None,
            )
        except FetchError as error:
            self._fail(url, str(error))
            return None
        finally:
            self._tell(url)
        if answer.status == 304 and kept is not None:
            return kept
        self.state.keep_listing(url, answer.body)
        memory.etag, memory.last_modified = answer.etag, answer.last_modified
        memory.fetched = date.today().isoformat()
        return answer.body

    # -- release pages ----------------------------------------------------------------------

    def _release(self, link: Link) -> int:
        """Fetch one release page unless the archive has it; 1 if it was requested."""
        url = link.url
        if url in self._seen:
            return 0
        self._seen.add(url)
        memory = self.state.pages.get(url)
        done_before = memory is not None and (memory.ids or memory.refused)
        if memory is not None and done_before and not (link.date and link.date > memory.fetched):
            self.report.skipped += 1
            self._tell(url)
            return 0
        refusal = self._gate(url)
        if refusal:
            self._refuse(url, refusal)
            return 0
        if self.stop.is_set():
            raise Stopped
        if self.options.max_pages is not None and self._release_requests >= self.options.max_pages:
            raise _Limit
        self._release_requests += 1
        conditional = memory if done_before else None
        try:
            answer = self.client.get(
                url,
                gate=self._gate,
                etag=conditional.etag if conditional else None,
                last_modified=conditional.last_modified if conditional else None,
            )
        except FetchError as error:
            self._fail(url, str(error))
            self._tell(url)
            return 1
        if answer.status == 304 or (memory and memory.digest == file_digest(answer.body)):
            self.report.unchanged += 1
            if memory is not None:
                memory.fetched = date.today().isoformat()
        else:
            self.report.fetched += 1
            self._pending.append(_Pending(url, answer))
            if len(self._pending) >= self.options.batch_pages:
                self._flush()
        self._tell(url)
        return 1

    def _flush(self) -> None:
        """Import the pending pages in one archive write, then save the state."""
        pending, self._pending = self._pending, []
        if pending:
            results = import_pages(self.archive, [(p.url, p.answer.body) for p in pending])
            today = date.today().isoformat()
            for item, result in zip(pending, results, strict=True):
                self.state.keep_page(item.url, item.answer.body, result.digest)
                memory = self.state.page(item.url)
                memory.etag, memory.last_modified = item.answer.etag, item.answer.last_modified
                memory.digest, memory.ids, memory.fetched = result.digest, result.ids, today
                memory.refused = result.error or ""
                self.report.imported.extend(result.added)
                if result.error:
                    self.report.refused += 1
        self.state.save()
        self.report.archive_writes = self.archive.write_count - self._writes_before

    # -- reporting --------------------------------------------------------------------------

    def _fail(self, url: str, error: str) -> None:
        self.report.failed.append(FetchFailure(url, error))

    def _refuse(self, url: str, reason: str) -> None:
        if reason == "robots.txt disallows it":
            self.report.disallowed.append(url)
        else:
            self._fail(url, reason)

    def _tell(self, url: str) -> None:
        self.report.host = host_of(url)
        if self.progress is not None:
            self.progress(self.report)


def fetch(
    archive: Archive,
    sources: Sequence[str],
    options: FetchOptions | None = None,
    *,
    stop: threading.Event | None = None,
    progress: ProgressCallback | None = None,
) -> FetchReport:
    """Fetch the releases that ``sources`` list (the remembered sources when empty)."""
    crawler = Crawler(archive, options or FetchOptions(), stop=stop, progress=progress)
    return crawler.run(sources)


def remembered_sources(archive: Archive) -> list[str]:
    """The URLs fetched before into this archive."""
    return list(FetchState(archive.path).sources)
