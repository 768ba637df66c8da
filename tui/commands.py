"""What each scripting command does; ``cli.py`` parses the arguments and maps errors to exit codes.

Every command reads the archive through the store's ``ArchiveReader``: the list catalog and the
saved search index when they match the file, else one full read that saves them for next time.
"""

from __future__ import annotations

import argparse
import functools
import gc
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from oim_archive.i18n import _, format_number, ngettext, translated_reason
from oim_archive.import_report import ImportReport
from oim_archive.store.file.archive import Archive
from oim_archive.store.file.paths import ENV_VAR, default_archive_path
from oim_archive.store.reader import ArchiveReader
from oim_archive.store.records import Listed, display_date
from oim_archive.store.text import clean_line, json_text

PROG = "oim-archive"
EXIT_OK = 0  # something was found or done
EXIT_NO_MATCH = 1  # a query or filter matched nothing
EXIT_FAILURE = 2  # usage errors and every failure
STDIO = "-"
STDIN_NAME = "stdin"  # the source recorded for a page read from stdin

Command = Callable[[argparse.Namespace, TextIO], int]


class CliError(Exception):
    """A one-line problem to report before exiting with status 2."""


def _json_array(items: Iterable[Any], out: TextIO) -> int:
    """Write a pretty JSON array one item at a time (no second copy of a big archive in
    memory); returns how many items were written. An empty array is ``[]``."""
    count = 0
    for item in items:
        out.write("[\n  " if count == 0 else ",\n  ")
        out.write(json_text(item).rstrip("\n").replace("\n", "\n  "))
        count += 1
    out.write("\n]\n" if count else "[]\n")
    return count


def _no_match(message: str) -> int:
    sys.stderr.write(f"{PROG}: {message}\n")
    return EXIT_NO_MATCH


def archive_for(args: argparse.Namespace) -> Archive:
    """The archive named by --db or $OIM_ARCHIVE_DB, else the default one, which starts with
    the bundled sample releases when it does not exist yet (for every command alike)."""
    archive = Archive(args.db or default_archive_path())
    if args.db is None and not os.environ.get(ENV_VAR) and not archive.path.exists():
        from oim_archive.pages import ensure_sample_archive

        ensure_sample_archive(archive)
    return archive


def _reader(args: argparse.Namespace) -> ArchiveReader:
    archive = archive_for(args)
    if not archive.exists():
        archive.require(validate=False)  # the one-line "no archive here" error
    return ArchiveReader(archive)


def _records(reader: ArchiveReader, rows: Iterable[Listed]) -> Iterator[dict[str, Any]]:
    """Whole records of ``rows``, decoded one at a time (never the whole archive at once)."""
    return (release.to_dict() for release in reader.whole(list(rows)))


def _release_line(release: Listed) -> str:
    date = (display_date(release) or _("undated")).ljust(10)
    country = (release.country or "--").ljust(2)
    return f"{release.id}  {date}  {country}  {clean_line(release.title)}\n"


# ------------------------------------------------------------------------------- import


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    if any(Path(p).is_dir() for p in args.paths if p != STDIO):
        # A folder may hold enough pages for the workers: their fork server imports the
        # importer while this process does (the import below).
        from oim_archive.workers import PARSER_MODULE, start_fork_server

        start_fork_server((PARSER_MODULE,))
    from oim_archive.ingest import import_data, import_paths

    archive = archive_for(args)
    if archive.path.exists():
        archive.require()
    else:
        archive.path.parent.mkdir(parents=True, exist_ok=True)
    paths = [Path(p) for p in args.paths if p != STDIO]
    report = ImportReport()
    if STDIO in args.paths:
        report = import_data(archive, _read_stdin(), STDIN_NAME)
    if paths:
        progress, finish = _progress_bar(args)
        try:
            imported = import_paths(archive, paths, progress=progress, reparse=args.reparse)
            report = report.merged(imported)
        finally:
            finish()
    if args.json:
        out.write(json_text(report.to_dict()))
    else:
        out.write(_import_summary(report, archive.path) + "\n")
        for failure in report.failed:
            reason = translated_reason(failure.reason, failure.error)
            sys.stderr.write(f"{PROG}: {clean_line(failure.file)}: {clean_line(reason)}\n")
    return EXIT_FAILURE if report.failed else EXIT_OK


