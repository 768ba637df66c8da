"""Files with no release shape are refused with a reason; page footers never become contacts."""

from __future__ import annotations

import pytest

from oim_archive.importers import ImportRefused, parse_page

README = """# Mes communiqués

Notes sur les pages à importer.

## Sources

- iom.int, pages en français
- sites pays : Sénégal, Niger
"""
CSV = """titre,date,pays
Combattre les migrations irrégulières,2006-05-02,SN
L'OIM au Niger ouvre un centre,2014-05-16,NE
Visite de la Directrice générale adjointe,2023-05-12,SN
"""
MARKDOWN_TABLE = """| adresse | fichier | notes |
|---|---|---|
| https://iom.int/fr/news/a | a.txt | dateline Niger |
| https://iom.int/fr/news/b | b.txt | pas de date |
"""
# What a tool keeps beside the pages (the test corpus's expected fields, a data export).
JSON_NOTES = """{
 "source_url": "https://www.iom.int/fr/news/loim-au-niger",
 "kind": "release",
 "releases": [{"title": "L'OIM au Niger ouvre un centre", "date": "2014-05-16"}]
}
"""
JSON_LIST = '[{"titre": "Combattre les migrations irrégulières", "pays": "SN"}]'
ABOUT_PAGE = """Qui sommes nous
Notre travail
Agir
L'OIM, créée en 1951 et membre du système des Nations Unies, est l'organisation de référence pour les migrations.
Elle compte 175 États Membres et dispose de bureaux dans plus de 100 pays.
"""


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        (README, "Markdown"),
        (CSV, "table"),
        (MARKDOWN_TABLE, "table"),
        (ABOUT_PAGE, "no headline"),
        (JSON_NOTES, "JSON data"),
        (JSON_LIST, "JSON data"),
    ],
)
def test_refused_with_a_reason(page: str, reason: str) -> None:
    with pytest.raises(ImportRefused, match=reason):
        parse_page(page.encode(), "notes.txt")


def test_a_page_in_brackets_is_not_taken_for_json() -> None:
    page = "[Communiqué] L'OIM au Niger ouvre un centre\n\nNiamey - L'OIM a ouvert un centre. [1]"
    [release] = parse_page(page.encode(), "p.txt")
    assert release.dateline == "Niamey"


def test_release_without_headline_but_with_dateline_is_kept() -> None:
    page = (
        "Genève - L'OIM a lancé cette semaine une ligne d'information gratuite pour les "
        "migrants vénézuéliens au Costa Rica.\n\nLa ligne répond en espagnol."
    )
    [release] = parse_page(page.encode(), "p.txt")
    assert release.dateline == "Genève"


FOOTER_PAGE = """Titre du communiqué sur le Niger

Niamey – L'OIM a aidé 400 migrants cette semaine à rentrer chez eux.

Pour plus d'informations, veuillez contacter :
Awa Ndiaye, OIM Niamey, Tel  +227 90 00 00 00, E-mail: "">
Jean Dupont et Marie Curie, OIM Genève, Tél : +41 79 403 5526, Email : media@iom.int

Privacy Policy
Facebook X Instagram YouTube
17 route des Morillons, 1211 Genève 19, Suisse
Tél : +41 22 717 9111
"""


def test_footer_social_links_and_addresses_are_never_contacts() -> None:
    [release] = parse_page(FOOTER_PAGE.encode(), "p.txt")
    assert [(c.name, c.office, c.phones, c.emails) for c in release.contacts] == [
        ("Awa Ndiaye", "OIM Niamey", ["+22790000000"], []),
        ("Jean Dupont", "OIM Genève", ["+41794035526"], ["media@iom.int"]),
        ("Marie Curie", "OIM Genève", ["+41794035526"], ["media@iom.int"]),
    ]


NEWSPAPER_ARTICLE = (
    "Lors d'un atelier tenu à Thiès, Moussa Diallo, représentant de l'OIM, a indiqué que "
    "l'organisation a aidé plus de 3 000 personnes à rentrer depuis 2018.\n\n"
    "Selon lui, le programme se poursuivra. « Nous continuerons », a-t-il dit.\n"
)
AGENCY_DISPATCH = """Le Niger demande plus de moyens pour les migrants

Zinder, 3 mars (ANP) – Le gouverneur a reçu ce lundi 3 mars 2020 le chef de bureau de l'OIM.

L'OIM gère deux centres de transit dans la région, a-t-il indiqué.
"""
APO_REPUBLICATION = """IOM Holds Online Press Conference

GENEVA, Switzerland, March 10, 2017/APO/ -- IOM will hold an online press conference on Monday.
"""
PLAN_PAGE = """Plan de réponse régional

La région accueille des millions de personnes déplacées. L'OIM et ses partenaires répondent aux besoins.
Objectif
Protéger les personnes en mouvement
Les communautés d'accueil et les gouvernements locaux participent à la réponse.
"""
RELEASE_WITHOUT_DATELINE = """Communiqué
Global

L'OIM ouvre un centre pour les migrants à Agadez

L'OIM a ouvert un centre d'information pour les migrants
dans la ville d'Agadez, au nord du pays.
"""
IOM_SPEAKS_WITHOUT_HEADLINE = (
    "A free information line for migrants in Costa Rica was launched this week by the "
    "International Organization for Migration and the immigration service.\n\n"
    "IOM is adapting its tracking tools to map the needs of the people who call.\n"
)


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        (NEWSPAPER_ARTICLE, "an article about IOM"),
        (PLAN_PAGE, "no dateline, date, contact or news"),
    ],
)
def test_articles_about_iom_and_plans_are_refused(page: str, reason: str) -> None:
    with pytest.raises(ImportRefused, match=f"not a press release page.*{reason}"):
        parse_page(page.encode(), "page.txt")


@pytest.mark.parametrize(
    "page", [RELEASE_WITHOUT_DATELINE, IOM_SPEAKS_WITHOUT_HEADLINE, APO_REPUBLICATION]
)
def test_releases_without_dateline_date_or_contact_are_kept(page: str) -> None:
    [release] = parse_page(page.encode(), "page.txt")
    assert "OIM" in release.body or "IOM" in release.body
