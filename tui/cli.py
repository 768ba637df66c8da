"""The `oim-archive` command: the browser with no command, scripting commands otherwise.

Only the browser imports Textual, so scripting commands start fast."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from oim_archive import __version__
from oim_archive.i18n import ENV_VAR as LANG_ENV_VAR
from oim_archive.i18n import (
    LANGUAGES,
    N_,
    _,
    format_number,
    ngettext,
    set_language,
    translate_standard_library,
)
from oim_archive.store.errors import (
    AmbiguousReleaseError,
    ArchiveError,
    CorruptArchiveError,
    UnknownReleaseError,
)
from oim_archive.store.file.archive import Archive
from oim_archive.store.file.paths import ENV_VAR, default_archive_path
from oim_archive.store.records import Release
from oim_archive.store.text import clean_line, json_text

PROG = "oim-archive"


EXIT_DAMAGED = 2  # a damaged archive, or a remove that names no single release


# argparse's own texts (Python 3.10-3.13), marked so the catalogs translate them; argparse
# reads them through the standard gettext domain (see i18n.translate_standard_library).
ARGPARSE_TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("subcommands"),
    N_("%(heading)s:"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


class CliError(Exception):
    """A one-line problem to report before exiting with ``status`` (1 unless told)."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default: Any = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--db",
        type=Path,
        default=default,
        metavar="PATH",
        help=_("archive file (default: ${env}, else archive.json in the user data folder)").format(
            env=ENV_VAR
        ),
    )
    parser.add_argument(
        "--export-dir",
        type=Path,
        default=default,
        metavar="DIR",
        help=_(
            "folder for exports (default: export_dir in preferences, else Documents/oim-archive)"
        ),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=default,
        help=_(
            "interface language (default: ${env}, else the preferences file, else the locale)"
        ).format(env=LANG_ENV_VAR),
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_(
            "Offline browser for IOM (OIM) press releases. With no command, opens the browser."
        ),
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    _global_options(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _global_options(sub, suppress=True)
        return sub

    sub = command("import", _("import release pages, folders (recursively) and .jsonl bundles"))
    sub.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    sub.add_argument("--json", action="store_true", help=_("print a JSON report"))
    sub.add_argument(
        "--reparse",
        action="store_true",
        help=_(
            "parse files again even when already imported, and replace the releases each "
            "one brought with what the importer finds now"
        ),
    )

    sub = command("remove", _("remove releases (an import does not bring them back)"))
    sub.add_argument("ids", nargs="+", metavar="ID", help=_("release id or a unique start of it"))
    sub.add_argument("--json", action="store_true", help=_("print the removed ids as JSON"))

    sub = command("list", _("list releases, newest first, undated last"))
    sub.add_argument("--json", action="store_true", help=_("print release records as JSON"))

    sub = command("show", _("show a release as readable text"))
    sub.add_argument("id", metavar="ID", help=_("release id or a unique start of it"))

    sub = command("search", _("fuzzy, accent-insensitive search (country:SN year:2021 lang:fr)"))
    sub.add_argument("query", nargs="+", metavar="QUERY")
    sub.add_argument("--limit", type=_positive_int, default=20, metavar="N")
    sub.add_argument("--json", action="store_true", help=_("print release records as JSON"))

    sub = command("contacts", _("the contact directory, or the people matching QUERY"))
    sub.add_argument("query", nargs="*", metavar="QUERY")
    fmt = sub.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help=_("print contacts as JSON"))
    fmt.add_argument("--vcard", action="store_true", help=_("print contacts as vCard 3.0"))
    sub.add_argument("-o", "--output", type=Path, metavar="FILE", help=_("write to FILE"))
    sub.add_argument("--force", action="store_true", help=_("overwrite FILE if it exists"))

    sub = command("export", _("export a release as text, Markdown or JSON"))
    sub.add_argument("id", metavar="ID")
    sub.add_argument("--format", choices=("txt", "md", "json"), default="txt")
    sub.add_argument("-o", "--output", type=Path, metavar="FILE", help=_("write to FILE"))
    sub.add_argument("--force", action="store_true", help=_("overwrite FILE if it exists"))

    sub = command("fetch", _("fetch new releases from IOM sites (sitemaps, feeds, news pages)"))
    sub.add_argument(
        "urls", nargs="*", metavar="URL", help=_("default: every source fetched before")
    )
    sub.add_argument("--since", type=_since_date, default=None, metavar="YYYY[-MM[-DD]]")
    sub.add_argument(
        "--max",
        type=_positive_int,
        default=None,
        metavar="N",
        help=_("fetch at most N release pages"),
    )
    sub.add_argument(
        "--delay",
        type=float,
        default=1.0,
        metavar="SECONDS",
        help=_("seconds between two requests to a site (default: 1)"),
    )
    sub.add_argument("--json", action="store_true", help=_("print a JSON report"))

    sub = command("dump", _("write the whole archive as a JSON Lines bundle, for sharing"))
    sub.add_argument("file", type=Path, metavar="FILE")
    sub.add_argument("--force", action="store_true", help=_("overwrite FILE if it exists"))
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a whole number: {text}").format(text=repr(text))
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(_("must be 1 or more"))
    return value


def _since_date(text: str) -> str:
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise argparse.ArgumentTypeError(_("expected YYYY, YYYY-MM or YYYY-MM-DD"))
    return text


# Left raw by JSON encoders but acted on by terminals (C1 controls such as 8-bit CSI, bidi
# overrides); inside JSON they can only sit in strings, where a \\u escape means the same.


def _json_out(data: Any, out: TextIO) -> None:
    out.write(json_text(data))


def _release_line(release: Release) -> str:
    date = (release.date or _("undated")).ljust(10)
    country = (release.country or "--").ljust(2)
    return f"{release.id}  {date}  {country}  {clean_line(release.title)}"


def _open_archive(args: argparse.Namespace) -> Archive:
    """The archive named by --db or $OIM_ARCHIVE_DB, else the default one, which starts with
    the bundled sample releases when it does not exist yet (for every command alike)."""
    archive = Archive(args.db or default_archive_path())
    if args.db is None and not os.environ.get(ENV_VAR) and not archive.path.exists():
        from oim_archive.ingest import ensure_sample_archive

        ensure_sample_archive(archive)
    return archive


def _readable_archive(args: argparse.Namespace) -> Archive:
    return _open_archive(args).require()


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from oim_archive.ingest import import_paths

    archive = _open_archive(args)
    if archive.path.exists():
        archive.require()
    else:
        archive.path.parent.mkdir(parents=True, exist_ok=True)
    progress, finish = _progress_bar(args)
    try:
        report = import_paths(archive, args.paths, progress=progress, reparse=args.reparse)
    finally:
        finish()
    if args.json:
        _json_out(report.to_dict(), out)
    else:
        parts = [
            _("{count} new releases").format(count=len(report.imported)),
            _("{count} files already in the archive").format(count=len(report.duplicates)),
        ]
        if report.reparse:
            parts = [
                _("{changed} changed, {appeared} appeared, {disappeared} disappeared").format(
                    changed=len(report.changed),
                    appeared=len(report.appeared),
                    disappeared=len(report.disappeared),
                )
            ]
        if report.removed_earlier:
            parts.append(
                _("{count} removed earlier, skipped").format(count=len(report.removed_earlier))
            )
        parts.append(_("{count} refused").format(count=len(report.failed)))
        out.write(
            _("{summary} ({files} files read) -> {path}").format(
                summary=", ".join(parts), files=report.files, path=archive.path
            )
            + "\n"
        )
        for failure in report.failed:
            sys.stderr.write(f"{PROG}: {clean_line(failure.file)}: {clean_line(failure.error)}\n")
    return 1 if report.failed else 0


def cmd_remove(args: argparse.Namespace, out: TextIO) -> int:
    archive = _readable_archive(args)
    try:
        removed = archive.remove(args.ids)
    except (UnknownReleaseError, AmbiguousReleaseError) as exc:
        raise CliError(
            _("{reason}; nothing was removed").format(reason=exc), EXIT_DAMAGED
        ) from None
    if args.json:
        _json_out({"removed": [r.id for r in removed]}, out)
    else:
        out.write(
            ngettext("Removed {count} release:", "Removed {count} releases:", len(removed)).format(
                count=len(removed)
            )
            + "\n"
        )
        out.writelines(_release_line(r) + "\n" for r in removed)
    return 0


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


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    releases = _readable_archive(args).releases()
    if args.json:
        _json_out([r.to_dict() for r in releases], out)
    else:
        out.writelines(_release_line(r) + "\n" for r in releases)
    return 0


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from oim_archive.store.exports.render import release_text

    out.write(release_text(_readable_archive(args).get(args.id)))
    return 0


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    from oim_archive.store.search.engine import SearchIndex

    releases = _readable_archive(args).releases()
    query = " ".join(args.query)
    hits = SearchIndex(releases).search(query, limit=args.limit)
    found = [releases[hit.index] for hit in hits]
    if args.json:
        _json_out([r.to_dict() for r in found], out)
    elif not found:
        message = _("no release matches {query}").format(query=repr(clean_line(query)))
        sys.stderr.write(f"{PROG}: {message}\n")
        return 1
    else:
        out.writelines(_release_line(r) + "\n" for r in found)
    return 0


def cmd_contacts(args: argparse.Namespace, out: TextIO) -> int:
    from oim_archive.store.directory import build_directory
    from oim_archive.store.search.engine import ContactSearch

    releases = _readable_archive(args).releases()
    entries = build_directory(releases)
    query = " ".join(args.query)
    if query.strip():
        entries = [entries[i] for i in ContactSearch(entries).search(query)]
    if args.vcard:
        from oim_archive.store.exports.vcard import contacts_vcard

        titles = {r.id: r.title for r in releases}
        text = contacts_vcard(entries, titles, {r.id: r.language for r in releases})
    elif args.json:
        text = json_text([e.to_dict() for e in entries])
    else:
        lines = []
        for entry in entries:
            details = [entry.office or "", *entry.phones, *entry.emails]
            shown = "  ".join(clean_line(d) for d in details if d)
            count = len(entry.releases)
            releases_named = ngettext("{count} release", "{count} releases", count).format(
                count=format_number(count)
            )
            lines.append(f"{clean_line(entry.name)}  {shown}  ({releases_named})\n")
        text = "".join(lines)
    if query.strip() and not entries and not args.json:
        message = _("no contact matches {query}").format(query=repr(clean_line(query)))
        sys.stderr.write(f"{PROG}: {message}\n")
        return 1
    return _emit(text, args, out)


def _emit(text: str, args: argparse.Namespace, out: TextIO) -> int:
    if getattr(args, "output", None):
        from oim_archive.store.exports.render import write_file

        path = write_file(args.output, text, force=args.force)
        sys.stderr.write(f"{PROG}: " + _("wrote {path}").format(path=path) + "\n")
    else:
        out.write(text)
    return 0


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from oim_archive.store.exports.render import render, write_export

    release = _readable_archive(args).get(args.id)
    if args.output and args.export_dir:
        raise CliError(_("give either -o FILE or --export-dir DIR, not both"))
    if args.export_dir and not args.output:
        path = write_export(release, args.export_dir, args.format)
        out.write(f"{path}\n")
        return 0
    return _emit(render(release, args.format), args, out)


def cmd_dump(args: argparse.Namespace, out: TextIO) -> int:
    from oim_archive.store.exports.bundle import dump_bundle

    releases = _readable_archive(args).releases()
    count = dump_bundle(releases, args.file, force=args.force)
    written = ngettext("{count} release -> {path}", "{count} releases -> {path}", count)
    out.write(written.format(count=format_number(count), path=args.file) + "\n")
    return 0


def cmd_fetch(args: argparse.Namespace, out: TextIO) -> int:
    """Fetch new releases; Ctrl-C stops after the current page and still prints the summary."""
    import signal
    import threading

    from oim_archive.fetch import FetchOptions, fetch, remembered_sources

    archive = _open_archive(args)
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
        _json_out(report.to_dict(), out)
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
    return 2 if report.failed else 0


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


def open_browser(args: argparse.Namespace) -> int:
    """Open the Textual browser; a new archive starts with the bundled sample pages."""
    archive = _open_archive(args)
    if not archive.path.exists():
        from oim_archive.ingest import ensure_sample_archive

        ensure_sample_archive(archive)
    # A damaged archive stops here with one line, before the terminal is taken over; the
    # decoded releases are cached in ``archive`` and the app reuses them. When the list
    # catalog matches the file (it was read whole and sound since its last change), the app
    # shows that at once and reads the archive in a worker instead.
    from oim_archive.store.file.catalog import read_catalog

    if read_catalog(archive.path, archive.stamp()) is None:
        archive.require()
    from oim_archive.tui.app import make_app

    app = make_app(archive.path, args.export_dir, archive=archive)
    app.run()
    if app.return_code and app.library.error:
        raise CliError(app.library.error, app.return_code)
    return app.return_code or 0


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "import": cmd_import,
    "remove": cmd_remove,
    "list": cmd_list,
    "show": cmd_show,
    "search": cmd_search,
    "contacts": cmd_contacts,
    "export": cmd_export,
    "dump": cmd_dump,
    "fetch": cmd_fetch,
}


