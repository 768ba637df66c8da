"""Whether a page that gave one release is a press release at all.

An IOM release states when (a dateline, a publication date) or whom to call (a contact), or else
reads as news told by IOM. A table, a Markdown note, a contact or "about" page, a plan or a
directory entry (no news in it), a news agency's dispatch, and a newspaper article about IOM (no
headline, IOM never the one speaking) are refused with the reason.
"""

from __future__ import annotations

import json
import re

from oim_archive.i18n import N_
from oim_archive.store.records import DATE_PUBLISHED, Release

from .chrome import is_label
from .contact_intro import find_intro
from .errors import ImportRefused
from .page_kinds import (
    is_biography,
    is_call_for_tenders,
    is_note_about_a_document,
    presents_the_office,
    written_in_first_person,
)
from .reference_pages import reference_page_refusal
from .site_pages import is_job_notice_heading

MAX_TITLE_LENGTH = 250

# A label that names the page a release: "Communiqué / Global", "Comunicado", "Press release",
# "Press Briefing Notes", "Déclaration", "Statement".
_RELEASE_LABEL = re.compile(
    r"^\s*(?:communiqués?(?:\s+de\s+presse)?|comunicados?(?:\s+de\s+prensa)?|"
    r"press\s+(?:release|briefing(?:\s+notes?)?)s?|notas?\s+de\s+prensa|"
    r"d[ée]clarations?|declaraci[óo]n(?:es)?|statements?|news|noticias?|actualit[ée]s?)\s*"
    r"(?:[/|:-].*)?$",
    re.IGNORECASE,
)
# News is told in time: a weekday, "today", "this week", a day and a month, someone who "said".
_NEWS_TIME = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|this\s+(?:week|month|year|morning)|last\s+(?:week|month)"
    r"|aujourd['’]hui|hier|demain|cette\s+(?:semaine|année|annee)|ce\s+matin"
    r"|la\s+semaine\s+derni[èe]re|hoy|ayer|esta\s+semana|este\s+(?:año|mes)"
    r"|la\s+semana\s+pasada"
    r"|mon|tues|wednes|thurs|fri|satur|sun)(?:day)?\b"
    r"|\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|mi[ée]rcoles"
    r"|jueves|viernes|s[áa]bado|domingo)\b"
    r"|\b(?:said|says|told|announced|explained|added|declared|stated"
    r"|a\s+(?:déclaré|annoncé|indiqué|expliqué|ajouté|souligné|dit)|a-t-(?:il|elle)\s+\w+"
    r"|dijo|declaró|anunció|afirmó|explicó|añadió|agregó|señaló|indicó)\b"
    r"|\b\d{1,2}(?:er|º|st|nd|rd|th)?\s+(?:de\s+)?(?:jan|feb|f[ée]v|mar|apr|avr|abr|ma[iy]|jui?n"
    r"|jul|juil|aug|ao[uû]|ago|sep|set|oct|nov|dec|d[ée]c|dic|ene)[a-zéû]*\b",
    re.IGNORECASE,
)
# IOM telling its own news: a sentence whose subject is IOM ("IOM is adapting…", "La OIM
# respeta…", "L'OIM a lancé…", "IOM's Director General…").
_IOM_SPEAKS = re.compile(
    r"(?:^|[.!?»”\"]\s+|\n)(?:[«“]\s*)?(?:the\s+|la\s+|el\s+|l['’]\s*)?"
    r"(?:IOM|OIM|UN\s+Migration|International\s+Organization\s+for\s+Migration"
    r"|Organisation\s+internationale\s+pour\s+les\s+migrations"
    r"|Organizaci[óo]n\s+Internacional\s+para\s+las\s+Migraciones)\b",
    re.IGNORECASE,
)
# A news agency's dispatch line: "Niamey, 18 Novembre (ANP) – ", "Dakar, 26 sept (APS) - ".
# APO is left out: it distributes IOM's own releases word for word.
_AGENCY_DISPATCH = re.compile(
    r"^[^\W\d_][\w'’. -]{1,40},[^()\n]{1,30}\((?!APO\))(?P<agency>[A-Z]{2,8})\)\s*[-–—]",
    re.MULTILINE,
)
# The same, agency first: "EFE. Ciudad de México. 07 de febrero de 2024.- ".
_AGENCY_FIRST = re.compile(
    r"^(?!(?:IOM|OIM|APO)\b)(?P<agency>[A-Z]{2,8})\.\s+[^\W\d_][\w'’ -]{1,40}\.\s+\d{1,2}\s",
    re.MULTILINE,
)
# A newspaper telling what a communiqué says: "subraya un comunicado", "informó en un
# comunicado", "écrit l'OIM dans un communiqué". IOM's own releases never cite themselves so.
_REPORTED_COMMUNIQUE = re.compile(
    r"\b(?:en\s+un|dans\s+un)\s+(?:comunicado|communiqué)\b"
    # "selon un communiqué de l'OIM", "indique un communiqué", "précise le communiqué"
    r"|\b(?:selon|según|indique|précise|souligne|ajoute)\s+(?:un|le|el)\s+(?:communiqué|comunicado)\b"
    r"|\b(?:subraya|resalta|precisa|señala|destaca)\s+(?:un|el)\s+(?:comunicado|escrito)\b"
    # "La OIM informó en sus redes sociales", "a annoncé sur ses réseaux sociaux": a post retold
    # ("difundirá la campaña en sus redes sociales" is IOM's own plan, not a report).
    r"|\b(?:inform[óo]|anunci[óo]|public[óo]|indic[óo]|escribi[óo]|a\s+(?:annoncé|indiqué|publié"
    r"|écrit)|said|announced|posted|wrote)\s+(?:en\s+sus\s+redes\s+sociales"
    r"|sur\s+ses\s+r[ée]seaux\s+sociaux|on\s+(?:its\s+)?social\s+media)\b",
    re.IGNORECASE,
)
_REPORTED_WORDS = ("comuni", "communi", "escrito", "redes", "seaux", "social media")
# The same in English, IOM as the one quoted: "IOM Ethiopia, in a statement, said …".
_REPORTED_STATEMENT = re.compile(
    r"\b(?:IOM|OIM)(?:\s+[A-Z][a-z]+)?,?\s+(?:said\s+)?in\s+a\s+statement\b"
)
# What IOM's staff told a news agency ("dijo a Efe", "told AFP", "a déclaré à l'AFP"): the page
# is the agency's report of an interview, not IOM's release.
_TOLD_AGENCY = re.compile(
    r"\b(?:dijo|declaró|explicó|afirmó|indicó|told|a\s+(?:déclaré|indiqué|expliqué|confié))\s+"
    r"(?:a|à|to)\s+(?:l['’]\s*|la\s+agencia\s+)?(?:EFE|Efe|AFP|Reuters|AP|APS|ANP|Xinhua|DPA|Anadolu)\b"
)
# IOM as a journalist names or cites it: "l'agence onusienne", "el organismo de la ONU", "the
# UN migration agency" (IOM writes its own name with capitals: "l'Agence des Nations Unies pour
# les migrations"); an inverted attribution after a comma or a quote, "…, précise l'OIM",
# "…», a indiqué l'OIM", "…, señaló la OIM". IOM's releases do not report on IOM so.
_IOM_EPITHET = re.compile(
    r"\bl['’]\s*(?:agence|organisme|organisation|institution)\s+onusienne?\b"
    r"|\b(?:la\s+agencia|el\s+organismo)\s+(?:migratoria\s+)?de\s+la\s+ONU\b"
    r"|\bthe\s+U\.?N\.?\s+migration\s+agency\b"
)
_EPITHET_WORDS = ("onusien", "ONU", "migration agency")
# Its first character is one of three: the regex engine skips every other position at once.
_IOM_ATTRIBUTION = re.compile(
    r"[,»”]\s+(?:précise|indique|affirme|explique|souligne|ajoute|rapporte|annonce|estime"
    r"|déplore|signale|relève|a\s+(?:indiqué|précisé|annoncé|souligné|expliqué|ajouté))\s+l['’]OIM\b"
    r"|[,»”]\s+(?:señala|indica|afirma|explica|precisa|señaló|indicó|precisó|agregó|añadió)"
    r"\s+la\s+OIM\b"
)
# A news agency named as the source ("According to the Associated Press", "selon l'AFP").
_AGENCY_SOURCE = re.compile(
    r"\b(?i:according\s+to|selon|según)\s+(?:the\s+|l['’]\s*|la\s+agencia\s+)?"
    r"(?:Associated\s+Press|AP|AFP|Reuters|EFE|Efe|Xinhua|DPA|Anadolu)\b"
)
# A news site's own lines: a byline ("Rédacteur …", "Redacción"), a view counter ("793 vues"),
# a source or credit line ("Source: NOUVEL HORIZON", "© CAMERPOST avec © APA", "© AFP").
_PRESS_LINE = re.compile(
    # "Redacción. La OIM …": the desk's byline glued to the story's first sentence.
    r"^[ \t]*(?:[Rr][ée]dacteur\b.*|(?:[^\n]*\d\s+)?[Rr]edacci[óo]n(?:\s*[.:]\s+[A-ZÀ-Ý].*)?"
    r"|\d+\s+(?:vues|views|lectures(?:\s+aujourd['’]hui)?|visitas)"
    # A news agency as the source ("Source: AFP"); IOM itself is a mirrored release's source.
    r"|[Ss]ource\s*:\s*(?!(?:IOM|OIM)[ \t]*$)[A-Z][A-Z .'’-]{2,40}"
    r"|©\s*[A-Z][\w-]*\s+(?:avec|with|con)\s+©[^\n]*"
    r"|[^\n©]*©\s*(?:AFP|APA|Reuters|AP|EFE|Xinhua|ANP|APS)\b[^\n]*"
    # The newsroom as author ("Author: Rédaction", "Por: Redacción"), a reporter's name after a
    # bullet closing the story ("… otorgados por EE. UU. • Gustavo Villagrán").
    r"|(?:[Aa]uthor|[Aa]uteur|[Aa]utor|[Pp]ar|[Bb]y|[Pp]or)\s*:?\s*(?:[Rr][ée]daction|[Nn]ewsroom)\b.*"
    r"|[^\n]*[.!?»”\"]\s+•\s*[A-ZÀ-Ý][a-zà-ÿ]+(?:\s+[A-ZÀ-Ý][a-zà-ÿ]+){1,2}"
    # A byline whose author was stripped, left with its date ("por | 02-11-2018"), and a
    # reporter's name signed with the site's domain ("Ousmane Kaba Mosaiqueguinee.com").
    r"|(?:[Pp]or|[Pp]ar|[Bb]y)\s*\|\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}"
    r"|[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){1,3}\s+[A-Z][A-Za-z0-9-]{2,40}\."
    r"(?:com|net|info|org|[a-z]{2}))[ \t]*$",
    re.MULTILINE,
)
_PRESS_WORDS = ("dacteur", "daction", "ewsroom", "edacci", "vues", "views", "lectures", "visitas",
                "ource", "©", "•", "| ", ".com", ".net", ".info", ".org")  # fmt: skip
