"""Site chrome: menu lines, glued headings, old page headers and photo captions before the title."""

from __future__ import annotations

import re
from functools import lru_cache

from oim_archive.store.text import fold_whitespace

from .archive_lines import is_archive_or_bulletin_line
from .captions import CAPTION_MAX_LENGTH, is_credit_line
from .places import is_country_name, mentions
from .resources import read_json

_DATA = read_json("chrome.json")
_BULLET = re.compile(r"^\s*[-–•*·|>]+\s*")


LABEL_MAX_LENGTH = 150


def normalise_label(line: str) -> str:
    """A line folded for comparison with the labels: no bullet, casefolded, single spaces.

    Lines longer than any label come back unchanged (they are never compared equal to one).
    """
    return line if len(line) > LABEL_MAX_LENGTH else _normalise_short(line)


@lru_cache(maxsize=8192)  # chrome lines repeat from page to page (only short lines are kept)
def _normalise_short(line: str) -> str:
    bullet = _BULLET.match(line)
    if bullet:
        line = line[bullet.end() :]
    # A trailing colon or dangling dash ("News - " before a region line) is no part of a label.
    line = line.replace("’", "'").strip().rstrip(":-–— ").strip()
    return fold_whitespace(line).casefold()


_LABELS: frozenset[str] = frozenset(
    normalise_label(label) for labels in _DATA["labels"].values() for label in labels
)
_HEADERS: frozenset[str] = frozenset(normalise_label(h) for h in _DATA["headers"])
# Two page headers joined into one ("Noticias y comunicados", "News and statements").
_JOINED_HEADERS = re.compile(r"^(?P<first>.+?)\s+(?:and|y|e|et|&)\s+(?P<second>.+)$")
_JOINERS = frozenset(("and", "y", "e", "et", "&"))


def is_header(folded: str) -> bool:
    """A folded line that is a known page header, or two of them joined by "and", "y", "et"."""
    if folded in _HEADERS:
        return True
    if len(folded) > LABEL_MAX_LENGTH or _JOINERS.isdisjoint(folded.split()):
        return False  # the regex's joining word is a word of its own: looked for first
    joined = _JOINED_HEADERS.match(folded)
    return joined is not None and all(
        part in _HEADERS or part.rstrip("s") in _HEADERS for part in joined.group("first", "second")
    )


_FOOTER: frozenset[str] = frozenset(normalise_label(f) for f in _DATA["footer"]) | {""}
_GLUED_LABELS: tuple[str, ...] = tuple(
    sorted({normalise_label(g) for g in _DATA["glued"]}, key=len, reverse=True)
)
# Nothing but punctuation, or a lone letter or two: a close button ("x", "×"), an icon's name.
_ONLY_PUNCTUATION = re.compile(r"^[\W_]*$|^\W*\w{1,2}\W*$")
_SENTENCE_END = re.compile(r"[.!?]\W*$")
# A feed page's own lines and a breadcrumb: "Subscribe to PBN News Germany feed",
# "Updated: 2 hours 25 min ago", "Home / Press Room IOM", "Accueil / Actualités".
_FEED_OR_BREADCRUMB = re.compile(
    r"^(?:subscribe\s+to\s+.{1,60}\s+feed|(?:updated|mis\s+à\s+jour|actualizado)\s*:?\s*\d+\s+\w+"
    r"(?:\s+\d+\s+\w+)?\s+(?:ago|min\.?)"
    r"|(?:home|accueil|inicio|startseite)\s*[/>»›]\s*[^/]{1,60}(?:\s*[/>»›]\s*[^/]{1,60}){0,3}"
    # A newsletter's own mailbox under its issue date: "Comments/questions: editor@iom.int".
    r"|(?:comments|questions|feedback|comentarios|commentaires)(?:\s*/\s*\w+)?\s*:\s*\S+@\S+)$",
    re.IGNORECASE,
)
# "L'OIM est présente en Tunisie depuis 2001." and its English and Spanish forms.
_PRESENCE = re.compile(
    r"^(?:l['’]oim|iom|la oim)\s+(?:est|has been|is|está|esta|ha estado)\s+"
    r"(?:présente?|present|presente|active|activa)\b.{0,80}$",
    re.IGNORECASE,
)
# "L'OIM est présente en Tunisie depuis 2001." inside a country site's glued blurb.
_PRESENCE_PLACE = re.compile(
    r"(?:présente?|present|presente|presence|présence|presencia|active|activa)\s+"
    r"(?:en|au|aux|in|à|a|dans\s+l[ea']?)\s*"
    r"(?P<place>[^\W\d][^.,;:()]{1,60}?)\s+(?:depuis|since|desde)\b"
)
# An unknown heading glued to a long blurb: a few words, then a capital right after a small
# letter ("Migration et climatL'OIM…").
_GLUED_GENERIC = re.compile(r"^(?:[^\W\d_]+[ '’-]){1,5}[^\W\d_]*[a-zà-ÿ](?=[A-ZÀ-Ý][a-zà-ÿ'’])")
GLUED_MIN_LENGTH = 150
MENU_ITEM_MAX_WORDS = 14
DUPLICATE_MAX_WORDS = 8


