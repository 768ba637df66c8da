"""Rules from the eleventh gathering of real pages (issue 13): the country of releases about a
region or about many countries, and listings whose layout the corpus had not seen."""

from __future__ import annotations

from oim_archive.importers import parse_page
from oim_archive.importers.chrome import is_label
from oim_archive.importers.country import release_country
from oim_archive.importers.places import tokenize


def _country(title: str, dateline: str, body: str) -> str | None:
    zones = {"title": title, "dateline": dateline, "body": body}
    return release_country(zones, tokenize(body))


# --- country: a region, a meeting held elsewhere, many countries -----------------------------


def test_a_headline_about_east_africa_is_not_about_the_dateline_town() -> None:
    body = (
        "A new study calls on member countries of the East African Community (EAC) to adopt "
        "labour migration policies built on international good practice."
    )
    title = "Study Highlights Need for Free Movement of Labour in East Africa"
    assert _country(title, "Dodoma", body) is None


def test_a_regional_meeting_held_in_another_country_than_the_dateline_is_regional() -> None:
    body = (
        "Lors de la dernière journée de la réunion du MIDWA à Abidjan, en Côte-d’Ivoire, le 25 "
        "août, les membres de la CEDEAO se sont accordés sur un plan d’action commun. Ministres "
        "et experts ont travaillé trois jours."
    )
    title = "Le Dialogue sur la migration pour l’Afrique de l’Ouest adopte son rapport final"
    assert _country(title, "Nigéria", body) is None


def test_a_country_office_speaking_of_its_own_country_keeps_it_under_a_regional_headline() -> None:
    body = (
        "L’OIM au Niger a aidé 137 migrants d’Afrique de l’Ouest bloqués à Agadez à rentrer "
        "chez eux. Le convoi est parti de Niamey."
    )
    title = "L’OIM aide des migrants d’Afrique de l’Ouest à rentrer chez eux"
    assert _country(title, "Niger", body) == "NE"


def test_a_text_naming_many_countries_none_singled_out_is_about_none_of_them() -> None:
    body = (
        "IOM’s Council will consider membership applications from São Tomé and Príncipe, "
        "Saint Kitts and Nevis, Kiribati, Eritrea and Saint Lucia. Close to 80,000 Eritreans "
        "have reached Italy by boat in the past two years."
    )
    assert _country("IOM Governing Council Opens in Geneva", "", body) is None


def test_a_country_named_far_more_than_the_others_stays_the_subject() -> None:
    body = (
        "In Lampedusa, Italy, survivors from Somalia, Eritrea, Syria and Mali were received. "
        "The Italian coast guard took them to Sicily; Italy’s authorities and IOM Italy "
        "interviewed them in Lampedusa."
    )
    assert _country("Survivors Received After Shipwreck", "", body) == "IT"


# --- listings: a news section's heading ------------------------------------------------------


def test_a_news_section_heading_is_chrome_in_three_languages() -> None:
    for heading in ("Latest News and Events", "Dernières actualités", "Últimas noticias"):
        assert is_label(heading), heading


def test_a_listing_under_its_section_heading_takes_the_item_headline_as_title() -> None:
    page = (
        "Latest News and Events\n\nIOM Governing Council Opens in Geneva\n\n"
        "Posted on Tue. Nov-24-2015\n\n"
        "IOM’s 106th Council, which opens today, will consider membership applications from "
        "five States.\n\nRead more\n\n"
        "World Migration Report 2015 Launched in Geneva\n\nPosted on Mon. Nov-23-2015\n\n"
        "IOM launched today its World Migration Report on migrants and cities.\n\nRead more\n"
    )
    titles = [release.title for release in parse_page(page.encode(), "news.txt")]
    assert titles[0] == "IOM Governing Council Opens in Geneva"


def test_teasers_one_a_line_that_each_introduce_the_organisation_are_items() -> None:
    page = (
        "L’Organisation internationale pour les migrations (OIM) se dit préoccupée par l’exode "
        "de civils et par de nouvelles évacuations vers des zones surpeuplées.\n"
        "L’Organisation internationale pour les migrations (OIM) a tenu, du 17 au 19 octobre, "
        "un atelier de formation de trois jours sur la gestion des migrations.\n"
        "La nouvelle directrice générale de l’Organisation internationale pour les migrations "
        "(OIM) a appelé hier à voir dans les migrations un outil de développement.\n"
    )
    releases = parse_page(page.encode(), "tag.txt")
    assert [r.body[:30] for r in releases] == [
        "L’Organisation internationale ",
        "L’Organisation internationale ",
        "La nouvelle directrice général",
    ]


def test_a_release_naming_the_organisation_in_full_once_stays_one_release() -> None:
    page = (
        "L’OIM ouvre un centre à Agadez\n\n"
        "Niger - L’Organisation internationale pour les migrations (OIM) a ouvert un centre "
        "d’information pour les migrants à Agadez.\n"
        "Le centre conseillera les migrants sur les risques de la migration irrégulière.\n"
        "L’OIM y accueillera aussi les migrants de retour de Libye et d’Algérie.\n"
    )
    assert len(parse_page(page.encode(), "release.txt")) == 1