# A news photographer's credit with the agency: "(SAMEER AL-DOUMY/AFP)", "(Foto: Juan Pérez/EFE)".
_AGENCY_PHOTO_CREDIT = re.compile(
    r"\((?:[^()\n/]{0,12}:\s*)?[A-ZÀ-Ý][\w'’. -]{2,40}/\s*(?:AFP|EFE|Efe|Reuters|AP|Xinhua|DPA|"
    r"Anadolu|ANP|APS)\)"
)
_AGENCY_WORDS = ("ccording", "selon", "según")
# A job notice's fields: "Job Title:", "Type of Appointment:", "Closing Date:", "Duty Station:",
# also as a bullet ("- Grade: …") and as job boards write them in French and Spanish ("Niveau
# Requis :", "Lieu du Travail :", "Durée de la consultation :", "Estación de Trabajo:").
_JOB_FIELD = re.compile(
    r"^[ \t]*(?:[-•*][ \t]*)?(?:job\s+title|position\s+title|type\s+of\s+appointment|closing\s+date"
    r"|duty\s+station|estimated\s+start\s+date|vacancy\s+(?:number|no\.?)|grade|occupational\s+groups?"
    r"|titre\s+du\s+poste|date\s+de\s+(?:clôture|soumission)|lieu\s+d['’]affectation|niveau\s+requis"
    r"|lieu\s+(?:du\s+travail|de\s+la\s+consultation)|durée\s+de\s+la\s+consultation|type\s+de\s+contrat"
    r"|t[íi]tulo\s+del\s+(?:puesto|cargo)|fecha\s+de\s+(?:cierre|inicio\s+estimada)|estaci[óo]n\s+de\s+trabajo"
    r"|lugar\s+de\s+trabajo|duraci[óo]n\s+de\s+la\s+consultor[íi]a|tipo\s+de\s+(?:contrato|consultor[íi]a)"
    r"|clausura\s+de\s+la\s+convocatoria)\s*:",
    re.IGNORECASE | re.MULTILINE,
)
MIN_JOB_FIELDS = 2
# A printed document's page numbers, each alone on its line ("46", "5", "7"): a report's
# transcript, not a web page.
_PAGE_NUMBER = re.compile(r"^[ \t]*\d{1,3}[ \t]*$", re.MULTILINE)
MIN_PAGE_NUMBERS = 4
RELEASE_LABEL_LOOKAROUND = 3
DISPATCH_LOOKAHEAD = 20  # lines: a dispatch line opens the story
HEADING_MAX_WORDS = 6
MIN_HEADINGS = 2
_END_OF_SENTENCE = (".", "!", "?", ":", ";", ",", "»", "”", '"')


