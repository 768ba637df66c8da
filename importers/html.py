"""HTML documents (saved pages, CMS articles, listing views) read with a real parser (selectolax).

The page's chrome (scripts, menus, cookie banners, share and related blocks, footers) is taken
out, the title comes from ``<h1>`` / ``og:title`` / ``<title>``, the publication date from the
page's metadata or its "Posted:" / "Publié le" label, and the main content becomes plain text
with one paragraph per block for the text pipeline.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from oim_archive.store.text import CONTROL_CHARACTER, clean_line, strip_control

from .archive_lines import is_archive_or_bulletin_line
from .bulletin import in_article, is_bulletin, mark_cells
from .html_css import css as _css
from .html_css import css_first as _css_first
from .html_date_element import dated_element, row_date
from .html_dates import first_time, metadata_date, microdata_date, original_time, take_label
from .html_mail import mail_header

# An HTML document by its content: optional XML declaration and comments, then a doctype or
# <html>; or, further in, a <head>/<body> element.
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_HTML_INSIDE = re.compile(r"<(?:head|body)[\s>]", re.IGNORECASE)
HTML_SNIFF_CHARS = 4096

_DROPPED_TAGS = (
    "script, style, noscript, svg, nav, form, iframe, template, button, select, input, object, "
    "embed, canvas, header, footer, aside, dialog"
)
# Blocks of chrome by their class or id: cookie banners, sharing, related news, menus…
_CHROME_WORDS = (
    "cookie", "consent", "gdpr", "share", "sharing", "social", "related", "relacionad",
    "breadcrumb", "menu", "navbar", "pager", "pagination", "sidebar", "newsletter", "subscribe",
    "comment", "hidden", "sr-only", "skip-link", "modal", "popup", "tags", "language-switcher",
    "print", "readmore",
)  # fmt: skip
# Any of them in a class or id, as the selector "[class*=cookie i], [id*=cookie i], …" matches
# (ASCII letters in either case), tested in Python: lexbor tried 50 selectors on every element.
# Tested on the UTF-8 bytes lower-cased: bytes.lower() changes ASCII letters only, like the "i".
_CHROME_NAME = re.compile("|".join(_CHROME_WORDS).encode("ascii"))
_KEPT_TAGS = frozenset(("html", "body", "main", "article"))
# Where CMSs put the release's text, most specific first.
_BODY_SELECTORS = (
    '[itemprop="articleBody"]',
    ".field--name-body",
    ".field-name-body",
    ".rw-report__content",
    ".entry-content",
    ".article-body",
    ".article__body",
    ".post-content",
    ".node__content",
    ".body",
)
_CONTAINER_SELECTORS = ("article", "main", '[role="main"]', "#content", ".content")
_PARAGRAPH_TAGS = (
    "p, h1, h2, h3, h4, h5, h6, div, section, article, main, table, tr, ul, ol, li, dl, dt, dd, "
    "blockquote, figure, figcaption, pre, address, center, hr"
)
_PARAGRAPH = "\ue000"
_LINE = "\ue001"
# A run of breaks and the spaces around them (split out; the spaces before it are stripped).
_BREAK_RUN = re.compile(r"([\ue000\ue001][\s\ue000\ue001]*)")
# Runs of spaces of any kind, except a single plain space (already what it becomes): matching
# every word's space made the substitution several times slower.
_OTHER_SPACES = "\t\r\n\f\v\u00a0\u202f\u2007\u2009"
_SPACES = re.compile(f" [ {_OTHER_SPACES}]+|[{_OTHER_SPACES}][ {_OTHER_SPACES}]*")
_TITLE_SUFFIX = re.compile(r"\s+[|–—]\s+[^|–—]{2,80}$")
MIN_HEADING_WORDS = 3
# Rows of a listing view and the heading of each (Drupal views, cards, plain lists).
_ROW_SELECTORS = (
    ".views-row",
    "article",
    ".items-leading > div",  # a Joomla category blog's leading items, then its rows
    ".items-row > .item",
    ".node-teaser",
    ".teaser",
    ".card",
    ".list-item",
    ".view-content > div",
    "main li",
)
# Rows of any of them: fewer than two in all, no selector can find two (one query, not eight).
_ANY_ROW = ", ".join(_ROW_SELECTORS)
_ROW_HEADINGS = "h2, h3, h4, h5, .title, .field--name-title, .views-field-title"
MIN_LISTING_ITEMS = 2


@dataclass(slots=True)
class HtmlItem:
    """One release's parts in an HTML page: title, the date the page states, body text, and
    whether the page is one of IOM's own sites (IOM is the one speaking there)."""

    title: str | None
    stated_date: str
    text: str
    iom_site: bool = False


