"""The importer's one error type."""

from __future__ import annotations


class ImportRefused(Exception):
    """A file that is not an importable page; the message is one line a person understands."""