def _is_news_site_article(page: str, body: str) -> bool:
    """A news site's byline, counter, credit line or agency photo credit in the page, or a news
    agency as the body's source (substring checks first: most pages have none of their words)."""
    if any(word in page for word in _PRESS_WORDS) and _PRESS_LINE.search(page):
        return True
    if "/" in page and _AGENCY_PHOTO_CREDIT.search(page):
        return True
    return any(word in body for word in _AGENCY_WORDS) and _AGENCY_SOURCE.search(body) is not None


def _reports_on_iom(body: str) -> bool:
    """IOM named or cited the way a journalist does (``_IOM_EPITHET``, ``_IOM_ATTRIBUTION``)."""
    if any(word in body for word in _EPITHET_WORDS) and _IOM_EPITHET.search(body):
        return True
    return "OIM" in body and _IOM_ATTRIBUTION.search(body) is not None


def _section_headings(lines: list[str]) -> int:
    """Short lines that head a section ("Objetivo", "Visión de la OIM"): after a finished sentence
    (or at the top), before a capitalised line, no final punctuation. Plans, "about" pages and
    directory entries have them; a release is a headline and paragraphs."""
    stripped = [line.strip() for line in lines if line.strip()]
    count = 0
    for index, line in enumerate(stripped):
        previous = stripped[index - 1] if index else ""
        following = stripped[index + 1] if index + 1 < len(stripped) else ""
        if (
            len(line.split()) <= HEADING_MAX_WORDS
            and not line.endswith(_END_OF_SENTENCE)
            and (not previous or previous.endswith(_END_OF_SENTENCE))
            and following[:1].isupper()
        ):
            count += 1
    return count


