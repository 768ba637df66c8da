"""The `oim-archive` command: the browser with no command, scripting commands otherwise.

Exit status, like grep: 0 something was found or done, 1 a query matched nothing (``--json``
then prints ``[]``), 2 usage errors and every failure. Only the browser imports Textual, so
scripting commands start fast. The commands themselves are in ``commands.py``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from oim_archive import __version__
from oim_archive.i18n import ENV_VAR as LANG_ENV_VAR
from oim_archive.i18n import LANGUAGES, N_, _, set_language, translate_standard_library
from oim_archive.store.errors import ArchiveError
from oim_archive.store.file.paths import ENV_VAR
from oim_archive.store.text import clean_line
from oim_archive.tui.cli_help import examples_epilog
from oim_archive.tui.commands import (
    COMMANDS,
    EXIT_FAILURE,
    EXIT_OK,
    PROG,
    CliError,
    open_browser,
)

__all__ = ["build_parser", "main", "requested_language"]

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

# Commands where --lang filters releases by language instead of choosing the interface's.
COMMANDS_WITH_LANG_FILTER = frozenset({"list"})

# shtab.FILE and shtab.DIRECTORY for bash and zsh (importing shtab costs ~40 ms, so only
# `completion` does; a test checks these still equal shtab's).
COMPLETE_FILE = {"bash": "_shtab_compgen_files", "zsh": "_files"}
COMPLETE_DIRECTORY = {"bash": "_shtab_compgen_dirs", "zsh": "_files -/"}


def _completes(action: argparse.Action, kind: dict[str, str]) -> None:
    action.complete = kind  # type: ignore[attr-defined]  # read by shtab


def _db_option(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    db = parser.add_argument(
        "--db",
        type=_path,
        default=argparse.SUPPRESS if suppress else None,
        metavar="PATH",
        help=_("archive file (default: ${env}, else archive.json in the user data folder)").format(
            env=ENV_VAR
        ),
    )
    _completes(db, COMPLETE_FILE)


def _lang_option(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS if suppress else None,
        help=_(
            "interface language (default: ${env}, else the preferences file, else the locale)"
        ).format(env=LANG_ENV_VAR),
    )


def _export_dir_option(parser: argparse.ArgumentParser, *, suppress: bool, help_text: str) -> None:
    action = parser.add_argument(
        "--export-dir",
        type=_path,
        default=argparse.SUPPRESS if suppress else None,
        metavar="DIR",
        help=help_text,
    )
    _completes(action, COMPLETE_DIRECTORY)


def _output_options(parser: argparse.ArgumentParser, what: str) -> None:
    output = parser.add_argument(
        "-o",
        "--output",
        type=_path_text,
        metavar="FILE",
        help=_("write {what} to FILE instead of stdout ('-': stdout)").format(what=what),
    )
    _completes(output, COMPLETE_FILE)
    parser.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))


def _json_option(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--json", action="store_true", help=help_text)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_(
            "Offline browser for IOM (OIM) press releases. With no command, opens the browser."
        ),
        epilog=_("Run '{prog} COMMAND --help' for a command's options and examples.").format(
            prog=PROG
        ),
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    _db_option(parser, suppress=False)
    _lang_option(parser, suppress=False)
    _export_dir_option(
        parser,
        suppress=False,
        help_text=_(
            "where the browser's e key writes "
            "(default: export_dir in preferences, else Documents/oim-archive)"
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, summary: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary,
            epilog=examples_epilog(name),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        _db_option(sub, suppress=True)
        if name not in COMMANDS_WITH_LANG_FILTER:
            _lang_option(sub, suppress=True)
        return sub

    sub = command(
        "import",
        _("import release pages (text, HTML, PDF, Word), saved e-mails, folders, .jsonl bundles"),
    )
    paths = sub.add_argument(
        "paths",
        nargs="+",
        type=_path_text,
        metavar="PATH",
        help=_("a page, a folder of pages, a .jsonl bundle, or '-' for one page on stdin"),
    )
    _completes(paths, COMPLETE_FILE)
    _json_option(sub, _("print a JSON report {imported, duplicates, failed, removed_earlier}"))
    sub.add_argument(
        "--reparse",
        action="store_true",
        help=_(
            "parse files again even when already imported, and replace the releases each "
            "one brought with what the importer finds now"
        ),
    )

    sub = command("remove", _("remove releases (an import does not bring them back)"))
    sub.add_argument(
        "ids", nargs="+", metavar="ID", help=_("release id, or any unique start of it")
    )
    _json_option(sub, _("print the removed ids as JSON"))

    sub = command("list", _("list releases, newest first, undated last"))
    sub.add_argument("--country", metavar="CODE", help=_("a country code or name: SN, senegal"))
    sub.add_argument("--year", metavar="YEAR", help=_("a year, or its start: 2021, 201"))
    sub.add_argument(
        "--lang",
        dest="language",
        metavar="LANG",
        help=_("releases in this language: fr, en, es (the interface language goes before 'list')"),
    )
    sub.add_argument(
        "--since",
        type=_since_date,
        metavar="DATE",
        help=_("dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)"),
    )
    sub.add_argument(
        "--limit", type=_positive_int, metavar="N", help=_("at most N releases (default: all)")
    )
    _json_option(sub, _("print full release records as a JSON array"))

    sub = command("show", _("show a release as readable text"))
    sub.add_argument("id", metavar="ID", help=_("release id, or any unique start of it"))

    sub = command(
        "search", _("fuzzy, accent-insensitive search, best first (country:SN year:2021 lang:fr)")
    )
    sub.add_argument("query", nargs="+", metavar="QUERY", help=_("words in any order, and facets"))
    sub.add_argument(
        "--limit", type=_positive_int, default=20, metavar="N", help=_("at most N (default: 20)")
    )
    _json_option(sub, _("print full release records as a JSON array"))

    sub = command("contacts", _("the contact directory, or the people matching QUERY"))
    sub.add_argument(
        "query", nargs="*", metavar="QUERY", help=_("name, office, email, phone digits, or country")
    )
    fmt = sub.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help=_("print contacts as a JSON array"))
    fmt.add_argument("--vcard", action="store_true", help=_("print contacts as vCard 3.0"))
    _output_options(sub, _("the contacts"))

    sub = command("export", _("export a release as text, Markdown or JSON"))
    sub.add_argument("id", metavar="ID", help=_("release id, or any unique start of it"))
    sub.add_argument(
        "--format",
        choices=("txt", "md", "json"),
        default="txt",
        help=_("txt (default), md or json"),
    )
    _output_options(sub, _("the release"))
    _export_dir_option(
        sub,
        suppress=True,
        help_text=_("write a new, safely named file into DIR (never overwrites)"),
    )

    sub = command("fetch", _("fetch new releases from IOM sites (sitemaps, feeds, news pages)"))
    sub.add_argument(
        "urls", nargs="*", metavar="URL", help=_("default: every source fetched before")
    )
    sub.add_argument(
        "--since",
        type=_since_date,
        default=None,
        metavar="DATE",
        help=_("only releases dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)"),
    )
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
    _json_option(sub, _("print a JSON report"))

    sub = command("dump", _("write the whole archive as a JSON Lines bundle, for sharing"))
    _completes(
        sub.add_argument(
            "file", type=_path_text, metavar="FILE", help=_("the bundle to write ('-': stdout)")
        ),
        COMPLETE_FILE,
    )
    sub.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))

    sub = command("completion", _("print a shell completion script"))
    sub.add_argument("shell", choices=("bash", "zsh"), help=_("bash or zsh"))
    return parser


def requested_language(argv: Sequence[str]) -> str | None:
    """The interface ``--lang`` given on the command line (the last one), read before the parser
    is built so that its help texts are already in that language. After ``list`` the option is
    the release-language filter, not the interface language."""
    chosen: str | None = None
    takes_value = {"--db", "--export-dir", "--lang"}
    command_seen = False
    position = 0
    while position < len(argv):
        arg = argv[position]
        if arg == "--" or (not command_seen and arg in COMMANDS_WITH_LANG_FILTER):
            break
        command_seen = command_seen or not arg.startswith("-")
        if arg == "--lang" and position + 1 < len(argv):
            chosen = argv[position + 1]
        elif arg.startswith("--lang="):
            chosen = arg.partition("=")[2]
        position += 2 if arg in takes_value else 1
    return chosen if chosen in LANGUAGES else None


def _path_text(text: str) -> str:
    """A path given on the command line: never empty (``"$FILE"`` with the variable unset would
    otherwise mean the current folder)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(_("an empty path (is a shell variable unset?)"))
    return text


