"""The browser's "Fetch new releases": the remembered sources, fetched in a thread worker,
with progress in the status line; the list reloads when it is done.

The only network use of the browser, and only on the user's command."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from oim_archive.i18n import _
from oim_archive.store.text import clean_line

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from oim_archive.fetch import FetchOptions, FetchReport
    from oim_archive.tui.app import OimArchiveApp


def start_fetch(app: OimArchiveApp, options: FetchOptions | None = None) -> None:
    """Fetch what is new from every source fetched before into this archive."""
    from oim_archive.fetch import remembered_sources

    library, main = app.library, app.main_screen
    if main.still_loading():  # nothing is written before the archive is checked
        return
    if library.read_only:
        app.notify(_("The archive is read-only; fetching is not possible"), severity="warning")
        return
    if not remembered_sources(library.archive):
        app.notify(
            _("No source fetched yet: run once 'oim-archive fetch URL', e.g. {url}").format(
                url="https://www.iom.int/fr/news"
            ),
            severity="warning",
            markup=False,
        )
        return
    main._busy = True  # our own writes are no "change on disk" to offer a reload for
    main.status.show_text(_("Fetching new releases…"))
    main.status.start_progress()
    app.run_worker(
        lambda: _run(app, options), thread=True, group="fetch", exclusive=True, exit_on_error=False
    )


def _run(app: OimArchiveApp, options: FetchOptions | None) -> None:
    """The worker: fetch, reporting each page; quitting the browser stops after the page."""
    from oim_archive.fetch import fetch
    from oim_archive.store.errors import ArchiveError

    worker = get_current_worker()
    stop = threading.Event()

    def progress(report: FetchReport) -> None:
        if worker.is_cancelled:
            stop.set()
            return
        app.call_from_thread(_show_progress, app, report)

    try:
        report = fetch(app.library.archive, [], options, stop=stop, progress=progress)
    except (ArchiveError, OSError) as error:
        app.call_from_thread(_finished, app, None, clean_line(str(error)))
        return
    if not worker.is_cancelled:
        app.call_from_thread(_finished, app, report, "")


def _show_progress(app: OimArchiveApp, report: FetchReport) -> None:
    app.main_screen.status.show_text(
        _("Fetching: {fetched} fetched, {imported} imported, {skipped} skipped · {host}").format(
            fetched=report.fetched,
            imported=len(report.imported),
            skipped=report.skipped + report.unchanged,
            host=clean_line(report.host),
        )
    )


def _finished(app: OimArchiveApp, report: FetchReport | None, error: str) -> None:
    main = app.main_screen
    main.status.stop_progress()
    if report is None:
        app.notify(error, title=_("Fetch"), severity="error", markup=False)
    else:
        summary = _("{imported} new releases, {fetched} pages fetched, {failed} failed").format(
            imported=len(report.imported), fetched=report.fetched, failed=len(report.failed)
        )
        if report.failed:
            first = report.failed[0]
            summary += f" ({clean_line(first.url)}: {clean_line(first.error)})"
        severity: SeverityLevel = "warning" if report.failed else "information"
        app.notify(summary, title=_("Fetch"), severity=severity, markup=False)
    main.load_archive()