def _has_release_label(lines: list[str], title_index: int) -> bool:
    """A "Communiqué" / "Press release" label in the page header, just above or under the title."""
    around = lines[max(0, title_index - RELEASE_LABEL_LOOKAROUND) : title_index]
    around += lines[title_index + 1 : title_index + 1 + RELEASE_LABEL_LOOKAROUND]
    return any(_RELEASE_LABEL.match(line) for line in around if line.strip())


_BULLET_LINE = re.compile(r"^\s*[•·▪◦*-]\s+\S")
_SEPARATORS = (",", ";", "\t")
MIN_TABLE_ROWS = 3
TABLE_SHARE = 0.8
MIN_BULLETS = 3
SENTENCE_TITLE_WORDS = 12
# Words per comma-separated field above which rows are paragraphs of prose, not CSV records
# (clauses run 10-25 words; a record's fields are a few words: a title, a date, a code).
PROSE_FIELD_WORDS = 10


def _prose_rows(rows: list[str], separator: str) -> bool:
    """The rows' fields are clauses: on average more words each than a record's fields."""
    fields = sum(row.count(separator) + 1 for row in rows)
    return sum(len(row.split()) for row in rows) >= PROSE_FIELD_WORDS * fields


def _is_table(lines: list[str]) -> bool:
    """CSV / TSV rows, or a Markdown table: most lines hold the same number of separators."""
    rows = [line for line in lines if line.strip()]
    if len(rows) < MIN_TABLE_ROWS:
        return False
    if sum(line.lstrip().startswith("|") for line in rows) >= TABLE_SHARE * len(rows):
        return True
    for separator in _SEPARATORS:
        if rows[0].count(separator) < 2 or _prose_rows(rows, separator):
            continue  # a table's first row holds its separators too; paragraphs are no rows
        counts = [line.count(separator) for line in rows]
        most = max(set(counts), key=counts.count)
        if most >= 2 and counts.count(most) >= TABLE_SHARE * len(rows):
            return True
    return False


