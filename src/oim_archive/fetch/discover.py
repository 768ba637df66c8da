"""What a fetched document lists: sitemaps (and sitemap indexes), RSS/Atom feeds, listing pages.

XML goes through defusedxml (no entity expansion, no external entities: the bytes are hostile);
HTML listings through the standard library's tolerant ``html.parser``. Nothing here fetches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeXML
from defusedxml import DefusedXmlException

# The path of a release on iom.int and its country sites: /fr/news/<slug>, /es/noticia/<slug>,
# /site/es/noticia/<slug>, /statements/<slug>, /press-release/<slug> ...
RELEASE_PATH = re.compile(
    r"/(?:news|noticias?|actualites?|nouvelles|press-releases?|communiques?|comunicados?|"
    r"statements|declarations?|declaraciones)/[^/?#]+/?$",
    re.IGNORECASE,
)
NEXT_WORDS = re.compile(
    r"^\s*(?:next|suivant|suivante|page suivante|siguiente|página siguiente|›|>)\s*[›»>]?\s*$",
    re.IGNORECASE,
)
XML_ROOTS = {"urlset": "sitemap", "sitemapindex": "sitemap-index", "rss": "feed", "feed": "feed"}


class UnreadableDocument(Exception):
    """A sitemap or feed that cannot be parsed."""


@dataclass(slots=True)
class Link:
    """A page a document points to, with the date it gives for it (ISO text, may be empty)."""

    url: str
    date: str = ""


@dataclass(slots=True)
class Listing:
    """What a document lists: release pages, more documents to read (sitemaps, next pages)."""

    kind: str  # "sitemap", "sitemap-index", "feed", "listing" or "page" (no release links)
    releases: list[Link] = field(default_factory=list)
    documents: list[Link] = field(default_factory=list)
    dated: bool = False  # the document gives dates for its releases


def is_release_url(url: str) -> bool:
    """Whether a URL looks like one release of an IOM site (not a listing, not an about page)."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(RELEASE_PATH.search(parts.path))


def read_document(body: bytes, url: str) -> Listing:
    """The links of a sitemap, sitemap index, feed or HTML listing page."""
    head = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    xml = head.startswith(b"<?xml") or re.match(rb"<(urlset|sitemapindex|rss|feed|rdf:rdf)\b", head)
    if xml and b"<html" not in head:
        return read_xml(body, url)
    return read_listing(body, url)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _child_text(element: Element, name: str) -> str:
    for child in element:
        if _local(child.tag) == name:
            return (child.text or "").strip()
    return ""


def read_xml(body: bytes, url: str) -> Listing:
    """A sitemap, sitemap index, RSS or Atom feed; namespaces are ignored."""
    try:
        root = SafeXML.fromstring(body)
    except (ParseError, DefusedXmlException, ValueError) as exc:
        raise UnreadableDocument(
            f"not a readable sitemap or feed ({exc.__class__.__name__})"
        ) from None
    kind = XML_ROOTS.get(_local(root.tag), "feed" if _local(root.tag) == "rdf" else "")
    if not kind:
        raise UnreadableDocument(
            f"an XML document that is no sitemap or feed (<{_local(root.tag)}>)"
        )
    listing = Listing(kind=kind)
    if kind in ("sitemap", "sitemap-index"):
        target = listing.documents if kind == "sitemap-index" else listing.releases
        for entry in root:
            loc = _child_text(entry, "loc")
            if loc:
                target.append(Link(urljoin(url, loc), _child_text(entry, "lastmod")))
        listing.releases = [link for link in listing.releases if is_release_url(link.url)]
    else:
        for item in root.iter():
            if _local(item.tag) not in ("item", "entry"):
                continue
            href = _feed_link(item)
            if href:
                date = _child_text(item, "pubdate") or _child_text(item, "published")
                date = date or _child_text(item, "updated") or _child_text(item, "date")
                listing.releases.append(Link(urljoin(url, href), feed_date(date)))
    listing.dated = bool(listing.releases) and all(link.date for link in listing.releases)
    return listing


def _feed_link(item: Element) -> str:
    for child in item:
        if _local(child.tag) != "link":
            continue
        if child.text and child.text.strip():
            return child.text.strip()  # RSS
        if child.get("rel", "alternate") == "alternate" and child.get("href"):
            return child.get("href", "")  # Atom
    return ""


def feed_date(text: str) -> str:
    """An ISO date (YYYY-MM-DD) from an RSS (RFC 822) or Atom (ISO 8601) date, else ''."""
    import email.utils

    text = text.strip()
    if re.match(r"\d{4}-\d{2}-\d{2}", text):
        return text[:10]
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return ""


class _LinkParser(HTMLParser):
    """Anchors, rel=next links and <time datetime> values, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[str, str]] = []  # ("release"|"next"|"time", value)
        self._anchor: dict[str, str] | None = None
        self._anchor_text: list[str] = []
        self._li_next = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "li" and "next" in values.get("class", ""):
            self._li_next += 1
        elif tag == "link" and values.get("rel", "").lower() == "next" and values.get("href"):
            self.events.append(("next", values["href"]))
        elif tag == "time" and values.get("datetime"):
            self.events.append(("time", values["datetime"]))
        elif tag == "a" and values.get("href"):
            self._anchor = values
            self._anchor_text = []

    def handle_data(self, data: str) -> None:
        if self._anchor is not None:
            self._anchor_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "li" and self._li_next:
            self._li_next -= 1
        elif tag == "a" and self._anchor is not None:
            anchor, self._anchor = self._anchor, None
            text = " ".join("".join(self._anchor_text).split())
            nextish = (
                "next" in anchor.get("rel", "").lower().split()
                or "next" in anchor.get("class", "").lower()
                or self._li_next > 0
                or bool(NEXT_WORDS.match(text))
            )
            self.events.append(("next" if nextish else "anchor", anchor["href"]))


def read_listing(body: bytes, url: str) -> Listing:
    """The release links of an HTML listing page (each with the <time> that follows it) and
    its "next page" link; a page with no release link is a page to import, not a listing."""
    parser = _LinkParser()
    text = body.decode("utf-8", errors="replace")
    parser.feed(text)
    parser.close()
    host = urlsplit(url).netloc.lower()
    listing = Listing(kind="listing")
    seen: set[str] = {urldefrag(url).url}
    current: Link | None = None
    for event, value in parser.events:
        if event == "time":
            if current is not None and not current.date:
                current.date = value[:10]
            continue
        target = urldefrag(urljoin(url, value.strip())).url
        if urlsplit(target).netloc.lower() != host or target in seen:
            continue
        if event == "next":
            seen.add(target)
            listing.documents.append(Link(target))
        elif is_release_url(target):
            seen.add(target)
            current = Link(target)
            listing.releases.append(current)
    if not listing.releases:
        return Listing(kind="page")
    listing.dated = all(link.date for link in listing.releases)
    return listing
