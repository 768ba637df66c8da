"""Rules from the twenty-fourth gathering of real pages (issue 13): country judgments on pages
of the users' regions."""

from __future__ import annotations

import pytest

from oim_archive.importers import parse_page
from oim_archive.importers.body import split_dateline
from oim_archive.importers.country import _nationals_in_several
from oim_archive.importers.people import find_funders
from oim_archive.importers.places import Place, is_country_name, zone_mentions

_NATIONALS_IN_TWO = """Efforts to Relocate Displaced Somalis Well Under Way

More than 7,000 drought-affected Somalis at a crowded transit
centre in the Ethiopian town of Dollo Ado or at Liboi on the
Kenyan-Somali border have received transport assistance from IOM.

Close to 1,000 Somalis stranded at the border have also been helped
to reach the Dadaab refugee camp.
"""


def test_nationals_placed_in_one_country_are_left_to_the_counts() -> None:
    text = "IOM moved 13,000 Somali refugees from the camps of Dadaab to Kakuma."
    assert not _nationals_in_several("SO", _zones(text))


def _zones(text: str) -> list[tuple[list[Place], float]]:
    return zone_mentions([(text, 1.0, None)])


def test_nationals_whose_country_is_named_as_a_place_are_not_only_nationals() -> None:
    text = "IOM flew 300 Ethiopian migrants stranded in Yemen and Djibouti home to Ethiopia."
    assert not _nationals_in_several("ET", _zones(text))
    assert _nationals_in_several("ET", _zones(text.replace(" home to Ethiopia", " home")))


def test_a_release_with_a_country_dateline_is_left_to_the_counts() -> None:
    page = _NATIONALS_IN_TWO.replace("More than 7,000", "Djibouti - More than 7,000")
    (release,) = parse_page(page.encode(), "dateline.txt")
    assert release.dateline == "Djibouti"
    assert release.country is not None


_GLUED_TWO_COUNTRIES = """Communiqué
Global

L’OIM aide plus de 300 migrants haïtiens à rentrer chez eux depuis la République dominicaine

Haïti/République dominicaineEn coordination avec les autorités dominicaines et haïtiennes, l’OIM fournit aujourd’hui une aide au retour volontaire à plus de 300 migrants haïtiens.

Les rapatriés rentrent dans le nord d’Haïti, accompagnés par le personnel de l’OIM.
"""


def test_two_countries_glued_to_the_text_are_a_dateline_of_no_one_country() -> None:
    (release,) = parse_page(_GLUED_TWO_COUNTRIES.encode(), "glued.txt")
    assert release.dateline == "Haïti/République dominicaine"
    assert release.body.startswith("En coordination avec les autorités")
    assert release.country is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Haïti/République dominicaineEn coordination avec l’OIM.", "Haïti/République dominicaine"),
        ("Haïti / République dominicaine – En coordination.", "Haïti / République dominicaine"),
        ("Genève/ Port-au-Prince, 9 mars – L’Organisation", "Genève/ Port-au-Prince"),
    ],
)
def test_places_joined_by_a_slash_open_a_dateline(text: str, place: str) -> None:
    assert split_dateline(text, is_country_name)[0] == place


@pytest.mark.parametrize(
    "text",
    [
        "Les migrants/réfugiésLa suite du texte.",
        "La OIM y/o sus socios – una frase cualquiera.",
        "Entrées/sortiesLes chiffres de la semaine.",
    ],
)
def test_words_joined_by_a_slash_that_are_no_places_open_no_dateline(text: str) -> None:
    assert split_dateline(text, is_country_name)[0] is None


@pytest.mark.parametrize(
    ("text", "funder"),
    [
        (
            "Le programme est financé par le Bureau de la population, des réfugiés et des "
            "migrations (PRM) du Département d’Etat américain.",
            "Bureau de la population, des réfugiés et des migrations (PRM) du Département d’Etat "
            "américain",
        ),
        (
            "It is funded by the Bureau of Population, Refugees and Migration (PRM) of the US "
            "Department of State.",
            "Bureau of Population, Refugees and Migration (PRM) of the US Department of State",
        ),
    ],
)
def test_an_office_s_owner_after_its_acronym_is_part_of_the_funder(text: str, funder: str) -> None:
    assert find_funders(text) == [funder]


def test_an_acronym_before_a_verb_or_an_amount_still_closes_the_funder() -> None:
    text = (
        "Funded by the Swedish International Development Cooperation Agency (Sida) repairs roofs."
    )
    assert find_funders(text) == ["Swedish International Development Cooperation Agency (Sida)"]
    assert find_funders("financé par l'Agence (AFD) de 2 millions d'euros.") == ["Agence (AFD)"]


@pytest.mark.parametrize(
    "text",
    [
        "Le programme est financé par les gouvernements et d’autres donateurs qui souhaitent "
        "réduire l’impact de la crise.",
        "The project is funded by donors and partners.",
        "El programa es financiado por los gobiernos de la región.",
    ],
)
def test_donors_spoken_of_in_general_name_no_funder(text: str) -> None:
    assert find_funders(text) == []


def test_governments_named_with_a_capital_stay_funders() -> None:
    assert find_funders("financiado por los gobiernos de Canadá y España.") == [
        "Gobiernos de Canadá y España"
    ]
    assert find_funders("Le projet est financé par le gouvernement suisse.") == [
        "Gouvernement suisse"
    ]


@pytest.mark.parametrize(
    ("text", "funder"),
    [
        (
            "\"We are thankful for the UN's Central Emergency Response Fund for the financial "
            'support IOM has received," he said.',
            "UN's Central Emergency Response Fund",
        ),
        (
            "L'OIM remercie le Gouvernement du Japon pour son soutien financier.",
            "Gouvernement du Japon",
        ),
        ("La OIM agradece a la Unión Europea por su apoyo financiero.", "Unión Europea"),
    ],
)
def test_a_donor_thanked_for_its_money_is_a_funder(text: str, funder: str) -> None:
    assert find_funders(text) == [funder]


def test_people_thanked_for_other_things_are_no_funders() -> None:
    assert (
        find_funders("We are grateful to the Government of Kenya for the support of its staff.")
        == []
    )
    assert find_funders("IOM is thankful to the communities for their patience and funding.") == []


def test_a_clause_naming_who_backs_the_action_gives_its_funder() -> None:
    text = "La OIM actuó junto a la Protección Civil de Níger, con el apoyo de la Unión Europea."
    assert find_funders(text) == ["Unión Europea"]
    assert find_funders("The shelter opened, with the support of the Government of Japan.") == [
        "Government of Japan"
    ]


def test_a_backing_clause_naming_iom_or_people_in_lower_case_gives_no_funder() -> None:
    assert find_funders("Los migrantes llegaron, con el apoyo de OIM y ACNUR, al albergue.") == []
    assert find_funders("Les équipes ont travaillé, avec le soutien des autorités locales.") == []
