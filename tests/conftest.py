"""Shared fixtures: temporary archives built from hand-made releases or the sample pages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Tests read English unless they ask for another language, whatever the developer's locale or
# preferences; the processes they start inherit this too.
os.environ["OIM_ARCHIVE_LANG"] = "en"

from oim_archive.i18n import set_language
from oim_archive.store.file.archive import Archive
from oim_archive.store.records import Contact, Release

set_language("en")

# CI runs the same examples every time (a clean clone has no example database to replay):
# a failure there is one anyone can reproduce, not a draw. Local runs keep exploring.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample_data"


def make_release(title: str, body: str = "Corps du communiqué.", **fields: object) -> Release:
    """A hand-built release with sensible defaults."""
    return Release(title=title, body=body, **fields)  # type: ignore[arg-type]


def hand_made_releases() -> list[Release]:
    """Three releases: dated with a contact and funder, undated, and a year-month one."""
    return [
        make_release(
            "Formation sur la traite à Dakar",
            "Dakar – L’OIM a formé 40 agents.\n\nDeuxième paragraphe « cité ».",
            date="2021-03-01",
            country="SN",
            country_name="Sénégal",
            dateline="Dakar",
            contacts=[Contact("Awa Diop", "OIM Dakar", ["+221338696200"], ["adiop@iom.int"])],
            funders=["Union européenne"],
            source="a.txt",
        ),
        make_release("Undated note", "Sans date.", country=None, source="b.txt"),
        make_release(
            "Old release",
            "Un ancien texte.",
            date="2008-01",
            country="LY",
            contacts=[Contact("Awa Diop", None, [], ["adiop@iom.int"])],
        ),
    ]


@pytest.fixture
def hand_releases() -> list[Release]:
    return hand_made_releases()


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    return tmp_path / "archive.json"


@pytest.fixture
def hand_archive(archive_path: Path, hand_releases: list[Release]) -> Archive:
    archive = Archive(archive_path)
    archive.add(hand_releases)
    return archive


@pytest.fixture(autouse=True)
def private_cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test (and the processes it starts) gets its own list-catalog and index cache,
    and its own preferences folder (the user's own preferences are never read nor written)."""
    monkeypatch.setenv("OIM_ARCHIVE_CACHE", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("OIM_ARCHIVE_CONFIG", str(tmp_path_factory.mktemp("config")))
