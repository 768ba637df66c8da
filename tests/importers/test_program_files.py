"""Programs and settings files beside the pages of a folder are refused, whatever their
docstrings and comments say; prose whose wrapped lines start with a keyword is not."""

from __future__ import annotations

import re

import pytest

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.importers import program_text as shape
from oim_archive.importers.program_text import is_program_text

# A script whose docstring reads like a release: it was imported as one before.
PYTHON = '''"""Dakar - L'OIM a organisé une formation sur la traite des personnes au Sénégal.

Contact : Awa Diop, OIM Dakar, Tél. +221 33 869 62 00, adiop@iom.int
"""

from __future__ import annotations

import re
from pathlib import Path

PAGES = Path("pages")


def titles(folder: Path) -> list[str]:
    """Le titre de chaque page."""
    return [p.read_text().splitlines()[0] for p in folder.iterdir()]


if __name__ == "__main__":
    print(titles(PAGES))
'''
JAVASCRIPT = """// Niamey - L'OIM ouvre un centre d'information à Agadez (menu du site)
import { menu } from "./menu.js";

const items = document.querySelectorAll(".news");
function hide(item) {
  item.hidden = true;
}
items.forEach(hide);
export default menu;
"""
STYLE_SHEET = """/* Communiqués de presse : feuille de style du site */
body {
  font-family: sans-serif;
}
.news-title {
  font-weight: bold;
}
.contact a {
  color: #0033a0;
}
"""
SETTINGS = """# Réglages de l'export des communiqués (OIM Sénégal)
[export]
folder = "~/Documents/communiques"
format = "txt"

[site]
url = "https://senegal.iom.int/fr/news"
delay = 1
"""
# A release hard-wrapped at 60 columns: many lines start with lower-case words, some of them
# keywords; French enumerations end in " ;".
WRAPPED_RELEASE = """Returns from Libya continue

Tripoli - IOM helped 140 migrants stranded in Libya
return home this week, as part of its programme to
assist people who wish to go back. Many of them had
import papers taken from them at the border, and
raise families in Niger, Mali and Senegal, IOM said.

Les bénéficiaires ont reçu :
- une aide au retour ;
- une aide à la réintégration ;
- un suivi médical ;
- un accompagnement psychosocial ;
- une formation professionnelle.

For more information, please contact Awa Diop, IOM Tripoli,
Tel: +218 91 383 2596, Email: adiop@iom.int
"""


@pytest.mark.parametrize(
    ("page", "name"),
    [
        (PYTHON, "titres.py"),
        (PYTHON, "titres.txt"),  # by content, not by name
        (JAVASCRIPT, "menu.js"),
        (STYLE_SHEET, "site.css"),
        (SETTINGS, "export.toml"),
    ],
)
def test_programs_and_settings_files_are_refused(page: str, name: str) -> None:
    with pytest.raises(ImportRefused, match=r"not a press release page \(a program or settings"):
        parse_page(page.encode(), name)


def test_prose_with_keywords_at_line_starts_is_a_release() -> None:
    assert not is_program_text(WRAPPED_RELEASE)
    [release] = parse_page(WRAPPED_RELEASE.encode(), "libya.txt")
    assert release.title == "Returns from Libya continue"
    assert [c.name for c in release.contacts] == ["Awa Diop"]


def test_two_lines_of_code_in_a_release_do_not_refuse_it() -> None:
    """A release quoting a formula or a command keeps its shape."""
    page = WRAPPED_RELEASE.replace(
        "Les bénéficiaires", "taux = retours / départs;\nimport os\nLes bénéficiaires"
    )
    assert not is_program_text(page)
    assert parse_page(page.encode(), "libya.txt")[0].title == "Returns from Libya continue"


def test_code_lines_are_counted_as_line_by_line() -> None:
    """The count over the whole text is the count of the lines that read as code one by one."""
    whole = re.compile(shape._CODE_LINE_NO_STATEMENT.pattern + "|[ \t]*" + shape._STATEMENT_END)
    texts = [
        PYTHON,
        "a {\n  color: red;\n}\r\nx = 1\nPrix ; fin\nfoo();  \n\treturn f(\n",
        "[section]\nkey = value\n\nreturn home\nelse:\n;\n{\n",
    ]
    for text in texts:
        expected = sum(1 for line in text.split("\n") if whole.match(line))
        assert shape._code_line_count(text) == expected
