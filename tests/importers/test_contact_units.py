"""Unit tests of the importer's contact parts: phone numbers, contact blocks, their intros."""

from __future__ import annotations

import pytest

from oim_archive.importers.contact_intro import find_intro
from oim_archive.importers.contacts import parse_contacts
from oim_archive.importers.phones import split_numbers, to_e164
from oim_archive.store.records import Contact


@pytest.mark.parametrize(
    ("written", "region", "expected"),
    [
        ("+995 32 29 38 94", None, "+99532293894"),
        ("+ 218 91 383 25 96", None, "+218913832596"),
        ("+ 39 06 44 186 207", None, "+390644186207"),
        ("+225 22528200", None, "+22522528200"),  # old Côte d'Ivoire plan: kept
        ("0041 (0)22 717 9111", None, "+41227179111"),
        ("022 717 91 11", "CH", "+41227179111"),
        ("77 123 45 67", "SN", "+221771234567"),
        ("022 717 91 11", None, None),  # no country code, no region: cannot be E.164
        ("12345", None, None),
        ("+1234567890123456789", None, None),
    ],
)
def test_to_e164(written: str, region: str | None, expected: str | None) -> None:
    assert to_e164(written, region) == expected


def test_split_numbers() -> None:
    assert split_numbers("+225 22528200/+225 79931991") == ["+225 22528200", "+225 79931991"]
    assert split_numbers("+41 22 717 9111/9435") == ["+41 22 717 9111", "+41 22 717 9435"]
    assert split_numbers("+221 33 869 62 00 ou +221 77 450 12 34") == [
        "+221 33 869 62 00",
        "+221 77 450 12 34",
    ]
    assert split_numbers("/12") == []


def test_contacts_one_field_per_line() -> None:
    block = [
        "For further information please contact:",
        "Mr. John Smith",
        "Senior Media Officer",
        "IOM Geneva",
        "Tel: +41 22 717 9111",
        "Fax: +41 22 798 6150",
        "Email: JSmith@IOM.int",
    ]
    assert parse_contacts(block) == [
        Contact(
            "John Smith", "Senior Media Officer, IOM Geneva", ["+41227179111"], ["jsmith@iom.int"]
        )
    ]


def test_contacts_inline_with_offices_after_names() -> None:
    block = [
        "For more information please contact Joe Lowry at IOM Geneva, Tel: +41 22 717 9435, "
        "Email: jlowry@iom.int or Jean-Philippe Chauzy (IOM Geneva), Tel. +41 22 717 9361, "
        "Email: jpchauzy@iom.int"
    ]
    assert parse_contacts(block) == [
        Contact("Joe Lowry", "IOM Geneva", ["+41227179435"], ["jlowry@iom.int"]),
        Contact("Jean-Philippe Chauzy", "IOM Geneva", ["+41227179361"], ["jpchauzy@iom.int"]),
    ]


def test_contacts_spanish_inline_people_joined_by_y() -> None:
    block = [
        "Para más información, por favor contactar a Juan Pérez, Ministerio de Trabajo y "
        "Previsión Social, Tel: 601 639 7777, Correo: jperez@iom.int y a María López, "
        "Móvil: +57 310 555 1234, mlopez@iom.int"
    ]
    assert parse_contacts(block, region="CO") == [
        Contact(
            "Juan Pérez", "Ministerio de Trabajo y Previsión Social", ["+576016397777"],
            ["jperez@iom.int"],
        ),
        Contact("María López", None, ["+573105551234"], ["mlopez@iom.int"]),
    ]  # fmt: skip


def test_contact_without_a_name_keeps_its_office() -> None:
    block = ["Contact presse :", "Bureau de l'OIM à Dakar", "Courriel : dakar@iom.int"]
    assert parse_contacts(block) == [
        Contact("Bureau de l'OIM à Dakar", None, [], ["dakar@iom.int"])
    ]


@pytest.mark.parametrize(
    ("line", "is_intro"),
    [
        ("Pour plus d'informations, veuillez contacter:", True),
        ("Pour plus d’informations, veuillez contacter Anita Kassem, OIM", True),
        ("Pour de plus amples informations, contactez :", True),
        ("For more information, please contact", True),
        ("For further information please contact:", True),
        ("Para más información, por favor contactar a:", True),
        ("Para mayor información:", True),
        ("Media contact:", True),
        ("Contactos de prensa:", True),
        ("Pour plus d'informations sur le projet et ses résultats, consultez le rapport annuel "
         "publié sur le site de l'organisation.", False),
        ("L'OIM a contacté les autorités.", False),
    ],
)  # fmt: skip
def test_find_intro(line: str, is_intro: bool) -> None:
    assert (find_intro(["Un paragraphe.", line]) == 1) is is_intro


def test_contact_labels_alone_on_their_line() -> None:
    block = [
        "For more information, please contact:",
        "Jean Maillard",
        "IOM Dakar",
        "Tel.:",
        "+221 33 869 62 00",
        "Fax:",
        "+221 33 869 62 33",
        "E-mail:",
        "jmaillard@iom.int",
        "Mobile: (+225) 07 07 12 34 56",
        "Tel. +41 22 717 9111 (office), +41 79 103 03 42 (mobile)",
    ]
    assert parse_contacts(block, region="SN") == [
        Contact(
            "Jean Maillard",
            "IOM Dakar",
            ["+221338696200", "+2250707123456", "+41227179111", "+41791030342"],
            ["jmaillard@iom.int"],
        )
    ]


def test_contacts_with_address_or_number_in_the_same_field() -> None:
    inline = [
        "Pour plus d'informations, veuillez contacter Jean Dupont (jdupont@iom.int) ou Awa Ba <aba@iom.int>"
    ]
    assert parse_contacts(inline) == [
        Contact("Jean Dupont", None, [], ["jdupont@iom.int"]),
        Contact("Awa Ba", None, [], ["aba@iom.int"]),
    ]
    office = [
        "Pour plus d'informations, veuillez contacter le bureau de l'OIM à Dakar au +221 33 869 62 00"
    ]
    assert parse_contacts(office) == [
        Contact("le bureau de l'OIM à Dakar", None, ["+221338696200"], [])
    ]
