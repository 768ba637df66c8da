"""Listing pages (archive pages, feed aggregators): several releases one after another."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .chrome import normalise_label
from .contact_intro import find_intro
from .date_labels import (
    SOURCE_DATE_LINE_LENGTH,
    source_start,
    time_labels,
    without_month_heading,
)
from .dates import MAX_DAY, find_dates, first_date, weekday_date
from .link_residue import without_link_residue
from .trailing_dates import trailing_spans

# CMS lines that head each item: "Posted: Tue, 04/04/2017 - 11:24 Image: … Region-Country: …",
# "IOM - News - Mar, 04/04/2017 - 11:24", "Publié le : 12 mars 2021", "Publicado: …".
# One line-start anchor for all the branches: the scan tries it once a position.
_CMS_LINE = re.compile(
    r"^[ \t]*(?:(?:posted|published|publié|publiée|publie|publicado|publicada|"
    r"date\s+de\s+publication|fecha\s+de\s+publicación)\b(?:\s+(?:le|on|el))?\s*:?"
    # A feed portlet's byline and source before it: "By from TNH English. Published on …".
    r"|by\b[^\n]{0,60}?\sfrom\s[^\n]{1,60}?\.\s+published\s+on\b"
    r"|(?:IOM|OIM)\s*[-–]\s*(?:news|nouvelles|actualités|noticias|press\s+releases?|"
    r"communiqués?|comunicados?)\s*[-–])",
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
    # Where the item's title is, when the page's layout tells (None: look for it).
    title_index: int | None = None


CMS_LINE_MAX_WORDS = 15


def _is_sentence(line: str) -> bool:
    """A line of running text: many words and a full stop at its end ("Publié le 30 novembre
    2015, le premier rapport de la DTM donne …." is the body's sentence, not a CMS label)."""
    stripped = line.strip()
    return len(stripped.split()) > CMS_LINE_MAX_WORDS and stripped[-1:] in ".!?»”"


def is_cms_line(line: str) -> bool:
    """A CMS line heading a listing item."""
    return _CMS_LINE.match(line) is not None and not _is_sentence(line)


DATE_LINE_LENGTH = 60
DATE_LINE_LEAD = 12
DATE_LINE_WORDS = 7


# A feed's source name before the date: "PBN News Germany - Wed, 07/24/2019 - 12:59".
# A site or agency byline before a date: "PBN News Germany - Wed, 07/24/2019 - 12:59",
# "Alwihda Info | Par APO - 5 Juin 2020".
_SOURCE_PREFIX = re.compile(
    r"^[^\W\d][^\d\n]{1,40}?\s[-–]\s+(?=[^\W\d]{3,9}\.?,?\s+\d|\d{1,2}\s+[^\W\d]{3,9}\.?\s+\d{4}$)"
)
# A CMS date with its weekday and time: "Wed, 09/30/2020 - 12:30" (time optional).
_WEEKDAY_DATE_LINE = re.compile(
    r"^[^\W\d]{3,9}\.?,?\s+\d{1,2}/\d{1,2}/\d{4}(?:\s*[-–]\s*\d\d?:\d\d)?$"
)


# A language switcher glued after a page's date: "Egalement disponible ici :", "Also available in:".
_OTHER_LANGUAGES = re.compile(
    r"\s+(?:[ée]galement\s+disponible|also\s+available|tambi[ée]n\s+disponible)\b[^:]{0,20}:$",
    re.IGNORECASE,
)


def is_date_line(line: str) -> bool:
    """A line that is nothing but a date ("21 April, 2021", "Wed, 09/19/2018 - 11:19"), perhaps
    after a feed's source name ("PBN News Germany - Wed, 07/24/2019 - 12:59")."""
    line = line.strip()
    if not line or len(line) > SOURCE_DATE_LINE_LENGTH or not any(map(str.isdigit, line)):
        return False
    cutting = source_start(line) if line[0].isdigit() else None
    if cutting is not None and _is_bare_date(line[:cutting]):
        return True  # "11 May 2016 – Deutsche Welle": the date, then the cutting's source
    if len(line) > DATE_LINE_LENGTH:
        return False
    if line[-1] == ":" and (other_languages := _OTHER_LANGUAGES.search(line)) is not None:
        line = line[
            : other_languages.start()
        ].rstrip()  # "8 Décembre 2025 Egalement disponible ici :"
    if line[-1] in "-–—−:" or line[0] == "(":
        return False  # a dateline alone on its line, or a label whose value follows
    if line[-1] == "." and not line[0].isupper():
        return False  # a wrapped paragraph's last words ("of 2019.", "2019 of 2019."), no label
    source = _SOURCE_PREFIX.match(line)
    if source is not None:
        line = line[source.end() :]
    if _WEEKDAY_DATE_LINE.match(line) and weekday_date(line):
        return True  # month/day or day/month, told by the weekday
    found = find_dates(line)
    return bool(found) and found[0].start <= DATE_LINE_LEAD and len(line.split()) <= DATE_LINE_WORDS


# Field labels a CMS glues together ("16:38Image: Region-Country: …EgyptThemes:").
_GLUED_FIELD = re.compile(r"(?<=[\w.)])(?=(?:Image|Region-Country|Themes|Default|Multimedia|"
                          r"Categories|Categorie|Press Release Type)\s*:)")  # fmt: skip


def _marker_kind(line: str) -> str | None:
    """What kind of item marker a line is: a CMS line (by its first word) or a date line."""
    if is_cms_line(line):
        first = re.match(r"\W*(\w+)", line)
        return first.group(1).casefold() if first else "cms"
    if is_date_line(line):
        return "date"
    return None


def _cms_item(lines: list[str], marker: int | None, title_index: int | None = None) -> Item:
    if marker is None:
        return Item(lines, title_index=title_index)
    line = _GLUED_FIELD.sub(" ", lines[marker])
    places = [m["place"].strip() for m in _CMS_COUNTRY.finditer(line)] if is_cms_line(line) else []
    text = _CMS_COUNTRY.sub(" ", _CMS_FIELD.sub(" ", line))
    rest = lines[:marker] + lines[marker + 1 :]
    if title_index is not None and title_index > marker:
        title_index -= 1
    return Item(rest, text, places, title_index)


def _next_text_line(lines: list[str], index: int) -> int:
    index += 1
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


FIELD_LABEL_LENGTH = 30


def _is_field_label(line: str) -> bool:
    """A CMS field label whose value is on the next line ("Date Publish:", "Fecha:")."""
    line = line.strip()
    return 0 < len(line) <= FIELD_LABEL_LENGTH and line.endswith(":") and line.count(" ") < 3


def _previous_text_line(lines: list[str], index: int, floor: int) -> int:
    """The text line before a marker, above the label that names it ("Date Publish:")."""
    index -= 1
    while index > floor and (not lines[index].strip() or _is_field_label(lines[index])):
        index -= 1
    return index


_YEAR = re.compile(r"(?:19|20)\d\d")
BARE_DATE_WORDS = 4


def _is_bare_date(line: str) -> bool:
    """A date and nothing else ("12 July 2019", "Tue, 07/18/2017"): a label even between two
    lines of text, where a wrapped paragraph's line would go on after its year."""
    line = line.strip()
    return len(line.split()) <= BARE_DATE_WORDS and line[-1:].isdigit() and is_date_line(line)


def _closes_block(lines: list[str], marker: int, floor: int) -> bool:
    """A marker that ends a block of several lines (a blank line or the end after it)."""
    after_blank = marker + 1 >= len(lines) or not lines[marker + 1].strip()
    return (
        after_blank
        and marker - 2 > floor
        and all(text.strip() for text in lines[marker - 2 : marker])
    )


def _item_start(lines: list[str], marker: int, floor: int) -> int:
    """Where the item of a marker that follows its title starts: the first line of the block
    (lines without a blank between them) the marker closes ("Title / teaser / Posted on 12 May
    2019"), else the text line just above the marker ("Title / Wed, 09/19/2018 - 11:19")."""
    start = marker
    while start - 1 > floor and lines[start - 1].strip():
        start -= 1
    closes_block = marker + 1 >= len(lines) or not lines[marker + 1].strip()
    if start < marker - 1 and closes_block:
        return start
    return _previous_text_line(lines, marker, floor)


def _without_repeated_header_dates(lines: list[str], dates: list[int]) -> list[int]:
    """Date lines repeating the date above with no running text between (a header's "Briefing -
    24 November 2023", its translation, "24 de noviembre de 2023"): the page's one date, kept
    at its last line. Items sharing a date keep theirs, a teaser's sentence lying between."""
    kept: list[int] = []
    for index in dates:
        date = first_date(lines[index]) if kept else ""
        if (
            date
            and date == first_date(lines[kept[-1]])
            and not any(_is_sentence(line) for line in lines[kept[-1] + 1 : index])
        ):
            kept[-1] = index  # the header's last date line, right over the text
            continue
        kept.append(index)
    return kept


def _markers(lines: list[str], title_index: int) -> list[int]:
    """Lines that head each item: those of the same kind as the first marker after the title."""
    text = "\n".join(lines[title_index:])
    kinds: list[tuple[int, str]] = []
    line_index, counted_to = title_index, 0
    for match in _CMS_LINE.finditer(text):  # one scan: far cheaper than a match per line
        line_index += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        if _is_sentence(lines[line_index]):
            continue
        kinds.append((line_index, _marker_kind(lines[line_index]) or "cms"))
    last = len(lines) - 1
    dates = [
        index
        for index in range(title_index, len(lines))
        if len(lines[index]) <= DATE_LINE_LENGTH
        # a line of its own, not a line of a wrapped paragraph
        and (
            index == last
            or not lines[index + 1].strip()
            or not lines[index - 1].strip()
            or _is_bare_date(lines[index])
        )
        and _YEAR.search(lines[index])
        and not is_cms_line(lines[index])
        and is_date_line(lines[index])
    ]
    dates = _without_repeated_header_dates(lines, dates)
    dates = without_month_heading(lines, dates) or time_labels(lines, title_index)
    if len(dates) >= 2:  # a lone date line under a title is the release's date, not a listing
        kinds = sorted([*kinds, *((index, "date") for index in dates)])
    if not kinds:
        return []
    first = kinds[0][1]
    return [index for index, kind in kinds if kind == first]


def _without_other_cms_lines(item: Item) -> Item:
    """An item's other CMS lines ("Posted: … Image: … Themes: …") go into its CMS text."""
    kept: list[str] = []
    extra: list[str] = []
    title = item.title_index
    for index, line in enumerate(item.lines):
        if index != title and is_cms_line(line):
            extra.append(_CMS_FIELD.sub(" ", _CMS_COUNTRY.sub(" ", _GLUED_FIELD.sub(" ", line))))
            if title is not None and index < title:
                item.title_index = (item.title_index or 0) - 1
        else:
            kept.append(line)
    if extra:
        item.lines = kept
        item.cms_text = " ".join([item.cms_text, *extra]).strip()
    return item


_TEXT_END = '.!?»”"…)'


def _markers_lead(lines: list[str], markers: list[int], title_index: int) -> bool:
    """Whether each date or CMS line comes before its item's title ("7 July, 2021" then the
    headline): the page opens with one, or the line before most of the others ends a sentence
    (the previous item's teaser), where a title would not."""
    if markers[0] == title_index:
        return True
    closing = sum(1 for m in markers if _closes_block(lines, m, title_index - 1))
    if 2 * closing > len(markers):
        return False  # "Title / teaser / Posted on 12 May 2019", then a blank line
    before = [lines[_previous_text_line(lines, m, title_index - 1)].strip() for m in markers[1:]]
    ended = sum(1 for line in before if line[-1:] in _TEXT_END)
    return 2 * ended > len(before)


def split_items(lines: list[str], title_index: int) -> list[Item]:
    """One item per release; a page with at most one CMS line is a single item."""
    markers = _markers(lines, title_index)
    if not markers:
        return [Item(lines)]
    if len(markers) == 1:
        return [_cms_item(lines, markers[0])]
    marker_first = _markers_lead(lines, markers, title_index)
    # The dates close their items ("Title / teaser… / 21 January 2023"), or each date or CMS
    # line comes first and the title after it, or the other way round.
    spans = trailing_spans(lines, markers, title_index) if marker_first else None
    if spans is None:
        starts = (
            markers if marker_first else [_item_start(lines, m, title_index - 1) for m in markers]
        )
        # Whatever comes before the first item (the site chrome) stays with it.
        bounds = [0, *starts[1:], len(lines)]
        spans = [
            (bounds[n], bounds[n + 1], _next_text_line(lines, m) if marker_first else starts[n], m)
            for n, m in enumerate(markers)
        ]
    items: list[Item] = []
    for start, end, title, marker in spans:
        chunk = lines[start:end]
        at = None if marker is None or not start <= marker < end else marker - start
        item = _cms_item(chunk, at, title - start if start <= title < end else None)
        items.append(_without_other_cms_lines(item))
    _drop_repeated_lines(items)
    _apply_site_order(items)
    for item in items:
        item.lines = [without_link_residue(line) for line in item.lines]
    return items


# A numeric date of a listing's labels: "07/04/2016", "Tue, 07/18/2017 - 10:42".
_NUMERIC_LABEL = re.compile(r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b")
MONTHS_IN_YEAR = 12
DAY_FIRST, MONTH_FIRST = "day/month", "month/day"


def site_order(labels: list[str]) -> str | None:
    """Whether a listing writes its numeric dates day/month or month/day, as its labels that
    can be read one way only tell ("07/30/2016": month/day); None when none tells, or they
    disagree."""
    orders: set[str] = set()
    for label in labels:
        for match in _NUMERIC_LABEL.finditer(label):
            first, second = int(match["a"]), int(match["b"])
            if first > MONTHS_IN_YEAR >= second:
                orders.add(DAY_FIRST)
            elif second > MONTHS_IN_YEAR >= first:
                orders.add(MONTH_FIRST)
    return orders.pop() if len(orders) == 1 else None


def in_site_order(label: str, order: str) -> str:
    """A label with its numeric dates written as ISO dates in the site's order ("07/04/2016",
    month/day: "2016-07-04"), so that no reading of them is left ambiguous."""

    def iso(match: re.Match[str]) -> str:
        first, second = int(match["a"]), int(match["b"])
        month, day = (first, second) if order == MONTH_FIRST else (second, first)
        if not (1 <= month <= MONTHS_IN_YEAR and 1 <= day <= MAX_DAY):
            return match.group(0)
        return f"{match['year']}-{month:02d}-{day:02d}"

    return _NUMERIC_LABEL.sub(iso, label)


def _apply_site_order(items: list[Item]) -> None:
    """Ambiguous numeric labels ("07/04/2016") read in the order the listing's other labels
    show ("07/30/2016" beside it: month/day, so 4 July)."""
    order = site_order([item.cms_text for item in items])
    if order is not None:
        for item in items:
            item.cms_text = in_site_order(item.cms_text, order)


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
        title = item.title_index
        kept = [
            index
            for index, line in enumerate(item.lines)
            if index in (0, title) or index >= end or normalise_label(line) not in repeated
        ]
        if title is not None:
            item.title_index = kept.index(title)
        item.lines = [item.lines[index] for index in kept]
