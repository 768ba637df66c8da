"""Pages of IOM's sites that are never press releases, told by their own lines: a project's page,
a report's page, a slide deck's transcript, a job notice's terms of reference, a site's key
figures over a presentation."""

from __future__ import annotations

import re

from oim_archive.i18n import N_
from oim_archive.store.records import DATE_PUBLISHED, Release

from .errors import ImportRefused

MIN_FIELDS = 3


def _field_lines(page: str, labels: frozenset[str]) -> int:
    """How many different labels of the set stand alone on a line of the page (case folded, a
    final colon dropped)."""
    found = {
        folded
        for line in page.splitlines()
        if len(line) <= 40 and (folded := line.strip().rstrip(":").strip().casefold()) in labels
    }
    return len(found)


# A project's page: its fields one a line, each over its value ("Start Date" / "2015",
# "Budget Amount (USD)" / "100000.00", "Projects ID" / "DP.1298").
_PROJECT_LABELS = frozenset(
    (
        "start date", "end date", "project status", "project type", "budget amount (usd)",
        "budget amount", "projects id", "project id", "benefiting member states", "idf region",
        "date de début", "date de fin", "statut du projet", "type de projet", "montant du budget",
        "id du projet", "états membres bénéficiaires", "fecha de inicio", "fecha de finalización",
        "estado del proyecto", "tipo de proyecto", "monto del presupuesto", "id del proyecto",
        "estados miembros beneficiarios",
    )
)  # fmt: skip
# Every project page holds one of these, looked for (first letter left out, so either case)
# before going line by line.
_PROJECT_WORDS = ("tart Date", "tart date", "ate de début", "echa de inicio", "roject Status",
                  "roject status", "tatut du projet", "stado del proyecto")  # fmt: skip


def is_project_page(page: str) -> bool:
    """Three of a project page's field labels, each alone on its line."""
    if not any(word in page for word in _PROJECT_WORDS):
        return False
    return _field_lines(page, _PROJECT_LABELS) >= MIN_FIELDS


# A report's page in a publications or data portal: "Period Covered" over its two dates, with
# "Download", "Language", "Activity", "Location" alone on their lines.
_REPORT_LABELS = frozenset(
    (
        "period covered", "download", "language", "activity", "location", "share",
        "période couverte", "télécharger", "langue", "activité", "lieu", "partager",
        "período cubierto", "periodo cubierto", "descargar", "idioma", "actividad", "ubicación",
        "compartir",
    )
)  # fmt: skip
_REPORT_WORDS = ("eriod Covered", "eriod covered", "ériode couverte", "eríodo cubierto",
                 "eriodo cubierto")  # fmt: skip


def is_report_page(page: str) -> bool:
    """A report page's period covered and two more of its labels, each alone on its line."""
    if not any(word in page for word in _REPORT_WORDS):
        return False
    return _field_lines(page, _REPORT_LABELS) >= MIN_FIELDS


# A slide deck saved as text: numbered slides ("  2. Outline I. Background …"), each ending on
# the deck's footer with the slide's number again ("INTERNATIONAL ORGANIZATION 2 FOR MIGRATION").
_SLIDE = re.compile(r"^[ \t]{0,4}(\d{1,3})\.[ \t]+\S(.*)$", re.MULTILINE)
SLIDE_FOOTER_CHARS = 60
MIN_SLIDES = 3


def is_slide_deck(page: str) -> bool:
    """Three numbered slides or more, each carrying its own number again near its end."""
    if "2. " not in page:
        return False
    numbered = 0
    for match in _SLIDE.finditer(page):
        number, rest = match[1], match[2]
        if re.search(rf"(?<![\d.,]){number}(?![\d.,%])", rest[-SLIDE_FOOTER_CHARS:]):
            numbered += 1
            if numbered >= MIN_SLIDES:
                return True
    return False