# IOM's own site by its head: a <title> ending on IOM's name, an address on iom.int.
_IOM_TITLE_END = re.compile(
    r"\s[|–—-]\s*(?:IOM|OIM|International\s+Organization\s+for\s+Migration|Organisation\s+"
    r"internationale\s+pour\s+les\s+migrations|Organizaci[óo]n\s+Internacional\s+para\s+las\s+"
    r"Migraciones)\b[^|]*$",
    re.IGNORECASE,
)
_IOM_ADDRESS = re.compile(
    r"(?:canonical|og:url)[\"'][^>]*=[\"']https?://(?:[\w-]+\.)*iom\.int[/\"']"
)
HEAD_CHARS = 8192


def _is_iom_site(text: str) -> bool:
    """The page's head names IOM as its site (its <title>'s end, its canonical address); plain
    searches first, each regex on a short span or on a head that holds "iom.int"."""
    end = text.find("</head>", 0, HEAD_CHARS)
    end = HEAD_CHARS if end < 0 else end
    start = text.find("<title>", 0, end)
    stop = text.find("</title>", start, end) if start >= 0 else -1
    if stop > 0 and _IOM_TITLE_END.search(text[start + len("<title>") : stop]):
        return True
    return text.find("iom.int", 0, end) >= 0 and _IOM_ADDRESS.search(text, 0, end) is not None


def is_html(text: str) -> bool:
    """An HTML document (by its content, whatever the file's name)."""
    head = text[:HTML_SNIFF_CHARS]
    return _HTML_START.match(head) is not None or (
        head.lstrip().startswith("<") and _HTML_INSIDE.search(head) is not None
    )


def _text(node: LexborNode) -> str:
    return clean_line(node.text(separator=" "))


# A theme's logo or site name in an <h1> ("<h1 class="logo">Guinee7.com - Toute l'actualité…").
_SITE_NAME_BLOCK = re.compile(r"logo|site[-_]?(?:title|name)|branding", re.IGNORECASE)


def _is_site_name(node: LexborNode, site: str) -> bool:
    """An <h1> holding the site's name: its text (alone or before a dash), or a logo block."""
    text, site = _text(node).casefold(), site.casefold()
    if site and (text == site or re.match(rf"{re.escape(site)}\s+[-–|]\s", text)):
        return True
    blocks = (node, node.parent, node.parent.parent if node.parent else None)
    names = (f"{b.attributes.get('class')} {b.attributes.get('id')}" for b in blocks if b)
    return any(_SITE_NAME_BLOCK.search(name) for name in names) or _links_home(node, text)


# A link to a site's home page: its root, an index page or a language's root ("/es/").
_HOME_LINK = re.compile(r"^(?:https?://[^/?#]+)?(?:/(?:index\.\w+|[a-z]{2})?)?/?$", re.IGNORECASE)


def _links_home(node: LexborNode, text: str) -> bool:
    """An <h1> whose whole text is a link to the site's home page (a blog's name)."""
    link = next((child for child in node.iter() if child.tag == "a"), None)  # no CSS query
    if link is None or _text(link).casefold() != text:
        return False
    return _HOME_LINK.match((link.attributes.get("href") or "").strip()) is not None


