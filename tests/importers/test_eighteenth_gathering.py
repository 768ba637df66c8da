"""Rules from the eighteenth gathering of real pages (issue 13): listing shapes."""

from __future__ import annotations

from oim_archive.importers import parse_page

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
