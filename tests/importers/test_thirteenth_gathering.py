"""Rules from the thirteenth gathering of real pages (issue 13): a country dateline whose dash
was lost, a dateline naming only its source before a hyphen, a second funder after "et par", a
donor that agreed to fund, a span of years written with a dash, and news reports to refuse."""

from __future__ import annotations

import pytest

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.importers.body import split_dateline
from oim_archive.importers.dates import estimated_date, find_dates
from oim_archive.importers.people import find_funders
from oim_archive.importers.places import is_country_name


def _estimate(text: str) -> str | None:
    return estimated_date(find_dates(text), text)


# --- datelines -------------------------------------------------------------------------------


def test_a_country_before_an_article_is_a_dateline_without_its_dash() -> None:
    paragraph = "République démocratique du Congo Les nouveaux combats font monter les tensions."
    assert split_dateline(paragraph, is_country_name) == (
        "République démocratique du Congo",
        None,
        "Les nouveaux combats font monter les tensions.",
    )


@pytest.mark.parametrize(
    "paragraph",
    [
        "Goma La ville accueille des milliers de déplacés.",  # a town, not a country
        "Le Niger a accueilli le premier vol.",  # the country as the subject
        "Mali is one of the countries of origin.",
    ],
)
def test_no_dateline_without_a_country_before_an_article(paragraph: str) -> None:
    place, _, rest = split_dateline(paragraph, is_country_name)
    assert place is None and rest == paragraph


def test_a_source_alone_before_a_hyphen_is_a_dateline() -> None:
    paragraph = "(Deutsche Welle) - Ecuador's former foreign minister took office this month."
    place, _, rest = split_dateline(paragraph, is_country_name)
    assert place == "(Deutsche Welle)"
    assert rest.startswith("Ecuador's former")


def test_a_newsdesk_with_source_only_datelines_gives_one_release_per_story() -> None:
    page = (
        "24 September 2018\n\nComments/questions: editor@iom.int\n\nmain banner\n\n"
        "Photo: Picture-Alliance/L. Rampelotto\n\n"
        "First Latin American Woman Head of UN General Assembly Calls for Multilateralism\n\n"
        "(Deutsche Welle) - The former foreign minister took office at the start of the month.\n\n"
        "She will lead this week's general debate.\n\nRead on\n\nmain banner\n\n"
        "Photo: Valerie Chiang\n\n"
        "Daughter of Immigrants, Sister Norma Pimentel Fights for Migrants\n\n"
        "Rio Grande Valley (Elle) - Some say God works in mysterious ways.\n\nRead on\n"
    )
    releases = parse_page(page.encode(), "page.txt")
    assert [r.dateline for r in releases] == ["(Deutsche Welle)", "Rio Grande Valley (Elle)"]


# --- funders ---------------------------------------------------------------------------------


def test_a_second_funder_after_et_par_is_its_own() -> None:
    text = (
        "L’opération a été financée par le Secrétariat suisse pour la migration et par "
        "l’Union européenne."
    )
    assert find_funders(text) == ["Secrétariat suisse pour la migration", "Union européenne"]


def test_a_verb_after_et_par_still_ends_the_name() -> None:
    text = "Le centre est financé par le Japon et par ailleurs soutenu par la mairie."
    assert find_funders(text) == ["Japon"]


@pytest.mark.parametrize(
    ("text", "funder"),
    [
        (
            "L'ambassade des Etats-Unis au Tchad a accepté de financer le transport.",
            "Ambassade des Etats-Unis au Tchad",
        ),
        ("The Government of Japan has agreed to fund the shelters.", "Government of Japan"),
        ("La Unión Europea aceptó financiar el programa.", "Unión Europea"),
    ],
)
def test_a_donor_that_agreed_to_fund_is_a_funder(text: str, funder: str) -> None:
    assert find_funders(text) == [funder]


def test_agreeing_to_something_else_names_no_funder() -> None:
    assert find_funders("Les autorités ont accepté de participer à la réunion.") == []


# --- dates -----------------------------------------------------------------------------------


def test_a_span_of_years_with_a_dash_after_between_ends_in_a_date() -> None:
    text = "Between 2014-2016 the project delivered food and hygiene kits."
    assert _estimate(text) == "2016"


def test_a_season_or_plan_with_a_dash_is_no_date() -> None:
    assert _estimate("The 2015-2016 season and the Plan 2021-2025 were discussed.") is None


# --- news reports about IOM ------------------------------------------------------------------


def test_a_report_of_iom_s_social_media_post_is_refused() -> None:
    page = (
        "La OIM y Migración firmaron un acuerdo para reforzar el análisis de datos migratorios.\n"
        "La OIM anunció en sus redes sociales el acuerdo, que abarca cuatro puntos.\n"
    )
    with pytest.raises(ImportRefused):
        parse_page(page.encode(), "page.txt")


def test_iom_s_own_campaign_on_social_media_is_kept() -> None:
    page = (
        "La OIM lanza una campaña contra la trata\n\n"
        "Guatemala – La OIM difundirá la campaña en sus redes sociales desde hoy.\n"
    )
    (release,) = parse_page(page.encode(), "page.txt")
    assert release.dateline == "Guatemala"


@pytest.mark.parametrize(
    "closing",
    [
        "Cuenta con US $10.3 millones, otorgados por EE. UU. • Gustavo Villagrán",
        "Lire la suite sur le site relayé...\n\nAuthor: Rédaction",
    ],
)
def test_a_news_site_s_byline_refuses_the_page(closing: str) -> None:
    page = (
        "L'OIM a fait savoir lundi qu'elle venait en aide à plus de 27.000 personnes déplacées "
        f"dans la province du Nord-Kivu.\n\n{closing}\n"
    )
    with pytest.raises(ImportRefused):
        parse_page(page.encode(), "page.txt")
