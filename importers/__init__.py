"""Importers: raw scraped pages (bytes + file name) to clean releases. Pure; never imports Textual.

Public API::

    from oim_archive.importers import parse_page, ImportRefused, MAX_PAGE_BYTES
"""

from .decode import MAX_PAGE_BYTES
from .errors import ImportRefused
from .page import parse_page

__all__ = ["MAX_PAGE_BYTES", "ImportRefused", "parse_page"]
