"""A release kept as a word-processor document: Word (``.docx``) or LibreOffice/OpenOffice
(``.odt``), read from the document's own XML inside its ZIP (the standard library's zipfile and
defusedxml): its paragraphs, headings and table cells in order, one paragraph a block."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeTree

from oim_archive.i18n import N_

from .errors import ImportRefused

_ZIP_SIGNATURE = b"PK\x03\x04"
WORD_BODY = "word/document.xml"
OPEN_DOCUMENT_BODY = "content.xml"
# The body's XML is text: a part this big inside a release's document is a bomb or a book.
MAX_BODY_XML_BYTES = 20 * 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def may_be_office_document(data: bytes) -> bool:
    """Whether the bytes open as a ZIP does (a Word or OpenDocument file is one; which one it
    is, its directory at the end tells)."""
    return data.startswith(_ZIP_SIGNATURE)


def office_body_name(data: bytes) -> str | None:
    """The part holding the text of a Word or OpenDocument file, None for any other file."""
    if not may_be_office_document(data):
        return None
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    if WORD_BODY in names:
        return WORD_BODY
    if OPEN_DOCUMENT_BODY in names and "mimetype" in names:
        return OPEN_DOCUMENT_BODY
    return None


def office_text(data: bytes, body_name: str) -> str:
    """The document's paragraphs (headings and table cells included) in order, a blank line
    between two. Refuses a damaged document and one without text."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if archive.getinfo(body_name).file_size > MAX_BODY_XML_BYTES:
                raise ImportRefused(N_("damaged word-processor document ({error})"), error="size")
            root = SafeTree.fromstring(archive.read(body_name))
    except ImportRefused:
        raise
    except Exception as exc:  # zipfile, zlib and XML errors of every kind
        raise ImportRefused(
            N_("damaged word-processor document ({error})"), error=type(exc).__name__
        ) from exc
    paragraphs = _word_paragraphs(root) if body_name == WORD_BODY else _odf_paragraphs(root)
    text = "\n\n".join(paragraph.strip() for paragraph in paragraphs if paragraph.strip())
    if not text:
        raise ImportRefused(N_("word-processor document without text"))
    return text


def _word_paragraphs(node: Element) -> Iterator[str]:
    """Word's paragraphs (``w:p``) in document order, a text box's after the paragraph holding
    it; the fallback copy Word keeps of a text box for old readers is skipped."""
    for child in node:
        if child.tag == _FALLBACK:
            continue
        if child.tag == f"{_W}tbl":  # a table (a contact block's columns): one block, a line a cell
            yield "\n".join(text for text in _word_paragraphs(child) if text.strip())
            continue
        if child.tag == f"{_W}p":
            yield "".join(_word_runs(child))
        yield from _word_paragraphs(child)


def _word_runs(node: Element) -> Iterator[str]:
    """A paragraph's own text: its runs' text, tabs as spaces, line breaks kept; not the text
    of a paragraph inside it (a text box)."""
    for child in node:
        if child.tag == f"{_W}t":
            yield child.text or ""
        elif child.tag in (f"{_W}tab", f"{_W}ptab"):
            yield " "
        elif child.tag in (f"{_W}br", f"{_W}cr"):
            yield "\n"
        elif child.tag not in (f"{_W}p", _FALLBACK):
            yield from _word_runs(child)


def _odf_paragraphs(root: Element) -> Iterator[str]:
    """OpenDocument's paragraphs and headings (``text:p``, ``text:h``) in document order."""
    for node in root.iter():
        if node.tag in (f"{_TEXT}p", f"{_TEXT}h"):
            yield _odf_text(node)


def _odf_text(node: Element) -> str:
    """A paragraph's text: its spans' text, ``text:s`` as spaces, ``text:tab`` as a space,
    ``text:line-break`` as a line break (a paragraph inside it is read on its own)."""
    parts = [node.text or ""]
    for child in node:
        if child.tag in (f"{_TEXT}p", f"{_TEXT}h"):
            pass  # a note's or a frame's paragraph: its own block
        elif child.tag == f"{_TEXT}s":
            parts.append(" " * int(child.get(f"{_TEXT}c", "1") or "1"))
        elif child.tag == f"{_TEXT}tab":
            parts.append(" ")
        elif child.tag == f"{_TEXT}line-break":
            parts.append("\n")
        else:
            parts.append(_odf_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