def _headline(top: LexborNode) -> str | None:
    """The title: the page's <h1> (not the site's), else og:title, else <title> less the site."""
    site_meta = _css_first(top, 'meta[property="og:site_name"]')
    site = clean_line(site_meta.attributes.get("content") or "") if site_meta is not None else ""
    for node in _css(top, "h1"):
        text = _text(node)
        heading = text.count(" ") + 1 >= MIN_HEADING_WORDS and not _is_site_name(node, site)
        if heading and not is_archive_or_bulletin_line(text):  # not "Catégorie : …" either
            return text
    og = _css_first(top, 'meta[property="og:title"]')
    if og is not None and (og.attributes.get("content") or "").strip():
        return clean_line(og.attributes.get("content") or "")
    word_title = _css_first(top, ".MsoTitle")  # a release written in Word, saved as HTML
    if word_title is not None and _text(word_title):
        return _text(word_title)
    if _from_word_processor(top):
        return None  # its <title> is the document's file name: the text's first line is
    title = _css_first(top, "title")
    if title is None or not _text(title):
        return None
    text = _text(title)
    return _TITLE_SUFFIX.sub("", text) or text


_WORD_PROCESSOR = re.compile(r"^(?:Microsoft Word|LibreOffice|OpenOffice|Pages)\b", re.I)


def _from_word_processor(top: LexborNode) -> bool:
    """The page is a document saved as HTML by a word processor (its generator says so)."""
    generator = _css_first(top, 'meta[name="Generator"], meta[name="generator"]')
    content = "" if generator is None else generator.attributes.get("content") or ""
    return _WORD_PROCESSOR.match(content.strip()) is not None


def _drop_chrome_blocks(root: LexborNode) -> None:
    """Blocks of chrome by their class or id (cookie banner, sharing, related news…)."""
    chrome = [node for node in _css(root, "[class], [id]") if _is_chrome_block(node)]
    for node in chrome:
        if node.tag not in _KEPT_TAGS:
            node.decompose()


# Class names that hold a chrome word but say the block is not chrome: a negation ("no-share",
# "no-sidebar") or a hidden label of a shown field (Drupal's "field--label-hidden").
_NOT_CHROME_NAME = re.compile(rb"(?<![\w-])no[-_][\w-]+|[\w-]*label[-_](?:visually[-_])?hidden")


def _is_chrome_block(node: LexborNode) -> bool:
    attributes = node.attributes
    # Both values in one search: a space between them, as no chrome word holds one.
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
    folded = names.encode("utf-8", "surrogatepass").lower()
    if _CHROME_NAME.search(folded) is None:
        return False
    return _CHROME_NAME.search(_NOT_CHROME_NAME.sub(b" ", folded)) is not None


# A form holding this much text wraps the page (ASP.NET's); a search or contact form holds a
# few labels.
PAGE_FORM_TEXT = 1000


def _drop_chrome_tags(root: LexborNode, archive: bool = False) -> None:
    """Elements that are never release text: scripts, menus, headers and footers, forms… On an
    archive page an article's own <header> holds its headline, and stays."""
    for node in _css(root, _DROPPED_TAGS):
        if archive and node.tag == "header" and in_article(node):
            continue
        if node.tag == "form" and len(node.text()) >= PAGE_FORM_TEXT:
            continue  # ASP.NET's page form around the whole page: its inputs go, not its text
        node.decompose()


def _breaks_as_newlines(text: str) -> str:
    """Each run of break marks (with the spaces around it) as a blank line when it holds a
    paragraph mark, else as a newline."""
    parts = _BREAK_RUN.split(text)
    out: list[str] = []
    for index in range(0, len(parts) - 1, 2):
        out.append(parts[index].rstrip())
        out.append("\n\n" if _PARAGRAPH in parts[index + 1] else "\n")
    out.append(parts[-1])
    return "".join(out)


def block_text(node: LexborNode) -> str:
    """The node's text with one blank line between blocks and a newline for each <br>."""
    for block in _css(node, _PARAGRAPH_TAGS):
        block.insert_before(_PARAGRAPH)
        block.insert_after(_PARAGRAPH)
    for br in _css(node, "br"):
        br.insert_before(_LINE)
    text = _breaks_as_newlines(_SPACES.sub(" ", node.text(separator="")))
    lines = [line.strip() for line in strip_control(text).split("\n")]
    return unicodedata.normalize("NFC", "\n".join(lines).strip())


