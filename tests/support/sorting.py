"""A sort key equal to the store's newest-first order, to check it against (tests only)."""

from __future__ import annotations

from typing import Any

from oim_archive.store.records import Release, date_sort_text


def sort_key_newest_first(record: dict[str, Any] | Release) -> tuple[int, str, str]:
    """Newest first, undated last, then title, as one key (ISO dates compare as text)."""
    date = record.date if isinstance(record, Release) else record.get("date")
    title = record.title if isinstance(record, Release) else record.get("title", "")
    inverted = "".join(chr(0x10FFFF - ord(ch)) for ch in date_sort_text(date))
    return (0 if date else 1, inverted, title)
