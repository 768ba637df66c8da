"""One polite HTTP client: one request at a time, a delay per host, retries, caps, same host.

Everything that waits goes through the injected ``clock`` and ``sleep`` so tests run with a
fake clock; nothing here knows about archives, sitemaps or pages.
"""

from __future__ import annotations

import email.utils
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import httpx

from oim_archive import __version__
from oim_archive.importers import MAX_PAGE_BYTES

# No web page of ours to point to (the project is not published): the agent says what it is.
USER_AGENT = f"oim-archive/{__version__} (offline reader of IOM press releases; polite crawler)"
ROBOTS_AGENT = "oim-archive"  # the token robots.txt groups are matched against

# What a crawl may read: web pages, sitemaps and feeds; plain text only for robots.txt.
PAGE_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "application/xml",
        "text/xml",
        "application/rss+xml",
        "application/atom+xml",
    }
)
GZIP_TYPES = frozenset({"application/gzip", "application/x-gzip", "application/octet-stream"})
MIN_DELAY = 1.0  # between two requests to a site on the network, whatever --delay says
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]"})
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml;q=0.9"


class FetchError(Exception):
    """A page that could not be fetched, with a one-line reason (and the HTTP status, if any)."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.status = status


class Stopped(Exception):
    """The user asked to stop while the client was waiting its turn."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Timeouts, caps and retry policy of the client."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_bytes: int = MAX_PAGE_BYTES
    tries: int = 3
    max_retry_after: float = 300.0
    max_redirects: int = 5


@dataclass(frozen=True, slots=True)
class Answer:
    """A page as fetched: its final URL, status (200, or 304 unchanged), bytes and validators."""

    url: str
    status: int
    body: bytes
    content_type: str
    etag: str | None = None
    last_modified: str | None = None


def host_of(url: str) -> str:
    """The host (and port, when given) of a URL, lower case."""
    return urlsplit(url).netloc.lower()


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date); None if unusable."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


def gunzip_capped(data: bytes, limit: int) -> bytes:
    """Decompress gzip bytes, refusing more than ``limit`` bytes of output (gzip bombs)."""
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error:
        raise FetchError("damaged gzip data") from None
    if len(out) > limit:
        raise FetchError(f"larger than {limit // 1024**2} MB once decompressed")
    return out


