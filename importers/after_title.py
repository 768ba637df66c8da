"""What sits between a headline and its text: labels, captions, field lines, a date line, a
statement's speaker and date-and-place lines."""

from __future__ import annotations

import re

from .body import is_box_label
from .chrome import is_caption, is_listing_chrome
from .dates import find_dates
from .language import detect_language, marker_count
from .listing import is_date_line
from .places import is_country_name

FIELD_LINE_LENGTH = 60
FIELD_LABEL_LENGTH = 30


COUNTRY_LIST_LENGTH = 300


def _is_field_line(line: str) -> bool:
    """A country label alone under the title ("Costa Rica"), as CMS themes print it, or their
    list ("Belice, Dominica, Guyana, Haití, …")."""
    if len(line) <= FIELD_LINE_LENGTH and is_country_name(line):
        return True
    if "," not in line or len(line) > COUNTRY_LIST_LENGTH or line[-1:] in ".!?":
        return False
    return all(is_country_name(name.strip()) for name in line.split(","))


def _is_field_label(line: str) -> bool:
    """A CMS field label whose value is on the next line ("Published Date:", "Country:")."""
    return len(line) <= FIELD_LABEL_LENGTH and line.endswith(":") and line.count(" ") < 3


# An aggregator's field with its value on the same line, under the title of a ReliefWeb item:
# "Countries: Burkina Faso, Mali", "Source: International Organization for Migration".
_FIELD_WITH_VALUE = re.compile(
    r"^(?:Countr(?:y|ies)|Sources?|Pays|Pa[ií]s(?:es)?|Fuentes?|Themes?|Thèmes?|Temas?|"
    r"Format|Formato|Region|Région|Región|Disasters?|Catastrophes?|Desastres?)\s?:\s+\S"
)
FIELD_WITH_VALUE_LENGTH = 100
# A mirror's labels alone under the title of a ReliefWeb item, their value left out.
_MIRROR_LABELS = frozenset(("originally published", "news and press release"))


def _is_field_with_value(line: str) -> bool:
    """An aggregator's field label and its value on one line ("Countries: Burkina Faso, Mali")."""
    return len(line) <= FIELD_WITH_VALUE_LENGTH and _FIELD_WITH_VALUE.match(line) is not None


CAPTION_LENGTH = 200
CAPTION_MARKERS = 2


def _is_foreign_caption(lines: list[str], index: int, title: str) -> bool:
    """A one-sentence line in another language than both the title and the text after it:
    a caption left in the site's working language ("IOM teams assist returning Chadians …"
    over a French release)."""
    line = lines[index].strip()
    if len(line) > CAPTION_LENGTH or line[-1:] != "." or ". " in line[:-1]:
        return False
    # The title first: it is short, and most often in the line's language.
    title_words = title.split()
    title_language = detect_language(title_words)
    if not marker_count(title_words, title_language):
        return False  # too short to tell
    words = line.split()
    language = detect_language(words)
    if language == title_language or marker_count(words, language) < CAPTION_MARKERS:
        return False
    following = next((other.strip() for other in lines[index + 1 :] if other.strip()), "")
    following_words = following.split()
    return (
        detect_language(following_words) == title_language
        and marker_count(following_words, title_language) >= CAPTION_MARKERS
    )


def skip_after_title(lines: list[str], title: str) -> tuple[list[str], str]:
    """Drop blank lines, a repeated title, page headers, photo captions, field labels, a country
    label and a date line after the title; returns the rest and the date line (the page's own
    date)."""
    index = 0
    folded_title = title.casefold()
    stated = ""
    while index < len(lines):
        line = lines[index].strip()
        if line and not (
            line.casefold() == folded_title
            or is_listing_chrome(line)  # a label, or a feed's "PBN News Germany - 6 hours ago"
            or is_caption(line)
            or (_is_field_label(line) and not is_box_label(line))  # "ANALYSE:" opens a box
            or _is_field_with_value(line)
            or line.rstrip(": ").casefold() in _MIRROR_LABELS
            or _is_foreign_caption(lines, index, title)
        ):
            if not stated and is_date_line(line):
                stated = line
            elif not stated and (briefing := briefing_header_date(line)) is not None:
                stated = briefing
            elif not stated and (header := statement_header(lines, index)) is not None:
                index, stated = header
            elif not _is_field_line(line):
                break
        index += 1
    return lines[index:], stated