def _import_summary(report: ImportReport, path: Path) -> str:
    """One line: what came in, what was known, removed earlier, refused, files read."""
    if report.reparse:
        parts = [
            _("{changed} changed, {appeared} appeared, {disappeared} disappeared").format(
                changed=format_number(len(report.changed)),
                appeared=format_number(len(report.appeared)),
                disappeared=format_number(len(report.disappeared)),
            )
        ]
    else:
        parts = [
            ngettext("{n} new release", "{n} new releases", len(report.imported)).format(
                n=format_number(len(report.imported))
            ),
            ngettext(
                "{n} file already in the archive",
                "{n} files already in the archive",
                len(report.duplicates),
            ).format(n=format_number(len(report.duplicates))),
        ]
    if report.removed_earlier:
        parts.append(
            ngettext(
                "{n} removed earlier, skipped",
                "{n} removed earlier, skipped",
                len(report.removed_earlier),
            ).format(n=format_number(len(report.removed_earlier)))
        )
    parts.append(
        ngettext("{n} refused", "{n} refused", len(report.failed)).format(
            n=format_number(len(report.failed))
        )
    )
    read = ngettext("{n} file read", "{n} files read", report.files).format(
        n=format_number(report.files)
    )
    return _("{summary} ({read}) -> {path}").format(summary=", ".join(parts), read=read, path=path)


def _read_stdin() -> bytes:
    from oim_archive.ingest import BUNDLE_MAX_BYTES

    if sys.stdin is None:
        raise CliError(_("no standard input to read a page from"))
    return sys.stdin.buffer.read(BUNDLE_MAX_BYTES + 1)


def cmd_remove(args: argparse.Namespace, out: TextIO) -> int:
    from oim_archive.store.errors import AmbiguousReleaseError, UnknownReleaseError

    archive = _reader(args).archive
    try:  # the write reads and checks the file first: a damaged one stops it unwritten
        removed = archive.remove(args.ids)
    except (UnknownReleaseError, AmbiguousReleaseError) as exc:
        raise CliError(_("{reason}; nothing was removed").format(reason=exc)) from None
    if args.json:
        out.write(json_text({"removed": [r.id for r in removed]}))
    else:
        out.write(
            ngettext("Removed {n} release:", "Removed {n} releases:", len(removed)).format(
                n=format_number(len(removed))
            )
            + "\n"
        )
        out.writelines(_release_line(r) for r in removed)
    return EXIT_OK


def _progress_bar(
    args: argparse.Namespace,
) -> tuple[Callable[[int, int], None] | None, Callable[[], None]]:
    if args.json or not sys.stderr.isatty():
        return None, lambda: None
    from rich.progress import Progress

    bar = Progress(transient=True, console=None)
    task = bar.add_task(_("Importing"), total=None)
    started = False

    def update(done: int, total: int) -> None:
        nonlocal started
        if total < 50:
            return
        if not started:
            bar.start()
            started = True
        bar.update(task, completed=done, total=total)

    def finish() -> None:
        if started:
            bar.stop()

    return update, finish


# ------------------------------------------------------------------------------- reading


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    reader = _reader(args)
    listing = reader.listing()
    rows: Iterable[Listed] = listing.rows
    from oim_archive.store.search.facets import Facets

    facets = Facets(country=args.country, year=args.year, language=args.language, since=args.since)
    keep = facets.matcher(listing.rows)
    if keep is not None:
        rows = filter(keep, rows)
    if args.limit:
        rows = islice(rows, args.limit)
    if args.json:
        count = _json_array(_records(reader, rows), out)
    else:
        count = 0
        for row in rows:
            out.write(_release_line(row))
            count += 1
    if count == 0 and keep is not None:  # an empty archive is no failed query
        return _no_match(_("no release matches these filters"))
    return EXIT_OK


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from oim_archive.store.exports.render import release_text

    out.write(release_text(_reader(args).get(args.id)))
    return EXIT_OK


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    reader = _reader(args)
    query = " ".join(args.query)
    found = reader.search(query, limit=args.limit)
    if args.json:
        _json_array(_records(reader, found), out)
    else:
        out.writelines(_release_line(row) for row in found)
    if not found:
        return _no_match(_("no release matches {query!r}").format(query=clean_line(query)))
    return EXIT_OK


