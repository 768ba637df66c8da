"""Reading sitemaps, feeds and listings; the client's small rules."""

from __future__ import annotations

import gzip
from datetime import datetime, timezone

import pytest

from oim_archive.fetch.client import FetchError, gunzip_capped, retry_after_seconds
from oim_archive.fetch.discover import (
    UnreadableDocument,
    is_release_url,
    read_document,
)

BASE = "https://www.iom.int/fr/news"


def test_atom_feed_links_and_dates() -> None:
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
    <entry><link rel="alternate" href="/fr/news/un"/><updated>2024-05-02T10:00:00Z</updated></entry>
    <entry><link href="https://www.iom.int/fr/news/deux"/><published>2024-05-01</published></entry>
    </feed>"""
    listing = read_document(atom, BASE)
    assert listing.kind == "feed" and listing.dated
    assert [(link.url, link.date) for link in listing.releases] == [
        ("https://www.iom.int/fr/news/un", "2024-05-02"),
        ("https://www.iom.int/fr/news/deux", "2024-05-01"),
    ]


def test_sitemap_keeps_release_pages_only_and_an_index_lists_sitemaps() -> None:
    urlset = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc>https://www.iom.int/fr/news/a</loc><lastmod>2023-01-01</lastmod></url>
    <url><loc>https://www.iom.int/fr/qui-sommes-nous</loc></url></urlset>"""
    listing = read_document(urlset, BASE)
    assert [link.url for link in listing.releases] == ["https://www.iom.int/fr/news/a"]
    index = b"""<?xml version="1.0"?><sitemapindex><sitemap><loc>/s1.xml.gz</loc>
    <lastmod>2024-01-01</lastmod></sitemap></sitemapindex>"""
    listing = read_document(index, BASE)
    assert listing.kind == "sitemap-index"
    assert [(d.url, d.date) for d in listing.documents] == [
        ("https://www.iom.int/s1.xml.gz", "2024-01-01")
    ]


def test_entity_expansion_is_refused() -> None:
    bomb = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">
    <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><item>
    <link>&b;</link></item></channel></rss>"""
    with pytest.raises(UnreadableDocument):
        read_document(bomb, BASE)


def test_listing_next_links_in_three_languages_and_same_site_only() -> None:
    for word in ("Suivant ›", "Next", "Siguiente ›"):
        page = f"""<html><body><a href="/fr/news/a">A</a><time datetime="2024-02-03">x</time>
        <a href="https://other.example/fr/news/b">B</a><a href="?page=1">{word}</a>
        <a href="/fr/a-propos">About</a></body></html>""".encode()
        listing = read_document(page, BASE)
        assert [(r.url, r.date) for r in listing.releases] == [
            ("https://www.iom.int/fr/news/a", "2024-02-03")
        ]
        assert [d.url for d in listing.documents] == ["https://www.iom.int/fr/news?page=1"]
    drupal = b'<a href="/fr/news/a">A</a><li class="pager__item--next"><a href="?page=2">&rsaquo;&rsaquo;</a></li>'
    assert [d.url for d in read_document(drupal, BASE).documents] == [BASE + "?page=2"]
    assert read_document(b"<html><p>Un communiqu\xc3\xa9</p></html>", BASE).kind == "page"


def test_release_urls() -> None:
    assert is_release_url("https://www.iom.int/fr/news/loim-au-niger")
    assert is_release_url("https://rosanjose.iom.int/site/es/noticia/yo-no-discrimino")
    assert not is_release_url("https://www.iom.int/fr/news")
    assert not is_release_url("https://www.iom.int/fr/news?page=3")
    assert not is_release_url("ftp://www.iom.int/fr/news/x")


def test_retry_after_and_gzip_cap() -> None:
    now = datetime(2024, 1, 1, 12, 0, 0, tzinfo=timezone.utc)
    assert retry_after_seconds("7") == 7
    assert retry_after_seconds("Mon, 01 Jan 2024 12:00:30 GMT", now) == 30
    assert retry_after_seconds("soon") is None
    assert gunzip_capped(gzip.compress(b"x" * 100), 100) == b"x" * 100
    with pytest.raises(FetchError, match="once decompressed"):
        gunzip_capped(gzip.compress(b"x" * 101), 100)
