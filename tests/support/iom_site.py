"""A miniature IOM-like web site served on 127.0.0.1 from a thread, with a request log.

It has what the crawler must cope with: robots.txt (a disallowed path, a Crawl-delay), a
sitemap index with two sitemaps (one gzipped, both with lastmod), an RSS feed, listings in
fr/en/es paginated with "next" links and <time> dates, 36 release pages built from the HTML
models of ``tests/real_pages`` (ETag and Last-Modified honoured), and bad pages: 429 once
with Retry-After, 500 every time, too slow, a redirect to another host, too large, a PDF.

Tests assert on ``site.log`` (what was asked, in which order, with which headers), never on
timing; ``clock`` (a fake one in tests) stamps each request so delays can be checked.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

MODELS = Path(__file__).resolve().parents[1] / "real_pages"
MODEL_FILES = {
    "fr": [
        "tuned/html_models/fr_iomint_drupal_haiti-vagues-violence.html",
        "tuned/html_models/fr_iomint_glued-phone_kedougou.html",
        "tuned/html_models/fr_rodakar_theme_visite-dga.html",
        "tuned/html_models/fr_cp1252_niger-centre-agadez.html",
    ],
    "en": [
        "tuned/html_models/en_iomint_drupal_niger-30th-convoy.html",
        "tuned/html_models/en_reliefweb_report_emergency-kits-matthew.html",
    ],
    "es": [
        "heldout/html_models/es_costarica_theme_caravanas.html",
        "heldout/html_models/es_utf8meta_mecanismos-regionales.html",
        "tuned/html_models/es_nca_theme_retornados-frontera.html",
        "tuned/html_models/es_savedpage_centros-costa-rica.html",
    ],
}
COUNTS = {"fr": 14, "en": 12, "es": 10}
PER_PAGE = 5
NEWS = {"fr": "news", "en": "news", "es": "noticias"}
NEXT = {"fr": "Suivant ›", "en": "Next ›", "es": "Siguiente ›"}
PLACES = ["Dakar", "Niamey", "Bamako", "Tunis", "Rabat", "Agadez", "Port-au-Prince", "Quito"]
SENTENCE = {
    "fr": "A {place}, la session de travail numero {n} a reuni les partenaires de l'OIM.",
    "en": "In {place}, working session number {n} brought IOM partners together.",
    "es": "En {place}, la sesion de trabajo numero {n} reunio a los socios de la OIM.",
}
FIRST_DAY = date(2024, 1, 3)

ROBOTS = "User-agent: *\nDisallow: /fr/private/\nCrawl-delay: {delay}\n"
DISALLOWED = "/fr/private/news/note-interne"
RETRY_ONCE = "/fr/news/trop-de-demandes"  # 429 with Retry-After the first time
ALWAYS_500 = "/fr/news/erreur-du-serveur"
SLOW = "/fr/news/page-tres-lente"
REDIRECT = "/fr/news/deplacee-ailleurs"  # to the same server under another host name
TOO_LARGE = "/fr/news/page-trop-grande"
PDF = "/fr/news/rapport-annuel-pdf"
BAD_PAGES = (ALWAYS_500, SLOW, REDIRECT, TOO_LARGE, PDF)
RETRY_AFTER = 7
LARGE_BYTES = 6 * 1024 * 1024


@dataclass(slots=True)
class Release:
    """One release page of the site."""

    path: str
    language: str
    day: date
    html: bytes


@dataclass(slots=True)
class Request:
    """One request as the server saw it."""

    path: str
    host: str
    headers: dict[str, str]
    at: float  # the test clock when it arrived
    status: int = 0
    started: int = 0  # event number of its arrival
    finished: int = 0  # event number of its answer's end


def _release_html(language: str, model: str, n: int, day: date) -> bytes:
    raw = (MODELS / model).read_bytes()
    encoding = "cp1252" if "cp1252" in model else "utf-8"
    text = raw.decode(encoding)
    place = PLACES[n % len(PLACES)]
    sentence = SENTENCE[language].format(place=place, n=n)
    text = re.sub(r"(<h1[^>]*>)(.*?)(</h1>)", rf"\g<1>\g<2> ({place} {n})\g<3>", text, count=1)
    if "</p>" in text:
        text = re.sub(r"</p>", f"</p><p>{sentence}</p>", text, count=1)
    else:  # the old table-and-font page: title in <b>, paragraphs split by <br><br>
        title = re.search(r"<title>(.*?)</title>", text)
        if title:
            text = text.replace(title.group(1), f"{title.group(1)} ({place} {n})")
        head, *rest = text.split("<br><br>", 3)
        text = "<br><br>".join([head, *rest[:2], sentence, *rest[2:]])
    text = re.sub(r'datetime="[^"]*"', f'datetime="{day.isoformat()}"', text)
    return text.encode(encoding)


def build_releases() -> list[Release]:
    """The 36 good release pages, a week apart, newest last."""
    releases: list[Release] = []
    n = 0
    for language, count in COUNTS.items():
        models = MODEL_FILES[language]
        for i in range(count):
            day = FIRST_DAY + timedelta(days=7 * n)
            path = f"/{language}/{NEWS[language]}/communique-{language}-{i + 1:02d}"
            releases.append(
                Release(
                    path, language, day, _release_html(language, models[i % len(models)], n, day)
                )
            )
            n += 1
    return releases


class IomSite:
    """The site and its request log; use ``serve()`` as a context manager."""

    def __init__(
        self,
        *,
        clock: Callable[[], float] = lambda: 0.0,
        crawl_delay: float = 2,
        slow_seconds: float = 3.0,
        bad_pages: bool = True,
    ) -> None:
        self.clock = clock
        self.crawl_delay = crawl_delay
        self.slow_seconds = slow_seconds
        self.bad_pages = bad_pages  # the sitemap lists the 429/500/slow/... pages
        self.releases = build_releases()
        self.by_path = {r.path: r for r in self.releases}
        self.retried_html = _release_html("fr", MODEL_FILES["fr"][0], 90, FIRST_DAY)
        self.log: list[Request] = []
        self.port = 0
        self._lock = threading.Lock()
        self._events = 0  # arrivals and departures, numbered in order
        self._answered_429 = False
        self._release_slow = threading.Event()

    # -- addresses --------------------------------------------------------------------------

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def listing_path(self, language: str, page: int = 0) -> str:
        return f"/{language}/{NEWS[language]}" + (f"?page={page}" if page else "")

    def release_paths(self, language: str | None = None) -> list[str]:
        return [r.path for r in self.releases if language in (None, r.language)]

    # -- the log ----------------------------------------------------------------------------

    def requests_for(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.log if r.path == path]

    def paths(self) -> list[str]:
        with self._lock:
            return [r.path for r in self.log]

    def most_in_flight(self, ignore: tuple[str, ...] = (SLOW, TOO_LARGE)) -> int:
        """The most requests in flight at once: a request arriving before the previous answer
        was complete. ``ignore``: answers the client abandons by design (it hangs up)."""
        with self._lock:
            spans = [(r.started, r.finished) for r in self.log if r.path not in ignore]
        return max((sum(1 for s, f in spans if s <= start < f) for start, _ in spans), default=0)

    def clear_log(self) -> None:
        with self._lock:
            self.log.clear()

    # -- pages ------------------------------------------------------------------------------

    def _listing(self, language: str, page: int) -> bytes | None:
        mine = sorted(
            (r for r in self.releases if r.language == language), key=lambda r: r.day, reverse=True
        )
        pages = [mine[i : i + PER_PAGE] for i in range(0, len(mine), PER_PAGE)]
        if page >= len(pages):
            return None
        rows = "".join(
            f'<div class="views-row"><article><h3><a href="{r.path}">Communiqué {r.path.rsplit("-", 1)[-1]}</a></h3>'
            f'<time datetime="{r.day.isoformat()}T09:00:00Z">{r.day}</time></article></div>\n'
            for r in pages[page]
        )
        if language == "fr" and page == 0:
            rows += (
                f'<div class="views-row"><a href="{DISALLOWED}">Note interne</a></div>'
                f'<div class="views-row"><a href="http://localhost:{self.port}/fr/news/ailleurs">Ailleurs</a></div>'
            )
        pager = ""
        if page + 1 < len(pages):
            pager = (
                f'<nav class="pager"><a href="?page=0">1</a> <a href="?page={page + 1}">{page + 2}</a> '
                f'<a href="{self.listing_path(language, page + 1)}">{NEXT[language]}</a></nav>'
            )
        return (
            f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8"><title>News</title></head>'
            f'<body><nav><a href="/{language}/qui-sommes-nous">Qui sommes nous</a></nav><main>'
            f'<div class="view-content">{rows}</div>{pager}</main></body></html>'
        ).encode()

    def _sitemap(self, paths: list[tuple[str, date]]) -> bytes:
        entries = "".join(
            f"<url><loc>{self.url(p)}</loc><lastmod>{d.isoformat()}</lastmod></url>"
            for p, d in paths
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}'
            f"<url><loc>{self.url('/fr/qui-sommes-nous')}</loc></url></urlset>"
        ).encode()

    def _sitemap_index(self) -> bytes:
        last = max(r.day for r in self.releases).isoformat()
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{self.url('/sitemaps/news-fr.xml')}</loc><lastmod>{last}</lastmod></sitemap>"
            f"<sitemap><loc>{self.url('/sitemaps/news-en.xml.gz')}</loc><lastmod>{last}</lastmod></sitemap>"
            "</sitemapindex>"
        ).encode()

    def _rss(self) -> bytes:
        items = "".join(
            f"<item><title>Comunicado</title><link>{self.url(r.path)}</link>"
            f"<pubDate>{email.utils.format_datetime(_midday(r.day))}</pubDate></item>"
            for r in self.releases
            if r.language == "es"
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>OIM noticias</title><link>{self.url('/es/noticias')}</link>{items}</channel></rss>"
        ).encode()

    def document(self, path: str, query: dict[str, list[str]]) -> tuple[bytes, str] | None:
        """The body and content type of a normal page, or None (404)."""
        if path == "/robots.txt":
            return ROBOTS.format(delay=self.crawl_delay).encode(), "text/plain"
        if path == "/sitemap.xml":
            return self._sitemap_index(), "application/xml"
        if path == "/sitemaps/news-fr.xml":
            fr = [(r.path, r.day) for r in self.releases if r.language == "fr"]
            bad = [(p, FIRST_DAY) for p in (RETRY_ONCE, *BAD_PAGES)] if self.bad_pages else []
            return self._sitemap(fr + bad), "application/xml"
        if path == "/sitemaps/news-en.xml.gz":
            en = [(r.path, r.day) for r in self.releases if r.language == "en"]
            return gzip.compress(self._sitemap(en), mtime=0), "application/x-gzip"
        if path == "/es/rss.xml":
            return self._rss(), "application/rss+xml; charset=utf-8"
        for language in NEWS:
            if path == self.listing_path(language):
                body = self._listing(language, int(query.get("page", ["0"])[0] or 0))
                return (body, "text/html; charset=utf-8") if body is not None else None
        if path == RETRY_ONCE:
            return self.retried_html, "text/html"
        release = self.by_path.get(path)
        if release is not None:
            return release.html, "text/html; charset=utf-8"
        return None

    # -- serving ----------------------------------------------------------------------------

    @contextmanager
    def serve(self) -> Iterator[IomSite]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out at once, as on real servers

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                site._handle(self)

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client that hung up (the crawler gave up on a slow or huge page)

        server = Server(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        self.port = server.server_address[1]
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._release_slow.set()
            server.shutdown()
            server.server_close()
            thread.join()

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        with self._lock:
            self._events += 1
            entry = Request(
                parts.path + (f"?{parts.query}" if parts.query else ""),
                handler.headers.get("Host", ""),
                {k.lower(): v for k, v in handler.headers.items()},
                self.clock(),
                started=self._events,
            )
            self.log.append(entry)
        handler.before_last_write = lambda: self._finish(entry)  # type: ignore[attr-defined]
        try:
            entry.status = self._answer(handler, parts.path, parse_qs(parts.query))
        finally:
            self._finish(entry)

    def _finish(self, entry: Request) -> None:
        """Mark an answer complete just before its last bytes go out: the client cannot have
        the whole answer before this, so a request arriving earlier was really concurrent."""
        with self._lock:
            if not entry.finished:
                self._events += 1
                entry.finished = self._events

    def _answer(
        self, handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]
    ) -> int:
        if path == ALWAYS_500:
            return _send(handler, 500, b"Internal Server Error", "text/plain")
        if path == RETRY_ONCE and not self._answered_429:
            self._answered_429 = True
            return _send(
                handler, 429, b"Too Many Requests", "text/plain", {"Retry-After": str(RETRY_AFTER)}
            )
        if path == SLOW:
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.send_header("Content-Length", "100")
            handler.end_headers()
            self._release_slow.wait(self.slow_seconds)
            return 200
        if path == REDIRECT:
            return _send(
                handler,
                302,
                b"",
                "text/plain",
                {"Location": f"http://localhost:{self.port}/fr/news/ailleurs"},
            )
        if path == TOO_LARGE:
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.send_header("Transfer-Encoding", "chunked")
            handler.end_headers()
            chunk = b"<p>" + b"x" * 65_536 + b"</p>"
            try:
                for _ in range(LARGE_BYTES // len(chunk) + 2):
                    handler.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                handler.wfile.write(b"0\r\n\r\n")
            except OSError:
                pass  # the client gave up at its size cap
            return 200
        if path == PDF:
            return _send(handler, 200, b"%PDF-1.4 fake", "application/pdf")
        found = self.document(path, query)
        if found is None:
            return _send(handler, 404, b"Not Found", "text/plain")
        body, content_type = found
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        modified = email.utils.format_datetime(_midday(FIRST_DAY), usegmt=True)
        headers = {"ETag": etag, "Last-Modified": modified}
        if handler.headers.get("If-None-Match") == etag or (
            handler.headers.get("If-None-Match") is None
            and handler.headers.get("If-Modified-Since") == modified
        ):
            return _send(handler, 304, b"", content_type, headers)
        return _send(handler, 200, body, content_type, headers)


def _midday(day: date) -> datetime:
    from datetime import datetime

    return datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc)


def _send(
    handler: BaseHTTPRequestHandler,
    status: int,
    body: bytes,
    content_type: str,
    headers: dict[str, str] | None = None,
) -> int:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.before_last_write()  # type: ignore[attr-defined]
    handler.end_headers()
    if status != 304:
        with suppress(OSError):
            handler.wfile.write(body)
    return status


@dataclass
class FakeClock:
    """A clock that only moves when the crawler sleeps; records every sleep."""

    now: float = 1000.0
    sleeps: list[float] = field(default_factory=list)

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> bool:
        self.sleeps.append(seconds)
        self.now += seconds
        return False
