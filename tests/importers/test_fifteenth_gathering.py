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


_TWO_ITEM_DIGEST = """Unable to see images? Click here

28 September 2018

Comments/questions: editor@iom.int

main banner

The Regional Director speaks at a side event on health in New York. Photo: IOM

Act Now on Migrant Health, IOM Tells UN General Assembly

New York – IOM has joined the call for better healthcare for migrants in Europe and Central Asia.

Read on | Share on

main banner

A project gives people affected by the crisis fair access to water and sanitation. Photo: IOM

New Framework for Addressing Gender-Based Violence in Crises

{second}

Although IOM has add"""


def test_a_place_glued_to_the_body_is_its_dateline() -> None:
    second = "GenevaGender-Based Violence (GBV) is present in every crisis where IOM works."
    releases = parse_page(_TWO_ITEM_DIGEST.format(second=second).encode(), "newsdesk.txt")
    assert [release.dateline for release in releases] == ["New York", "Geneva"]
    assert releases[1].body.startswith("Gender-Based Violence (GBV) is present")


def test_a_capitalised_brand_opening_a_release_is_no_dateline() -> None:
    page = (
        "IOM Launches a Video Series on Safe Migration\n\n"
        "YouTube viewers can now watch IOM's new series on safe migration, the agency said.\n\n"
        "The series has ten episodes in three languages.\n"
    )
    releases = parse_page(page.encode(), "release.txt")
    assert len(releases) == 1
    assert releases[0].dateline is None
    assert releases[0].body.startswith("YouTube viewers")


def test_a_double_hyphen_after_the_place_is_the_datelines_dash() -> None:
    page = (
        "Migrants Must Be Saved, Not Counted\n\n"
        "GENEVA--Easter tells us of triumph over injustice, the Director General writes.\n\n"
        "Thousands have died at sea this year.\n"
    )
    release = parse_page(page.encode(), "statement.txt")[0]
    assert release.dateline == "GENEVA"
    assert release.body.startswith("Easter tells us")


def test_a_double_hyphen_in_a_sentence_is_no_dateline() -> None:
    page = (
        "IOM Closes Its Consultation on Return Programmes\n\n"
        "The consultation ended--as many had hoped--with a shared statement by all partners.\n\n"
        "A report follows next month.\n"
    )
    release = parse_page(page.encode(), "release.txt")[0]
    assert release.dateline is None
    assert release.body.startswith("The consultation ended")


_BLOG_COPY = """{posted}
Catégorie: Web NEWS

IOM Libya Continues its Emergency Operations

Tripoli - IOM has seen erroneous reports that its mission has suspended its operations.

IOM continues its emergency operations on the ground for all people affected by the conflict.
"""


def test_a_blogs_post_line_over_the_headline_dates_the_release() -> None:
    for posted, date in [
        ("Par SENETOILE NEWS le mercredi 10 avril 2019", "2019-04-10"),
        ("By Web Desk on March 3, 2019", "2019-03-03"),
    ]:
        page = _BLOG_COPY.format(posted=posted)
        release = parse_page(page.encode(), "blog.txt")[0]
        assert release.title == "IOM Libya Continues its Emergency Operations", posted
        assert release.date == date
        assert release.dateline == "Tripoli"


def test_a_headline_opening_with_by_is_the_title() -> None:
    page = (
        "By Sea and by Land on 3 Routes, 2019 Arrivals Fall\n\n"
        "Geneva - Arrivals of migrants in Europe fell this year on all three routes, IOM said.\n\n"
        "The figures cover the first six months.\n"
    )
    release = parse_page(page.encode(), "release.txt")[0]
    assert release.title == "By Sea and by Land on 3 Routes, 2019 Arrivals Fall"


def test_a_contribution_of_an_amount_from_a_government_names_its_funder() -> None:
    page = (
        "WFP Welcomes Italian Contribution for Libya\n\n"
        "TUNIS – The World Food Programme welcomes a contribution of €1 million (US$1.16 million) "
        "from the Government of Italy, which will give food assistance to displaced families.\n"
    )
    assert parse_page(page.encode(), "release.txt")[0].funders == ["Government of Italy"]


def test_a_contribution_of_people_is_no_funding() -> None:
    page = (
        "Volunteers Join the Flood Response in the North\n\n"
        "Niamey – IOM received a contribution of 300 volunteers from the local Red Cross branch "
        "to help families who lost their homes.\n"
    )
    assert parse_page(page.encode(), "release.txt")[0].funders == []
