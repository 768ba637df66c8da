"""A release with subheadings is one release, not a listing of its sections: its one contact
block comes after its last section (issue 13: a wrong split is worse than a missed listing).
Whole releases pasted one after another in one file, each with its dateline and its contact
block, are each a release."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oim_archive.importers import ImportRefused
from oim_archive.importers.page import parse_text

_PARAGRAPHS = [
    "Local workers built the centre over six months with materials bought nearby.",
    "The centre will host up to 200 migrants in transit and offer medical care.",
    "Authorities welcomed the opening and pledged to support its running costs.",
    "Since January, more than 5,000 migrants have passed through the town.",
    "Many of them had been stranded in the desert for days without water.",
    "The office plans to open two more centres in the region next year.",
    "Staff were trained in first aid and psychological support before opening.",
]
_SUBHEADINGS = [
    "Built With Local Workers",
    "A Place to Rest and Recover",
    "Next Steps in the Region",
    "Protection and Psychosocial Support",
]
_CONTACTS = [
    "For more information, please contact Jane Doe, IOM Gao, Tel: +223 20 22 10 01",
    "For more information, please contact Jane Doe at IOM Gao, Email: jdoe@iom.int",
    "Pour plus d’informations, veuillez contacter Awa Traoré, OIM Bamako, Tél. : +223 20 22 10 01",
    "Para más información, contactar a Ana Pérez, OIM Guatemala, Tel: +502 2414 7400",
    "Jane Doe, IOM Gao, jdoe@iom.int",
]
TITLE = "IOM Opens a New Centre for Migrants in Gao"


@settings(max_examples=150, deadline=None)
@given(
    intro=st.integers(min_value=0, max_value=2),
    sections=st.lists(st.integers(min_value=1, max_value=3), min_size=1, max_size=3),
    contact=st.sampled_from(_CONTACTS),
    start=st.integers(min_value=0, max_value=len(_PARAGRAPHS) - 1),
)
def test_a_release_with_subheadings_and_a_contact_at_the_end_is_one_release(
    intro: int, sections: list[int], contact: str, start: int
) -> None:
    paragraphs = iter(_PARAGRAPHS[start:] + _PARAGRAPHS * 3)
    blocks = [TITLE, *(next(paragraphs) for _ in range(intro))]
    for number, count in enumerate(sections):
        blocks.append(_SUBHEADINGS[number])
        blocks.extend(next(paragraphs) for _ in range(count))
    blocks.append(contact)
    try:
        releases = parse_text("\n\n".join(blocks), "release.txt")
    except ImportRefused:
        return  # too little of a release in it: refused whole, never split
    assert len(releases) == 1
    (release,) = releases
    assert release.title == TITLE
    assert all(_SUBHEADINGS[n] in release.body for n in range(len(sections)))


def test_two_subheadings_over_one_paragraph_each_and_a_contact_line() -> None:
    text = "\n\n".join(
        [
            TITLE,
            _PARAGRAPHS[0],
            _SUBHEADINGS[0],
            _PARAGRAPHS[1],
            _SUBHEADINGS[1],
            _PARAGRAPHS[2],
            _CONTACTS[0],
        ]
    )
    (release,) = parse_text(text, "release.txt")
    assert [contact.name for contact in release.contacts] == ["Jane Doe"]


def test_headlines_each_over_a_teaser_with_its_own_contact_stay_items() -> None:
    items = []
    for number, headline in enumerate(
        [
            "IOM Opens a New Centre for Migrants in Gao",
            "Mobile Clinics Reach Displaced Families in Mopti",
            "Returnees Start Small Businesses in Kayes",
        ]
    ):
        items += [headline, _PARAGRAPHS[number], f"Contact: Jane Doe{number}, jdoe{number}@iom.int"]
    releases = parse_text("\n\n".join(items), "listing.txt")
    assert [release.title for release in releases] == items[::3]


_PASTED = [
    (
        "IOM Evacuates 150 Migrants from Libya to Niger",
        "Niamey – A flight carrying 150 migrants evacuated from Libyan detention centres landed "
        "in Niamey on Wednesday.\n\nThey will stay in IOM transit centres before returning home.",
        "For more information, please contact Monica Chiriac, IOM Niger, Tel: +227 8060 8834, "
        "Email: mchiriac@iom.int",
    ),
    (
        "IOM Trains Border Officials in Mauritania",
        "Nouakchott – Forty border officials completed a week-long training on migrant "
        "protection.\n\nThe training was funded by Spain.",
        "For more information, please contact Laura Lungarotti, IOM Mauritania, "
        "Email: llungarotti@iom.int",
    ),
    (
        "L'OIM lance le projet Trajectoires au Sénégal",
        "Dakar – L'OIM a lancé lundi un projet pour aider les migrants de retour à reconstruire "
        "leur vie.\n\nLe projet est financé par l'Union européenne.",
        "Pour plus d'informations, veuillez contacter Florence Kim, OIM Dakar, "
        "Tél : +221 78 620 6213, Email : fkim@iom.int",
    ),
]


@pytest.mark.parametrize("datelines", [True, False])
@pytest.mark.parametrize("count", [2, 3])
@pytest.mark.parametrize("between", ["\n\n", "\n\n-----\n\n", "\n\n\n\n"])
def test_whole_releases_pasted_one_after_another_are_each_a_release(
    count: int, between: str, datelines: bool
) -> None:
    pasted = [
        (title, body if datelines else body.split(" – ", 1)[1], contact)
        for title, body, contact in _PASTED[:count]
    ]
    text = between.join(f"{title}\n\n{body}\n\n{contact}" for title, body, contact in pasted)
    releases = parse_text(text, "pasted.txt")
    assert [release.title for release in releases] == [title for title, _, _ in pasted]
    assert [len(release.contacts) for release in releases] == [1] * count
