"""A contact block written one field a line ends where the page goes on: the lines after it
("Related Stories", "Sustainable Development Goals", a photographer over "Photographer") are
no people, and a block of names alone is kept (issue 13: a wrong contact is worse than a
missing one)."""

from __future__ import annotations

import pytest

from oim_archive.importers import parse_page
from oim_archive.importers.contacts import parse_contacts

RELEASE = """IOM Helps Flood Victims in Chad

N'Djamena – IOM has delivered shelter kits to 3,000 families displaced by floods in the south
of Chad, the Organization said today. The distribution took place over three weeks.

For more information, please contact:
Joe Lowry
IOM N'Djamena
Tel: +235 66 29 11 11
Email: jlowry@iom.int

"""


@pytest.mark.parametrize(
    "page_end",
    [
        "Sustainable Development Goals\n\nRelated Stories\n",
        "Our Partners\n",
        "Maria Gomez\nPhotographer\n",
        "Related Stories\n\nIOM Opens a Migrant Centre in Agadez\n",
    ],
)
def test_lines_after_the_last_reachable_person_are_no_contacts(page_end: str) -> None:
    (release,) = parse_page((RELEASE + page_end).encode(), "chad.txt")
    assert [(c.name, c.phones, c.emails) for c in release.contacts] == [
        ("Joe Lowry", ["+23566291111"], ["jlowry@iom.int"])
    ]


def test_a_person_without_details_before_one_with_them_is_kept() -> None:
    block = [
        "For more information, please contact:",
        "Jean Dupont",
        "Marie Martin",
        "IOM Dakar",
        "Tel: +221 33 869 62 00",
        "Email: mmartin@iom.int",
    ]
    names = [c.name for c in parse_contacts(block)]
    assert names[-1] == "Marie Martin" and "Jean Dupont" in names


def test_a_block_of_names_alone_is_kept_whole() -> None:
    block = ["For more information, please contact:", "Jean Dupont", "IOM Dakar", "", "Awa Ndiaye"]
    assert [c.name for c in parse_contacts(block)] == ["Jean Dupont", "Awa Ndiaye"]
