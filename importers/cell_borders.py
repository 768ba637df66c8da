"""An e-mail bulletin saved as text: its table cells' borders left as lone "|" lines."""

from __future__ import annotations

from .headlines import is_headline
from .listing import Item
from .opening_words import opening_words

MIN_CELLS = 2
HEADLINE_MIN_WORDS = 4  # "Anuncio especial" over its text is a section label, not a headline
SENTENCE_MIN_WORDS = 12


def _is_sentence(line: str) -> bool:
    return len(line.split()) >= SENTENCE_MIN_WORDS


def _cells(lines: list[str]) -> tuple[list[list[str]], int]:
    """The runs of text lines between border lines, and how many border runs cut them."""
    cells: list[list[str]] = [[]]
    borders = 0
    for line in lines:
        text = line.strip()
        if text == "|":
            if cells[-1]:
                cells.append([])
                borders += 1
        elif text:
            cells[-1].append(text.removesuffix("|").strip())  # "Headline |": a cell's edge
    return [cell for cell in cells if cell], borders


def _is_cell_headline(text: str) -> bool:
    return text.count(" ") + 1 >= HEADLINE_MIN_WORDS and is_headline(text)


def _with_headline_cells(cells: list[list[str]]) -> list[list[str]]:
    """A cell holding a headline alone heads the next cell's text (its own row of the table)."""
    joined: list[list[str]] = []
    for cell in cells:
        # (The first cell's lone headline is the bulletin's own name, over all its items.)
        if len(joined) > 1 and len(joined[-1]) == 1 and _is_cell_headline(joined[-1][0]):
            joined[-1] = [*joined[-1], *cell]
        else:
            joined.append(cell)
    return joined


def cell_border_items(lines: list[str], start: int) -> list[Item] | None:
    """One item per cell when lone "|" lines cut the page into two cells or more that each hold
    a sentence ("|" / "USAID, la OIM en Belice … lanzaron …" / "|" / "|" / "Anuncio especial" /
    "El Cuerpo de Servicio …" / "|"): a headline opens its item; a short label over a sentence
    ("Anuncio especial") heads nothing; a cell opening on its sentence has no headline."""
    if sum(line.count("|") for line in lines[start:]) < MIN_CELLS:
        return None  # fewer bars than border lines (most pages): no pass over the cells
    cells, borders = _cells(lines[start:])
    cells = [cell for cell in _with_headline_cells(cells) if any(map(_is_sentence, cell))]
    if borders < MIN_CELLS or len(cells) < MIN_CELLS:
        return None
    items: list[Item] = []
    for cell in cells:
        first = cell[0]
        if len(cell) > 1 and _is_cell_headline(first):
            items.append(Item([first, "", *cell[1:]], title_index=0))
            continue
        if len(cell) > 1 and not _is_sentence(first):
            cell = cell[1:]  # a section's label over its text
        items.append(Item([opening_words(cell[0]), "", *cell], title_index=0))
    return items
