"""Rules from the eighteenth gathering of real pages (issue 13): listing shapes."""

from __future__ import annotations

import pytest

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.importers.listing import split_items
from oim_archive.importers.teaser_blocks import without_kickers

_HQ_CONTACT = """Comunicado
Global

La OIM abre su reunión anual con los Estados Miembros

Ginebra – La Organización Internacional para las Migraciones (OIM) abrió hoy su reunión anual con los Estados Miembros, que durará tres días.

Los debates tratarán sobre el desplazamiento interno y la reintegración de migrantes.

Para más información por favor contactar a Marta Quiroga en la Sede de la OIM en Ginebra, Tel: +41 79 555 0199, Email: mquiroga@iom.int
"""


def test_a_name_before_the_headquarters_is_cut_there() -> None:
    (release,) = parse_page(_HQ_CONTACT.encode(), "hq.txt")
    (contact,) = release.contacts
    assert contact.name == "Marta Quiroga"
    assert contact.office == "Sede de la OIM en Ginebra"


def test_a_french_name_before_the_headquarters_is_cut_there() -> None:
    page = (
        _HQ_CONTACT.replace("Para más información por favor contactar a", "Pour plus "
                            "d'informations, veuillez contacter")
        .replace("en la Sede de la OIM en Ginebra", "au siège de l'OIM à Genève")
    )  # fmt: skip
    (release,) = parse_page(page.encode(), "siege.txt")
    assert release.contacts[0].name == "Marta Quiroga"


def test_a_place_that_is_no_iom_office_stays_with_the_name_rule() -> None:
    page = _HQ_CONTACT.replace("en la Sede de la OIM en Ginebra", "en la Sede de Naciones Unidas")
    (release,) = parse_page(page.encode(), "un-seat.txt")
    assert release.contacts[0].name != "Marta Quiroga"  # no IOM office named: not cut there


_BRIEFING_HEADER = """Weekly press briefing - 24 November 2023

Conferencias de prensa | ACNUR , OMS

Rueda de prensa semanal - 24 de noviembre de 2023

24 de noviembre de 2023

La directora del servicio de información presidió la rueda de prensa, con portavoces de la Agencia de la ONU para los Refugiados y de la Organización Mundial de la Salud.

Desplazamiento en el este del país

La representante de ACNUR dijo que más de 450.000 personas habían huido de los combates en las seis semanas anteriores y que el acceso humanitario seguía limitado.
"""


def test_a_header_repeating_its_date_is_one_date_not_a_listing() -> None:
    lines = _BRIEFING_HEADER.split("\n")
    assert split_items(lines, 0)[0].lines is lines  # no date marker left to split at


def test_items_sharing_a_date_stay_apart() -> None:
    page = """1 June, 2017

IOM Opens a Migrant Centre in the North

San José – IOM opened a centre for migrants in the north of the country this week, with three local partners.

1 June, 2017

Border Officials Trained on Migrant Protection

Panama City – Forty border officials took part in a three-day training on the protection of vulnerable migrants.
"""
    assert len(split_items(page.split("\n"), 0)) == 2


_REPUBLISHED_NOTE = """Hier soir, un vol venu de Libye s’est posé à Conakry avec à son bord 120 migrants de retour, dont des femmes et des enfants.
Les migrants ont été accueillis à l’aéroport puis conduits au centre de transit, où ils ont reçu un repas et un kit d’hygiène.
D’autres vols sont attendus dans les prochains jours pour les Guinéens qui souhaitent rentrer.
Article publié par OIM – Guinée
"""


def test_a_note_credited_to_iom_is_not_refused_as_an_article_about_it() -> None:
    (release,) = parse_page(_REPUBLISHED_NOTE.encode(), "credit.txt")
    assert release.country == "GN"


def test_a_note_credited_to_someone_else_is_still_refused() -> None:
    page = _REPUBLISHED_NOTE.replace("Article publié par OIM – Guinée", "Article publié par AFP")
    with pytest.raises(ImportRefused):
        parse_page(page.encode(), "afp.txt")


_KICKED_TAG_PAGE = """Guatemala

MIGRACIÓN

Autoridades Refuerzan la Atención a Migrantes Retornados en la Frontera

Las autoridades anunciaron nuevos puestos de atención en los pasos fronterizos del occidente del país, con apoyo de organismos internacionales.

Read More
REGIÓN

Gobiernos de la Región Acuerdan Compartir Datos sobre Migración

Los gobiernos de cinco países acordaron en una reunión regional compartir datos sobre los flujos migratorios y los retornos.

Read More
"""


def test_headlines_under_section_labels_are_a_listing_even_two() -> None:
    releases = parse_page(_KICKED_TAG_PAGE.encode(), "kicked.txt")
    assert [r.title for r in releases] == [
        "Autoridades Refuerzan la Atención a Migrantes Retornados en la Frontera",
        "Gobiernos de la Región Acuerdan Compartir Datos sobre Migración",
    ]


def test_a_subheading_in_capitals_over_a_paragraph_is_no_section_label() -> None:
    assert without_kickers(["INTRODUCCIÓN", "La OIM abrió hoy un centro."]) == (
        ["INTRODUCCIÓN", "La OIM abrió hoy un centro."],
        0,
    )
    title = "OIM PRESENTA INDICADORES DE GOBERNANZA"  # a title in capitals, not a label
    assert without_kickers([title, "Honduras – La OIM presentó hoy los indicadores."])[1] == 0
    assert without_kickers(["NOTICIAS", "Migrantes Reciben Ayuda en la Frontera"])[1] == 1
