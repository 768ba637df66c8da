"""Body text: hard-wrapped lines rejoined into paragraphs, and the dateline split off."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from oim_archive.store.text import fold_whitespace

from .dates import WEEKDAY_NAMES
from .places import is_place_name

WRAP_MAX_LENGTH = 100
WRAPPED_SHARE = 0.7
MIN_WRAPPED_LINES = 4
TAIL = 12  # the end of a line that decides whether it ends a sentence
# A line that ends a sentence: final punctuation, possibly followed by closing quotes/brackets.
_SENTENCE_END = re.compile(r"""[.!?…](?:\s*[»"”’')\]])*\s*$|[»”]\s*$""")
_SENTENCE_START = re.compile(r"""^(?:[«"“'‘(\[—–-]\s*)?[A-ZÀ-ÖØ-Þ0-9¿¡]""")
_BULLET = re.compile(r"^(?:[-–•*·]\s|\d{1,2}[.)]\s)")
# Abbreviations and initials after which a full stop does not end a sentence.
_ABBREVIATION = re.compile(
    r"(?:\b(?:M|MM|Mme|Mlle|Mr|Mrs|Ms|Dr|St|Sr|Sra|Prof|No|Nº|art|av|cf|env|p|pp|vol|"
    r"Gén|Gen|Col|Lt|Sgt|Hon|Rev)\.|\b[A-Z]\.)\s*$"
)


def _clean(line: str) -> str:
    return fold_whitespace(line)


def _is_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped text (≈60–80 columns, sentences running over several lines)."""
    if len(lines) < MIN_WRAPPED_LINES:
        return False
    short = sum(1 for line in lines if len(line) <= WRAP_MAX_LENGTH)
    return short >= WRAPPED_SHARE * len(lines)


def _ends_paragraph(line: str, following: str, wrapped: bool) -> bool:
    if _BULLET.match(following) or len(line) > WRAP_MAX_LENGTH + 20:
        return True
    tail = line[-TAIL:]
    if not wrapped:
        # One paragraph per line, unless the next line plainly goes on with the sentence.
        return _SENTENCE_END.search(tail) is not None or not following[:1].islower()
    # A line ending a sentence before a line starting one is taken as a paragraph end, even when
    # the wrap may just have fallen there: a paragraph break must never be lost, and a break at
    # a sentence end never cuts a sentence.
    return (
        _SENTENCE_END.search(tail) is not None
        and _ABBREVIATION.search(tail) is None
        and _SENTENCE_START.match(following) is not None
    )


def _separator(left: str, right: str) -> str:
    """What goes between two joined lines: nothing after a word cut by a hyphen, else a space."""
    if left.endswith("-") and left[-2:-1].isalpha() and right[:1].islower():
        return ""
    return " "


def paragraphs(lines: list[str]) -> list[str]:
    """Clean paragraphs from body lines: blank lines always separate, wrapped lines rejoin."""
    blocks: list[list[str]] = [[]]
    for raw in lines:
        line = _clean(raw)
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [block for block in blocks if block]
    all_lines = [line for block in blocks for line in block]
    wrapped = _is_wrapped(all_lines)
    # Wrapped text with blank lines between paragraphs: every break inside a block is a wrap.
    blank_separated = wrapped and len(blocks) > 1 and any(len(block) > 2 for block in blocks)
    result: list[str] = []
    for block in blocks:
        # Pieces are collected and joined once: a 5 MB wrapped page stays linear.
        pieces = [block[0]]
        previous = block[0]
        for line in block[1:]:
            if (blank_separated and not _BULLET.match(line)) or not _ends_paragraph(
                previous, line, wrapped
            ):
                pieces.extend((_separator(previous, line), line))
            else:
                result.append("".join(pieces))
                pieces = [line]
            previous = line
        result.append("".join(pieces))
    return result


# "Oujda, Tanger - L'Organisation…", "Genève – …", "Sénégal − …" (U+2212),
# "Genève/ Port-au-Prince, 9 mars – …": places, an optional date, then a dash.
_DATELINE = re.compile(
    r"^(?P<head>\([^\W\d_][^()\n]{0,40}\)(?=\s*(?:[–—]|-\s))"  # "(Deutsche Welle) - "
    # A full stop only after a lone capital: "Washington, D.C. - …", "U.S. - …".
    r"|(?:\([^\W\d_][^()\n]{0,30}\)\s*)?[^\W\d_](?:[^.!?;:«»\"“”\n]|(?<=\b[A-Z])\.){0,90}?)"
    # "GENEVA--Easter …": a double hyphen for the dash (a typewriter's em dash).
    r"(?:\.?\s+-\s*|\.?\s*[–—−]\s*|\.?\s*-\s+|\.-\s*|\s*/\s*--?\s*|\s*--(?!-)\s*)(?P<rest>\S.*)$",
    re.DOTALL,
)
# "San Jose, Costa Rica. The IOM…": a full stop after "City, Country" (checked by the caller).
_DATELINE_STOP = re.compile(
    r"^(?P<head>[^\W\d_][^.!?;:«»\"“”\n,]{0,40},\s*(?P<last>[^\W\d_][^.!?;:«»\"“”\n,]{0,30}))"
    r"\.\s+(?P<rest>[A-ZÀ-Ý«\"“].*)$",
    re.DOTALL,
)
# "Guatemala, 18 de octubre 2023. Esta mañana, …": places, a comma, a full date, then a full
# stop for the dash (each place a known one: "Hoy, 18 de octubre …" is no dateline).
_DATED_STOP = re.compile(
    r"^(?P<head>[^\W\d_][^.!?;:«»\"“”\n,\d]{0,40}(?:,\s*[^\W\d_][^.!?;:«»\"“”\n,\d]{0,30})?),\s*"
    r"(?P<date>\d{1,2}(?:er|º)?\s+(?:de\s+)?[^\W\d_]{3,10},?\s+(?:de\s+|del\s+)?(?:19|20)\d\d)"
    r"\.\s+(?P<rest>[A-ZÀ-Ý«\"“].*)$",
    re.DOTALL,
)
# "Santo Domingo. El pasado 5 de abril…": a full stop after a known place alone, capitalised
# words only (checked against the gazetteer by the caller).
_PLACE_STOP = re.compile(
    r"^(?P<head>[A-ZÀ-Ý][\w'’-]*(?:\s+(?:de\s+|del\s+|du\s+)?[A-ZÀ-Ý][\w'’-]*){0,3})"
    r"\.\s+(?P<rest>[A-ZÀ-Ý«\"“].*)$",
    re.DOTALL,
)
# "GenevaGender-Based Violence (GBV) is …": a place glued to the body's first word, the dash
# lost with the markup (checked against the gazetteer by the caller).
_GLUED_PLACE = re.compile(
    r"^(?P<head>[A-ZÀ-Ý][a-zà-ÿ'’-]+(?:\s+[A-ZÀ-Ý][a-zà-ÿ'’-]+){0,2})(?P<rest>[A-ZÀ-Ý][a-zà-ÿ].*)$",
    re.DOTALL,
)
# "Haïti/République dominicaineEn coordination …": places joined by "/" whose dash and spaces
# were all lost, the last one glued to the capital of the text's first word.
_GLUED_PLACES = re.compile(
    r"^(?P<head>[^\W\d_][\w'’ -]*?(?:\s*/\s*[^\W\d_][\w'’ -]*?)+)(?<=[a-zà-ÿ])"
    r"(?P<rest>[A-ZÀ-Ý][a-zà-ÿ].*)$",
    re.DOTALL,
)
_JOINED = re.compile(r"\s*/\s*")


def _joined_places(head: str, is_country: Callable[[str], bool]) -> bool:
    """Places joined by "/", each a whole place name or a country's name, which may hold
    lower-case words ("Haïti/République dominicaine")."""
    parts = _JOINED.split(head)
    return len(parts) > 1 and all(is_place_name(part) or is_country(part) for part in parts)


_DATELINE_DATE = re.compile(
    r"\s*,\s*(?P<date>(?:le\s+|el\s+|on\s+)?[^,]*\d[^,]*)$"
    # "GENEVA, Switzerland, March 10, 2017", "Juba, October 30th, 2019": a US-style date.
    r"|\s*,\s*(?P<us>[^\W\d_]{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s*(?:19|20)\d\d)$"
    # "Ciudad de Guatemala 26 de agosto de 2019": a full date after the place, without a comma.
    r"|\s+(?P<bare>\d{1,2}(?:er|º)?\s+(?:de\s+)?[^\W\d_]{3,10}\.?(?:,?\s+(?:de\s+)?(?:19|20)\d\d)?)$"
)
# "Guinée 15/07/2016": a place written before the date, after the comma that ends the city.
_PLACE_BEFORE_DATE = re.compile(r"^(?P<place>[^\W\d_][^\d]*?)\s+(?P<date>\d.*)$")
_DASH = re.compile(r"[-–—−]")
_ABBREVIATION_END = re.compile(r"(?<![\w.])[A-Z]\.[A-Z]$")
DASH_WINDOW = 110
# "Niamey, Niger (16 octobre 2024)", "Ciudad de Guatemala (17/06/22)": a date in brackets, a
# numeric one perhaps with a two-digit year.
_BRACKETED_DATE = re.compile(
    r"\s*\((?P<date>[^()]*(?:19|20)\d\d[^()]*|\d{1,2}/\d{1,2}/(?P<yy>\d\d))\)$"
)
# "Niamey – (04/06/2020), l'OIM a…": the dateline's date in brackets after its dash.
_DATE_AFTER_DASH = re.compile(r"^\((?P<date>[^()]{2,20}\b(?:19|20)\d\d)\)\s*[,:]?\s+(?=\S)")
_PLACE_CONNECTORS = frozenset(
    {"de", "du", "des", "d", "la", "le", "les", "l", "et", "and", "y", "del", "of", "the", "el",
     "sur", "en", "au", "aux", "upon", "am", "an", "on", "in"}
)  # fmt: skip
MAX_PLACE_WORDS = 8
_PLACE_SPLIT = re.compile(r"[\s,/()]+")
_ELISION = re.compile(r"^[dlDL]['’]")


def _is_places(head: str) -> bool:
    words = [w for w in _PLACE_SPLIT.split(head) if w]
    if not 1 <= len(words) <= MAX_PLACE_WORDS:
        return False
    capitalised = 0
    for word in words:
        # "Cox's Bazar", "d'Ivoire", "N'Djamena": judge a word by its first letter after an elision.
        elided = _ELISION.match(word)
        first = word[elided.end() :][:1] if elided else word[:1]
        if first.isupper():
            capitalised += 1
        elif word.lower() not in _PLACE_CONNECTORS:
            return False
    return capitalised >= 1


# "Geneva  On Monday, …": a dateline whose dash was lost, leaving two spaces before the text.
_LOST_DASH = re.compile(r"^(?P<head>[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,2}) {2,}(?=[A-ZÀ-Ý])")


def restore_lost_dash(line: str, is_place: Callable[[str], bool]) -> str:
    """The first body line with the dash of its dateline put back when only the two spaces
    around it are left and what precedes them is a known place."""
    if ")  " in line[:DASH_WINDOW]:
        tagged = _SOURCE_TAGGED.match(line.lstrip())
        if tagged is not None:  # "Dakar (IPS)  El Adama …"
            return f"{tagged['head']} – {tagged['rest']}"
    lost = _LOST_DASH.match(line.lstrip())
    if lost is None or not is_place(lost["head"]):
        return line
    return f"{lost['head']} – {line.lstrip()[lost.end() :]}"


# A dateline of a newsletter's press item with no dash, only two spaces after the source
# in brackets: "Dakar (IPS)  El Adama …", "(Center for Global Development)  An increasingly …".
_SOURCE_TAGGED = re.compile(
    r"(?P<head>(?:[A-ZÀ-Ö][\w'’.-]*(?:\s[A-ZÀ-Ö][\w'’.-]*){0,3}\s)?"
    r"\([A-Z][\w&'’.-]*(?:\s[\w&'’.-]+){0,5}\))\s{2,}(?P<rest>[A-ZÀ-Ö“\"«].*)",
    re.DOTALL,
)


# A dateline naming only its source: "(Center for Global Development) – …".
_SOURCE_ONLY = re.compile(r"\([A-Z][^()]{1,50}\)")


# "République démocratique du Congo Les nouveaux combats …": a country's name whose dash was
# lost without a trace, told by the article that opens the next sentence (checked by the caller).
_COUNTRY_THEN_ARTICLE = re.compile(
    r"^(?P<head>[A-ZÀ-Ý][\w'’-]*(?:\s+[\w'’-]+){0,4}?)\s+"
    r"(?P<rest>(?:Les|La|Le|L['’]|Des|Un|Une|The|An?|El|Los|Las|Una?)\b.*)$",
    re.DOTALL,
)


def _no_country(_name: str) -> bool:
    return False


# A page asks about its first paragraphs several times (teaser split, lead-in, dateline):
# paragraphs this short are remembered; longer ones (a whole unwrapped page) are not.
CACHED_PARAGRAPH_LENGTH = 1000


def split_dateline(
    paragraph: str, is_country: Callable[[str], bool] = _no_country
) -> tuple[str | None, str | None, str]:
    """(places as written, date written in the dateline, the paragraph without its dateline).

    ``is_country`` says whether a name is a country: a full stop only ends "City, Country."
    (It must give the same answer for the same name every time: answers are remembered.)
    """
    share = _SHARE_LABEL.match(paragraph)
    if share is not None:  # "Tweet PORT-AU-PRINCE, 15 janvier 2026 — …": a share button's label
        place, date, rest = split_dateline(paragraph[share.end() :], is_country)
        if place is not None or date is not None:
            return place, date, rest
    if len(paragraph) <= CACHED_PARAGRAPH_LENGTH:
        return _remembered_split(paragraph, is_country)
    return _split_dateline(paragraph, is_country)


# A share button's label left glued before a dateline in capitals.
_SHARE_LABEL = re.compile(r"(?:Tweet|Tuitear|Share|Partager|Compartir)\s+(?=[A-ZÀ-Ý]{3})")


def _split_dateline(
    paragraph: str, is_country: Callable[[str], bool]
) -> tuple[str | None, str | None, str]:
    # Every dateline form but "City, Country." has a dash within its first hundred characters.
    match = _DATELINE.match(paragraph) if _DASH.search(paragraph, 0, DASH_WINDOW) else None
    if match is None and ")  " in paragraph[:DASH_WINDOW]:
        tagged = _SOURCE_TAGGED.match(paragraph)
        if tagged is not None:  # "Dakar (IPS)  El Adama …", "(Center for Global Development)  A …"
            return tagged["head"], None, tagged["rest"].strip()
    if match is None:
        alone = _PLACE_STOP.match(paragraph) or _GLUED_PLACE.match(paragraph)
        if alone is not None and is_place_name(alone["head"]):
            return alone["head"], None, alone["rest"].strip()
        joined = _GLUED_PLACES.match(paragraph) if "/" in paragraph[:DASH_WINDOW] else None
        if joined is not None and _joined_places(joined["head"], is_country):
            return joined["head"], None, joined["rest"].strip()
        dated = _DATED_STOP.match(paragraph)
        if dated is not None and all(
            is_place_name(part) or is_country(part) for part in dated["head"].split(",")
        ):
            return dated["head"].strip(), dated["date"], dated["rest"].strip()
        stop = _DATELINE_STOP.match(paragraph)
        if stop is None or not is_country(stop["last"].strip()) or not _is_places(stop["head"]):
            bare = _COUNTRY_THEN_ARTICLE.match(paragraph)
            if bare is not None and is_country(bare["head"]):
                return bare["head"], None, bare["rest"].strip()
            return None, None, paragraph
        return stop["head"].strip(), None, stop["rest"].strip()
    head, date_text = match["head"].strip(), None
    if _ABBREVIATION_END.search(head, len(head) - 3):  # "D.C" lost its last full stop to the dash
        head += "."
    bracketed = _BRACKETED_DATE.search(head) if head.endswith(")") else None
    date_match = _DATELINE_DATE.search(head)
    if bracketed:  # "Niamey, Niger (16 octobre 2024)"
        date_text = bracketed["date"].strip()
        if bracketed["yy"]:  # "(17/06/22)": a release of this century
            date_text = f"{date_text[:-2]}20{bracketed['yy']}"
        head = head[: bracketed.start()].strip()
    elif date_match:
        date_text = (date_match["date"] or date_match["us"] or date_match["bare"]).strip()
        head = head[: date_match.start()].strip()
        place = _PLACE_BEFORE_DATE.match(date_text)
        if place is not None and is_country(place["place"]):
            # "Conakry, Guinée 15/07/2016": the country belongs to the places, not to the date.
            head, date_text = f"{head}, {place['place']}", place["date"]
    if date_text is not None and head.casefold().removeprefix("le ") in WEEKDAY_NAMES:
        # "Mardi 13 juin 2017 – Il est 18h20 …": a dated dateline with no place.
        return None, date_text, match["rest"].strip()
    if not head or not (
        _is_places(head)
        or is_country(head)
        or _SOURCE_ONLY.fullmatch(head)
        or _joined_places(head, is_country)
    ):
        # "République démocratique du Congo": a country's name may hold lower-case words.
        return None, None, paragraph
    rest = match["rest"].strip()
    after_dash = _DATE_AFTER_DASH.match(rest) if date_text is None and rest[:1] == "(" else None
    if after_dash is not None:
        date_text, rest = after_dash["date"], rest[after_dash.end() :]
    return head, date_text, rest


_remembered_split = lru_cache(maxsize=1024)(_split_dateline)


LEAD_IN_MAX_PARAGRAPHS = 10
LEAD_IN_MAX_LENGTH = 300
# A box's label alone over its text, set between a headline and the dateline: "ANALYSE:",
# "ANALYSIS:", "KEY FACTS:" (capitals, a colon, three words at most).
_BOX_LABEL = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý'’-]*(?: [A-ZÀ-Ý'’-]+){0,2}\s?:$")


def is_box_label(line: str) -> bool:
    """A box's label alone on its line ("ANALYSE:"), not a field label ("Published Date:")."""
    return _BOX_LABEL.match(line.strip()) is not None


# "[Izq-Der] Name, role; Name, role; …", "De gauche à droite : …": a photo caption naming the
# people pictured, however long.
_PICTURED = re.compile(
    r"[\[(]?\s*(?:izq(?:uierda)?\.?\s*[-–a]\s*(?:la\s+)?der(?:echa)?|de\s+izquierda\s+a\s+derecha|"
    r"de\s+gauche\s+à\s+droite|(?:from\s+)?left\s+to\s+right|l\s*[-–]\s*r)\.?\s*[\])]?\s*[:,]?\s",
    re.IGNORECASE,
)


def without_lead_in(paras: list[str], opens_with_place: Callable[[str], bool]) -> list[str]:
    """The body from its dateline on, when only short lines come before it: a photo caption, a
    tag, a subtitle, a standfirst, an audio player's labels or a mirror's field labels
    ("Países / Perú / + 2 / Fuentes…") sit between the headline and "Lima, 15 de julio de
    2016.- …"; the release starts at its dateline. Under a box's label ("ANALYSE:") the box's
    quotation may be longer. ``opens_with_place`` says whether a paragraph opens with a
    dateline naming a known place."""
    if len(paras) < 2 or opens_with_place(paras[0]):
        return paras
    boxed = _BOX_LABEL.match(paras[0]) is not None
    for index in range(1, min(len(paras), LEAD_IN_MAX_PARAGRAPHS + 1)):
        if len(paras[index - 1]) > LEAD_IN_MAX_LENGTH and not (
            boxed or _PICTURED.match(paras[index - 1])
        ):
            return paras
        if opens_with_place(paras[index]):
            return paras[index:]
    return paras[1:] if boxed else paras  # no dateline under the box: its label alone goes
