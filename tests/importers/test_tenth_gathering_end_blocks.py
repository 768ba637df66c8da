"""Rules from the third batch of the tenth gathering (issue 13): contact blocks in unusual
shapes (a unit after a person, a bare "Contact presse" label), a dateline with an abbreviation,
a headline about the Americas, a news site's page."""

from __future__ import annotations

import pytest

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.importers.body import split_dateline
from oim_archive.importers.chrome import is_label
from oim_archive.importers.contact_intro import find_intro
from oim_archive.importers.contacts import parse_contacts
from oim_archive.importers.country import release_country


def test_a_unit_after_a_persons_phone_is_its_own_contact_without_the_conjunction() -> None:
    block = [
        "Pour plus d’informations, veuillez contacter Joseph van Oosten à l’OIM Tacloban, "
        "Tél. : +63 917 820 44 13, ou l’Unité de communication de l’OIM Philippines, "
        "Email : iommanilapress@iom.int"
    ]
    contacts = parse_contacts(block)
    assert [(c.name, c.emails, c.phones) for c in contacts] == [
        ("Joseph van Oosten", [], ["+639178204413"]),
        ("Unité de communication de l’OIM Philippines", ["iommanilapress@iom.int"], []),
    ]


def test_the_article_before_a_unit_mailbox_is_not_part_of_its_name() -> None:
    block = [
        "For more information, please contact the IOM Somalia Media and Communications Unit, "
        "Email: iomsomaliamedia@iom.int"
    ]
    assert [(c.name, c.emails) for c in parse_contacts(block)] == [
        ("IOM Somalia Media and Communications Unit", ["iomsomaliamedia@iom.int"])
    ]


@pytest.mark.parametrize("label", ["Contact presse", "Media contacts", "Contactos de prensa"])
def test_a_press_label_alone_without_a_colon_opens_the_contact_block(label: str) -> None:
    lines = ["La radio reste le moyen le plus sûr de joindre les familles.", label, "OIM Genève"]
    assert find_intro(lines) == 1


def test_people_under_a_bare_press_label_keep_their_office_labels() -> None:
    block = [
        "Contact presse",
        "OIM Tacloban : Marisol Dela Cruz, chargée de programme, +63 917 553 20 81 (WhatsApp)",
        "OIM Genève : Jean-Baptiste Le Goff, porte-parole, +41 79 103 87 20, jblegoff@iom.int",
        "Partager : Facebook Twitter LinkedIn E-mail",
    ]
    contacts = parse_contacts(block)
    assert [(c.name, c.office, c.phones, c.emails) for c in contacts] == [
        ("Marisol Dela Cruz", "OIM Tacloban, chargée de programme", ["+639175532081"], []),
        ("Jean-Baptiste Le Goff", "OIM Genève, porte-parole", ["+41791038720"],
         ["jblegoff@iom.int"]),
    ]  # fmt: skip


def test_a_word_after_contact_in_a_sentence_is_not_a_press_label() -> None:
    assert find_intro(["Nous restons en contact presque chaque jour avec les familles."]) is None


@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        ("Washington, D.C. - La semaine dernière (11/12), l’OEA a lancé", "Washington, D.C."),
        ("U.S. - The campaign was launched", "U.S."),
    ],
)
def test_a_dateline_may_hold_an_abbreviation_with_full_stops(paragraph: str, place: str) -> None:
    assert split_dateline(paragraph)[0] == place


def test_a_sentence_with_an_initial_is_still_not_a_dateline() -> None:
    assert split_dateline("M. Dupont a dit. Le reste - suit")[0] is None


def test_a_headline_about_the_organization_of_american_states_is_regional() -> None:
    zones = {
        "dateline": "Washington, D.C.",
        "title": "L’OIM soutient la campagne Migrants Count, de l’Organisation des Etats américains",
        "body": "La campagne sera relayée dans les Etats membres de l’OEA à Washington.",
    }
    assert release_country(zones, zones["body"].split()) is None


def test_a_headline_naming_a_country_beside_a_region_keeps_that_country() -> None:
    zones = {
        "dateline": "",
        "title": "La OIM apoya a Honduras en la región centroamericana",
        "body": "En Honduras, la OIM apoya a las familias retornadas de Honduras.",
    }
    assert release_country(zones, zones["body"].split()) == "HN"


@pytest.mark.parametrize(
    "line", ["Omitir para ir al contenido principal", "Ir al contenido principal"]
)
def test_a_spanish_skip_link_is_chrome(line: str) -> None:
    assert is_label(line)


def test_a_news_page_with_an_agency_photo_credit_is_refused() -> None:
    page = (
        "Omitir para ir al contenido principal\n\n"
        "Más de 600 migrantes muertos en el Mediterráneo\n\n"
        "Es el comienzo de año más letal desde que la OIM empezó a reunir estos datos.\n\n"
        "El drama de los migrantes no se detiene. (SAMEER AL-DOUMY/AFP)\n"
    )
    with pytest.raises(ImportRefused):
        parse_page(page.encode(), "nota.txt")
