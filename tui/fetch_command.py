"""`oim-archive fetch`: new releases from IOM's sites, the only command that uses the network."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any, TextIO

from oim_archive.i18n import _, ngettext
from oim_archive.store.text import clean_line, json_text
from oim_archive.tui.commands import EXIT_FAILURE, EXIT_OK, PROG, CliError, archive_for


def cmd_fetch(args: argparse.Namespace, out: TextIO) -> int:
    """Fetch new releases; Ctrl-C stops after the current page and still prints the summary."""
    import signal
    import threading

    from oim_archive.fetch import FetchOptions, fetch, remembered_sources

    archive = archive_for(args)
    if archive.path.exists():
        archive.require()
    else:
        archive.path.parent.mkdir(parents=True, exist_ok=True)
    if not args.urls and not remembered_sources(archive):
        raise CliError(_("no source fetched yet: give a URL, e.g. https://www.iom.int/fr/news"))
    if args.delay < 0:
        raise CliError(_("--delay must be 0 or more"))
    stop = threading.Event()

    def interrupted(_signal: int, _frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        sys.stderr.write(f"{PROG}: " + _("stopping after the current page…") + "\n")

    previous = signal.signal(signal.SIGINT, interrupted)
    progress, finish = _fetch_progress(args)
    options = FetchOptions(since=args.since or "", max_pages=args.max, delay=args.delay)
    try:
        report = fetch(archive, args.urls, options, stop=stop, progress=progress)
    finally:
        finish()
        signal.signal(signal.SIGINT, previous)
    if args.json:
        out.write(json_text(report.to_dict()))
    else:
        out.write(
            _(
                "{fetched} pages fetched, {imported} new releases, {unchanged} unchanged, "
                "{skipped} already in the archive, {failed} failed -> {archive}"
            ).format(
                fetched=report.fetched,
                imported=len(report.imported),
                unchanged=report.unchanged,
                skipped=report.skipped,
                failed=len(report.failed),
                archive=archive.path,
            )
            + "\n"
        )
        for failure in report.failed:
            sys.stderr.write(f"{PROG}: {clean_line(failure.url)}: {clean_line(failure.error)}\n")
        if report.disallowed:
            count = len(report.disallowed)
            sys.stderr.write(
                f"{PROG}: "
                + ngettext(
                    "{count} page left alone: robots.txt disallows it",
                    "{count} pages left alone: robots.txt disallows them",
                    count,
                ).format(count=count)
                + "\n"
            )
    return EXIT_FAILURE if report.failed else EXIT_OK


def _fetch_progress(args: argparse.Namespace) -> tuple[Any, Callable[[], None]]:
    """A live line on stderr: pages fetched/imported/skipped and the current site."""
    if args.json or not sys.stderr.isatty():
        return None, lambda: None
    from rich.progress import Progress, SpinnerColumn, TextColumn

    bar = Progress(SpinnerColumn(), TextColumn("{task.description}", markup=False), transient=True)
    task = bar.add_task(_("Fetching"), total=None)
    bar.start()

    def update(report: Any) -> None:
        text = _(
            "{fetched} fetched, {imported} imported, {skipped} skipped, {failed} failed · {host}"
        ).format(
            fetched=report.fetched,
            imported=len(report.imported),
            skipped=report.skipped + report.unchanged,
            failed=len(report.failed),
            host=clean_line(report.host),
        )
        bar.update(task, description=text)

    return update, bar.stop