def cmd_contacts(args: argparse.Namespace, out: TextIO) -> int:
    reader = _reader(args)
    query = " ".join(args.query)
    entries = reader.matching_contacts(query) if query.strip() else reader.directory()[0]
    if args.vcard:
        from oim_archive.store.exports.vcard import contacts_vcard

        listing = reader.listing()
        titles = {r.id: r.title for r in listing.rows}
        text = contacts_vcard(entries, titles, {r.id: r.language for r in listing.rows})
    elif args.json:
        text = json_text([e.to_dict() for e in entries])
    else:
        lines = []
        for entry in entries:
            details = [entry.office or "", *entry.phones, *entry.emails]
            shown = "  ".join(clean_line(d) for d in details if d)
            count = ngettext("{count} release", "{count} releases", len(entry.releases)).format(
                count=format_number(len(entry.releases))
            )
            lines.append(f"{clean_line(entry.name)}  {shown}  ({count})\n")
        text = "".join(lines)
    _emit(text, args, out)
    if not entries and query.strip():  # an archive without contacts is no failed query
        return _no_match(_("no contact matches {query!r}").format(query=clean_line(query)))
    return EXIT_OK


def _emit(text: str, args: argparse.Namespace, out: TextIO) -> None:
    """Write to -o FILE (atomically, never over a file unless --force), else to stdout."""
    if args.output and args.output != STDIO:
        from oim_archive.store.exports.render import write_file

        path = write_file(Path(args.output), text, force=args.force)
        sys.stderr.write(_("{prog}: wrote {path}").format(prog=PROG, path=path) + "\n")
    else:
        out.write(text)


def _write_binary(write: Callable[[BinaryIO], object], out: TextIO) -> None:
    """Let ``write`` send bytes to ``out``: straight to its binary buffer when it has one
    (sys.stdout, streamed), else through a buffer decoded as text (tests' string streams)."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        collected = io.BytesIO()
        write(collected)
        out.write(collected.getvalue().decode("utf-8"))
        return
    out.flush()
    write(buffer)
    buffer.flush()


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from oim_archive.store.exports.render import render, write_export

    release = _reader(args).get(args.id)
    export_dir = getattr(args, "export_dir", None)
    if args.output and export_dir:
        raise CliError(_("give either -o FILE or --export-dir DIR, not both"))
    if export_dir:
        out.write(f"{write_export(release, export_dir, args.format)}\n")
        return EXIT_OK
    _emit(render(release, args.format), args, out)
    return EXIT_OK


def cmd_dump(args: argparse.Namespace, out: TextIO) -> int:
    from oim_archive.store.exports.bundle import dump_bundle, write_bundle

    reader = _reader(args)
    rows = reader.listing().rows
    if args.file == STDIO:
        _write_binary(
            functools.partial(write_bundle, releases=reader.whole(rows), count=len(rows)), out
        )
        return EXIT_OK
    count = dump_bundle(reader.whole(rows), Path(args.file), force=args.force, count=len(rows))
    out.write(
        ngettext("{n} release -> {file}", "{n} releases -> {file}", count).format(
            n=format_number(count), file=args.file
        )
        + "\n"
    )
    return EXIT_OK


def open_browser(args: argparse.Namespace) -> int:
    """Open the Textual browser; a new archive starts with the bundled sample pages."""
    # The collector would scan the start-up's objects several times before the first frame;
    # the app resumes it once that frame is out, those objects frozen (``on_ready``).
    gc.disable()
    try:
        return _run_browser(args)
    finally:
        gc.enable()


def _run_browser(args: argparse.Namespace) -> int:
    archive = archive_for(args)
    if not archive.path.exists():
        from oim_archive.pages import ensure_sample_archive

        ensure_sample_archive(archive)
    # A list catalog matching the file is shown at once while a worker reads the archive.
    # Without one, an unchecked pass lists the releases (line layout, list fields as text) for
    # the worker to check; anything else is checked here: a damaged archive stops with one line
    # before the terminal is taken over (or later, closing the app). Nothing is written meanwhile.
    reader = ArchiveReader(archive)
    first_list = None
    if not reader.has_catalog():
        first_list = reader.quick()
        if first_list is None:
            archive.require()
    from oim_archive.tui.app import make_app

    app = make_app(archive.path, args.export_dir, archive=archive, first_list=first_list)
    app.run()
    if app.return_code and app.library.error:
        raise CliError(app.library.error)
    return app.return_code or 0


COMMANDS: dict[str, Command] = {
    "import": cmd_import,
    "remove": cmd_remove,
    "list": cmd_list,
    "show": cmd_show,
    "search": cmd_search,
    "contacts": cmd_contacts,
    "export": cmd_export,
    "dump": cmd_dump,
}