# A statement's date and place under its speaker: "25 April 2018, Brussels, Belgium".
_DATE_AND_PLACE = re.compile(
    r"^(?P<date>\d{1,2}(?:er|st|nd|rd|th)?\s+(?:de\s+)?[^\W\d]{3,10}\.?\s+(?:de\s+)?(?:19|20)\d\d)"
    r"\s*,\s*[^\W\d][^\d.!?]{1,50}$"
)
STATEMENT_HEADER_LINES = 8
HEADER_LINE_LENGTH = 100


# A speech's speaker label over the event's lines: "Orateur : …", "Speaker: …", "Orador: …".
_SPEAKER = re.compile(
    r"^(?:orat(?:eur|rice)|intervenant(?:e)?|speakers?|orador(?:a)?)\s*:\s*\S", re.I
)


def _speaker_header(lines: list[str], index: int) -> tuple[int, str] | None:
    """(index of the last short line, the first of them holding a date) when a speaker label
    opens short lines (the event and its date, the place, the speaker again) before the
    speech's first paragraph."""
    if not _SPEAKER.match(lines[index].strip()):
        return None
    last, dated = index, ""
    for number in range(index + 1, min(len(lines), index + STATEMENT_HEADER_LINES)):
        line = lines[number].strip()
        if not line:
            continue
        if len(line) > HEADER_LINE_LENGTH or line[-1:] in ".!?":
            return last, dated
        if not dated and find_dates(line):
            dated = line  # "Anniversaire du Sommet de La Valette – 11-12 novembre 2018"
        last = number
    return None


def statement_header(lines: list[str], index: int) -> tuple[int, str] | None:
    """(index of the date-and-place line, its date) when short lines (the speaker, their role,
    the event) lead to one; the statement's text follows it. After a speaker's label, the short
    lines before the speech (index of the last one, no date)."""
    if (speaker := _speaker_header(lines, index)) is not None:
        return speaker
    for number in range(index, min(len(lines), index + STATEMENT_HEADER_LINES)):
        line = lines[number].strip()
        if len(line) > HEADER_LINE_LENGTH or line[-1:] == ".":
            return None
        match = _DATE_AND_PLACE.match(line) if line[:1].isdigit() else None
        if match is not None:
            return number, match["date"]
    return None


# A press briefing note's header over its text, the note's only date: "IOM Press Briefing Notes
# Tuesday 26th June 2012 Spokesperson: …", "Notes d'information pour la presse de l'OIM, 3
# mars 2009 – Porte-parole : …", "Notas informativas para la prensa …, portavoz: …".
_BRIEFING_HEADER = re.compile(
    r"^(?:IOM\s+|OIM\s+)?(?:press\s+briefing\s+notes?|notes?\s+d['’]information\s+pour\s+la"
    r"\s+presse|notas?\s+informativas?\s+para\s+la\s+prensa)(?:\s+(?:de\s+l['’]\s*OIM|de\s+la\s+OIM))?"
    r"[\s,:–-]+(?P<date>[^\W_][^:]{5,45}?)[\s,–-]*(?:(?:IOM\s+)?spokes(?:person|man|woman)|porte-parole"
    r"|portavoz)\s*:",
    re.IGNORECASE,
)
BRIEFING_HEADER_LENGTH = 160


def briefing_header_date(line: str) -> str | None:
    """The date of a press briefing note's header line, or None for any other line."""
    if len(line) > BRIEFING_HEADER_LENGTH or ":" not in line:
        return None
    match = _BRIEFING_HEADER.match(line)
    return None if match is None else match["date"]
