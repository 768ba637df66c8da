"""Listings whose date line closes each item ("Title / teaser… / 21 January 2023")."""

from __future__ import annotations

TEXT_END = '.!?»”"…)'
TEASER_MIN_WORDS = 16  # a teaser's sentence, longer than a heading or a title


def _text_above(lines: list[str], index: int, floor: int) -> int:
    index -= 1
    while index > floor and not lines[index].strip():
        index -= 1
    return index


def _is_teaser(line: str) -> bool:
    line = line.strip()
    return len(line.split()) >= TEASER_MIN_WORDS and line[-1:] in TEXT_END


def trailing_spans(
    lines: list[str], markers: list[int], title_index: int
) -> list[tuple[int, int, int, int | None]] | None:
    """(start, end, title, date line) of each item when the first date line closes a headline
    and its teaser (the first item lies above every date, and the text after the last date is
    one more item, its date cut off); None when the dates head their items."""
    teaser = _text_above(lines, markers[0], title_index - 1)
    headline = _text_above(lines, teaser, title_index - 1)
    if headline < title_index or not _is_teaser(lines[teaser]) or _is_teaser(lines[headline]):
        return None
    spans: list[tuple[int, int, int, int | None]] = []
    start = headline
    for marker in markers:
        title = start
        while title < marker and not lines[title].strip():
            title += 1
        spans.append((start, marker + 1, title, marker))
        start = marker + 1
    rest = [index for index in range(start, len(lines)) if lines[index].strip()]
    if len(rest) >= 2 and any(_is_teaser(lines[index]) for index in rest):
        spans.append((start, len(lines), rest[0], None))
    return spans
