"""Labels of listing pages that a date alone does not tell: a press cutting's date and source,
a digest's month heading, a news site's date of the day."""

from __future__ import annotations

import re

from .dates import WEEKDAY_NAMES, first_date

# A press cutting's source after its date: "11 May 2016 – Internal Displacement Monitoring Centre
# (IDMC)", "18 May 2016 – Deutsche Welle" (a news digest's items); a name, no sentence.
_SOURCE_SUFFIX = re.compile(r"(?<=\d)\s+[-–—]\s+(?=[^\W\d])[^\d!?;:]{2,60}(?<!\.)$")
SOURCE_SMALL_WORD = 3  # "of", "for", "the": a source's other words are capitalised
SOURCE_DATE_LINE_LENGTH = 100


def source_start(line: str) -> int | None:
    """Where a source's name of capitalised words follows a date and a dash ("20 May 2016 – U.S.
    Department of State"); None for a dated paragraph ("12 May 2016 – IOM said today")."""
    if len(line) > SOURCE_DATE_LINE_LENGTH:
        return None
    source = _SOURCE_SUFFIX.search(line)
    if source is None:
        return None
    words = source.group().strip(" -–—").split()
    capitalised = all(
        w[:1].isupper() or not w[:1].isalpha() or len(w) <= SOURCE_SMALL_WORD for w in words
    )
    return source.start() if capitalised else None


ISO_DAY_LENGTH = len("2016-05-11")


def without_month_heading(lines: list[str], dates: list[int]) -> list[int]:
    """A month and its year over items dated to the day ("May 2016" heading a news digest whose
    items read "11 May 2016 – Deutsche Welle"): the page's heading, not an item's label."""
    if len(dates) < 3:
        return dates
    days = [len(first_date(lines[index])) == ISO_DAY_LENGTH for index in dates]
    if not days[0] and all(days[1:]):
        return dates[1:]
    return dates


# A weekday's full name and a date written out, alone: a news site's date of the day at the top
# of its pages ("sábado, 8 noviembre 2025", "Monday, May 12, 2025", "lundi 8 novembre 2025").
_DAY_OF_SITE = re.compile(
    r"^(?P<weekday>[^\W\d_]{5,9}),?\s+(?:\d{1,2}(?:er)?\s+(?:de\s+)?[^\W\d_]{3,10}\.?"
    r"|[^\W\d_]{3,10}\.?\s+\d{1,2}),?\s+(?:del?\s+)?(?:19|20)\d\d$"
)


def is_day_of_site(line: str) -> bool:
    """A news site's date of the day, a weekday's full name leading it: it dates the page's
    visit, none of the items under it (a newsletter's issue date names no weekday)."""
    match = _DAY_OF_SITE.match(line.strip())
    return match is not None and match["weekday"].lower() in WEEKDAY_NAMES


# A feed reader's time label over each item, perhaps after its day and month (no year):
# "26  mars     12h00", "    12h00" (a later item of the same day), "3 May 14:05".
_TIME_LABEL = re.compile(
    r"^\s*(?P<day>\d{1,2}(?:er)?\s+[^\W\d_]{3,10}\.?\s+)?(?:[01]?\d|2[0-3])\s?[h:]\s?[0-5]\d\s*$"
)
# What every time label holds: "12h00", "14:05".
_CLOCK = re.compile(r"\d\s?[h:]\s?[0-5]\d")
MIN_TIME_LABELS = 3
TIME_LABEL_LENGTH = 40  # longer lines are looked at no further


def time_labels(lines: list[str], start: int) -> list[int]:
    """The lines of a listing whose items hang under time labels, at least one with its day
    ("26  mars     12h00", then "    12h00"); none when there are too few to head items."""
    if _CLOCK.search("\n".join(lines[start:])) is None:
        return []  # no time of day anywhere (most pages): no regex per line
    found = [
        (i, m)
        for i in range(start, len(lines))
        if len(lines[i]) <= TIME_LABEL_LENGTH and (m := _TIME_LABEL.match(lines[i]))
    ]
    if len(found) < MIN_TIME_LABELS or not any(m["day"] for _, m in found):
        return []
    return [index for index, _ in found]
