"""A funder's name stops before the verb of the sentence it is written in (issue 13)."""

from __future__ import annotations

import pytest

from oim_archive.importers.people import find_funders


@pytest.mark.parametrize(
    ("text", "funders"),
    [
        ("IOM with funding from the United States has helped 1,000 migrants.", ["United States"]),
        ("Le projet financé par le Japon a permis de former 40 agents.", ["Japon"]),
        (
            "El proyecto financiado por la Unión Europea ha beneficiado a 300 familias.",
            ["Unión Europea"],
        ),
        ("The centre, funded by Germany, will open next month.", ["Germany"]),
        (
            "The project, funded by the Bureau of Population, Refugees and Migration, is helping.",
            ["Bureau of Population, Refugees and Migration"],
        ),
    ],
)
def test_the_name_stops_before_the_verb(text: str, funders: list[str]) -> None:
    assert find_funders(text) == funders