# A job notice without field lines: its heading names it ("Avis de recrutement : …",
# "Vacancy Notice", "Oferta de empleo"), or its terms of reference open under IOM's template
# heading ("Contexte et portée du projet", "Context and Scope", "Contexto y alcance del proyecto").
_JOB_HEADING = re.compile(
    r"^[ \t]*(?:(?:avis\s+de\s+(?:recrutement|vacance(?:\s+de\s+poste)?)|vacancy\s+(?:notice|"
    r"announcement)|job\s+(?:opening|vacancy)|oferta\s+de\s+(?:empleo|trabajo)|aviso\s+de\s+vacante)"
    r"\b|(?:contexte\s+et\s+portée(?:\s+du\s+projet)?|context\s+and\s+scope(?:\s+of\s+the\s+project)?"
    r"|contexto\s+y\s+alcance(?:\s+del\s+proyecto)?)[ \t]*:?[ \t]*$)",
    re.IGNORECASE | re.MULTILINE,
)
# Looked for in the page as written (first letter left out, so either case) before the regex.
_JOB_WORDS = (
    "vis de recrutement", "VIS DE RECRUTEMENT", "vis de vacance", "VIS DE VACANCE",
    "acancy notice", "acancy Notice", "ACANCY NOTICE", "acancy announcement",
    "acancy Announcement", "ob opening", "ob Opening", "ob vacancy", "ob Vacancy",
    "ferta de empleo", "ferta de trabajo", "FERTA DE EMPLEO", "viso de vacante",
    "ontexte et port", "ontext and scope", "ontext and Scope", "ontexto y alcance",
)  # fmt: skip


def is_job_notice_heading(page: str) -> bool:
    """A line naming the page a job notice, or the heading of its terms of reference."""
    if not any(word in page for word in _JOB_WORDS):
        return False
    return _JOB_HEADING.search(page) is not None


# A site's key figures block over a presentation: "Chiffres clés (Global)", then an icon's
# alternative text over each figure ("Icône États Membres" / "175").
_KEY_FIGURES = re.compile(
    r"^[ \t]*(?:chiffres\s+clés|key\s+figures|cifras\s+clave|datos\s+clave)(?:\s*\([^)\n]{1,20}\))?"
    r"[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_ICON_LINE = re.compile(
    r"^[ \t]*(?:icône|icon|ícono|icono)[ \t]+\S.{0,60}$", re.IGNORECASE | re.MULTILINE
)
MIN_ICON_LINES = 2
KEY_FIGURES_LINES = 60  # the block heads the page (after its menu)
_FIGURES_WORDS = ("hiffres cl", "ey figures", "ey Figures", "ifras clave", "atos clave")


def has_key_figures(page: str) -> bool:
    """A key figures heading and two icon labels or more: a site's presentation block."""
    if not any(word in page for word in _FIGURES_WORDS):
        return False
    return _KEY_FIGURES.search(page) is not None and len(_ICON_LINE.findall(page)) >= MIN_ICON_LINES


def refuse_key_figures_page(lines: list[str], releases: list[Release]) -> None:
    """Refuse a site's key figures block over text that states no dateline, no date and no
    contact: a presentation page, whatever its headings split it into."""
    if any(r.dateline or r.date_basis == DATE_PUBLISHED or r.contacts for r in releases):
        return
    if has_key_figures("\n".join(lines[:KEY_FIGURES_LINES])):
        raise ImportRefused(N_("not a press release page (a site's page of key figures)"))


def site_page_refusal(page: str) -> ImportRefused | None:
    """The refusal of a project's page, a report's page or a slide deck's transcript, told by
    its field labels or numbered slides whatever else it holds; None for any other page."""
    if is_project_page(page):
        return ImportRefused(N_("not a press release page (a project's page)"))
    if is_report_page(page):
        return ImportRefused(N_("not a press release page (a report's page)"))
    if is_slide_deck(page):
        return ImportRefused(N_("not a press release page (a report or document transcript)"))
    return None