def _words(line: str) -> int:
    """Words in a stripped line (counting spaces is cheaper than splitting)."""
    return line.count(" ") + 1 if line else 0


# A CMS field naming the page's language: "Language English", "Langue : Français".
_LANGUAGE_FIELD = re.compile(
    r"^(?:language|langue|idioma|lingua)\s*:?\s*(?:english|anglais|inglés|français|french|"
    r"francés|español|spanish|espagnol|deutsch|italiano)$",
    re.IGNORECASE,
)


def is_label(line: str) -> bool:
    """A known menu label, page header or footer label, or a CMS language field."""
    folded = normalise_label(line)
    return folded in _LABELS or is_header(folded) or _LANGUAGE_FIELD.match(folded) is not None


# A feed item's source and age, no date: "PBN News Germany - 6 hours 31 min ago".
_FEED_AGE = re.compile(r"^[^\W\d][^\d\n]{1,40}?\s[-–]\s+\d+\s+\w+(?:\s+\d+\s+\w+)?\s+ago$")


def is_listing_chrome(line: str) -> bool:
    """A label, page header, feed line, breadcrumb or newsletter mailbox line between the
    items of a listing."""
    line = line.strip()
    return (
        is_label(line)
        or _FEED_OR_BREADCRUMB.match(line) is not None
        or (line.endswith(" ago") and _FEED_AGE.match(line) is not None)
        or is_archive_or_bulletin_line(line)
    )


def is_footer(line: str) -> bool:
    """A line of site chrome that pages put after the release."""
    return normalise_label(line) in _FOOTER


# An author's byline under a headline: "By António Vitorino, Director General, …",
# "By Joe Lowry for IOM", "Par Awa Ndiaye, OIM Sénégal", "By Joe Lowry in Tacloban", "By: Sabah
# Abdulrahman" (a colon after the word).
_BYLINE = re.compile(
    r"^(?i:by|par|por)(?:\s*:)?\s+[A-ZÀ-Ö][\w'’.-]+(?:\s+[A-ZÀ-Ö][\w'’.-]+){0,3}"
    r"(?:\s*,|\s+(?:for|pour|para|in|à|en|desde)\s+|\s*$)"
)


BYLINE_MAX_LENGTH = 150
_BYLINE_STARTS = frozenset({"by", "pa", "po"})  # looked at before the regex


# The words of an author's role after the name ("CEO of USAIM for IOM"): capitalised words
# and the small words between them.
_ROLE_WORD = re.compile(
    r"^(?:[A-ZÀ-Ö][\w'’.&-]*|of|for|at|the|and|de|du|des|la|le|del|en|pour|para|y|et)$"
)
ROLE_MAX_WORDS = 8


def is_byline(line: str) -> bool:
    """ "By Joe Lowry for IOM", "By Luca Dall’Oglio, CEO of USAIM for IOM.", not "By Monday,
    500 migrants had arrived." (a sentence)."""
    line = line.strip()
    if line[:2].lower() not in _BYLINE_STARTS or len(line) > BYLINE_MAX_LENGTH:
        return False
    if line[-1:] in ".!?":
        role = line[:-1].partition(", ")[2].split()
        if line[-1] != "." or not role or len(role) > ROLE_MAX_WORDS:
            return False
        if not all(_ROLE_WORD.match(word) for word in role):
            return False
    return _BYLINE.match(line) is not None


def is_caption(line: str) -> bool:
    """A photo caption or credit line, or an author's byline."""
    return len(line) <= CAPTION_MAX_LENGTH and (is_credit_line(line) or is_byline(line))


def _glued_label(line: str) -> str | None:
    folded = line.replace("’", "'").casefold()
    for label in _GLUED_LABELS:
        if folded.startswith(label) and len(line) > len(label) and line[len(label)].isupper():
            return line[: len(label)]
    if len(line) > GLUED_MIN_LENGTH:
        generic = _GLUED_GENERIC.match(line)
        if generic:
            return generic.group(0)
    return None