IOM_SITE_LABELS = 3
# A closing line naming IOM as the text's author: "Article publié par OIM – Guinée", "Published
# by IOM Niger", "Publicado por la OIM", "Source : OIM" (a site republishing IOM's own note).
_IOM_CREDIT = re.compile(
    r"^(?:(?:article|art[íi]culo|texte|texto|text)\s+)?(?:publi[ée]e?|published|publicad[oa]|"
    r"posted|[ée]crit|written|redactad[oa])\s+(?:par|by|por)\s+(?:l['’]\s*|la\s+|the\s+)?"
    r"(?:IOM|OIM)\b|^(?:source|fuente|sources?)\s*:\s*(?:l['’]\s*|la\s+|the\s+)?(?:IOM|OIM)\b",
    re.IGNORECASE,
)
CREDIT_LINES = 3


def _credits_iom(text_lines: list[str]) -> bool:
    """One of the page's last lines names IOM as the author of the text."""
    last = [line.strip() for line in text_lines if line.strip()][-CREDIT_LINES:]
    return any(_IOM_CREDIT.match(line) for line in last)


def _on_iom_site(chrome: list[str]) -> bool:
    """The page carries an IOM site's own menu (its labels are known): IOM is the one
    speaking, whoever the sentences name."""
    return sum(1 for line in chrome if is_label(line)) >= IOM_SITE_LABELS


def is_json_data(text: str) -> bool:
    """A JSON document (an object or a list: a data export, a tool's notes), not a page."""
    stripped = text.strip()
    if len(stripped) < 2 or stripped[0] not in "{[" or stripped[-1] not in "}]":
        return False
    try:
        json.loads(stripped)
    except ValueError:
        return False
    return True


def _reports_a_communique(body: str) -> bool:
    """A newspaper telling what IOM's communiqué or statement says (``_REPORTED_COMMUNIQUE``)."""
    return bool(
        any(word in body for word in _REPORTED_WORDS) and _REPORTED_COMMUNIQUE.search(body)
    ) or ("statement" in body and _REPORTED_STATEMENT.search(body) is not None)


def report_on_iom(text: str, release: Release) -> ImportRefused | None:
    """The refusal of an HTML article that reports on IOM (a news report on a communiqué, a news
    site's article about IOM) rather than being IOM's release, or None: the checks of
    ``not_a_release`` that need no page chrome, so cheap enough for every HTML article."""
    if release.contacts:
        return None
    if _reports_a_communique(release.body):
        return ImportRefused(N_("not a press release page (a news report on a communiqué)"))
    news_site = _is_news_site_article(text, release.body)
    if news_site or (not release.dateline and _reports_on_iom(release.body)):
        return ImportRefused(N_("not a press release page (a news site's article about IOM)"))
    return None


