"""HTML documents: parsed as documents, chrome dropped, metadata read."""

from __future__ import annotations

import threading

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.importers import html_css as module
from oim_archive.importers.html import is_html, read_html

ARTICLE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>L'OIM ouvre un centre à Agadez | Organisation internationale pour les migrations</title>
<meta property="article:published_time" content="2016-03-15T10:00:00+01:00">
<script>var s = "<p>Faux paragraphe</p>";</script><style>p {{ color: red }}</style></head>
<body><div class="cookie-banner">Ce site utilise des cookies… Accepter Refuser</div>
<header><nav><a>Qui sommes nous</a><a>Notre travail</a></nav></header>
<main><article><h1>L'OIM ouvre un centre à Agadez</h1>
<div class="field--name-body"><p>Niger - L'OIM a ouvert un centre pour les migrants à Agadez,
 financé par le Japon.</p><p>{second}</p>
<p>Pour plus d'informations, veuillez contacter :<br>Awa Ndiaye, OIM Niamey, Tél : +227 20 00 00 00,
 Email : andiaye@iom.int</p></div>
<div class="share">Partager Facebook X</div>
<div class="view-related"><h3>À lire aussi</h3><time datetime="2020-01-01">1 janvier 2020</time></div>
</article></main>
<footer>17 route des Morillons, Genève · Tél : +41 22 717 9111 · Privacy Policy</footer></body></html>
"""


def test_article_title_date_body_and_contact() -> None:
    page = ARTICLE.format(second="Le centre informe les migrants de leurs droits.")
    [release] = parse_page(page.encode("utf-8"), "agadez.html")
    assert release.title == "L'OIM ouvre un centre à Agadez"
    assert release.date == "2016-03-15"
    assert release.date_basis == "published"
    assert release.dateline == "Niger"
    assert release.country == "NE"
    assert release.body.startswith("L'OIM a ouvert un centre")
    assert "cookies" not in release.body and "Faux" not in release.body
    assert "Partager" not in release.body and "Morillons" not in release.body
    assert [c.name for c in release.contacts] == ["Awa Ndiaye"]
    assert release.contacts[0].phones == ["+22720000000"]
    assert release.funders == ["Japon"]


def test_windows_1252_without_charset() -> None:
    page = (
        "<html><head><title>L’OIM au Niger</title></head><body><font>"
        "<b>L’OIM au Niger</b><br><br>Niger - L’OIM a ouvert un bureau à Agadez.<br><br>"
        "<i>Publié le 16 mai 2014</i></font></body></html>"
    )
    [release] = parse_page(page.encode("cp1252"), "agadez.htm")
    assert release.title == "L’OIM au Niger"
    assert release.body == "L’OIM a ouvert un bureau à Agadez."
    assert (release.date, release.date_basis) == ("2014-05-16", "published")


def test_sniffed_by_content_not_name() -> None:
    assert is_html("<!-- saved from url=(0020)https://iom.int -->\n<html><body></body></html>")
    assert is_html("  <!doctype html><p>x</p>")
    assert not is_html("Titre\n\nGenève - Le texte <b>gras</b> reste du texte.")


def test_listing_view_gives_one_release_per_row() -> None:
    rows = "".join(
        f'<div class="views-row"><h3><a>Titre numéro {n} de la liste</a></h3>'
        f'<time datetime="2019-0{n}-10T00:00:00Z">10/0{n}/2019</time>'
        f"<p>Dakar - Le texte de l'article {n} de la liste.</p></div>"
        for n in (1, 2, 3)
    )
    page = f"<!DOCTYPE html><html><body><main>{rows}</main></body></html>"
    releases = parse_page(page.encode(), "liste.html")
    assert [r.title for r in releases] == [f"Titre numéro {n} de la liste" for n in (1, 2, 3)]
    assert [r.date for r in releases] == ["2019-01-10", "2019-02-10", "2019-03-10"]


def test_page_of_chrome_only_is_refused() -> None:
    page = "<!DOCTYPE html><html><body><nav>Accueil Contact</nav><footer>©</footer></body></html>"
    try:
        parse_page(page.encode(), "vide.html")
    except ImportRefused:
        return
    raise AssertionError("a page without release text was imported")


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), max_codepoint=0x2FFF), max_size=80
)


@settings(max_examples=150, deadline=None)
@given(second=_TEXT, junk=st.sampled_from(["<", "</p", "<script>", "&#27;[31m", "<!--", "]]>"]))
def test_any_paragraph_text_keeps_the_page_importable(second: str, junk: str) -> None:
    """Whatever a paragraph holds, the title, date and contact stay, and no control reaches out."""
    page = ARTICLE.format(second=f"{second}{junk}")
    try:
        releases = parse_page(page.encode("utf-8"), "p.html")
    except ImportRefused:
        raise AssertionError("a well-formed article was refused") from None
    release = releases[0]
    assert release.title == "L'OIM ouvre un centre à Agadez"
    assert release.date == "2016-03-15"
    assert not any(ord(ch) < 32 and ch != "\n" for ch in release.body)
    assert "\x1b" not in release.body


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["<!DOCTYPE html>", "<html><body>", "<html>"]))
def test_arbitrary_bytes_after_a_doctype_never_crash(tail: bytes, head: str) -> None:
    try:
        releases = parse_page(head.encode() + tail, "x.html")
    except ImportRefused:
        return
    for release in releases:
        assert release.title and release.body


def test_read_html_gives_title_even_without_h1() -> None:
    page = "<html><head><title>Un titre de communiqué | OIM Italia</title></head><body><p>x</p></body></html>"
    [item] = read_html(page)
    assert item.title == "Un titre de communiqué"


def test_one_css_engine_per_thread_finds_what_the_parser_finds() -> None:
    """The thread's shared selector engine gives each page's own matches, as node.css does."""
    pages = ["<p>a</p><div><p>b</p></div>", "<h1>t</h1><p>c</p>"]
    for page in pages:
        root = LexborHTMLParser(page).root
        assert root is not None
        assert [n.html for n in module.css(root, "p")] == [n.html for n in root.css("p")]
        first = module.css_first(root, "p")
        assert first is not None and first.html == root.css_first("p").html
        assert module.css_first(root, "table") is None
    engines: list[object] = []
    thread = threading.Thread(target=lambda: engines.append(module.selector()))
    thread.start()
    thread.join()
    assert module.selector() is module.selector() is not engines[0]