def glued_prefix(line: str, seen: set[str]) -> str | None:
    """The heading of a line glued to its blurb ("Qui sommes nousL'Organisation…"), if any."""
    glued = _glued_label(line)
    if glued is not None:
        return glued
    folded = line.replace("’", "'").casefold()
    for heading in seen:
        size = len(heading)
        if size >= 4 and folded.startswith(heading) and len(line) > size + 20:
            nxt = line[size]
            if not nxt.isspace() and not nxt.islower():
                return line[:size]
    return None


def _is_menu_item(line: str) -> bool:
    stripped = line.lstrip()
    return (
        stripped[:1] != ""
        and stripped[0] in "-–•*·"
        and _words(stripped) <= MENU_ITEM_MAX_WORDS
        and len(stripped) <= 120
        and not _SENTENCE_END.search(stripped[-8:])
    )


def _is_chrome_line(line: str) -> bool:
    """Chrome by itself, whatever the lines around it: a label, a menu item, a caption…"""
    if len(line) > CACHED_LINE_LENGTH:
        return _chrome_by_itself(line)
    return _cached_chrome_by_itself(line)


# A mirror's field line about the report, not its headline: "Source: IOM", "Country: Niger",
# "Originally published: 14 Mar 2019" (reliefweb and its feeds).
_REPORT_FIELD = re.compile(
    r"^(?:sources?|countr(?:y|ies)|pays|pa[ií]s(?:es)?|fuentes?|originally\s+published|"
    r"format|content\s+format|themes?|th[èe]mes?|temas?|disaster\s+types?)\s*:\s*\S",
    re.IGNORECASE,
)
REPORT_FIELD_MAX_LENGTH = 120


# The organisation's name alone on its line, the heading of a tag or category page over
# other items ("International Organisation for Migration (IOM)"): never a headline.
_IOM_NAME = re.compile(
    r"(?:the\s+)?(?:international\s+organi[sz]ation\s+for\s+migration|organisation\s+"
    r"internationale\s+pour\s+les\s+migrations|organizaci[oó]n\s+internacional\s+para\s+las\s+"
    r"migraciones)(?:\s*\((?:IOM|OIM)\))?",
    re.IGNORECASE,
)


# A server's error message printed into the page by a broken theme: "Warning: Trying to access
# array offset … in /var/www/…/template-content.php on line 1164" (also Notice, Deprecated).
_SERVER_MESSAGE = re.compile(
    r"^(?:PHP\s+)?(?:warning|notice|deprecated|strict standards|(?:fatal|parse) error)\s*:\s"
    r".{0,300}\bin\s+/\S+\.php\s+on\s+line\s+\d+\s*$",
    re.IGNORECASE,
)


# A syndication service's header line of fields between pipes, one the text's type and one a
# date: "05/10/2025 | Press release | Distributed by Public on 05/09/2025 15:21".
_TYPE_FIELDS = frozenset(
    ("press release", "news release", "statement", "communiqué", "communiqué de presse",
     "comunicado", "comunicado de prensa", "nota de prensa")
)  # fmt: skip
MIN_HEADER_FIELDS = 3


def _is_type_header(line: str) -> bool:
    fields = [field.strip().casefold() for field in line.split(" | ")]
    return (
        len(fields) >= MIN_HEADER_FIELDS
        and any(field in _TYPE_FIELDS for field in fields)
        and any(_YEAR.search(field) for field in fields)
    )


def _chrome_by_itself(line: str) -> bool:
    folded = normalise_label(line)
    return (
        _IOM_NAME.fullmatch(line.strip()) is not None
        or (" | " in line and _is_type_header(line))
        or _SERVER_MESSAGE.match(line) is not None
        or (len(line) <= REPORT_FIELD_MAX_LENGTH and _REPORT_FIELD.match(line) is not None)
        or folded in _LABELS
        or is_header(folded)
        or _ONLY_PUNCTUATION.match(line) is not None
        or _is_menu_item(line)
        or _PRESENCE.match(line) is not None
        or _FEED_OR_BREADCRUMB.match(line) is not None
        or is_caption(line)
        or _glued_label(line) is not None
        or (len(line) <= ARCHIVE_LINE_MAX_LENGTH and is_archive_or_bulletin_line(line))
    )


ARCHIVE_LINE_MAX_LENGTH = 300


# Lines this short are remembered between pages (a site's menus and blurbs); longer ones are not.
CACHED_LINE_LENGTH = 2000
_cached_chrome_by_itself = lru_cache(maxsize=8192)(_chrome_by_itself)


