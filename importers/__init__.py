"""Importers: raw scraped pages (bytes + file name) to clean releases. Pure; never imports Textual.

Public API::

    from oim_archive.importers import parse_page, ImportRefused, MAX_PAGE_BYTES

``file_size_limit(data)`` is the size a file may have, by its first bytes (an e-mail with its
attachments may be bigger than a page).
"""

from .decode import MAX_PAGE_BYTES
from .email_message import EMAIL_MAX_BYTES, looks_like_email
from .errors import ImportRefused
from .parse import parse_page

__all__ = ["MAX_PAGE_BYTES", "ImportRefused", "file_size_limit", "parse_page"]


def file_size_limit(data: bytes) -> int:
    """The most bytes a file opening with ``data`` may have to be read: a page's limit, or an
    e-mail's (its attachments are skipped, but they are in the file)."""
    return EMAIL_MAX_BYTES if looks_like_email(data) else MAX_PAGE_BYTES
