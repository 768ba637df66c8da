"""Rules from the twenty-fourth gathering of real pages (issue 13): country judgments on pages
of the users' regions."""

from __future__ import annotations

import pytest

from importers.body import split_dateline
from importers.country import _nationals_in_several
from importers.places import is_country_name
from oim_archive.importers import parse_page

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


def _zones(text: str) -> list[tuple[str, float, list[str] | None]]:
    return [(text, 1.0, None)]


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
