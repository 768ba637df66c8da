"""Every text a person reads in the browser or the CLI goes through gettext, and fr/es say it all.

Two checks:
- an AST scan of ``tui/`` (the CLI included) fails on a string literal with letters that reaches
  the screen unwrapped: key binding descriptions, ``notify``, ``Static``/``Label``/``Content``,
  argparse ``help=``/``description=``, command palette entries, status and empty-list texts,
  dialogs, and errors raised for the user;
- every message the source marks (``_()``, ``ngettext()``) has a French and a Spanish
  translation, none of them fuzzy, and the compiled ``.mo`` files are those translations.

Fix a failure with the README's one-line update command (section "Translations"), then fill in
the new ``msgstr`` entries of ``src/oim_archive/locale/{fr,es}/LC_MESSAGES/oim_archive.po``.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from oim_archive.i18n import DOMAIN, LOCALE_DIR

ROOT = Path(__file__).resolve().parent.parent
SCANNED = [ROOT / "tui"]
EXTRACTED = [ROOT / "tui", ROOT / "src", ROOT / "importers"]

# Calls whose first positional arguments are read by a person (how many of them), and keyword
# arguments that are, whatever the call.
SHOWN_POSITIONAL = {
    "Binding": (2,),  # key, action, description
    "notify": (0,),
    "Static": (0,),
    "Label": (0,),
    "Button": (0,),
    "Content": (0,),
    "SystemCommand": (0, 1),
    "show_text": (0,),
    "show_message": (0,),
    "set_empty_text": (0,),
    "ConfirmDialog": (0, 1),
    "Option": (0,),
    "CliError": (0,),
    "ArgumentTypeError": (0,),
    "error": (0,),  # parser.error(...)
}
SHOWN_KEYWORDS = {
    "description",
    "help",
    "title",
    "placeholder",
    "tooltip",
    "message",
    "epilog",
    "label",
}
# Exceptions raised in tui/ whose text a person reads (the CLI prints them in one line).
USER_ERRORS = {"CliError", "ValueError", "FileExistsError", "ArgumentTypeError"}


def _has_words(text: str) -> bool:
    """Text that would need translating: two letters in a row (not "/", "·", "q", "{}")."""
    return any(a.isalpha() and b.isalpha() for a, b in itertools.pairwise(text))


def _raw_literals(node: ast.AST | None) -> Iterator[ast.AST]:
    """String literals in ``node`` that are shown as they are (not wrapped in a call)."""
    if node is None:
        return
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if _has_words(node.value):
            yield node
    elif isinstance(node, ast.JoinedStr):
        if any(_has_words(str(v.value)) for v in node.values if isinstance(v, ast.Constant)):
            yield node
    elif isinstance(node, ast.BinOp):
        yield from _raw_literals(node.left)
        yield from _raw_literals(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _raw_literals(node.body)
        yield from _raw_literals(node.orelse)
    elif isinstance(node, (ast.Tuple, ast.List)):
        for element in node.elts:
            yield from _raw_literals(element)


def _call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def unwrapped_texts(source: str, filename: str = "<source>") -> list[str]:
    """``file:line: text`` for every user-visible literal left unwrapped in ``source``."""
    tree = ast.parse(source, filename)
    found: list[tuple[int, str]] = []

    def report(node: ast.AST) -> None:
        text = ast.unparse(node)
        found.append((getattr(node, "lineno", 0), text if len(text) < 70 else text[:67] + "..."))

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _call_name(node)
            for position in SHOWN_POSITIONAL.get(name, ()):
                if position < len(node.args):
                    for literal in _raw_literals(node.args[position]):
                        report(literal)
            for keyword in node.keywords:
                if keyword.arg in SHOWN_KEYWORDS:
                    for literal in _raw_literals(keyword.value):
                        report(literal)
        elif (
            isinstance(node, ast.Raise)
            and isinstance(node.exc, ast.Call)
            and _call_name(node.exc) in USER_ERRORS
            and node.exc.args
        ):
            for literal in _raw_literals(node.exc.args[0]):
                report(literal)
    return [f"{filename}:{line}: {text}" for line, text in sorted(set(found))]


def test_the_scan_finds_unwrapped_texts() -> None:
    """The scanner itself: wrapped texts pass, every kind of shown literal is caught."""
    source = """
