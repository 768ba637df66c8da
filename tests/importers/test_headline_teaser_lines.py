"""A list copied from a page: each item a headline line over its teaser line, a blank line
between items (issue 13). A hard-wrapped release is never read so."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from oim_archive.importers import ImportRefused, parse_page

HEADLINES = [
    "IOM Evacuates 150 Migrants from Libya to Niger",
    "IOM Trains Border Officials in Mauritania",
    "L'OIM lance le projet Trajectoires au Sénégal",
    "OIM entrega kits de higiene en Guatemala",
]
TEASERS = [
    "A flight carrying 150 migrants evacuated from Libyan detention centres landed in Niamey.",
    "Forty border officials completed a week-long training on migrant protection in Nouakchott.",
    "L'OIM a lancé lundi un projet pour aider les migrants de retour à reconstruire leur vie.",
    "La OIM entregó 5.000 kits de higiene a familias afectadas por la tormenta en Guatemala.",
]


def test_headline_lines_over_teaser_lines_are_items() -> None:
    text = "Latest news\n\n" + "\n\n".join(
        f"{headline}\n{teaser}" for headline, teaser in zip(HEADLINES, TEASERS, strict=True)
    )
    releases = parse_page(text.encode(), "news.txt")
    assert [release.title for release in releases] == HEADLINES
    assert [release.body for release in releases] == TEASERS


_WORDS = st.sampled_from(
    [
        "IOM",
        "Niger",
        "Agadez",
        "The",
        "Government",
        "European",
        "Union",
        "migrants",
        "returned",
        "centre",
        "water",
        "families",
        "the",
        "of",
        "and",
        "to",
        "in",
        "with",
        "from",
        "opened",
        "trained",
        "border",
        "officials",
        "Tuesday",
        "2019",
        "said",
        "needs",
    ]
)
_PARAGRAPH = st.lists(_WORDS, min_size=14, max_size=30).map(
    lambda w: " ".join(w).capitalize() + "."
)


@settings(max_examples=60, deadline=None)
@given(paragraphs=st.lists(_PARAGRAPH, min_size=3, max_size=6), width=st.integers(50, 80))
def test_a_hard_wrapped_release_stays_one_release(paragraphs: list[str], width: int) -> None:
    body = "\n\n".join(textwrap.fill(paragraph, width) for paragraph in paragraphs)
    text = f"IOM Opens a Transit Centre in Agadez\n\nAgadez – {body}\n"
    try:
        releases = parse_page(text.encode(), "release.txt")
    except ImportRefused:
        return
    assert len(releases) == 1


def test_a_wrapped_line_ending_with_a_year_is_no_date_label() -> None:
    paragraphs = [  # found by the property above: "of 2019." was read as an item's date line
        "Iom iom iom iom iom iom iom iom iom iom iom iom iom iom.",
        "Iom iom iom iom iom iom iom iom iom iom iom iom iom iom iom agadez government "
        "government government iom iom iom iom iom iom iom iom niger of 2019.",
        "Iom iom of 2019 iom government government government iom iom iom iom iom iom.",
    ]
    body = "\n\n".join(textwrap.fill(paragraph, 50) for paragraph in paragraphs)
    text = f"IOM Opens a Transit Centre in Agadez\n\nAgadez – {body}\n"
    assert len(parse_page(text.encode(), "release.txt")) == 1
