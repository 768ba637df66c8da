"""The date a page store glues before a saved page's text: " date 2018-12 La migration est …"."""

from __future__ import annotations

import re

# The store's own field, not the page's: lower-case "date", a year and month (perhaps a day),
# at the very start of the text.
_STORE_DATE = re.compile(r"\s*date \d{4}-\d{2}(?:-\d{2})?(?:\s+|$)")


def without_store_date(lines: list[str]) -> list[str]:
    """The lines without the store's date field opening the first one (the page's own first
    line, "La migration est …" or a byline, follows it); any other first line is kept."""
    if not lines or not lines[0].lstrip().startswith("date "):
        return lines
    field = _STORE_DATE.match(lines[0])
    if field is None:
        return lines
    return [lines[0][field.end() :], *lines[1:]]
