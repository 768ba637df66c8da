"""A release mirrored with the report's field lines above its headline ("Source: IOM",
"Country: Niger", "Originally published: …"): the headline is the title, and IOM named as the
source is no news agency (issue 13)."""

from __future__ import annotations

from oim_archive.importers import parse_page
from oim_archive.importers.chrome import find_title

MIRRORED = """Report
Source: IOM
Posted: 14 Mar 2019
Originally published: 14 Mar 2019
Country: Niger

IOM Evacuates 150 Migrants from Libya to Niger

Niamey – A flight carrying 150 migrants evacuated from Libyan detention centres landed in Niamey
on Wednesday.

They will stay in IOM transit centres before returning home.
"""


def test_a_mirrored_release_keeps_its_headline_date_and_country() -> None:
    (release,) = parse_page(MIRRORED.encode(), "reliefweb.txt")
    assert release.title == "IOM Evacuates 150 Migrants from Libya to Niger"
    assert (release.date, release.date_basis) == ("2019-03-14", "published")
    assert (release.country, release.dateline) == ("NE", "Niamey")


def test_report_field_lines_are_not_titles() -> None:
    lines = ["Sources: IOM, UNHCR", "Countries: Burkina Faso, Mali", "Format: News", "Le titre"]
    assert find_title(lines)[0] == 3
    long_line = "Source: " + "word " * 40  # a sentence, not a field line
    assert find_title([long_line])[0] == 0
