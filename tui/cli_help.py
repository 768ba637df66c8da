"""The examples under each command's --help; tests/tui/test_cli_help.py runs each as written."""

from __future__ import annotations

from oim_archive.i18n import N_, _

# Shown under each command's --help; tests/tui/test_cli_help.py runs every line as written
# (in a folder holding `communiques/` and `page.txt`, on an archive of the sample pages).
EXAMPLES: dict[str, list[tuple[str, str]]] = {
    "import": [
        ("oim-archive import communiques/", N_("a folder, recursively")),
        ("oim-archive import page.txt --json", N_("one page, with a JSON report")),
        ("cat page.txt | oim-archive import -", N_("a page from another program")),
        ("oim-archive import --reparse communiques/", N_("apply a better importer to known pages")),
    ],
    "remove": [
        ("oim-archive remove 4aab", N_("one release; an import will not bring it back")),
        ("oim-archive remove 525b a08c --json", N_("several at once, all or none")),
    ],
    "list": [
        ("oim-archive list --country TN --year 2019", N_("Tunisia in 2019")),
        ("oim-archive list --since 2015-06 --limit 10", N_("the ten newest since June 2015")),
        ("oim-archive list --lang fr --json", N_("French releases as JSON records")),
    ],
    "show": [
        ("oim-archive show 4aab", N_("any unique start of the id")),
        ("oim-archive show 4aabd0b19d83 > formation.txt", N_("save it as a text file")),
    ],
    "search": [
        ("oim-archive search formtion intersectoriele --limit 1", N_("typos are forgiven")),
        ("oim-archive search traite country:MA year:2017", N_("with facets")),
        ('oim-archive search "cote d\'ivoire" --json', N_("accents ignored; JSON records")),
    ],
    "contacts": [
        ("oim-archive contacts dadey", N_("by name (or office, email)")),
        ("oim-archive contacts '+995 32 29' --json", N_("by phone digits, in any spacing")),
        (
            "oim-archive contacts libye",
            N_("who to call in a country: the people its releases name"),
        ),
        ("oim-archive contacts --vcard -o contacts.vcf", N_("everyone, for an address book")),
    ],
    "export": [
        ("oim-archive export 4aab --format md -o formation.md", N_("Markdown into a file")),
        ("oim-archive export 4aab --export-dir .", N_("a safely named file in a folder")),
        ("oim-archive export 4aab --format json -o -", N_("the JSON record on stdout")),
    ],
    "dump": [
        ("oim-archive dump oim.jsonl", N_("to carry to another laptop")),
        ("oim-archive --db other.json import oim.jsonl", N_("...and read it there")),
        ("oim-archive dump - | gzip > oim.jsonl.gz", N_("compressed, through stdout")),
    ],
    # Not run by the tests: they never use the network (tests/fetch/ runs fetch on a local site).
    "fetch": [
        (
            "oim-archive fetch https://www.iom.int/fr/news --since 2024",
            N_("French news since 2024"),
        ),
        ("oim-archive fetch --max 50", N_("at most 50 new pages from the sites fetched before")),
    ],
    "completion": [
        (
            "mkdir -p ~/.local/share/bash-completion/completions && oim-archive completion bash"
            " > ~/.local/share/bash-completion/completions/oim-archive",
            N_("bash: complete commands and options (new shells)"),
        ),
        (
            "mkdir -p ~/.zfunc && oim-archive completion zsh > ~/.zfunc/_oim-archive",
            N_("zsh: then add `fpath+=~/.zfunc; autoload -U compinit; compinit` to ~/.zshrc"),
        ),
    ],
}


NEEDS_NETWORK = frozenset({"fetch"})


def examples_epilog(name: str) -> str:
    """The examples block shown at the end of a command's --help."""
    lines = [_("examples:")]
    for command, what in EXAMPLES[name]:
        lines.append(f"  {command}")
        lines.append(f"      {_(what)}")
    return "\n".join(lines)
