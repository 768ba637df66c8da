"""Country rules from the tuned part's country misses (issue 13): general rules, each with the
cases it must leave alone."""

from __future__ import annotations

from oim_archive.importers import parse_page
from oim_archive.importers.places import mentions


def _codes(text: str) -> list[str]:
    return [place.code for place in mentions(text)]


def test_a_name_of_several_words_needs_its_capitals() -> None:
    assert "RE" not in _codes("La réunion du Conseil marque le 60e anniversaire")
    assert "RE" not in _codes("LA réunion")


def test_a_name_of_several_words_written_with_its_capitals_is_found() -> None:
    assert _codes("Des cyclones ont frappé La Réunion") == ["RE"]
    assert _codes("LA RÉUNION") == ["RE"]
    assert _codes("en République centrafricaine") == ["CF"]  # its lower-case word stays so
    assert _codes("in Cox's Bazar") == ["BD"]


def _release(text: str) -> str | None:
    (release,) = parse_page(text.encode(), "page.txt")
    return release.country


_SEAT_ONLY = """Déclaration du Directeur général pour la Journée internationale des migrants

Cette année, la Journée tombe au 70e anniversaire de la conférence de Bruxelles d'où est née l'Organisation.

En 70 ans, nous avons aidé des millions de migrants dans le monde.
"""


def test_a_country_named_only_by_an_office_seat_is_no_subject() -> None:
    assert _release(_SEAT_ONLY) is None
    assert _release(_SEAT_ONLY.replace("Bruxelles", "New York")) is None


def test_a_seat_beside_its_country_or_a_city_of_its_country_still_counts() -> None:
    assert _release(_SEAT_ONLY.replace("Bruxelles", "Bruxelles, en Belgique")) == "BE"
    assert _release(_SEAT_ONLY.replace("Bruxelles", "Dakar")) == "SN"


def test_capitals_and_field_towns_name_their_country() -> None:
    assert _codes("Minsk – IOM trained labour inspectors") == ["BY"]
    assert _codes("un centro en Quetzaltenango") == ["GT"]
    assert _codes("Necoclí, Antioquia") == ["CO"]
    assert _codes("les autorités à Nuku'alofa") == ["TO"]


def test_words_like_a_town_that_are_none_stay_unplaced() -> None:
    assert _codes("Victoria said the migrants were safe") == []  # a first name, not Seychelles
    assert _codes("male migrants") == []  # not Malé
