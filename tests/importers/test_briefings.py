"""A UN press briefing's summary: the chair's paragraph is no item, its date dates each section."""

from __future__ import annotations

from oim_archive.importers import parse_page
from oim_archive.importers.briefings import briefing_sections

_BRIEFING = """REGULAR PRESS BRIEFING BY THE INFORMATION SERVICE

Geneva press briefings

28 February 2020

Jane Doe, Director of the United Nations Information Service in Geneva, chaired the briefing, \
which was attended by the spokespersons for the International Organization for Migration and \
the World Food Programme.

Floods in Mozambique

John Smith, for the World Food Programme, said that food had reached 20,000 people in Beira \
after the floods of the week before, and that more was on its way by road.

Migrants stranded in Niger

Paul Martin, for the International Organization for Migration (IOM), said that IOM had flown \
home 400 migrants stranded in Agadez since January, most of them to Mali and Guinea.

Venezuelans in Colombia

Anne Roy, for the International Organization for Migration (IOM), said that IOM and UNHCR had \
counted 1.6 million Venezuelans living in Colombia at the end of the year.
"""


def test_a_briefings_sections_are_its_items_dated_by_the_briefing() -> None:
    releases = parse_page(_BRIEFING.encode(), "briefing.txt")
    assert [release.title for release in releases] == [
        "Floods in Mozambique",
        "Migrants stranded in Niger",
        "Venezuelans in Colombia",
    ]
    assert {(release.date, release.date_basis) for release in releases} == {
        ("2020-02-28", "published")
    }


def test_the_chairs_paragraph_in_french_and_spanish() -> None:
    for chair in (
        "Rolando Gómez, du Service de l'information, a présidé le point de presse, auquel ont "
        "participé les porte-parole de l'OIM et du HCR.",
        "Alessandra Vellucci, Directora del Servicio de Información, presidió la rueda de prensa "
        "híbrida, a la que asistieron los portavoces de la OIM.",
    ):
        blocks = ["Points de presse", "3 mars 2019", chair, "Titre", "Texte."]
        assert briefing_sections(blocks) == ("3 mars 2019", ["Titre", "Texte."])


def test_no_chairs_paragraph_no_briefing() -> None:
    assert (
        briefing_sections(["Heading", "Someone chaired the meeting of the board.", "Text."]) is None
    )
    # A chair named deep in a release's text does not make it a briefing's summary.
    late = ["Title", "One.", "Two.", "Three.", "Four.", "She chaired the press briefing."]
    assert briefing_sections(late) is None
    # Without a date line over it, the sections are kept and dated by nothing.
    assert briefing_sections(["Heading", "X chaired the briefing.", "A", "B"]) == ("", ["A", "B"])
