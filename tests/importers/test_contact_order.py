"""Contact sentences whose name, number and address share one field, and a second person after
"o con" / "ou avec": each fact goes to the person written before it (issue 13)."""

from __future__ import annotations

import pytest

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
