"""Hand-written pages in fr, en and es: every variant of the issue, field by field."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.store.records import Release
from tests.support.importer_expectations import PAGES, REFUSED

PAGES_DIR = Path(__file__).resolve().parents[1] / "pages"
CHROME_LINES = (
    "Qui sommes nous",
    "Who We Are",
    "Quiénes somos",
    "Notre travail",
    "Our Work",
    "Nuestro trabajo",
    "Data and Research",
    "Datos e investigación",
    "Données et",
    "Communiqué",
    "Comunicado",
    "Press Release",
    "Photo",
    "Foto:",
    "Lire la suite",
    "Share this",
    "Posted:",
    "Publicado:",
    "Compartir",
    "DOCTYPE",
    "<script",
    "window.dataLayer",
    "IOM/Ismail",
    "###",
    "IOM - News",
    "mailto",
    "<p>",
    "&nbsp;",
    "&#",
    "\x1b",
)


def parse(name: str, data: bytes | None = None) -> list[Release]:
    raw = (PAGES_DIR / name).read_bytes() if data is None else data
    return parse_page(raw, name)


def check(release: Release, expected: dict[str, Any]) -> None:
    for key, value in expected.items():
        if key == "contacts":
            got = [(c.name, c.office, c.phones, c.emails) for c in release.contacts]
            assert got == value
        elif key == "quoted":
            assert [(q.name, q.role) for q in release.quoted] == value
        elif key == "body_start":
            assert release.body.startswith(value), release.body[:200]
        elif key == "body_end":
            assert release.body.endswith(value), release.body[-200:]
        elif key == "paragraphs":
            assert len(release.body.split("\n\n")) == value, release.body
        else:
            assert getattr(release, key) == value, key


def check_clean(release: Release) -> None:
    for text in (release.title, release.body):
        for chrome in CHROME_LINES:
            assert chrome not in text
        assert "\r" not in text and "\x1b" not in text and "\ufeff" not in text
    assert "\n" not in release.title
    assert "\n\n\n" not in release.body
    for paragraph in release.body.split("\n\n"):
        assert paragraph and paragraph == paragraph.strip() and "\n" not in paragraph


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_fields(name: str) -> None:
    releases = parse(name)
    expected = PAGES[name]
    assert [r.title for r in releases] == [e["title"] for e in expected]
    for release, fields in zip(releases, expected, strict=True):
        check(release, fields)
        check_clean(release)
        assert release.source == name
        assert release.imported_at is None


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_page_refused(name: str) -> None:
    with pytest.raises(ImportRefused, match=REFUSED[name]):
        parse(name)


def test_every_page_file_has_expectations() -> None:
    files = {p.name for p in PAGES_DIR.glob("*.txt")}
    assert files == set(PAGES) | set(REFUSED)


def test_pages_cover_three_languages() -> None:
    languages = {r.language for name in PAGES for r in parse(name)}
    assert languages == {"fr", "en", "es"}


# Encodings and line ends: the same release whatever the bytes look like.
ENCODINGS = {
    "utf-8": ("utf-8", "\n", b""),
    "utf-8 BOM": ("utf-8", "\n", codecs.BOM_UTF8),
    "cp1252": ("cp1252", "\n", b""),
    "latin-1": ("latin-1", "\n", b""),
    "CRLF": ("utf-8", "\r\n", b""),
    "CR": ("utf-8", "\r", b""),
    "cp1252 CRLF": ("cp1252", "\r\n", b""),
    "utf-16 BOM": ("utf-16", "\n", b""),
    "utf-16-le no BOM": ("utf-16-le", "\n", b""),
}
# Characters an old encoding cannot hold, written the way such pages write them.
FALLBACK = {"−": "-", "–": "-", "’": "'", "œ": "oe", "“": '"', "”": '"', "…": "..."}


def representable(text: str, encoding: str) -> str:
    """The text with the characters the encoding lacks replaced (as old pages did)."""
    out = []
    for char in text:
        try:
            char.encode(encoding)
        except UnicodeEncodeError:
            char = FALLBACK[char]
        out.append(char)
    return "".join(out)


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
@pytest.mark.parametrize(
    "name",
    ["fr_senegal_country_site.txt", "es_global_guatemala.txt", "fr_old_communique_haiti.txt"],
)
def test_encodings_and_line_ends(name: str, encoding: str) -> None:
    codec, newline, prefix = ENCODINGS[encoding]
    text = representable((PAGES_DIR / name).read_text(encoding="utf-8"), codec)
    [reference] = parse_page(text.encode("utf-8"), name)
    [release] = parse(name, prefix + text.replace("\n", newline).encode(codec))
    assert release.to_dict() == reference.to_dict()
    check_clean(release)


def test_decomposed_unicode_is_composed() -> None:
    text = (PAGES_DIR / "fr_senegal_country_site.txt").read_text(encoding="utf-8")
    [reference] = parse_page(text.encode("utf-8"), "nfc.txt")
    [release] = parse_page(unicodedata.normalize("NFD", text).encode("utf-8"), "nfd.txt")
    assert release.title == reference.title and release.body == reference.body
    assert release.id == reference.id


def test_seed_002_in_cp1252_with_crlf_matches_utf8() -> None:
    seeds = Path(__file__).resolve().parents[2] / "sample_data"
    [path] = seeds.glob("002_*.txt")
    text = path.read_text(encoding="utf-8")
    [reference] = parse_page(text.encode("utf-8"), path.name)
    [release] = parse_page(text.replace("\n", "\r\n").encode("cp1252"), path.name)
    assert release == reference


def test_mixed_encodings_line_by_line() -> None:
    text = (PAGES_DIR / "fr_old_communique_haiti.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    # The title in UTF-8, the rest in Windows-1252: a page glued from two sources.
    data = lines[0].encode() + b"\n" + lines[1].encode() + b"\n" + lines[2].encode("utf-8")
    data += b"\n" + "\n".join(lines[3:]).encode("cp1252")
    [release] = parse_page(data, "mixed.txt")
    assert release.title == "Des abris d'urgence pour 10 000 familles déplacées en Haïti"
    assert "séisme" in release.body


def test_ansi_escapes_removed_but_brackets_kept() -> None:
    [release] = parse("en_ansi_markup.txt")
    assert "\x1b" not in release.title + release.body and "pwned" not in release.body
    assert "[link=http://x]figure[/link]" in release.body
    assert "[bold]Record[/bold]" in release.title


def test_listing_repeated_lines_and_cms_lines_dropped() -> None:
    releases = parse("fr_listing_news.txt")
    assert len(releases) == 3
    for release in releases:
        assert "Lire la suite" not in release.body
        assert "04/2017" not in release.body
    assert releases[0].contacts and not releases[1].contacts


def test_duplicate_items_in_a_listing_are_returned_once() -> None:
    text = (PAGES_DIR / "fr_listing_news.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("IOM - News - Jeu"))
    end = next(i for i, line in enumerate(lines) if line.startswith("IOM - News - Ven"))
    doubled = "\n".join(lines[:end] + lines[start:end] + lines[end:])
    assert len(parse_page(doubled.encode(), "doubled.txt")) == 3


@pytest.mark.parametrize("name", ["fr_listing_news.txt", "en_listing_posted.txt"])
def test_listing_with_blank_lines_between_all_lines(name: str) -> None:
    text = (PAGES_DIR / name).read_text(encoding="utf-8")
    spaced = "\n\n".join(text.split("\n"))
    assert [r.to_dict() for r in parse_page(spaced.encode(), name)] == [
        r.to_dict() for r in parse(name)
    ]


def test_listing_of_identical_items_keeps_the_text_and_returns_it_once() -> None:
    item = "IOM - News - Mar, 04/04/2017 - 11:24\nUn titre\nGenève – Un corps en 2015.\nLire la suite\n"
    [release] = parse_page((item * 2000).encode(), "same.txt")
    assert (release.title, release.dateline, release.body) == (
        "Un titre",
        "Genève",
        "Un corps en 2015.",
    )
    assert release.date == "2017-04-04"


def test_big_listing_yields_every_item() -> None:
    items = [
        f"IOM - News - Mar, 04/04/2017 - 11:24\nTitre numéro {n}\nDakar – Corps du texte {n}.\nRead more\n"
        for n in range(1500)
    ]
    releases = parse_page("".join(items).encode(), "many.txt")
    assert [r.title for r in releases] == [f"Titre numéro {n}" for n in range(1500)]
    assert all(r.country == "SN" and "Read more" not in r.body for r in releases)