def _path(text: str) -> Path:
    return Path(_path_text(text))


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a whole number: {text!r}").format(text=text)
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(_("must be 1 or more"))
    return value


def _since_date(text: str) -> str:
    from oim_archive.store.search.facets import SINCE_FORMAT

    if not SINCE_FORMAT.match(text):
        raise argparse.ArgumentTypeError(
            _("not a date like 2021, 2021-06 or 2021-06-30: {text!r}").format(text=text)
        )
    return text


def _check_usage(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.command not in (None, "export") and getattr(args, "export_dir", None) is not None:
        parser.error(_("--export-dir applies to the browser and to export only"))
    if args.command == "import" and [str(p) for p in args.paths].count("-") > 1:
        parser.error(_("'-' (stdin) can be given only once"))


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Entry point of the console script; returns the exit status (usage errors: SystemExit 2)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    translate_standard_library(set_language(requested_language(argv)))
    parser = build_parser()
    args = parser.parse_args(argv)
    _check_usage(parser, args)
    stdout = out or sys.stdout
    try:
        if args.command is None:
            return open_browser(args)
        if args.command == "completion":
            return _completion(parser, args.shell, stdout)
        if args.command == "fetch":
            from oim_archive.tui.fetch_command import cmd_fetch

            return cmd_fetch(args, stdout)
        return COMMANDS[args.command](args, stdout)
    except (ArchiveError, CliError, FileExistsError, ValueError) as exc:
        _error(str(exc))
        return EXIT_FAILURE
    except BrokenPipeError:
        # `oim-archive list | head`: the reader went away; not an error worth a traceback.
        # (Caught before OSError, its base class.)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        _error(f"{where}{exc.strerror or exc}")
        return EXIT_FAILURE
    except KeyboardInterrupt:
        sys.stderr.write(_("{prog}: interrupted").format(prog=PROG) + "\n")
        return 130


def _error(message: str) -> None:
    sys.stderr.write(
        _("{prog}: error: {message}").format(prog=PROG, message=clean_line(message)) + "\n"
    )


def _completion(parser: argparse.ArgumentParser, shell: str, out: TextIO) -> int:
    import shtab

    script: Any = shtab.complete(parser, shell=shell)
    out.write(str(script))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