def not_a_release(
    lines: list[str], title_index: int, chrome: list[str], release: Release
) -> ImportRefused | None:
    """The refusal of a page that gave one release but is not a press release at all, or None.

    A table (CSV, Markdown), a Markdown document, or a site page without a headline (its first
    line after the menus is a sentence) that has no dateline, no stated date and no contact.
    """
    text_lines = lines[title_index:]
    if _is_table(text_lines):
        return ImportRefused(N_("not a press release page (a table)"))
    title_line = lines[title_index].strip()
    if title_line.startswith("#") and sum(line.startswith("#") for line in text_lines) >= 2:
        return ImportRefused(N_("not a press release page (a Markdown document)"))
    if title_line.endswith(".") and find_intro([title_line]) == 0:
        # "Pour plus d'informations …, veuillez contacter …@iom.int."
        return ImportRefused(N_("not a press release page (a contact page)"))
    top = "\n".join(line.strip() for line in text_lines[:DISPATCH_LOOKAHEAD])
    dispatch = (_AGENCY_DISPATCH.search(top) if ")" in top else None) or _AGENCY_FIRST.search(top)
    if dispatch and not release.contacts:
        return ImportRefused(
            N_("not a press release page (a news agency dispatch ({agency}))"),
            agency=dispatch["agency"],
        )
    if release.contacts:
        return None
    body = release.body
    if _reports_a_communique(body) and not _on_iom_site(chrome):
        return ImportRefused(N_("not a press release page (a news report on a communiqué)"))
    page = "\n".join(text_lines)
    if ":" in page and len(_JOB_FIELD.findall(page)) >= MIN_JOB_FIELDS:
        return ImportRefused(N_("not a press release page (a job notice)"))
    if is_job_notice_heading(page):
        return ImportRefused(N_("not a press release page (a job notice)"))
    if is_call_for_tenders(page):
        return ImportRefused(N_("not a press release page (a call for tenders)"))
    if len(_PAGE_NUMBER.findall(page)) >= MIN_PAGE_NUMBERS:
        return ImportRefused(N_("not a press release page (a report or document transcript)"))
    if _is_news_site_article("\n".join(lines), body) and not _on_iom_site(chrome):
        return ImportRefused(N_("not a press release page (a news site's article about IOM)"))
    told = _TOLD_AGENCY.search(body) if not release.dateline else None
    if told is not None and not _on_iom_site(chrome):
        return ImportRefused(N_("not a press release page (a news agency's interview)"))
    if not release.dateline and _reports_on_iom(body) and not _on_iom_site(chrome):
        return ImportRefused(N_("not a press release page (a news site's article about IOM)"))
    if not release.dateline and is_biography(release.title, release.body):
        return ImportRefused(N_("not a press release page (a biography)"))
    if not release.dateline and not _on_iom_site(chrome) and is_note_about_a_document(body):
        return ImportRefused(N_("not a press release page (a note about a published statement)"))
    if release.dateline or release.date_basis == DATE_PUBLISHED:
        return None
    sentence = (
        title_line.endswith(".") and title_line.count(" ") + 1 >= SENTENCE_TITLE_WORDS
    ) or title_line.endswith(",")  # a wrapped sentence's first line ("… (OIM),"), no headline
    no_headline = sentence or len(title_line) > MAX_TITLE_LENGTH
    bullets = sum(1 for line in text_lines if _BULLET_LINE.match(line))
    text = f"{release.title}\n{release.body}"
    # A statement on IOM's own site opens without a headline too, but it is told in time.
    if no_headline and (chrome or bullets >= MIN_BULLETS) and not _NEWS_TIME.search(text):
        return ImportRefused(
            N_("not a press release page (no headline, dateline, date or contact)")
        )
    if _has_release_label(lines, title_index):
        return None
    news = _NEWS_TIME.search(text) is not None
    iom_site = _on_iom_site(chrome)
    if found := reference_page_refusal(lines, title_index, release, no_headline, iom_site, news):
        return found
    if not news and presents_the_office(text):
        return ImportRefused(N_("not a press release page (IOM's office presented, no news in it)"))
    if _section_headings(text_lines) >= MIN_HEADINGS and not news:
        return ImportRefused(
            N_("not a press release page (no dateline, date, contact or news in it)")
        )
    if (
        no_headline
        and not _IOM_SPEAKS.search(text)
        and not _on_iom_site(chrome)
        and not _credits_iom(text_lines)
        and not written_in_first_person(text)
    ):
        return ImportRefused(
            N_(
                "not a press release page (an article about IOM: no headline, dateline, date "
                "or contact, IOM never speaking)"
            )
        )
    return None
