"""The quality set at 10k synthetic distractors: every target in the top 3, contacts first."""

from __future__ import annotations

import pytest

from tests.support import search_quality as quality

DISTRACTORS = 10_000

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus() -> quality.Corpus:
    return quality.build_corpus(DISTRACTORS, seed=1)


@pytest.fixture(scope="module")
def scores(corpus: quality.Corpus) -> tuple[quality.Score, quality.Score]:
    return quality.engine_scores(corpus)


def test_every_release_query_finds_its_target_in_the_top_3(
    scores: tuple[quality.Score, quality.Score],
) -> None:
    releases, _ = scores
    assert releases.total == len(quality.RELEASE_QUERIES)
    assert releases.misses == []
    assert releases.rate == 1.0


def test_every_contact_query_finds_the_person_first(
    scores: tuple[quality.Score, quality.Score],
) -> None:
    _, contacts = scores
    assert contacts.total == len(quality.CONTACT_QUERIES)
    assert contacts.misses == []


def test_the_corpus_hides_targets_among_distractors(corpus: quality.Corpus) -> None:
    assert len(corpus.releases) == DISTRACTORS + len(quality.load_targets())
    # The distractors share the targets' vocabulary, so the set is not trivially easy.
    lines = quality.release_lines(corpus.releases)
    assert sum("traite" in line for line in lines) > 200
    assert sum("Tunisie" in line for line in lines) > 100
    assert sum("Oujda" in line for line in lines) > 20


def test_a_wrong_target_would_be_noticed(corpus: quality.Corpus) -> None:
    # The scorer is not a rubber stamp: ranking by reverse order misses the targets.
    def worst_first(query: str) -> list[int]:
        return list(range(len(corpus.releases) - 1, len(corpus.releases) - 4, -1))

    assert quality.score_releases(corpus, worst_first).rate < 0.2
