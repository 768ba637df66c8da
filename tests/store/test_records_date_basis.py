"""date_basis: stored, read back, and missing in records written before it existed."""

from __future__ import annotations

import pytest

from oim_archive.store.records import Release, display_date


def test_round_trip_and_old_records() -> None:
    release = Release(title="T", body="B", date="2019-09-14", date_basis="text")
    assert Release.from_dict(release.to_dict()).date_basis == "text"
    old = release.to_dict()
    del old["date_basis"]
    assert Release.from_dict(old).date_basis is None


def test_unknown_basis_is_refused() -> None:
    record = Release(title="T", body="B", date="2019").to_dict()
    record["date_basis"] = "guess"
    with pytest.raises(ValueError, match="date_basis"):
        Release.from_dict(record)


def test_display_date_marks_estimates() -> None:
    assert display_date(Release(title="T", body="B", date="2019-09-14", date_basis="text")) == (
        "~2019-09"
    )
    assert display_date(
        Release(title="T", body="B", date="2019-09-14", date_basis="published")
    ) == ("2019-09-14")
    assert display_date(Release(title="T", body="B")) == ""
