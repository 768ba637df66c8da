"""Rules from the fifteenth gathering of real pages (issue 13): listing shapes the corpus lacked."""

from __future__ import annotations

from oim_archive.importers import parse_page

_BULLETED_LIST = """Press releases

  • 14 Mar 2019 - Tripoli – The agency brought 120 stranded migrants home on a charter flight this week, with medical staff on board.
  • 09 Mar 2019 - The members of the council welcome the talks held in Geneva on the political process.
  • 02 Mar 2019 - TUNIS – A workshop on assistance to victims of explosive remnants of war opened today.
"""


def test_a_list_of_dated_bullets_is_one_release_a_bullet() -> None:
    releases = parse_page(_BULLETED_LIST.encode(), "press-releases.txt")
    assert [release.date for release in releases] == ["2019-03-14", "2019-03-09", "2019-03-02"]
    assert [release.dateline for release in releases] == ["Tripoli", None, "TUNIS"]
    assert releases[0].body.startswith("The agency brought 120 stranded migrants")
    assert releases[0].title.startswith("The agency brought 120 stranded migrants")


def test_the_list_without_its_heading_reads_the_same() -> None:
    page = _BULLETED_LIST.replace("Press releases\n\n", "")
    assert len(parse_page(page.encode(), "press-releases.txt")) == 3


_TIMELINE_RELEASE = """IOM Marks a Year of Charter Flights Home from Libya

Tripoli – IOM has now run charter flights home for stranded migrants for a full year, the agency said today.

The flights so far:

  • 14 Mar 2019 - the first flight took 120 migrants to Niamey.
  • 09 Jun 2019 - a flight took 150 migrants to Bamako.
  • 02 Sep 2019 - a flight took 98 migrants to Conakry.

“Every flight is a life back on track,” said the Chief of Mission.
"""


def test_a_release_with_a_dated_timeline_stays_one_release() -> None:
    releases = parse_page(_TIMELINE_RELEASE.encode(), "release.txt")
    assert len(releases) == 1
    assert releases[0].title == "IOM Marks a Year of Charter Flights Home from Libya"
    assert "a flight took 150 migrants to Bamako" in releases[0].body


def test_bullets_without_dates_are_no_dated_list() -> None:
    page = _BULLETED_LIST.replace("14 Mar 2019 - ", "").replace("09 Mar 2019 - ", "")
    releases = parse_page(page.encode(), "press-releases.txt")
    assert not any(release.date == "2019-03-14" for release in releases)
