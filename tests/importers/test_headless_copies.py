"""A release copied without its headline stays one release (issue 13).

A copy staff keep may lose its headline (pasted from the body, or a page whose title was an
image), its paragraphs then one a line. Rules for listings of bare teasers must not cut such a
copy into items: each tuned release of the corpus is copied so here and parsed again.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.store.records import Release

TUNED = Path(__file__).resolve().parents[1] / "real_pages" / "tuned"
MIN_PARAGRAPHS = 3


def _single_releases() -> list[tuple[str, str, Release]]:
    """(name, text, its one release) of each tuned page expected to be one release."""
    found = []
    for expected in sorted(TUNED.glob("*.expected.json")):
        page = expected.with_name(expected.name.replace(".expected.json", ".txt"))
        if not page.exists() or json.loads(expected.read_text("utf-8")).get("kind") != "release":
            continue
        text = page.read_text("utf-8", errors="replace")
        try:
            releases = parse_page(text.encode(), page.name)
        except ImportRefused:
            continue
        if len(releases) == 1:
            found.append((page.name, text, releases[0]))
    return found


def _count(text: str) -> int:
    try:
        return len(parse_page(text.encode(), "copy.txt"))
    except ImportRefused:
        return 0


@pytest.fixture(scope="module")
def single_releases() -> list[tuple[str, str, Release]]:
    return _single_releases()


def test_body_paragraphs_one_a_line_stay_one_release(
    single_releases: list[tuple[str, str, Release]],
) -> None:
    checked, cut = 0, []
    for name, _text, release in single_releases:
        paragraphs = [" ".join(p.split()) for p in release.body.split("\n\n") if p.strip()]
        if len(paragraphs) < MIN_PARAGRAPHS:
            continue
        checked += 1
        for copy in ("\n".join(paragraphs), f"{release.title}\n" + "\n".join(paragraphs)):
            if _count(copy) > 1:
                cut.append(name)
    assert checked > 200
    assert cut == []


def test_saved_text_without_its_headline_line_stays_one_release(
    single_releases: list[tuple[str, str, Release]],
) -> None:
    checked, cut = 0, []
    for name, text, release in single_releases:
        lines = text.split("\n")
        title_at = next((i for i, line in enumerate(lines) if line.strip() == release.title), None)
        if title_at is None:
            continue
        rest = lines[title_at + 1 :]
        if sum(1 for line in rest if line.strip()) < MIN_PARAGRAPHS:
            continue
        checked += 1
        for copy in ("\n".join(rest), "\n".join(line for line in rest if line.strip())):
            if _count(copy) > 1:
                cut.append(name)
    assert checked > 200
    assert cut == []
