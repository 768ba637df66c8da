"""A contact's social-media handle among their details is no person and ends nobody's entry."""

from __future__ import annotations

import pytest

from oim_archive.importers.contacts import parse_contacts


def _names(block: list[str]) -> list[tuple[str, str | None, list[str]]]:
    return [(c.name, c.office, c.emails) for c in parse_contacts(block)]


@pytest.mark.parametrize(
    "block",
    [
        [
            "For more information, please contact:",
            "Aissata Diallo, IOM Niger, Tel: +227 90 12 34 56, Email: adiallo@iom.int, "
            "Twitter: @IOM_Niger",
            "Joel Millman, IOM Geneva, Tel: +41 79 103 8720, Email: jmillman@iom.int",
        ],
        [
            "Pour plus d'informations, veuillez contacter :",
            "Aissata Diallo",
            "OIM Niger",
            "Tél : +227 90 12 34 56",
            "Courriel : adiallo@iom.int",
            "Twitter : @OIM_Niger",
            "Joel Millman",
            "OIM Genève",
            "Tél : +41 79 103 8720",
            "Courriel : jmillman@iom.int",
        ],
    ],
)
def test_the_person_after_a_handle_is_kept(block: list[str]) -> None:
    names = [name for name, _, _ in _names(block)]
    assert names == ["Aissata Diallo", "Joel Millman"]


def test_handles_of_several_networks_are_skipped() -> None:
    block = [
        "For more information, contact:",
        "Jane Doe at IOM Kenya, Tel: +254 722 123 456, Email: jdoe@iom.int, Skype: jane.doe.iom",
        "@IOMKenya",
        "Ana Pérez, OIM Costa Rica, Tel: +506 2212 5300, X: @OIMCostaRica, aperez@iom.int",
    ]
    assert _names(block) == [
        ("Jane Doe", "IOM Kenya", ["jdoe@iom.int"]),
        ("Ana Pérez", "OIM Costa Rica", ["aperez@iom.int"]),
    ]


def test_a_name_that_starts_like_a_network_is_a_name() -> None:
    block = [
        "Pour plus d'informations, veuillez contacter :",
        "Xavier Traoré, OIM Mali, Tél : +223 20 22 76 52, xtraore@iom.int",
        "Skyler Ndiaye, OIM Sénégal, Tél : +221 33 869 62 00, sndiaye@iom.int",
    ]
    assert [name for name, _, _ in _names(block)] == ["Xavier Traoré", "Skyler Ndiaye"]


def test_a_handle_alone_after_the_people_is_nobody() -> None:
    block = [
        "For more information, please contact:",
        "Aissata Diallo, IOM Niger, Tel: +227 90 12 34 56, adiallo@iom.int",
        "Twitter: @IOM_Niger",
    ]
    assert [name for name, _, _ in _names(block)] == ["Aissata Diallo"]
