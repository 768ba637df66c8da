"""Rules from the twenty-third gathering of real pages (issue 13): listing pages of new shapes."""

from __future__ import annotations

from importers.chrome import is_byline
from oim_archive.importers import parse_page


def test_a_byline_with_a_colon_is_a_byline() -> None:
    assert is_byline("By: Sabah Abdulrahman")
    assert is_byline("Por: Ana Pérez")
    assert is_byline("Par : Awa Ndiaye, OIM Sénégal")


def test_a_sentence_after_by_and_a_colon_is_no_byline() -> None:
    assert not is_byline("By: the end of May, 300 migrants had arrived.")
    assert not is_byline("Byline: none")


_DATED_TEASERS = """IOM Press Briefing Notes

11 July, 2017

Erbil - IOM is providing urgent medical support to tuberculosis patients across the country, the Ministry of Health said.

22 June, 2017

With the support of IOM, the Minister of Interior recently held a conference in Baghdad to present the community policing model and its strategy.

21 June, 2017

By: Sabah Abdulrahman

IOM supports peace and stability by encouraging dialogue between host communities and displaced people and by building local skills.

09 June, 2017

Erbil - To reduce the risk of gender-based violence for displaced families, IOM and humanitarian partners will be collectin
"""


def test_a_teaser_under_its_date_label_is_the_item_text() -> None:
    releases = parse_page(_DATED_TEASERS.encode(), "dated-teasers.txt")
    assert [r.date for r in releases] == ["2017-07-11", "2017-06-22", "2017-06-21", "2017-06-09"]
    assert releases[1].body.startswith("With the support of IOM, the Minister of Interior")
    assert releases[3].dateline == "Erbil"
    assert releases[3].body.startswith("To reduce the risk of gender-based violence")


def test_a_byline_over_a_teaser_is_neither_title_nor_text() -> None:
    release = parse_page(_DATED_TEASERS.encode(), "dated-teasers.txt")[2]
    assert release.title.startswith("IOM supports peace and stability")
    assert "Abdulrahman" not in release.body


_DATED_HEADLINES = """News

12 May, 2019

IOM Opens a New Migrant Resource Centre in Erbil

3 May, 2019

Displaced Families Return to Sinjar With IOM Support
"""


def test_a_headline_under_its_date_label_stays_a_headline() -> None:
    releases = parse_page(_DATED_HEADLINES.encode(), "dated-headlines.txt")
    assert [r.title for r in releases] == [
        "IOM Opens a New Migrant Resource Centre in Erbil",
        "Displaced Families Return to Sinjar With IOM Support",
    ]
    assert all(not r.body.startswith(r.title) for r in releases)
