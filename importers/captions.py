"""A photo's caption or credit line, found without a case-insensitive regex tried at every
position: most lines hold none of its words, and a contact's phone line ("+227 38 92 18 40/+
227 21 070 434") holds the slash a photographer's credit has (~20 µs a line with one regex)."""

from __future__ import annotations

import re

from .case_twins import has_case_twins

# Longer lines are no caption (a paragraph that names a photo).
CAPTION_MAX_LENGTH = 300

# The branches of a caption or credit that hold a word (lower-cased, one of WORD_NEEDLES).
_WORDED_BRANCHES = (
    r"^(?:photo|photos|foto|fotos|crédits?\s+photo|photo\s+credits?|image|©)\b"
    # Not "Photo Show by IOM…", "Exposition photo…": a headline about an exhibition or a story.
    r"(?!\s+(?:show|exhibit(?:ion)?|exposition|exposici[óo]n|essay|stor(?:y|ies)|galler(?:y|ies)"
    r"|galerie|galer[íi]a|contest|concours|concurso|competition)\b)"
    r"|\b(?:photo|photograph|foto|crédits?|credits?)\s*:\s*\S.{0,100}$"
    r"|\bclick\s+above\s+to\s+watch\.?$"
    r"|©\s*\S.{0,100}$"
)
# A news agency's photo credit: "(AFP Photo / Christophe Archambault)", "(AP Photo/J. Doe)".
_AGENCY_CREDIT = (
    r"\(?(?:AFP|AP|EPA|Reuters|Xinhua|ANSA)(?:\s+(?:photo|foto))?\s*/\s*"
    r"[A-ZÀ-Ö][\w .'’-]{1,60}\)?$"
)
# Every form of caption or credit, in one regex: what the parts below find together.
CAPTION = re.compile(
    _WORDED_BRANCHES
    # A photographer's credit ending the line: "(IOM/Amanda Nero 2019)", "OIM/J. Dupont".
    + r"|\b(?:IOM|OIM|UN|ONU|UNHCR)\s*/\s*[A-ZÀ-Ö][\w .'’-]{1,60}\)?\s*$"
    + r"|^"
    + _AGENCY_CREDIT,
    re.IGNORECASE,
)
_WORDED = re.compile(_WORDED_BRANCHES, re.IGNORECASE)
WORD_NEEDLES = ("photo", "foto", "crédit", "credit", "image", "click", "©")
# The agency's credit, from the line's start.
_AGENCY = re.compile(_AGENCY_CREDIT, re.IGNORECASE)
# The photographer's credit in two parts around its slash, which is the line's last: nothing
# after it may hold one. The organisation before it, the name after it.
_ORGANISATION_END = re.compile(r"\b(?:IOM|OIM|UN|ONU|UNHCR)\Z", re.IGNORECASE)
ORGANISATION_WINDOW = 6  # its longest name and the character before it
_PHOTOGRAPHER = re.compile(r"\s*[A-ZÀ-Ö][\w .'’-]{1,60}\)?\s*$", re.IGNORECASE)

# A poster or image credit ending the line: "… Afiche de la Campaña: OIM".
POSTER_CREDIT = re.compile(
    r"\b(?:afiche|affiche|poster|imagen)\b[\w\s'’]{0,30}:\s*(?:IOM|OIM)\b.{0,60}$", re.IGNORECASE
)
POSTER_NEEDLES = ("afiche", "affiche", "poster", "imagen")


def is_credit_line(line: str) -> bool:
    """``CAPTION`` or ``POSTER_CREDIT`` finds something in the line."""
    if has_case_twins(line):
        return CAPTION.search(line) is not None or POSTER_CREDIT.search(line) is not None
    lowered = line.lower()
    if any(needle in lowered for needle in WORD_NEEDLES) and _WORDED.search(line) is not None:
        return True
    if "/" in line and (_AGENCY.match(line) is not None or _photographer_credit(line)):
        return True
    return (
        ":" in line
        and any(needle in lowered for needle in POSTER_NEEDLES)
        and POSTER_CREDIT.search(line) is not None
    )


def _photographer_credit(line: str) -> bool:
    """The line ends with an organisation, a slash and a name ("OIM / J. Dupont)")."""
    slash = line.rfind("/")
    before = line[:slash].rstrip()
    return (
        _PHOTOGRAPHER.match(line, slash + 1) is not None
        and _ORGANISATION_END.search(before[-ORGANISATION_WINDOW:]) is not None
    )