class PoliteClient:
    """GET pages one at a time, waiting ``delay`` seconds between two requests to a host.

    ``gate(url)`` returns a reason to refuse a URL (robots.txt, another host) or None; it is
    asked again for every redirect target, so a redirect can never leave the allowed hosts.
    """

    def __init__(
        self,
        *,
        delay: float,
        clock: Callable[[], float],
        sleep: Callable[[float], bool],
        limits: Limits | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.delay = delay
        self.limits = limits or Limits()
        self._clock = clock
        self._sleep = sleep  # returns True when the user asked to stop during the wait
        self._next_turn: dict[str, float] = {}
        self._host_delay: dict[str, float] = {}
        self.requests = 0
        self._http = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
            timeout=httpx.Timeout(self.limits.read_timeout, connect=self.limits.connect_timeout),
            follow_redirects=False,
            transport=transport,
            trust_env=False,
        )

    def close(self) -> None:
        self._http.close()

    def set_host_delay(self, host: str, seconds: float) -> None:
        """Wait at least ``seconds`` between requests to ``host`` (robots.txt Crawl-delay)."""
        self._host_delay[host] = seconds
        self._next_turn[host] = max(self._next_turn.get(host, 0.0), self._clock() + seconds)

    def get(
        self,
        url: str,
        *,
        gate: Callable[[str], str | None],
        etag: str | None = None,
        last_modified: str | None = None,
        plain_text: bool = False,
    ) -> Answer:
        """Fetch ``url``; raise FetchError with a one-line reason when it cannot be had."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        redirects = 0
        attempt = 0
        while True:
            refusal = gate(url)
            if refusal:
                raise FetchError(refusal)
            attempt += 1
            host = host_of(url)
            self._wait_turn(host)
            try:
                answer, wait = self._request(url, headers, plain_text)
            except httpx.TimeoutException:
                raise FetchError(
                    f"timed out (no answer within {self.limits.read_timeout:g} s)"
                ) from None
            except httpx.TransportError as exc:
                if attempt >= self.limits.tries:
                    raise FetchError(f"cannot connect ({type(exc).__name__})") from None
                self._back_off(host, attempt)
                continue
            finally:
                self._done(host)
            if isinstance(answer, Answer):
                return answer
            if isinstance(answer, str):  # a redirect on the same site
                redirects += 1
                if redirects > self.limits.max_redirects:
                    raise FetchError("too many redirects")
                url, attempt = answer, 0
                continue
            status = answer
            if attempt >= self.limits.tries:
                raise FetchError(f"HTTP {status} after {attempt} tries", status)
            if wait is not None:
                self._next_turn[host] = max(self._next_turn.get(host, 0.0), self._clock() + wait)
            else:
                self._back_off(host, attempt)

    def _request(
        self, url: str, headers: dict[str, str], plain_text: bool
    ) -> tuple[Answer | str | int, float | None]:
        """One request: an Answer, a same-site redirect target, or a status worth retrying
        (with the seconds to wait when the server said so)."""
        self.requests += 1
        with self._http.stream("GET", url, headers=headers) as response:
            status = response.status_code
            if status in (301, 302, 303, 307, 308) and "location" in response.headers:
                target = urljoin(url, response.headers["location"])
                if host_of(target) != host_of(url) or urlsplit(target).scheme not in (
                    "http",
                    "https",
                ):
                    raise FetchError(f"redirects to another site ({host_of(target)}), not followed")
                return target, None
            if status == 304:
                return Answer(url, 304, b"", "", _etag(response), _modified(response)), None
            if status in (429, 503):
                wait = retry_after_seconds(response.headers.get("retry-after"))
                if wait is not None and wait > self.limits.max_retry_after:
                    raise FetchError(f"HTTP {status}: asked to come back in {wait:.0f} s")
                return status, wait
            if status >= 500:
                return status, None
            if status != 200:
                raise FetchError(f"HTTP {status}", status)
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            gzipped = content_type in GZIP_TYPES and urlsplit(url).path.endswith(".gz")
            if not (content_type in PAGE_TYPES or gzipped or plain_text):
                raise FetchError(f"not a web page or feed ({content_type or 'no content type'})")
            body = self._read_capped(response)
        if gzipped or body[:2] == b"\x1f\x8b":
            body = gunzip_capped(body, self.limits.max_bytes)
        return Answer(url, 200, body, content_type, _etag(response), _modified(response)), None

    def _read_capped(self, response: httpx.Response) -> bytes:
        limit = self.limits.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"larger than {limit // 1024**2} MB ({int(declared):,} bytes)")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():  # decoded: a compressed bomb stops at the cap too
            size += len(chunk)
            if size > limit:
                raise FetchError(f"larger than {limit // 1024**2} MB")
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_turn(self, host: str) -> None:
        wait = self._next_turn.get(host, 0.0) - self._clock()
        if wait > 0 and self._sleep(wait):
            raise Stopped

    def delay_for(self, host: str) -> float:
        """Seconds between two requests to ``host``: --delay, at least MIN_DELAY off this
        machine, at least the site's Crawl-delay."""
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        floor = 0.0 if name in LOOPBACK_HOSTS else MIN_DELAY
        return max(self.delay, floor, self._host_delay.get(host, 0.0))

    def _done(self, host: str) -> None:
        delay = self.delay_for(host)
        self._next_turn[host] = max(self._next_turn.get(host, 0.0), self._clock() + delay)

    def _back_off(self, host: str, attempt: int) -> None:
        pause = max(1.0, self.delay_for(host)) * 2**attempt
        self._next_turn[host] = max(self._next_turn.get(host, 0.0), self._clock() + pause)


def _etag(response: httpx.Response) -> str | None:
    return response.headers.get("etag") or None


def _modified(response: httpx.Response) -> str | None:
    return response.headers.get("last-modified") or None
