"""The importer on the real-page corpus does not fall below the figures it has reached.

The figures come from ``python -m tests.bench.extraction``; raise the floors when the importer
gets better, never lower them to let a change through.
"""

from __future__ import annotations

import pytest

from tests.bench.extraction import (
    FRESH,
    NEWEST,
    PARTS,
    Score,
    fresh_pages,
    newest_pages,
    score_part,
    tuned_before_newest,
)

# part: (fields %, listing items %, contact precision %, contact recall %). "tuned" is the tuned
# part without its newest gathering, which has its own floor (its first, unseen figure was lower).
# "tuned" holds the eighteenth gathering since the nineteenth came (its 370 pages 95.7 % and
# 95.5 %, 227 contact facts, each page parsed as before by the nineteenth's rules but three whose
# comment forms left the body); the nineteenth (contact precision, 14 pages, 15 contact facts)
# first scored 86.9 % fields and 80.0 % / 80.0 % contacts on its first 11 pages, 88.2 % and
# 100 % / 100 % after its rules. The "tuned" floor is under the former 96.2 / 96.6 only because
# the eighteenth gathering (listing shapes, 78.4 % fields, 73.3 % items) joined that part.
# "heldout": fresh blind batch added, figures re-measured (20 pages gathered by a declared
# procedure and committed before one plain scorer run: the part went from 79.4 / 70.0 to 83.0 /
# 78.0, contacts unchanged at 96.6 / 98.8). FRESH is that batch alone (93.1 % fields, 11/11
# listing items, no contact fact expected or produced: 100 / 100 by convention).
FLOORS: dict[str, tuple[float, float, float, float]] = {
    "tuned": (95.7, 95.5, 100.0, 100.0),
    NEWEST: (88.1, 100.0, 100.0, 100.0),
    "heldout": (82.9, 77.9, 96.5, 98.7),
    FRESH: (93.0, 100.0, 100.0, 100.0),
}


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    return {
        "tuned": score_part("tuned", tuned_before_newest()),
        NEWEST: score_part("tuned", newest_pages()),
        "heldout": score_part("heldout"),
        FRESH: score_part("heldout", fresh_pages()),
    }


@pytest.mark.parametrize("part", [*PARTS, NEWEST, FRESH])
def test_no_regression(scores: dict[str, Score], part: str) -> None:
    score = scores[part]
    # Figures only (never the Score and its misses): a held-out failure names no page.
    reached = (score.accuracy(), score.items(), score.precision(), score.recall())
    floors = FLOORS[part]
    assert all(got >= floor for got, floor in zip(reached, floors, strict=True)), (
        f"{part}: {tuple(round(got, 1) for got in reached)} below {floors}"
    )


def test_refused_pages_count_as_right_kind() -> None:
    score = Score()
    score.add("kind", True, "page")
    score.add("title", False, "page", "expected 'a', got 'b'")
    assert score.accuracy() == 50.0
    assert score.misses == ["page: title expected 'a', got 'b'"]
