"""What an import did, for the CLI's summary, the browser's dialog and ``--json``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from oim_archive.walk import ImportFailure

_REPORT_LISTS = (
    "imported",
    "duplicates",
    "failed",
    "removed_earlier",
    "changed",
    "appeared",
    "disappeared",
)


@dataclass(slots=True)
class ImportReport:
    """What an import did: new release ids, files that held nothing new, files refused,
    releases left out because the user removed them earlier; with ``--reparse``, the ids of
    releases changed, appeared and disappeared."""

    imported: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[ImportFailure] = field(default_factory=list)
    files: int = 0
    removed_earlier: list[str] = field(default_factory=list)
    reparse: bool = False
    changed: list[str] = field(default_factory=list)
    appeared: list[str] = field(default_factory=list)
    disappeared: list[str] = field(default_factory=list)

    def extend(self, other: ImportReport) -> None:
        """Add ``other``'s entries after this one's."""
        for name in _REPORT_LISTS:
            getattr(self, name).extend(getattr(other, name))
        self.files += other.files
        self.reparse = self.reparse or other.reparse

    def merged(self, other: ImportReport) -> ImportReport:
        """Both reports as one (this one's entries first)."""
        both = ImportReport()
        both.extend(self)
        both.extend(other)
        return both

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "imported": list(self.imported),
            "duplicates": list(self.duplicates),
            "failed": [{"file": f.file, "error": f.error} for f in self.failed],
            "removed_earlier": list(self.removed_earlier),
        }
        if self.reparse:
            data.update(
                changed=list(self.changed),
                appeared=list(self.appeared),
                disappeared=list(self.disappeared),
            )
        return data
