"""Pages a field worker's folder holds next to releases that tell about IOM without being one,
told by their genre's own lines: an encyclopedia's article or a profile headed by IOM's name, a
document site's transcript, a report's capitalised sections, an article around an embedded social
media post, the presentation of one of IOM's divisions. Each is asked only of a page that gave
one release with no dateline, no publication date, no contact and no release label."""

from __future__ import annotations

import re

from oim_archive.i18n import N_
from oim_archive.store.records import Release

from .errors import ImportRefused

HEAD_LINES = 12  # an encyclopedia's tagline, a document site's label: under the page's heading
# The page's heading is IOM's name alone: an encyclopedia's article, a directory's or a donor's
# profile of the organisation ("Organisation internationale pour les migrations", "International
# Organization for Migration (iom)"). A release's headline tells news about IOM.
_IOM_NAME = re.compile(
    r"^(?:the\s+|l['’]\s*|la\s+)?(?:international\s+organi[sz]ation\s+for\s+migration"
    r"|organisation\s+internationale\s+pour\s+les\s+migrations"
    r"|organizaci[óo]n\s+internacional\s+para\s+las\s+migraciones)"
    r"(?:\s*\((?:iom|oim|un\s+migration)\))?$",
    re.IGNORECASE,
)
_NAME_WORDS = ("igra", "IGRA")
# An encyclopedia's tagline ("From Wikipedia, the free encyclopedia", "Un article de Wikipédia,
# l'encyclopédie libre.") or its sections' edit links ("[modifier] Liens externes", "[edit]").
_ENCYCLOPEDIA = re.compile(
    r"^(?:from|un\s+article\s+de|de)\s+\w+p[ée]dia,\s+(?:the|l['’]|la)\s*(?:free\s+encyclopedia"
    r"|encyclopédie\s+libre|enciclopedia\s+libre)\.?$"
    # A wiki's skip links kept as text: "Aller à la navigation Aller à la recherche".
    r"|^(?:jump\s+to\s+navigation\s+jump\s+to\s+search|aller\s+à\s+la\s+navigation\s+aller\s+à\s+la"
    r"\s+recherche|ir\s+a\s+la\s+navegaci[óo]n\s+ir\s+a\s+la\s+b[úu]squeda)$",
    re.IGNORECASE,
)
_ENCYCLOPEDIA_WORDS = ("clop", "avigat", "avegaci")
_EDIT_MARK = re.compile(
    r"^\[(?:edit|modifier|editar)(?:\s*\|[^\]]*)?\]", re.IGNORECASE | re.MULTILINE
)
MIN_EDIT_MARKS = 2
# A document site's label over the text it extracted from a PDF or an office file.
_TRANSCRIPT_LABELS = frozenset(
    ("transcript", "transcription", "transcripción", "text preview", "aperçu du texte",
     "vista previa del material en texto", "vista previa del texto")
)  # fmt: skip


HEAD_SPLIT = 60  # lines cut off the page to find its first non-empty ones


def _head(page: str) -> list[str]:
    """The page's first non-empty lines, stripped (the page split only that far)."""
    return [line.strip() for line in page.split("\n", HEAD_SPLIT)[:HEAD_SPLIT] if line.strip()][
        :HEAD_LINES
    ]


# What a profile says of the organisation: "Established in 1951, the … (IOM) is an
# inter-governmental organisation", "l'OIM est une agence intergouvernementale".
_DEFINES_IOM = re.compile(
    r"\b(?:is|est|es)\s+(?:an?|une?|the|la|el)\s+(?:[\w-]+\s+){0,2}(?:inter-?governmental"
    r"|intergouvernementale?|intergubernamental|organi[sz]ation|organizaci[óo]n|agence|agency"
    r"|agencia)\b|\b(?:established|founded|created|fond[ée]e?|cr[ée]{2}e?|fundad[oa]|cread[oa])"
    r"\s+(?:in|en)\s+1951\b",
    re.IGNORECASE,
)
_DEFINING_WORDS = ("1951", "overn", "ubern", "rganis", "rganiz", "gen")


def headed_by_iom_name(page: str) -> bool:
    """The page's first line is IOM's name alone and its text says what IOM is: a profile (a tag
    page of releases has the same heading, never the definition)."""
    head = _head(page)
    if not head or not any(word in head[0] for word in _NAME_WORDS):
        return False
    if not _IOM_NAME.match(head[0]):
        return False
    return any(word in page for word in _DEFINING_WORDS) and _DEFINES_IOM.search(page) is not None


def describes_iom(page: str) -> bool:
    """The page carries an encyclopedia's tagline, a wiki's skip links or its sections' edit
    links."""
    for line in _head(page):
        if any(word in line for word in _ENCYCLOPEDIA_WORDS) and _ENCYCLOPEDIA.match(line):
            return True
    return "[" in page and len(_EDIT_MARK.findall(page)) >= MIN_EDIT_MARKS


# A document's opening section alone on one of the first lines, numbered or not ("I.
# Introducción y alcance", "Table des matières", "Executive Summary"): a report's text, never a
# release's.
_OPENING_SECTION = re.compile(
    r"^(?:(?:[ivx]+|\d{1,2})\.?\s+)?(?:introduction|introducci[óo]n"
    r"(?:\s+y\s+alcance)?|executive\s+summary|r[ée]sum[ée]\s+ex[ée]cutif|resumen\s+ejecutivo"
    r"|table\s+des\s+mati[èe]res|table\s+of\s+contents|foreword|avant-propos|pr[óo]logo"
    r"|pr[ée]face|prefacio)\s*:?$",
    re.IGNORECASE,
)
_SECTION_WORDS = ("ntrodu", "ummary", "sum", "able", "oreword", "propos", "logo", "face", "facio")