Binding("q", "quit", "Quit")
Binding("q", "quit", _("Quit"))
Binding("slash", "filter", "/", key_display="/")
self.notify(f"Exported to {path}", title="Export")
self.notify(_("Exported to {path}").format(path=path), title=_("Export"))
Static(Content("Filter by country"))
sub.add_argument("--json", help="print JSON")
parser = argparse.ArgumentParser(description="Offline " + "browser")
raise CliError("give either -o FILE or --export-dir DIR")
raise CliError(_("give either -o FILE or --export-dir DIR"))
yield SystemCommand("Help", _("Every key"), self.action_help)
status.show_text("Loading …" if busy else "")
Static(Content(""), id="status-text")
"""
    found = unwrapped_texts(source)
    texts = [entry.split(": ", 1)[1] for entry in found]
    assert texts == [
        "'Quit'",
        "'Export'",
        "f'Exported to {path}'",
        "'Filter by country'",
        "'print JSON'",
        "'Offline '",
        "'browser'",
        "'give either -o FILE or --export-dir DIR'",
        "'Help'",
        "'Loading …'",
    ]


def _scanned_files() -> list[Path]:
    return sorted(p for folder in SCANNED for p in folder.rglob("*.py"))


def test_every_shown_text_in_tui_and_the_cli_is_wrapped() -> None:
    files = _scanned_files()
    assert len(files) > 15 and any(p.name == "cli.py" for p in files)
    problems = [
        problem
        for path in files
        for problem in unwrapped_texts(
            path.read_text(encoding="utf-8"), str(path.relative_to(ROOT))
        )
    ]
    assert problems == [], "texts shown without _() or ngettext():\n" + "\n".join(problems)


def _marked_messages(plural_only: bool = False) -> dict[str, str]:
    """msgid -> first place it is used, for every message the source marks for translation
    (``plural_only``: those marked with ``ngettext``, which need a plural entry)."""
    messages: dict[str, str] = {}
    for folder in EXTRACTED:
        for filename, lineno, message, _comments, _context in extract_from_dir(
            str(folder), method_map=[("**.py", "python")]
        ):
            if plural_only and not isinstance(message, tuple):
                continue
            msgid = message[0] if isinstance(message, tuple) else message
            if msgid:
                messages.setdefault(msgid, f"{folder.name}/{filename}:{lineno}")
    return messages


@pytest.mark.parametrize("language", ["fr", "es"])
def test_catalog_translates_every_message_and_nothing_is_fuzzy(language: str) -> None:
    marked = _marked_messages()
    assert len(marked) > 20
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    translated: dict[str, bool] = {}
    fuzzy: list[str] = []
    for message in catalog:
        if not message.id:
            continue
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        translated[msgid] = all(strings)
        if message.fuzzy:
            fuzzy.append(msgid)
    missing = [f"{where}: {msgid!r}" for msgid, where in marked.items() if msgid not in translated]
    empty = [f"{where}: {msgid!r}" for msgid, where in marked.items() if not translated.get(msgid)]
    assert missing == [], f"{path.name} ({language}) lacks:\n" + "\n".join(missing)
    assert empty == [], f"{path.name} ({language}) leaves untranslated:\n" + "\n".join(empty)
    assert fuzzy == [], f"{path.name} ({language}) has fuzzy entries:\n" + "\n".join(fuzzy)
    # ngettext finds only a plural entry: a singular one with the same text goes unused.
    plural_entries = {m.id[0] for m in catalog if isinstance(m.id, tuple)}
    singular = [
        f"{where}: {msgid!r}"
        for msgid, where in _marked_messages(plural_only=True).items()
        if msgid not in plural_entries
    ]
    assert singular == [], f"{path.name} ({language}) lacks plural entries:\n" + "\n".join(singular)


def test_every_help_example_is_marked_for_translation() -> None:
    """The examples under each --help are translated: each description is in the catalogs."""
    from oim_archive.tui.cli_help import EXAMPLES

    marked = _marked_messages()
    missing = [
        what for examples in EXAMPLES.values() for _cmd, what in examples if what not in marked
    ]
    assert missing == []


def test_plural_messages_are_literals_the_extractor_sees() -> None:
    """``ngettext`` with anything but two string literals hides its texts from the catalogs."""
    hidden = []
    for path in _scanned_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _call_name(node) == "ngettext":
                texts = node.args[:2]
                if not all(isinstance(t, ast.Constant) and isinstance(t.value, str) for t in texts):
                    hidden.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert hidden == []