def find_title(lines: list[str]) -> tuple[int, list[str]]:
    """Index of the title line (the first line after the chrome) and the chrome lines before it.

    Returns ``(len(lines), chrome)`` when the page holds nothing but chrome.
    """
    seen: set[str] = set()
    chrome: list[str] = []
    crumb = ""
    count = len(lines)
    previous: str | None = None
    folded = normalise_label(lines[0]) if lines else ""
    for index, raw in enumerate(lines):
        line = raw.strip()
        following = normalise_label(lines[index + 1]) if index + 1 < count else None
        is_chrome = (
            _is_chrome_line(line)
            or (
                folded in (previous, following)
                and _words(line) <= DUPLICATE_MAX_WORDS
                and not _SENTENCE_END.search(line[-8:])
            )
            or glued_prefix(line, seen) is not None
        )
        if is_chrome and line and line[0] in "•▪●◦" and _teaser_follows(lines, index):
            return index, chrome  # "• IOM Opens a Centre" over its teaser: a bulleted headline
        if not is_chrome and _is_tag(line) and _headline_follows(lines, index):
            is_chrome = True  # "Société", "migración": a section or tag above the headline
        label = (
            not is_chrome and len(line) <= TAG_MAX_LENGTH and _labels_headline(line, lines, index)
        )  # "Pakistan" over "Pakistan: IOM pledges …", "INDONESIA" over a headline
        is_chrome = is_chrome or label
        if not is_chrome and crumb and folded == crumb:
            is_chrome = True  # "Home / Press Room IOM" then "Press Room IOM": the page heading
        if not is_chrome:
            return index, chrome
        if "/" in line:
            crumb = _breadcrumb_end(line) or crumb
        if line:
            chrome.append(line)
            if _words(line) <= DUPLICATE_MAX_WORDS and not label:  # the headline repeats it
                seen.add(folded)
        previous, folded = folded, following or ""
    return count, chrome


TAG_MAX_LENGTH = 30
HEADLINE_MIN_WORDS = 4
HEADLINE_LOOKAHEAD = 3


def _is_tag(line: str) -> bool:
    """One word of letters alone on its line: a section, tag or category name; a headline has
    several words. A place ("Sénégal") heads a country's teasers: not a tag."""
    return (
        0 < len(line) <= TAG_MAX_LENGTH and line.replace("-", "").isalpha() and not mentions(line)
    )


TEASER_MIN_WORDS = 8
DATE_MAX_WORDS = 5
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _teaser_follows(lines: list[str], index: int) -> bool:
    """The next text line is not another bullet but a teaser (a sentence of several words) or
    a short date line: the bullet heads a listing item, it is no menu entry."""
    following = next((line.strip() for line in lines[index + 1 :] if line.strip()), "")
    if not following or following[0] in "-–•*·▪●◦|>":
        return False
    words = following.count(" ") + 1
    if words <= DATE_MAX_WORDS:
        return _YEAR.search(following) is not None
    return words >= TEASER_MIN_WORDS and following[-1] in '.!?…»”"'


def _labels_headline(line: str, lines: list[str], index: int) -> bool:
    """A short line labelling the headline under it: a region the headline repeats before a
    colon (a mirror's "Pakistan" over "Pakistan: IOM pledges …"), or a country's name in
    capitals over a headline (an update's section "INDONESIA")."""
    following = next((text.strip() for text in lines[index + 1 :] if text.strip()), "")
    if following.startswith(f"{line}:"):
        return len(following.split()) >= HEADLINE_MIN_WORDS
    return (
        line.isupper()
        and len(following.split()) >= HEADLINE_MIN_WORDS
        and not following.isupper()
        and is_country_name(line)
    )


def _headline_follows(lines: list[str], index: int) -> bool:
    """A line of several words follows within the next few text lines."""
    following = [line.strip() for line in lines[index + 1 :] if line.strip()][:HEADLINE_LOOKAHEAD]
    return any(len(line.split()) >= HEADLINE_MIN_WORDS for line in following)


def _breadcrumb_end(line: str) -> str:
    """The last step of a breadcrumb line, folded ("" when the line is not a breadcrumb)."""
    if "/" not in line or _FEED_OR_BREADCRUMB.match(line) is None:
        return ""
    return normalise_label(line.rsplit("/", 1)[1])


def presence_places(chrome: list[str]) -> list[str]:
    """The places named by a country site's "L'OIM est présente en … depuis" sentence."""
    return [m["place"] for line in chrome for m in _PRESENCE_PLACE.finditer(line)]


def trailing_chrome_start(lines: list[str]) -> int:
    """Index where the chrome at the end of the release begins (len(lines) when there is none)."""
    end = len(lines)
    while end > 0 and is_footer(lines[end - 1]):
        end -= 1
    return end
