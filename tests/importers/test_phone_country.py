"""The contacts' phone country as the release's country when its text names none (issue 13),
never the number of the headquarters, the UN seats or a regional office."""

from __future__ import annotations

import pytest

from oim_archive.importers import parse_page

RELEASE = """IOM Trains Community Volunteers on Migrant Protection

IOM this week trained 40 community volunteers on how to identify and refer vulnerable migrants,
with funding from Italy.

The volunteers will work in the towns where most departures take place.

For more information, please contact {contact}
"""


@pytest.mark.parametrize(
    ("contact", "country"),
    [
        ("Jane Doe, Tel: +227 80 60 88 34, Email: jdoe@iom.int", "NE"),  # Niger
        ("Jane Doe, Tel: +41 22 717 9111, Email: jdoe@iom.int", None),  # headquarters
        ("Jane Doe, Tel: +43 660 377 6221, Email: jdoe@iom.int", None),  # Vienna regional office
        ("Jane Doe, Tel: +221 77 123 45 67, Email: jdoe@iom.int", None),  # Dakar regional office
        ("Jane Doe, Tel: +227 80 60 88 34 or John Roe, Tel: +223 20 22 76 22", None),  # two
        ("Jane Doe, Email: jdoe@iom.int", None),  # no number
    ],
)
def test_the_phone_country_when_the_text_names_none(contact: str, country: str | None) -> None:
    (release,) = parse_page(RELEASE.format(contact=contact).encode(), "release.txt")
    assert release.country == country


def test_a_country_the_text_names_wins_over_the_phone() -> None:
    text = RELEASE.replace("where most departures", "of Mali where most departures")
    (release,) = parse_page(
        text.format(contact="Jane Doe, Tel: +227 80 60 88 34").encode(), "r.txt"
    )
    assert release.country == "ML"