def _after_title(text: str, title: str | None) -> str:
    """The text after the title's line when the title is written near the top (chrome before)."""
    if not title:
        return text
    folded = title.casefold()
    lines = text.split("\n")
    for index, line in enumerate(lines[:40]):
        if line.casefold() == folded:
            return "\n".join(lines[index + 1 :])
    return text


def _has_text(node: LexborNode) -> bool:
    """Whether ``_text(node)`` is not empty, mostly without cleaning the whole text."""
    raw = node.text(separator=" ")
    start = raw.lstrip()[:1]
    if start and "\x1b" not in raw and "\x9b" not in raw and not CONTROL_CHARACTER.match(start):
        return True  # a visible character that no cleaning step removes
    return bool(clean_line(raw))


def _content(root: LexborNode) -> tuple[LexborNode, bool]:
    """The node holding the release's text, and whether it is the body field alone."""
    for selector in _BODY_SELECTORS:
        node = _css_first(root, selector)
        if node is not None and _has_text(node):
            return node, True
    for selector in _CONTAINER_SELECTORS:
        node = _css_first(root, selector)
        if node is not None and _has_text(node):
            return node, False
    return root, False


def _listing_items(root: LexborNode, archive: bool = False) -> list[HtmlItem]:
    """Teaser rows of a listing view, each with its own heading; [] for an article page. Under
    an archive's heading ("Catégorie : …") one row is a listing of one item."""
    least = 1 if archive else MIN_LISTING_ITEMS
    if len(_css(root, _ANY_ROW)) < least:
        return []
    for selector in _ROW_SELECTORS:
        rows = _css(root, selector)
        if len(rows) < least:
            continue
        items: list[HtmlItem] = []
        for row in rows:
            heading = _css_first(row, _ROW_HEADINGS)
            if heading is None or not _text(heading):
                break
            title = _text(heading)
            stated = first_time(row) or ""
            shown = "" if stated else row_date(row)  # a card's "29 mayo 2023"
            heading.decompose()
            label, text = take_label(block_text(row))
            items.append(HtmlItem(title, stated or label or shown, text))
        else:
            return items
    return []


def read_html(text: str) -> list[HtmlItem]:
    """The releases' parts in an HTML document: one item for an article, several for a listing."""
    tree = LexborHTMLParser(text)
    top = tree.root
    if top is None:  # then no <body> either
        return []
    title = _headline(top)
    heading = _css_first(top, "h1")  # before the page's <header> goes with the chrome
    archive = heading is not None and is_archive_or_bulletin_line(_text(heading))
    published = metadata_date(top) or microdata_date(top)
    root = tree.body
    if root is None:
        return []
    _drop_chrome_blocks(root)
    # A <time> in the article's own meta block (which may be a <footer>) before those go.
    stated = published or original_time(root) or first_time(root) or ""
    shown = "" if stated else dated_element(root, title)
    _drop_chrome_tags(root, archive)
    if is_bulletin(text):  # an e-mail bulletin: its table cells part its items
        mark_cells(_css(root, "td"), f"{_PARAGRAPH}|{_PARAGRAPH}")
    items = _listing_items(root, archive)
    if items:
        return items
    content, body_only = _content(root)
    if body_only:
        body = block_text(content)
        label = "" if stated else take_label(block_text(root))[0]
        if title and title in body and (cut := _after_title(body, title)) is not body:
            own, body = take_label(cut)  # a body block holding its own headline and label
            label = label or own
    else:
        label, body = take_label(block_text(content))
        mail = mail_header(body)
        if mail is not None:  # an e-mail saved as HTML: its header, then the message
            body, title, label = mail.text, title or mail.headline, label or mail.sent
        body = _after_title(body, title)
    return [HtmlItem(title, stated or label or shown, body, _is_iom_site(text))]
