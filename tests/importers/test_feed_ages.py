"""Feed and newsletter pages: each item's age instead of its date ("2 days ago", "il y a 3 jours",
"hace 5 días"), a table of contents over the items: one release per headline (issue 13)."""

from __future__ import annotations

import pytest

from oim_archive.importers import parse_page

HEADLINES = [
    "IOM Evacuates 150 Migrants from Libya to Niger",
    "IOM Trains Border Officials in Mauritania",
    "IOM Launches Trajectoires Project in Senegal",
]
TEASERS = [
    "A flight carrying 150 migrants evacuated from Libyan detention centres landed in Niamey.",
    "Forty border officials completed a week-long training on migrant protection.",
    "IOM on Monday launched a project to help returnees rebuild their lives in Senegal.",
]


@pytest.mark.parametrize(
    "age", ["{n} days ago", "il y a {n} jours", "hace {n} días", "{n} hours ago"]
)
def test_headlines_over_their_age_and_teaser_are_items(age: str) -> None:
    parts = ["IOM - News feed", ""]
    for number, (headline, teaser) in enumerate(zip(HEADLINES, TEASERS, strict=True)):
        parts += [headline, age.format(n=number + 2), teaser, ""]
    releases = parse_page("\n".join(parts).encode(), "feed.txt")
    assert [release.title for release in releases] == HEADLINES
    assert [release.body for release in releases] == TEASERS
    assert all(release.date is None for release in releases)


@pytest.mark.parametrize(
    ("label", "bullet", "spaced"),
    [
        ("In this issue:", "- ", False),
        ("Dans ce numéro :", "• ", True),
        ("En este número", "- ", False),
    ],
)
def test_a_newsletters_contents_are_not_its_first_items_title(
    label: str, bullet: str, spaced: bool
) -> None:
    contents = [label, *(bullet + headline for headline in HEADLINES)]
    parts = [
        "IOM Niger Newsletter – March 2019",
        "",
        *(("\n\n" if spaced else "\n").join(contents),),
        "",
    ]
    for headline, teaser in zip(HEADLINES, TEASERS, strict=True):
        parts += [headline, "", teaser, ""]
    releases = parse_page("\n".join(parts).encode(), "newsletter.txt")
    assert [release.title for release in releases] == HEADLINES
