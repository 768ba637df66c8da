"""A contact block's lines cut into fields (a name, an office, a number, an address) for the
people builder of ``contacts``."""

from __future__ import annotations

import re

_INLINE_SEPARATOR = re.compile(r"\s+(?:ou|or|o|y|et|and)\s+(?:a\s+|à\s+|with\s+)?(?=[A-ZÀ-ÖØ-Þ])")
# Parentheses holding several details, an address or a number among them ("(+41 79 …,
# a@iom.int)"); not "(0)", "(202)", "(WhatsApp)", nor one address ("A (a@…) et B (b@…)").
_DETAILS_IN_PARENTHESES = re.compile(r"\(([^(),]*(?:@|\d[\d\s.-]{5,})[^()]*,[^()]*)\)")
# Fields are split at commas, semicolons, bars and tabs (a table's cells), and at a full stop
# before a label
# ("OIM Mali. Tél : +223…. E-mail : …").
_SIMPLE_FIELD_SPLIT = re.compile(r"\s*[,;|\t]\s*")
_FIELD_SPLIT = re.compile(
    r"\s*[,;|\t]\s*|\.\s+(?=(?:t[ée]l|tel|phone|mobile|cel|m[óo]vil|fax|e-?mail|courriel|correo)"
    r"\b)",
    re.IGNORECASE,
)
# A place or office label before a person: "In Geneva: X", "À Niamey : Y", "IOM Zimbabwe: Z".
_PLACE_LABEL = re.compile(
    r"^(?:(?:[Ii]n|[Aa]t|[Àà]|[Aa]|[Ee]n|[Aa]u)\s+(?P<place>[A-ZÀ-ÖØ-Þ][\w'’ -]{1,30}?)"
    r"|(?P<office>(?:IOM|OIM)\s+[A-ZÀ-ÖØ-Þ][\w'’ -]{1,50}?))\s*:\s*(?=[A-ZÀ-ÖØ-Þ])"
)
# A place alone in its field before the person ("In New York, Dana Whitfield, …").
# "En Ginebra (OIM), Y, …": the office in brackets after the place.
_PLACE_ALONE = re.compile(
    r"^(?:In|At|À|En|Au)\s+(?P<place>[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]+){0,2})"
    r"(?:\s*\((?P<office>[A-ZÀ-ÖØ-Þ][^()]{1,40})\))?$"
)
# An agency heading its person in a joint release's block: "HCR : X", "For UNHCR: Y", "Pour
# l'OIM : Z", with its country office ("ACNUR Perú: W") (not a field label: "TEL: +41 …",
# "EMAIL: …", "TEL Genève: …").
_AGENCY_LABEL = re.compile(
    r"^(?:(?:[Ff]or|[Pp]our|[Pp]or|[Ee]n|[Aa]t|[Àà]|[Aa]u)\s+(?:l['’]\s*|la\s+|el\s+|the\s+)?)?"
    r"(?P<agency>(?!(?:TEL|FAX|MOB|GSM|CEL|CELL|EMAIL|MAIL|WEB|WWW|SMS|NB|PS)\b)[A-Z]{2,8}"
    r"(?:\s+(?:d['’])?[A-ZÀ-ÖØ-Þ][a-zà-ÿ'’-]+){0,3})"
    r"\s*(?::|\s[–—-])\s*(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ'’-]*\s+[A-ZÀ-ÖØ-Þ])"
)
# "Contact presse : X", "Media contact: Y", "Contacto de prensa: Z": a label, not a name.
_PRESS_LABEL = re.compile(
    r"^(?:contacts?\s+(?:presse|press|médias?|media|prensa)|(?:press|media)\s+contacts?"
    r"|contactos?\s+(?:de\s+)?(?:prensa|medios)|relations?\s+(?:presse|médias?))\s*:\s*",
    re.IGNORECASE,
)
# "or Hans Bergström": a conjunction opening a field starts the next person.
_LEADING_SEPARATOR = re.compile(
    r"^(?:or|ou|o)\s+(?:a\s+|à\s+|with\s+|con\s+|avec\s+)?(?:the\s+|l['’]\s*)?(?=[A-ZÀ-ÖØ-Þ])"
)
# "Email: or Leila Mansour": an e-mail label whose address was a stripped link, then more text.
_EMPTY_EMAIL_LABEL = re.compile(
    r"^(?:e-?mails?|courriels?|correos?(?:\s+electr[óo]nicos?)?)\s*:\s*(?=[^\s@]+(?:\s|$))",
    re.IGNORECASE,
)
# Several people written together ("A (a@…) et B (b@…), OIM Mali, Tél…") share what follows.
SHARING = "\x00and"
_AND_WORDS = frozenset({"et", "and", "y"})
OFFICE_MARK = "\x00office:"


def _heading_label(part: str) -> tuple[str, str]:
    """The field without the label heading its person, and the place, office or agency that
    label names ("" for a press label or none)."""
    press = _PRESS_LABEL.match(part)
    if press is not None:
        part = part[press.end() :]
    label = _PLACE_LABEL.match(part) or _AGENCY_LABEL.match(part)
    if label is None:
        return part, ""
    heading = label["agency"] if "agency" in label.groupdict() else None
    return part[label.end() :], heading or label["office"] or label["place"]


