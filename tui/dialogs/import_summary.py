"""What an import from the browser did, shown until the user closes it (scrollable)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from oim_archive.i18n import _, format_number, ngettext, translated_reason
from oim_archive.tui.dialogs.scrolling import SCROLL_BINDINGS, scroll
from oim_archive.tui.widgets.file_name import FileName
from oim_archive.tui.widgets.key_bar import KeyBar
from oim_archive.tui.widgets.safe_text import join_lines, line, plain

if TYPE_CHECKING:
    from oim_archive.import_report import ImportReport

# Each refused file is two widgets: a folder of 10,000 stray files would take seconds to lay out.
SHOWN_FAILURES = 200


def shown_file(file: str, root: Path) -> str:
    """A refused file as the user finds it: relative to the folder imported, when inside it."""
    try:
        relative = os.path.relpath(file, root if root.is_dir() else root.parent)
    except ValueError:  # another drive (Windows)
        return line(file)
    return line(file if relative.startswith("..") else relative)


def summary_counts(report: ImportReport) -> list[str]:
    """One line per kind of outcome: new releases, files already known, removed earlier."""
    new, known = len(report.imported), len(report.duplicates)
    removed, refused = len(report.removed_earlier), len(report.failed)
    return [
        ngettext("{count} new release", "{count} new releases", new).format(
            count=format_number(new)
        ),
        ngettext(
            "{count} file already in the archive", "{count} files already in the archive", known
        ).format(count=format_number(known)),
        ngettext(
            "{count} release removed earlier, left out",
            "{count} releases removed earlier, left out",
            removed,
        ).format(count=format_number(removed)),
        ngettext("{count} file refused", "{count} files refused", refused).format(
            count=format_number(refused)
        ),
    ]


class ImportSummaryDialog(ModalScreen[None]):
    """The counts of an import and every refused file with its one-line reason."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", _("Close"), key_display="esc enter q"),
        *SCROLL_BINDINGS,
    ]

    def __init__(self, report: ImportReport, root: Path) -> None:
        super().__init__()
        self.report = report
        self.root = root

    def compose(self) -> ComposeResult:
        report = self.report
        with VerticalScroll(classes="dialog", id="import-summary"):
            yield Static(Content(_("Import finished:")), classes="import-title")
            yield FileName(str(self.root), classes="dialog-title")
            counts = [plain(text) for text in summary_counts(report)]
            files = ngettext("{count} file read", "{count} files read", report.files).format(
                count=format_number(report.files)
            )
            counts.append(plain(files, "$text-muted"))
            yield Static(join_lines(counts), id="import-counts", classes="dialog-text")
            if report.failed:
                yield Static(Content(_("Refused files:")), classes="dialog-title")
                for failure in report.failed[:SHOWN_FAILURES]:
                    yield FileName(shown_file(failure.file, self.root), classes="import-file")
                    reason = translated_reason(failure.reason, failure.error)
                    yield Static(Content.assemble("  ", line(reason)), classes="import-reason")
                more = len(report.failed) - SHOWN_FAILURES
                if more > 0:
                    text = ngettext(
                        "… and {count} more refused file, not listed here",
                        "… and {count} more refused files, not listed here",
                        more,
                    ).format(count=format_number(more))
                    yield Static(Content(text), classes="dialog-text")
        yield KeyBar(with_help=False)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, direction: str) -> None:
        scroll(self.query_one("#import-summary", VerticalScroll), direction)
