"""Contact sentences whose name, number and address share one field, a second person after
"o con" / "ou avec", people with their details in parentheses, interview requests: each fact
goes to the person written before it (issue 13)."""

from __future__ import annotations

import pytest

from oim_archive.importers.contact_intro import find_intro
from oim_archive.importers.contacts import parse_contacts


def _facts(
    line: str, region: str | None = None
) -> list[tuple[str, str | None, list[str], list[str]]]:
    return [(c.name, c.office, c.phones, c.emails) for c in parse_contacts([line], region)]


def test_a_number_and_address_after_a_name_in_one_field_are_that_persons() -> None:
    line = (
        "For further information please contact Chris Lom in Manila at +63 917 890 8785 "
        "or clom@iom.int"
    )
    assert _facts(line) == [("Chris Lom", "Manila", ["+639178908785"], ["clom@iom.int"])]


def test_a_name_then_a_number_then_an_address_without_commas() -> None:
    line = "For more information, contact Jane Doe at +41 79 403 5526 or by email at jdoe@iom.int"
    assert _facts(line) == [("Jane Doe", None, ["+41794035526"], ["jdoe@iom.int"])]


@pytest.mark.parametrize(
    ("line", "second"),
    [
        (
            "Para más información, comuníquese con Alba Goycoechea, OIM Buenos Aires, "
            "tel.: +54 11 4815 5194, correo: agoycoechea@iom.int, o con Juliana Quintero, "
            "OIM Bogotá, correo: jquintero@iom.int",
            ("Juliana Quintero", "OIM Bogotá", [], ["jquintero@iom.int"]),
        ),
        (
            "Pour plus d'informations, veuillez contacter Awa Ndiaye, OIM Dakar, "
            "awa@iom.int, ou avec Paul Diouf, OIM Saint-Louis, pdiouf@iom.int",
            ("Paul Diouf", "OIM Saint-Louis", [], ["pdiouf@iom.int"]),
        ),
    ],
)
def test_a_second_person_after_o_con_or_ou_avec(
    line: str, second: tuple[str, str | None, list[str], list[str]]
) -> None:
    facts = _facts(line)
    assert len(facts) == 2
    assert facts[1] == second


def test_the_place_after_a_name_is_where_the_person_is() -> None:
    line = "Pour plus d'informations, contactez Aminata Diallo à Nouakchott, adiallo@iom.int"
    assert _facts(line) == [("Aminata Diallo", "Nouakchott", [], ["adiallo@iom.int"])]


def test_people_with_their_details_in_parentheses() -> None:
    line = (
        "Please contact Joe Lowry (+41 79 403 5526, jlowry@iom.int) or Paul Dillon "
        "(+41 79 636 9874, pdillon@iom.int) for more information."
    )
    assert find_intro([line]) == 0
    assert _facts(line) == [
        ("Joe Lowry", None, ["+41794035526"], ["jlowry@iom.int"]),
        ("Paul Dillon", None, ["+41796369874"], ["pdillon@iom.int"]),
    ]


def test_one_address_each_in_parentheses_before_shared_details_stays_shared() -> None:
    line = (
        "Pour plus d'informations, veuillez contacter Issa Traoré (itraore@iom.int) et Awa "
        "Coulibaly (acoulibaly@iom.int), OIM Mali, Tél. : +223 20 22 76 22"
    )
    assert _facts(line) == [
        ("Issa Traoré", "OIM Mali", ["+22320227622"], ["itraore@iom.int"]),
        ("Awa Coulibaly", "OIM Mali", ["+22320227622"], ["acoulibaly@iom.int"]),
    ]


def test_iom_s_person_in_a_town() -> None:
    line = "For more information please contact IOM's Joe Lowry in Geneva, Tel: +41 79 403 5526"
    assert _facts(line) == [("Joe Lowry", "Geneva", ["+41794035526"], [])]


@pytest.mark.parametrize(
    "line",
    [
        "For interviews, please contact Jane Doe at IOM Nairobi, Tel: +254 722 123 456",
        "For media enquiries, please contact Jane Doe at IOM Nairobi, jdoe@iom.int",
        "Pour toute demande d'interview, veuillez contacter Safa Msehli, OIM Tunis",
        "Para entrevistas, por favor contactar a Jorge Gallo, OIM San José",
        "Media enquiries: Jane Doe, IOM Nairobi, jdoe@iom.int",
    ],
)
def test_interview_requests_open_a_contact_block(line: str) -> None:
    assert find_intro(["The centre opened on Monday.", line]) == 1


@pytest.mark.parametrize(
    "line",
    [
        "Contact tracing teams visited 300 households in the camp last week.",
        "Please contact your nearest IOM office if you need help returning home.",
        "For interviews with returnees, the teams travelled to Kayes and Mopti.",
    ],
)
def test_sentences_of_a_release_do_not_open_a_contact_block(line: str) -> None:
    assert find_intro(["The centre opened on Monday.", line]) is None


def test_two_numbers_apart_by_a_spaced_dash_are_two_of_one_country() -> None:
    line = (
        "For more information, please contact Jane Doe, IOM Yaoundé, "
        "Tél. : +237 6 99 22 33 44 - 2 22 20 32 78, Email: jdoe@iom.int"
    )
    assert _facts(line)[0][2] == ["+237699223344", "+237222203278"]


@pytest.mark.parametrize("number", ["+41 22 - 717 9111", "+1 202 - 862 - 1826"])
def test_a_dash_between_groups_of_one_number_stays(number: str) -> None:
    line = f"For more information, please contact Jane Doe, IOM Office, Tel: {number}"
    assert len(_facts(line)[0][2]) == 1
