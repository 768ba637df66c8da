"""Messages the main screen's workers post back to the UI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from oim_archive.tui.library import Contacts, Snapshot

if TYPE_CHECKING:
    from pathlib import Path

    from oim_archive.import_report import ImportReport
    from oim_archive.store.records import Release
    from oim_archive.store.search.engine import SearchIndex


class SnapshotRead(Message):
    """The load worker read the archive (the list can be shown)."""

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        self.snapshot = snapshot


class SnapshotIndexed(Message):
    """The load worker built the search index (the contact directory comes next)."""

    def __init__(self, snapshot: Snapshot, index: SearchIndex) -> None:
        super().__init__()
        self.snapshot = snapshot
        self.index = index


class ContactsIndexed(Message):
    """The load worker built the contact directory and its search."""

    def __init__(self, snapshot: Snapshot, built: Contacts) -> None:
        super().__init__()
        self.snapshot = snapshot
        self.built = built


class ImportFinished(Message):
    """The import worker is done with ``root`` (the folder or file the user chose)."""

    def __init__(self, report: ImportReport, root: Path) -> None:
        super().__init__()
        self.report = report
        self.root = root


class ImportProgress(Message):
    """``done`` of ``total`` files imported."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


class MarksRead(Message):
    """The load worker read which releases are marked."""

    def __init__(self, ids: frozenset[str]) -> None:
        super().__init__()
        self.ids = ids


class ReleasesChanged(Message):
    """The browser removed releases, or put removed ones back (undo)."""

    def __init__(
        self, removed: list[Release] | None = None, restored: list[Release] | None = None
    ) -> None:
        super().__init__()
        self.removed = removed or []
        self.restored = restored or []
