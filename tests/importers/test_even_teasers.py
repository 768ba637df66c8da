"""Tag pages whose headlines each stand over the same number of teaser paragraphs, the last one
cut (twelfth gathering), and the releases with subheadings that must stay one release."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from oim_archive.importers.page import parse_text
from oim_archive.importers.teasers import _even_teaser_items

TAG_PAGE = """Le ministère et l’OIM lancent une formation des journalistes de Boké

Le ministère de l’Information et l’OIM mettront en place une formation sur la migration.

L’initiative veut former les acteurs des médias aux questions de migration en Guinée.

Alpha Diallo : « nous attendons toujours les équipes de secours »

Une déclaration qui ressemble à un appel à l’aide des familles de Kindia.

Le préfet l’a reconnu ce lundi 12 mars 2018 en indiquant que la mission ne peut pas partir avant"""

RELEASE = """IOM Opens a New Centre for Migrants in Gao

Gao - IOM today opened a centre for migrants in transit in the north of the country.

The centre can host eighty people and offers food, shelter and medical care to all.

A Centre Built With Local Workers

Local workers built the centre over six months with materials bought in the region.

The authorities thanked the donors and the workers for the speed of the building works.

For more information, please contact Jane Doe, IOM Gao, Tel: +223 20 22 10 01, Email: jdoe@iom.int"""


def test_headlines_over_two_teaser_paragraphs_each_are_items() -> None:
    releases = parse_text(TAG_PAGE, "tag.txt")
    assert [r.title for r in releases] == [
        "Le ministère et l’OIM lancent une formation des journalistes de Boké",
        "Alpha Diallo : « nous attendons toujours les équipes de secours »",
    ]
    assert releases[1].body.startswith("Une déclaration")


def test_a_release_with_a_subheading_and_a_contact_sentence_is_one_release() -> None:
    releases = parse_text(RELEASE, "release.txt")
    assert len(releases) == 1
    assert releases[0].title == "IOM Opens a New Centre for Migrants in Gao"
    assert releases[0].contacts


_WORDS = st.sampled_from(["migrants", "the", "office", "returned", "families", "to", "water"])
_SENTENCE = st.lists(_WORDS, min_size=6, max_size=14).map(lambda w: " ".join(w).capitalize())


@given(
    sections=st.integers(min_value=2, max_value=4),
    per_section=st.integers(min_value=2, max_value=3),
    ending=st.sampled_from([".", "!", "?", "»", ")"]),
    sentences=st.lists(_SENTENCE, min_size=12, max_size=12),
)
def test_sections_ending_with_a_full_stop_are_never_split(
    sections: int, per_section: int, ending: str, sentences: list[str]
) -> None:
    blocks: list[str] = []
    for section in range(sections):
        blocks.append(f"Heading Number {section + 1} Of The Release")
        blocks.extend(sentences[len(blocks) % 12] + "." for _ in range(per_section))
    blocks[-1] = blocks[-1][:-1] + ending
    assert _even_teaser_items(blocks, dated=False) is None


_CONTACTS = st.sampled_from(
    [
        "For more information, please contact Jane Doe, IOM Gao, Tel: +223 20 22 10 01",
        "For more information, please contact Jane Doe, IOM Gao, Email: jdoe@iom.int",
        "Pour plus d’informations, veuillez contacter Awa Traoré, OIM Bamako, Tél. : +223 20 22 10 01",
        "Jane Doe, IOM Gao, jdoe@iom.int",
    ]
)


@given(
    per_section=st.integers(min_value=2, max_value=3),  # one a section: a headline listing
    contact=_CONTACTS,
)
def test_a_release_with_one_subheading_and_a_contact_block_is_never_split(
    per_section: int, contact: str
) -> None:
    sections = 2
    paragraph = "Local workers built the centre over six months with materials bought nearby."
    blocks = ["IOM Opens a New Centre for Migrants in Gao"]
    for section in range(sections):
        if section:
            blocks.append(f"A Centre Built With Local Workers Part {section}")
        blocks.extend([paragraph] * per_section)
    blocks[-1] = contact
    assert len(parse_text("\n\n".join(blocks), "release.txt")) == 1
