"""A release kept as a PDF (a Word document exported, a communiqué a country office publishes, a
media list's attachment): its text page by page, read with pypdf, without the running header,
footer and page numbers every page repeats."""

from __future__ import annotations

import io
import logging
import re

from oim_archive.i18n import N_

from .errors import ImportRefused

# A press release runs one to a few pages; a longer PDF is a report, a brochure or a book.
MAX_PDF_PAGES = 12
# Where a PDF's signature may be: at its start, after a few bytes of junk at most.
SIGNATURE_WINDOW = 1024
_SIGNATURE = b"%PDF-"
# A page number alone on its line: "3", "- 3 -", "3/4", "Page 3 of 4", "Página 3 de 4".
_PAGE_NUMBER = re.compile(
    r"^\s*(?:-\s*)?(?:(?:page|p\.|página|pág\.)\s*)?\d{1,3}(?:\s*(?:/|of|sur|de)\s*\d{1,3})?"
    r"(?:\s*-)?\s*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"[ \t]{2,}")

# pypdf reports what it finds odd in a file through logging, which would reach the terminal
# (over the browser) for every damaged or unusual PDF: a refusal says what matters.
logging.getLogger("pypdf").addHandler(logging.NullHandler())
logging.getLogger("pypdf").propagate = False


def is_pdf(data: bytes) -> bool:
    """Whether the bytes are a PDF document (its signature near the start)."""
    return _SIGNATURE in data[:SIGNATURE_WINDOW]


def pdf_text(data: bytes) -> str:
    """The document's text, its pages one after the other. Refuses a PDF that cannot be read,
    one locked by a password, one of more than MAX_PDF_PAGES pages and one without text."""
    from pypdf import PdfReader  # only an import of a PDF pays for loading it

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportRefused(N_("PDF locked by a password"))
        count = len(reader.pages)
        if count > MAX_PDF_PAGES:
            raise ImportRefused(
                N_("not a press release (a PDF document of {pages} pages)"), pages=str(count)
            )
        pages = [page.extract_text(extraction_mode="layout") for page in reader.pages]
    except ImportRefused:
        raise
    except Exception as exc:  # pypdf raises many kinds on a damaged file
        raise ImportRefused(N_("damaged PDF ({error})"), error=type(exc).__name__) from exc
    text = "\n\n".join(_without_running_lines(pages))
    if not text.strip():
        raise ImportRefused(N_("PDF without text (a scan or pictures only)"))
    return text


def _without_running_lines(pages: list[str]) -> list[str]:
    """Each page's lines, tidied, without the page numbers and, on a document of several pages,
    the first and last lines that every page repeats (a letterhead, a footer's address)."""
    split = [[_SPACES.sub(" ", line).strip() for line in page.split("\n")] for page in pages]
    if len(split) > 1:
        for end in (0, -1):
            while _dropped_repeated_edge(split, end):
                pass
    return ["\n".join(line for line in lines if not _PAGE_NUMBER.match(line)) for lines in split]


def _dropped_repeated_edge(pages: list[list[str]], end: int) -> bool:
    """Drop every page's first (end 0) or last (end -1) line with text when all pages have the
    same one, digits aside ("Page 2 of 3"); whether they did."""
    edges = [_edge(lines, end) for lines in pages]
    found = [at for at in edges if at is not None]
    if len(found) < len(pages):
        return False
    if len({_DIGITS.sub("#", lines[at]) for lines, at in zip(pages, found, strict=True)}) != 1:
        return False
    for lines, at in zip(pages, found, strict=True):
        del lines[at]
    return True


def _edge(lines: list[str], end: int) -> int | None:
    """The index of the page's first (end 0) or last (end -1) line with text."""
    order = range(len(lines)) if end == 0 else range(len(lines) - 1, -1, -1)
    return next((at for at in order if lines[at]), None)