def _split_people(part: str) -> list[str]:
    """Split "akassem@iom.int ou Jean Dupont" after an email or a number, not inside an office."""
    pieces: list[str] = []
    start = 0
    for match in _INLINE_SEPARATOR.finditer(part):
        before = part[start : match.start()]
        if "@" in before or sum(ch.isdigit() for ch in before) >= 6:
            word = match.group(0).split()[0].lower()
            pieces.extend((before, SHARING if word in _AND_WORDS else "ou"))
            start = match.end()
    pieces.append(part[start:])
    return pieces


# What a site's e-mail protection leaves of a mail link ("[email protected]"): no address.
_PROTECTED_EMAIL = re.compile(r"\[\s*email(?:\s|&#160;|&nbsp;)*protected\s*\]", re.IGNORECASE)


# A line whose fields lost their commas (a mirror that dropped the block's line breaks:
# "Name OIM Haïti Tél. : +509 … Courriel : a@… Name2 …"): a field starts at each label, and
# after each address followed by a capitalised word.
_GLUED_LABEL = re.compile(
    r"\s+(?=(?:t[ée]l[ée]?(?:phone|éfono|efono)?|tel|phone|mobile|mob|cel(?:ular)?|portable"
    r"|m[óo]vil|whatsapp|gsm|fax|e-?mails?|courriels?|correos?(?:\s+electr[óo]nicos?)?)"
    r"\s*\.?\s*:)",
    re.IGNORECASE,
)
_ADDRESS_THEN_WORD = re.compile(r"(@[\w-]+(?:\.[\w-]+)+)\s+(?=[A-ZÀ-ÖØ-Þ])")
MIN_GLUED_LABELS = 2


def _unglued(line: str) -> str:
    """A line without commas, semicolons or bars holding two labels or more, with commas put
    back where its fields start; any other line as it is."""
    if any(mark in line for mark in ",;|") or len(_GLUED_LABEL.findall(line)) < MIN_GLUED_LABELS:
        return line
    return _ADDRESS_THEN_WORD.sub(r"\1, ", _GLUED_LABEL.sub(", ", line))


# A table's header row over its people ("Nom⇥Fonction⇥Téléphone⇥Email"): no person.
_HEADER_CELL = re.compile(
    r"^(?:noms?|names?|nombres?|fonctions?|functions?|titles?|titres?|cargos?|postes?|r[ôo]les?"
    r"|t[ée]l[ée]?(?:phones?|éfonos?|efonos?)?|phones?|mobiles?|celular(?:es)?|e-?mails?"
    r"|courriels?|correos?(?:\s+electr[óo]nicos?)?|organi[sz]ations?|organizaci[óo]n|agen(?:ce|cy|cia)"
    r"|bureau|office|oficina|contacts?|contactos?)$",
    re.IGNORECASE,
)


def _is_header_row(line: str) -> bool:
    """A row of two cells or more, each a column's label."""
    cells = [cell.strip() for cell in line.split("\t") if cell.strip()]
    return len(cells) > 1 and all(_HEADER_CELL.match(cell) for cell in cells)


def split_fields(block: list[str]) -> list[str]:
    """The fields of a contact block's lines, in order: text between commas, semicolons and
    bars, with markers where a person shares what follows (``SHARING``), where "or" starts the
    next person ("ou") and where a place or office label heads the next person
    (``OFFICE_MARK`` + its name)."""
    fields: list[str] = []
    for line in block:
        line = line.strip()
        if "\t" in line and _is_header_row(line):
            continue
        if "protected" in line:
            line = _PROTECTED_EMAIL.sub(" ", line)
        line = _unglued(line)
        if "(" in line:  # "Joe Lowry (+41 79 …, jlowry@iom.int) or …": details, as fields
            line = _DETAILS_IN_PARENTHESES.sub(r", \1, ", line)
        split = _FIELD_SPLIT if ". " in line else _SIMPLE_FIELD_SPLIT
        for part in split.split(line):
            empty_label = _EMPTY_EMAIL_LABEL.match(part) if "@" not in part else None
            if empty_label is not None:
                part = part[empty_label.end() :]
            leading = _LEADING_SEPARATOR.match(part) if part[:1] in "oO" else None
            if leading is not None:
                fields.append("ou")
                part = part[leading.end() :]
            if ":" in part or " – " in part or " - " in part or " — " in part:
                part, heading = _heading_label(part)  # "HCR : X", "PAM – Y"
                if heading:
                    fields.append(OFFICE_MARK + heading)
            elif place := _PLACE_ALONE.match(part):  # "In New York, X, …": a comma, no colon
                where = place["place"]  # "En Ginebra (OIM)": the office in brackets too
                fields.append(
                    OFFICE_MARK + (f"{place['office']} {where}" if place["office"] else where)
                )
                continue
            fields.extend(piece.strip() for piece in _split_people(part) if piece.strip())
    return fields
