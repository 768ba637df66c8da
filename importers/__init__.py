"""Importers: raw scraped pages (bytes + file name) to clean releases. Pure; never imports Textual.

Public API::

    from oim_archive.importers import parse_page, ImportRefused, MAX_PAGE_BYTES

``file_size_limit(data)`` is the size a file may have, by its first bytes (an e-mail with its
attachments, a PDF with its pictures may be bigger than a page).
"""

from .decode import DOCUMENT_MAX_BYTES, MAX_PAGE_BYTES
from .email_message import looks_like_email
from .errors import ImportRefused
from .office import may_be_office_document
from .parse import parse_page
from .pdf import is_pdf

__all__ = ["MAX_PAGE_BYTES", "ImportRefused", "file_size_limit", "parse_page"]


def file_size_limit(data: bytes) -> int:
    """The most bytes a file opening with ``data`` may have to be read: a page's limit, or an
    e-mail's, a PDF's or a word-processor document's (their attachments and pictures are
    skipped, but are in the file)."""
    if looks_like_email(data) or is_pdf(data) or may_be_office_document(data):
        return DOCUMENT_MAX_BYTES
    return MAX_PAGE_BYTES