def requested_language(argv: Sequence[str]) -> str | None:
    """The ``--lang`` given anywhere on the command line (the last one), read before the parser
    is built so that its help texts are already in that language."""
    chosen: str | None = None
    for position, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and position + 1 < len(argv):
            chosen = argv[position + 1]
        elif arg.startswith("--lang="):
            chosen = arg.partition("=")[2]
    return chosen if chosen in LANGUAGES else None


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    translate_standard_library(set_language(requested_language(argv)))
    args = build_parser().parse_args(argv)
    stdout = out or sys.stdout
    try:
        if args.command is None:
            return open_browser(args)
        return COMMANDS[args.command](args, stdout)
    except (ArchiveError, CliError, FileExistsError, ValueError) as exc:
        sys.stderr.write(f"{PROG}: error: {clean_line(str(exc))}\n")
        if isinstance(exc, CorruptArchiveError):
            return EXIT_DAMAGED
        return exc.status if isinstance(exc, CliError) else 1
    except BrokenPipeError:
        # `oim-archive list | head`: the reader went away; not an error worth a traceback.
        # (Caught before OSError, its base class.)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        sys.stderr.write(f"{PROG}: error: {clean_line(f'{where}{exc.strerror or exc}')}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: " + _("interrupted") + "\n")
        return 130


if __name__ == "__main__":
    sys.exit(main())
