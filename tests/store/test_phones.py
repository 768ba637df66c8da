"""Phones grouped for reading, E.164 kept everywhere else."""

from __future__ import annotations

import pytest

from oim_archive.store.phones import display_phone


@pytest.mark.parametrize(
    ("number", "written", "shown"),
    [
        ("+21671860312", None, "+216 71 860 312"),  # a plan phonenumbers knows
        ("+221338696200", None, "+221 33 869 62 00"),
        ("+99532293894", None, "+995 32 29 38 94"),  # Tbilisi's old plan: pairs
        ("+99532293894", "00995 32 29 38 94", "00995 32 29 38 94"),  # as the release wrote it
        ("+99532293894", "+995 (32) 2 29 38", "+995 32 29 38 94"),  # other digits: not used
        ("+4122717", None, "+41 227 17"),
        ("not a phone", None, "not a phone"),
        ("+12", None, "+12"),
    ],
)
def test_display_phone(number: str, written: str | None, shown: str):
    assert display_phone(number, written) == shown
