"""What the crawler remembers beside the archive: sources, per-URL validators, kept pages.

``<archive>.fetch/`` next to ``<archive>.json`` holds:

- ``state.json``: the sources the user fetched, and per URL its ETag / Last-Modified, the
  hash of its bytes and the releases it produced (written atomically after each batch);
- ``pages/<host>/<name>.<hash>.html.gz``: each fetched release page's bytes, gzipped, so that
  ``oim-archive import --reparse <archive>.fetch/pages`` re-parses them like files on disk;
- ``listings/<host>/<hash of URL>.gz``: the last listing/sitemap/feed bodies, to walk them
  again when the server answers "304 Not Modified".
"""

from __future__ import annotations

import gzip
import hashlib
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import orjson

from oim_archive.store.file.storage import write_atomically

STATE_VERSION = 1
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def fetch_dir(archive_path: Path) -> Path:
    """The crawler's folder for the archive at ``archive_path``."""
    return archive_path.with_name(archive_path.stem + ".fetch")


def safe_part(text: str, limit: int = 80) -> str:
    """A file-name-safe piece of ``text`` (never empty, never a dot name)."""
    cleaned = _UNSAFE.sub("-", unquote(text)).strip(".-")[:limit].strip(".-")
    return cleaned or "page"


@dataclass(slots=True)
class PageMemory:
    """One URL as last seen: validators, the hash of its bytes, the releases it produced."""

    etag: str | None = None
    last_modified: str | None = None
    digest: str = ""
    ids: list[str] = field(default_factory=list)
    fetched: str = ""  # ISO date of the last full fetch
    refused: str = ""  # why the importer found no release there


@dataclass(slots=True)
class SourceMemory:
    """A URL the user asked to fetch; ``complete`` once one run walked it to its end."""

    complete: bool = False
    last_run: str = ""


class FetchState:
    """The crawler's memory for one archive, loaded from and saved to ``state.json``."""

    def __init__(self, archive_path: Path) -> None:
        self.folder = fetch_dir(archive_path)
        self.path = self.folder / "state.json"
        self.sources: dict[str, SourceMemory] = {}
        self.pages: dict[str, PageMemory] = {}
        self.problem = ""  # set when a damaged state file was set aside
        self._load()

    def _load(self) -> None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        try:
            data = orjson.loads(raw)
            self.sources = {u: SourceMemory(**m) for u, m in data["sources"].items()}
            self.pages = {u: PageMemory(**m) for u, m in data["pages"].items()}
        except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
            # Only a cache of what the archive already holds: start afresh, keep the bad file.
            aside = self.path.with_name("state.damaged.json")
            self.path.replace(aside)
            self.problem = f"{self.path} was damaged; set aside as {aside.name}, starting afresh"
            self.sources, self.pages = {}, {}

    def save(self) -> None:
        """Write state.json atomically."""
        self.folder.mkdir(parents=True, exist_ok=True)
        data: dict[str, Any] = {
            "version": STATE_VERSION,
            "sources": {u: asdict(m) for u, m in self.sources.items()},
            "pages": {u: asdict(m) for u, m in self.pages.items()},
        }
        write_atomically(self.path, orjson.dumps(data), keep_backup=False)

    def page(self, url: str) -> PageMemory:
        """The memory of ``url`` (created empty if new)."""
        return self.pages.setdefault(url, PageMemory())

    def keep_page(self, url: str, body: bytes, digest: str) -> Path:
        """Keep a release page's bytes, gzipped, for ``import --reparse``; returns the file."""
        parts = urlsplit(url)
        name = safe_part(parts.path.rstrip("/").rsplit("/", 1)[-1])
        target = self.folder / "pages" / safe_part(parts.netloc) / f"{name}.{digest[:12]}.html.gz"
        _write_gzip(target, body)
        return target

    def keep_listing(self, url: str, body: bytes) -> None:
        """Keep the last body of a listing, sitemap or feed (walked again on a 304)."""
        _write_gzip(self._listing_path(url), body)

    def kept_listing(self, url: str) -> bytes | None:
        """The kept body of a listing, sitemap or feed, if any."""
        try:
            return gzip.decompress(self._listing_path(url).read_bytes())
        except (OSError, EOFError):
            return None

    def _listing_path(self, url: str) -> Path:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:24]
        return self.folder / "listings" / safe_part(urlsplit(url).netloc) / f"{key}.gz"


def _write_gzip(target: Path, body: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same page always gives the same bytes.
    write_atomically(target, gzip.compress(body, compresslevel=6, mtime=0), keep_backup=False)