def is_document_transcript(page: str) -> bool:
    """A document site's transcript or preview label, or a document's opening section, alone
    on one of the page's first lines."""
    for line in _head(page):
        folded = line.casefold()
        if folded.rstrip(":") in _TRANSCRIPT_LABELS:
            return True
        if any(word in folded for word in _SECTION_WORDS) and _OPENING_SECTION.match(line):
            return True
    return False


# A report's section heading: a short line in capitals ("PAÍSES DE RETORNO", "RESULTS AND
# RELEVANCE"); a release's own labels are not sections.
_CAPS_HEADING_WORDS = 8
_NOT_SECTIONS = ("PRESS", "PRENSA", "PRESSE", "RELEASE", "COMMUNIQU", "COMUNICADO", "NOTE",
                 "NOTA", "EDITOR", "INFORMATION", "INFORMACI", "CONTACT", "ENDS",
                 "FIN")  # fmt: skip
MIN_CAPS_SECTIONS = 2


CAPS_HEADING_MAX_LENGTH = 100
MIN_HEADING_LETTERS = 4


def _is_caps_heading(line: str) -> bool:
    text = line.strip()
    if len(text) > CAPS_HEADING_MAX_LENGTH or not text.isupper():
        return False  # most lines, settled without counting their letters
    return (
        sum(char.isalpha() for char in text) >= MIN_HEADING_LETTERS
        and len(text.split()) <= _CAPS_HEADING_WORDS
        and "   " not in text
        and not text.endswith((".", ",", ";", ":"))
        and not any(word in text for word in _NOT_SECTIONS)
    )


# A line with no lower-case letter: what a heading in capitals is, found in one pass of the page.
_NO_LOWER_CASE = re.compile(r"^[^a-zß-ÿ\n]{4,120}$", re.MULTILINE)


def has_caps_sections(page: str) -> bool:
    """Two section headings in capitals with text between them: a report's sections (a release
    may have a headline in capitals, even over two lines, never sections)."""
    previous_end = -1
    for match in _NO_LOWER_CASE.finditer(page):
        if not _is_caps_heading(match[0]):
            continue
        if previous_end >= 0 and page[previous_end : match.start()].strip():
            return True
        previous_end = match.end()
    return False


# What an embedded social media post leaves in a page's text: the post's link ("pic.twitter.com/
# …"), its author line ("— IOM – UN Migration (@UNmigration) 1 avril 2018"), a news site's
# embed placeholder ("Tweet URL").
_EMBEDDED_POST = re.compile(
    r"pic\.twitter\.com/|^[ \t]*[—–-][ \t]*[^\n]{1,60}\(@\w{2,30}\)[^\n]{0,30}\d{4}[ \t]*$"
    r"|^[ \t]*Tweet URL[ \t]*$",
    re.MULTILINE,
)


def embeds_a_post(page: str) -> bool:
    """The text around a social media post embedded in it (a news article, a blog)."""
    if "twitter" not in page and "(@" not in page and "Tweet" not in page:
        return False
    return _EMBEDDED_POST.search(page) is not None


# A division or unit of IOM presented by its remit: "La Division des relations avec les
# donateurs est le point focal …", "The Unit is responsible for …", "La Unidad … se encarga de …".
_UNIT_REMIT = re.compile(
    r"(?:^|[.!?]\s+)(?:la|le|l['’]|the|el)\s*(?:division|unité|unit|département|department"
    r"|unidad|departamento|divisi[óo]n)\b[^.\n]{0,120}?\b(?:est\s+(?:chargée?\s+d|le\s+point\s+focal"
    r"|responsable\s+d)|is\s+(?:responsible\s+for|in\s+charge\s+of|the\s+focal\s+point)"
    r"|es\s+(?:responsable\s+de|el\s+punto\s+focal)|se\s+encarga\s+de)",
    re.IGNORECASE,
)
_UNIT_WORDS = ("ivision", "nité", "nit ", "épartement", "epartment", "nidad", "epartamento",
               "ivisión")  # fmt: skip


def presents_a_unit(text: str) -> bool:
    """A sentence whose subject is a division or unit and which says what it is in charge of."""
    return any(word in text for word in _UNIT_WORDS) and _UNIT_REMIT.search(text) is not None


def reference_page_refusal(
    lines: list[str],
    title_index: int,
    release: Release,
    no_headline: bool,
    iom_site: bool,
    told_in_time: bool,
) -> ImportRefused | None:
    """The refusal of a page that tells about IOM in its genre's own lines, or None (asked only
    of a page with one release and no dateline, publication date, contact or release label)."""
    page = "\n".join(lines)
    if describes_iom(page) or (not told_in_time and headed_by_iom_name(page)):
        return ImportRefused(
            N_("not a press release page (an encyclopedia's or a profile's page about IOM)")
        )
    text = "\n".join(lines[title_index:])
    if is_document_transcript(page) or has_caps_sections(text):
        return ImportRefused(N_("not a press release page (a report or document transcript)"))
    if not iom_site and embeds_a_post(text):
        return ImportRefused(N_("not a press release page (a news site's article about IOM)"))
    if no_headline and presents_a_unit(f"{release.title}\n{release.body}"):
        return ImportRefused(N_("not a press release page (IOM's office presented, no news in it)"))
    return None
