"""Listing pages (archive pages, feed aggregators): several releases one after another."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .chrome import normalise_label
from .contacts import find_intro

# CMS lines that head each item: "Posted: Tue, 04/04/2017 - 11:24 Image: … Region-Country: …",
# "IOM - News - Mar, 04/04/2017 - 11:24", "Publié le : 12 mars 2021", "Publicado: …".
_CMS_LINE = re.compile(
    r"^[ \t]*(?:posted|published|publié|publiée|publie|publicado|publicada|date\s+de\s+publication|"
    r"fecha\s+de\s+publicación)\b(?:\s+(?:le|on|el))?\s*:?"
    r"|^[ \t]*(?:IOM|OIM)\s*[-–]\s*(?:news|nouvelles|actualités|noticias|press\s+releases?|"
    r"communiqués?|comunicados?)\s*[-–]",
    re.IGNORECASE | re.MULTILINE,
)
_CMS_COUNTRY = re.compile(
    r"(?:region-country|région-pays|region-pays|región-país|region-pais|country|pays|país)\s*:\s*"
    r"(?P<place>.+?)(?=\s+[\w-]+\s*:|$)",
    re.IGNORECASE,
)
_CMS_FIELD = re.compile(r"\b(?:image|tags?|thèmes?|temas?|topics?)\s*:.*?(?=\s+[\w-]+\s*:|$)", re.I)
# Lines repeated in most items are chrome ("Lire la suite", "Share this") when short and not
# sentences; a release listed twice keeps its text.
REPEATED_LINE_MAX_LENGTH = 60
REPEATED_LINE_MAX_WORDS = 6


@dataclass(slots=True)
class Item:
    """The lines of one release of a page, with what its CMS line says."""

    lines: list[str]
    cms_text: str = ""
    cms_places: list[str] = field(default_factory=list)


def is_cms_line(line: str) -> bool:
    """A CMS line heading a listing item."""
    return _CMS_LINE.match(line) is not None


def _cms_item(lines: list[str], marker: int | None) -> Item:
    if marker is None:
        return Item(lines)
    line = lines[marker]
    places = [m["place"].strip() for m in _CMS_COUNTRY.finditer(line)]
    text = _CMS_COUNTRY.sub(" ", _CMS_FIELD.sub(" ", line))
    return Item(lines[:marker] + lines[marker + 1 :], text, places)


def _previous_text_line(lines: list[str], index: int, floor: int) -> int:
    index -= 1
    while index > floor and not lines[index].strip():
        index -= 1
    return index


def split_items(lines: list[str], title_index: int) -> list[Item]:
    """One item per release; a page with at most one CMS line is a single item."""
    text = "\n".join(lines[title_index:])
    markers: list[int] = []
    line_index, counted_to = title_index, 0
    for match in _CMS_LINE.finditer(text):
        line_index += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        markers.append(line_index)
    if not markers:
        return [Item(lines)]
    if len(markers) == 1:
        return [_cms_item(lines, markers[0])]
    first_text = title_index
    if markers[0] == first_text:
        starts = markers  # the CMS line comes first, the title after it
        marker_offsets = [0] * len(markers)
    else:
        starts = [_previous_text_line(lines, m, title_index - 1) for m in markers]
        starts[0] = title_index if starts[0] > title_index else starts[0]
        marker_offsets = [m - s for m, s in zip(markers, starts, strict=True)]
    items: list[Item] = []
    # Whatever comes before the first item (the site chrome) stays with it.
    bounds = [0, *starts[1:], len(lines)]
    for number, offset in enumerate(marker_offsets):
        chunk = lines[bounds[number] : bounds[number + 1]]
        marker = starts[number] - bounds[number] + offset
        items.append(_cms_item(chunk, marker if 0 <= marker < len(chunk) else None))
    _drop_repeated_lines(items)
    return items


def _drop_repeated_lines(items: list[Item]) -> None:
    """Short lines found in most items ("Lire la suite", "Share") are chrome of the listing."""
    counts: Counter[str] = Counter()
    for item in items:
        intro = find_intro(item.lines)
        head = item.lines if intro is None else item.lines[:intro]
        counts.update({normalise_label(line) for line in head[1:] if line.strip()})
    threshold = max(2, (len(items) + 1) // 2)
    repeated = {
        line
        for line, count in counts.items()
        if count >= threshold
        and len(line) <= REPEATED_LINE_MAX_LENGTH
        and line.count(" ") < REPEATED_LINE_MAX_WORDS
        and not line.endswith((".", "!", "?", "»", '"', "”"))
    }
    if not repeated:
        return
    for item in items:
        intro = find_intro(item.lines)
        end = len(item.lines) if intro is None else intro
        item.lines = [
            line
            for index, line in enumerate(item.lines)
            if index == 0 or index >= end or normalise_label(line) not in repeated
        ]
