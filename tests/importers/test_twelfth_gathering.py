"""Rules from the twelfth gathering of real pages (issue 13): years written after an article,
lists of donor countries, donors of a building, a dateline ending in a full stop after a place
alone, and an aggregator's field lines under a headline."""

from __future__ import annotations

from oim_archive.importers import parse_page
from oim_archive.importers.body import split_dateline
from oim_archive.importers.dates import estimated_date, find_dates
from oim_archive.importers.people import find_funders
from oim_archive.importers.places import is_country_name, is_place_name


def _estimate(text: str) -> str | None:
    return estimated_date(find_dates(text), text)


# --- dates: a year alone after an article ----------------------------------------------------


def test_a_year_after_a_curly_apostrophe_article_is_a_date() -> None:
    text = "Plus de 10 000 migrants aidés, contre 7 000 pour toute l’année 2017."
    assert _estimate(text) == "2017"


def test_a_spanish_year_after_el_is_newer_than_an_older_month() -> None:
    text = (
        "El centro asiste a migrantes desde marzo del 2000. En el 2005, 18.941 fueron repatriados."
    )
    assert _estimate(text) == "2005"


def test_a_number_after_el_that_is_no_year_is_no_date() -> None:
    assert _estimate("El 3500 de la calle Mayor alberga el centro.") is None


# --- funders: a list of countries, a building's donor ----------------------------------------


def test_a_list_of_donor_countries_each_after_de_is_split() -> None:
    text = (
        "Ils ont bénéficié du programme grâce au soutien financier du Royaume-Uni, de "
        "l'Espagne, de l'Allemagne, de la Suisse et des Pays-Bas."
    )
    assert find_funders(text) == ["Royaume-Uni", "Espagne", "Allemagne", "Suisse", "Pays-Bas"]


def test_a_ministry_name_with_de_la_is_not_split_into_countries() -> None:
    text = "Le projet est financé par le Ministère de l’Intérieur, de la Famille et de l’Enfance."
    assert find_funders(text) == ["Ministère de l’Intérieur, de la Famille et de l’Enfance"]


def test_a_building_built_with_a_country_s_support_names_its_donor() -> None:
    text = "Un centre de 80 lits, construit avec l’appui de l’Italie, a été remis aux autorités."
    assert find_funders(text) == ["Italie"]


def test_spanish_building_built_with_support_names_its_donor() -> None:
    text = "El albergue, construido con el apoyo de Japón, abrió sus puertas."
    assert find_funders(text) == ["Japón"]


def test_iom_s_own_support_is_not_a_funder() -> None:
    text = "Les formations, avec l’appui technique de l’OIM, ont commencé."
    assert find_funders(text) == []


# --- dateline: a known place alone and a full stop -------------------------------------------


def test_a_known_city_alone_before_a_full_stop_is_a_dateline() -> None:
    paragraph = "Santo Domingo. El pasado 5 de abril se inició la primera fase del Plan."
    assert split_dateline(paragraph, is_country_name) == (
        "Santo Domingo",
        None,
        "El pasado 5 de abril se inició la primera fase del Plan.",
    )


def test_a_first_sentence_ending_in_an_unknown_word_is_no_dateline() -> None:
    paragraph = "Bienvenue. La OIM presenta hoy su informe."
    place, _, rest = split_dateline(paragraph, is_country_name)
    assert place is None and rest == paragraph


def test_place_names_are_whole_gazetteer_entries() -> None:
    assert is_place_name("Santo Domingo")
    assert not is_place_name("Santo Domingo Este Norte")
    assert not is_place_name("")


# --- an aggregator's field lines under the headline ------------------------------------------


def test_an_aggregator_s_field_lines_are_not_the_body() -> None:
    page = (
        "IOM urges increased support for IDPs in Burkina Faso\n\n"
        "Countries: Burkina Faso, Mali\n"
        "Source: International Organization for Migration\n\n"
        "A deadly attack in the north killed 43 people; more than 6,000 are displaced.\n"
    )
    (release,) = parse_page(page.encode(), "page.txt")
    assert release.body.startswith("A deadly attack in the north")
    assert release.country == "BF"


def test_a_body_sentence_with_a_colon_is_kept() -> None:
    page = (
        "IOM opens a centre in Gao\n\n"
        "Source of hope: the new centre in Gao, Mali, will host 80 migrants from this week on.\n"
    )
    (release,) = parse_page(page.encode(), "page.txt")
    assert release.body.startswith("Source of hope")
