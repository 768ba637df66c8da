"""Errors the store raises; each carries a one-line message a person understands."""

from __future__ import annotations


class ArchiveError(Exception):
    """Base class for every archive problem shown to the user as one line."""


class ArchiveMissingError(ArchiveError):
    """The archive file does not exist (and we were asked only to read it)."""


class CorruptArchiveError(ArchiveError):
    """The archive file cannot be read as an archive; it is never overwritten."""


class ReadOnlyArchiveError(ArchiveError):
    """The archive (or its folder) cannot be written."""


class ArchiveLockedError(ArchiveError):
    """Another process holds the archive's write lock for too long."""


class UnknownReleaseError(ArchiveError):
    """No release matches an id or id prefix."""


class AmbiguousReleaseError(ArchiveError):
    """An id prefix matches several releases."""
