"""The synthetic corpus generator: deterministic, realistic enough for the importer to read."""

from __future__ import annotations

from pathlib import Path

from oim_archive import importers
from tests.bench import make_corpus


def test_same_seed_same_pages_other_seed_other_pages() -> None:
    assert make_corpus.make_pages(30, seed=5) == make_corpus.make_pages(30, seed=5)
    assert make_corpus.make_pages(30, seed=5) != make_corpus.make_pages(30, seed=6)
    names = [name for name, _ in make_corpus.make_pages(200, seed=5)]
    assert len(set(names)) == 200
    assert all(name.endswith(".txt") for name in names)


def test_pages_cover_the_three_languages_and_both_contact_shapes() -> None:
    pages = [data.decode("utf-8") for _, data in make_corpus.make_pages(300, seed=2)]
    assert {r.language for r in make_corpus.make_releases(300, seed=2)} == {"fr", "en", "es"}
    assert any('"mailto:' in page for page in pages)  # one field per line, broken mail link
    assert any("veuillez contacter " in page or "please contact " in page for page in pages)
    assert any(page.startswith("Communiqué") for page in pages)  # old header, no menu
    assert any("Qui sommes nousL" in page for page in pages)  # glued heading
    # Some bodies are hard-wrapped at about 60 columns.
    assert any(max(len(line) for line in page.splitlines()[-8:-2]) <= 61 for page in pages)


def test_importer_reads_the_pages_as_the_generator_meant_them() -> None:
    pages = make_corpus.make_pages(120, seed=3)
    truth = make_corpus.make_releases(120, seed=3)
    same = {"title": 0, "country": 0, "date": 0, "language": 0, "contacts": 0}
    for (name, data), expected in zip(pages, truth, strict=True):
        (release,) = importers.parse_page(data, name)
        assert release.source == expected.source == name
        same["title"] += release.title == expected.title
        same["country"] += release.country == expected.country
        same["date"] += release.date == expected.date
        same["language"] += release.language == expected.language
        same["contacts"] += [c.emails for c in release.contacts] == [
            c.emails for c in expected.contacts
        ]
    # The importer is a separate piece of work; the generator must be clear enough for it.
    assert all(count >= 110 for count in same.values()), same


def test_command_line_writes_files(tmp_path: Path) -> None:
    assert make_corpus.main([str(tmp_path / "out"), "--n", "5", "--seed", "4"]) == 0
    files = sorted((tmp_path / "out").iterdir())
    assert [f.name for f in files] == [name for name, _ in make_corpus.make_pages(5, seed=4)]
    assert files[0].read_bytes() == make_corpus.make_pages(5, seed=4)[0][1]
