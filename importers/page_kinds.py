"""Pages of kinds that are never press releases, told by their own lines: a call for tenders."""

from __future__ import annotations

import re

from .case_twins import has_case_twins

# A call for tenders' lines: its heading alone on a line ("CONVOCATORIA DE LICITACIÓN (ITB)",
# "REQUEST FOR PROPOSALS", "Appel d'offres"), its reference field ("N.º de referencia de la
# ITB:", "RFP No.:"), its invitation letter ("SECCIÓN 1: CARTA DE INVITACIÓN") and its forms
# ("● Formulario A: Confirmación de la licitación").
_TENDER_LINES = (
    re.compile(
        r"^[ \t]*(?:convocatoria\s+de\s+licitaci[óo]n|invitation\s+to\s+(?:bid|tender)"
        r"|request\s+for\s+(?:proposals?|quotations?)|solicitud\s+de\s+(?:propuestas|cotizaci[óo]n)"
        r"|appel\s+d['’]offres|demande\s+de\s+(?:propositions|cotation))"
        r"(?:\s*\((?:ITB|RFP|RFQ|ITT|DAO|DDP)\))?[ \t]*$",
        re.IGNORECASE | re.MULTILINE,
    ),
    re.compile(
        r"\b(?:referencia\s+de\s+la|reference\s+(?:no\.?|number)\s*(?:of\s+the)?|r[ée]f[ée]rence\s+de\s+l['’]"
        r")\s*(?:ITB|RFP|RFQ|ITT)\b|\b(?:ITB|RFP|RFQ)\s+(?:No|N[º°o])\.?\s*:",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:carta\s+de\s+invitaci[óo]n|letter\s+of\s+invitation|lettre\s+d['’]invitation)\b",
        re.IGNORECASE,
    ),
    re.compile(r"^[ \t]*(?:[●•*-][ \t]*)?(?:formulario|form|formulaire)\s+[A-K]\s*:", re.MULTILINE),
)
MIN_TENDER_SIGNS = 2


# What each of the first three kinds of line holds (lower-cased), looked for before its regex;
# the forms' regex, which tells case, needs "form". Two signs need one of the first three.
_TENDER_WORDS = (
    ("licitaci", "invitation", "request", "solicitud", "appel", "demande"),
    ("referencia", "rence", "itb", "rfp", "rfq"),
    ("invitaci", "invitation"),
)


def is_call_for_tenders(page: str) -> bool:
    """Two of a call for tenders' kinds of line (heading, reference, invitation letter, forms)."""
    lowered = page.lower()
    if not has_case_twins(page) and not any(
        word in lowered for words in _TENDER_WORDS for word in words
    ):
        return False
    return sum(1 for pattern in _TENDER_LINES if pattern.search(page)) >= MIN_TENDER_SIGNS


# What a text quotes: «…» (to the end when a multi-paragraph quotation is left open), “…”, "…".
_QUOTED = re.compile(r"«[^»]*(?:»|$)|“[^”]*(?:”|$)|\"[^\"\n]*\"", re.DOTALL)
# The writer's own first person: "je", "nous", "notre", "we", "our", "nosotros", "nuestra"…
_FIRST_PERSON = re.compile(
    r"\b(?:[Jj]e|[Jj]['’]|[Nn]ous|[Nn]otre|[Nn]os|[Ww]e|[Oo]ur|I|[Nn]osotros|[Nn]uestr[oa]s?)(?!\w)"
)
MIN_FIRST_PERSON = 3


def written_in_first_person(text: str) -> bool:
    """The text speaks as "I" or "we" outside its quotations: a message, a statement or an op-ed
    of its author (a journalist's report quotes people saying "we", it does not say it)."""
    own = _QUOTED.sub(" ", text)
    return len(_FIRST_PERSON.findall(own)) >= MIN_FIRST_PERSON


# An office's presentation tells when IOM came to the country: "La mission de l'OIM au Tchad a
# été créée en 2009", "la OIM inició sus actividades en Ecuador en 1965", "cuya oficina se
# instaló en 1953", "IOM has been present in Thailand since 1975".
_OFFICE_HISTORY = re.compile(
    r"\b(?:IOM|OIM|mission|bureau|oficina|office|misi[óo]n)\b[^.\n]{0,80}?"
    r"(?:a\s+été\s+(?:créée?|établie?|ouverte?)|est\s+présente?|se\s+(?:creó|instaló|estableció)"
    r"|fue\s+(?:cread[oa]|establecid[oa]|abiert[oa])|inici[óo]\s+sus\s+(?:actividades|operaciones)"
    r"|est\s+présente?|tiene\s+presencia|was\s+(?:established|opened|set\s+up)|has\s+been\s+present"
    r"|(?:began|started)\s+(?:its\s+)?(?:work|operations|activities))"
    r"[^.\n]{0,60}?\b(?:en|in|desde|depuis|since)\s+(?:1[89]\d\d|20\d\d)\b",
    re.IGNORECASE,
)


def presents_the_office(text: str) -> bool:
    """The text tells when IOM's office or mission came to the country (an "about" page)."""
    return _OFFICE_HISTORY.search(text) is not None


# A biography: the heading is a person's name alone and the first sentence says how that person
# took up a post ("El 1º de octubre de 2023, Amy Pope asumió sus funciones de Directora General").
_NAME_HEADING = re.compile(
    r"^[A-ZÀ-Ý][a-zà-ÿ'’-]+(?:\s+(?:de|del|da|dos|van|von)?\s*[A-ZÀ-Ý][a-zà-ÿ'’-]+){1,3}$"
)
_TOOK_UP_POST = re.compile(
    r"\b(?:asumi[óo]\s+(?:sus\s+funciones|el\s+cargo)|tom[óo]\s+posesi[óo]n|fue\s+(?:nombrad|elegid)[oa]"
    r"|a\s+pris\s+ses\s+fonctions|a\s+été\s+(?:nommée?|élue?)|took\s+(?:up\s+)?office"
    r"|assumed\s+(?:office|(?:the|her|his)\s+(?:duties|post|functions))|was\s+(?:appointed|elected))\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def is_biography(title: str, body: str) -> bool:
    """A heading that is a name alone over a first sentence telling how that person took a post."""
    heading = title.strip()
    if not _NAME_HEADING.match(heading):
        return False
    first = _SENTENCE_END.split(body.strip(), maxsplit=1)[0]
    return heading in first and _TOOK_UP_POST.search(first) is not None


# A note about someone else's document: it says the document was published ("Plusieurs agences
# ont publié une déclaration conjointe", "UNHCR and IOM issued a joint statement") and sends the
# reader to it ("Pour plus d'information, voir : …", "For more information, see: …").
_PUBLISHED_BY_OTHERS = re.compile(
    r"\b(?:ont|a)\s+(?:publié|diffusé|émis|rendu\s+public)\s+(?:une?|leur|sa|son)\s+(?:\w+\s+)?"
    r"(?:déclaration|communiqué|rapport|note)"
    r"|\b(?:published|issued|released)\s+(?:a|an|their|its)\s+(?:\w+\s+)?(?:statement|report|communiqué)"
    r"|\b(?:publicaron|emitieron|difundieron|public[óo]|emiti[óo])\s+(?:una?|su)\s+(?:\w+\s+)?"
    r"(?:declaraci[óo]n|comunicado|informe)",
    re.IGNORECASE,
)
_SEE_THE_SOURCE = re.compile(
    r"^[ \t]*(?:pour\s+(?:plus\s+d['’]|en\s+savoir\s+plus)|for\s+more(?:\s+information)?"
    r"|para\s+m[áa]s(?:\s+informaci[óo]n)?)[^\n:]{0,30}?,?\s*(?:voir|see|ver|v[ée]ase|consult(?:ez|e|ar))\s*:"
    # A link's label alone on its line: "Read the full statement", "Lire le communiqué intégral".
    r"|^[ \t]*(?:read\s+the\s+full\s+(?:joint\s+)?(?:statement|report|press\s+release)"
    r"|lire\s+(?:la\s+déclaration|le\s+communiqué|le\s+rapport)\s+(?:complète?|intégrale?)"
    r"|le(?:a|er)\s+(?:la\s+declaraci[óo]n|el\s+comunicado|el\s+informe)\s+complet[oa])[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def is_note_about_a_document(text: str) -> bool:
    """The text tells that a statement or report was published and points the reader to it."""
    if _SEE_THE_SOURCE.search(text) is None:
        return False
    return _PUBLISHED_BY_OTHERS.search(text) is not None
