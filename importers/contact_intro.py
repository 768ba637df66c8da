"""Where a release's contact block starts: the line that introduces it ("Pour plus
d'informations, veuillez contacter :", "For further information please contact", "Contacts
presse :")."""

from __future__ import annotations

import re

# "Pour plus d'informations, veuillez contacter:", "For further information please contact",
# "Para más información, contactar a", "Contacts presse :", "Media contact:", "Contact presse".
_INTRO = re.compile(
    r"^[^\w\n]{0,3}(?:"
    r"pour\s+(?:plus|de\s+plus\s+amples|davantage|toutes?)\s+(?:d['’]\s*)?informations?"
    r"|for\s+(?:more|further|additional)\s+(?:information|details|info)"
    r"|para\s+(?:más|mas|mayor|obtener\s+más|obtener\s+mas)\s+(?:información|informacion)"
    # "For interviews, please contact", "Pour toute demande d'interview, veuillez contacter".
    r"|for\s+(?:media\s+|press\s+)?(?:interviews?|interview\s+requests|enquiries|inquiries)"
    r"|pour\s+(?:toute\s+|les\s+)?demandes?\s+d['’]\s*(?:interviews?|entretiens?|entrevues?)"
    r"|para\s+(?:entrevistas|solicitudes\s+de\s+(?:entrevista|prensa|medios))"
    r"|pour\s+(?:toute\s+|les\s+)?demandes?\s+(?:des\s+médias|de\s+la\s+presse|presse|médias)"
    r"|for\s+(?:media|press)\s+requests"
    # A bare "Más información:" alone on its line over a person's lines.
    r"|(?:más|mas)\s+(?:información|informacion)\s*:[ \t]*$"
    r"|(?:media|press)\s+(?:enquiries|inquiries)\s*:"
    # "Please contact A (+41 …, a@iom.int) or B (…)": only with an address on the line.
    # Not a site's "Contact us: info@…" footer.
    r"|(?:please\s+)?contact\s+(?!us\b)(?=[^\n]*@)"
    r"|(?:media\s+|press\s+)?contacts?(?:\s+(?:presse|médias|media|prensa|for\s+media))?\s*:"
    r"|contactos?(?:\s+(?:de|para)\s+(?:prensa|medios))?\s*:"
    # A press label alone on its line, without a colon: "Contact presse", "Media contacts".
    r"|(?:(?:media|press)\s+contacts?|contacts?\s+(?:presse|médias|media|prensa)"
    r"|contactos?\s+(?:de|para)\s+(?:prensa|medios))[ \t]*$"
    r")",
    re.IGNORECASE | re.MULTILINE,
)
CONTACT_VERB = re.compile(
    r"\b(?:veuillez\s+|please\s+|por\s+favor\s+)?(?:contacter|contactez|contact|contactar|"
    r"contacte|comuníquese\s+con|communiquer\s+avec)\b(?:\s+(?:à|a|with|con)\b)?\s*:?\s*",
    re.IGNORECASE,
)
EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
MAX_INTRO_LENGTH = 400

# "Si vous souhaitez acquérir ces œuvres, veuillez contacter:": a sentence of the release that
# ends by asking to contact the people on the next lines.
_INTRO_AT_END = re.compile(
    r"\b(?:veuillez\s+contacter|please\s+contact|favor\s+de\s+contactar|"
    r"por\s+favor\s+contactar|contactez|contacte\s+a|comuníquese\s+con)\s*$",
    re.IGNORECASE,
)
_COLON_AT_LINE_END = re.compile(r":[ \t]*$", re.MULTILINE)
INTRO_VERB_LOOK_BACK = 40
MAX_INTRO_AT_END_LENGTH = 240


def find_intro(lines: list[str], start: int = 0) -> int | None:
    """Index of the line that opens the contact block, or None."""
    # One scan of the joined lines is far cheaper than a regex call per line.
    text = "\n".join(lines[start:])
    found = _intro_at_line_start(text)
    at_end = _intro_at_line_end(text) if "onta" in text else None
    if at_end is not None and (found is None or at_end < found):
        found = at_end
    return None if found is None else start + text.count("\n", 0, found)


def _intro_at_line_end(text: str) -> int | None:
    """Offset of the first line that ends by asking to contact the people below it."""
    for colon in _COLON_AT_LINE_END.finditer(text):  # a literal first: a fast scan
        line_start = text.rfind("\n", 0, colon.start()) + 1
        if colon.end() - line_start > MAX_INTRO_AT_END_LENGTH:
            continue
        look_from = max(line_start, colon.start() - INTRO_VERB_LOOK_BACK)
        if _INTRO_AT_END.search(text, look_from, colon.start()):
            return line_start
    return None


def _intro_at_line_start(text: str) -> int | None:
    """Offset of the first line opening with a contact intro ("Pour plus d'informations…")."""
    for match in _INTRO.finditer(text):
        line_start = match.start()
        line_end = text.find("\n", line_start)
        line = text[line_start : line_end if line_end != -1 else len(text)]
        stripped = line.rstrip()
        if (
            CONTACT_VERB.search(line)
            or stripped.endswith(":")
            or len(stripped) < 60
            or EMAIL.search(line)
        ) and len(line) <= MAX_INTRO_LENGTH:
            return line_start
    return None


# "… a WHO mail list. For further information, please contact: In New York, X, …": a page
# whose line breaks were lost (a newsletter's mirror) writes its block inside its one line.
_INLINE_INTRO = re.compile(
    r"(?<=[.!?):»”\"] )(?:for\s+(?:more|further)\s+information|pour\s+(?:plus|de\s+plus\s+amples)"
    r"\s+(?:d['’]\s*)?informations?|para\s+(?:más|mayor)\s+información),?\s+"
    r"(?:please\s+|veuillez\s+|por\s+favor\s+)?(?:contact|contacter|contactar(?:\s+a)?)\s*:?\s",
    re.IGNORECASE,
)
_DETAIL_SOON = re.compile(r"@|\+\s?\d|\bprotected\]")
RUN_ON_LENGTH = 400
DETAIL_WITHIN = 200
LAST_LINES = 5


def split_inline_intro(lines: list[str]) -> list[str]:
    """The lines, with a long line of the page's end cut before a contact intro written inside
    it and followed by a detail (an address or a number), when no line opens with an intro."""
    tail = [i for i, line in enumerate(lines) if line.strip()][-LAST_LINES:]
    long_lines = [i for i in tail if len(lines[i]) > RUN_ON_LENGTH and "onta" in lines[i]]
    if not long_lines or find_intro(lines) is not None:
        return lines
    for index in reversed(long_lines):
        line = lines[index]
        for match in _INLINE_INTRO.finditer(line):
            if _DETAIL_SOON.search(line, match.end(), match.end() + DETAIL_WITHIN):
                before, after = line[: match.start()].rstrip(), line[match.start() :]
                return [*lines[:index], before, "", after, *lines[index + 1 :]]
    return lines
