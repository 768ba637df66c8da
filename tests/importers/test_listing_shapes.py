"""Listing shapes without CMS lines, and the dateline, date and funder forms found with them."""

from __future__ import annotations

from oim_archive.importers import parse_page
from oim_archive.importers.body import split_dateline
from oim_archive.importers.chrome import is_caption
from oim_archive.importers.dates import published_date
from oim_archive.importers.people import find_funders
from oim_archive.importers.places import is_country_name
from oim_archive.store.records import DATE_PUBLISHED


def _parse(text: str) -> list:  # type: ignore[type-arg]
    return parse_page(text.encode("utf-8"), "page.txt")


def test_bulleted_listing_gives_one_release_per_bullet() -> None:
    releases = _parse(
        "Press & News\n\n"
        "  • IOM Aids Relocation of Families from Greece to Finland\n\n"
        "    IOM helped two groups of asylum seekers travel to Finland this week.\n\n"
        "  • Reintegration Stories\n\n"
        "    In December 2014 the Swiss State Secretariat for Migration and IOM Greece agreed.\n\n"
        "  • placeholder\n\n"
        "    Press Release - IOM Greece Mission at Kos island\n\n"
        "    IOM Greece staff give newly arrived migrants information on Kos.\n"
    )
    assert [r.title for r in releases] == [
        "IOM Aids Relocation of Families from Greece to Finland",
        "Reintegration Stories",
        "Press Release - IOM Greece Mission at Kos island",
    ]
    assert releases[2].body.startswith("IOM Greece staff")


def test_newsletter_items_take_the_issue_date() -> None:
    releases = _parse(
        "Unable to see images? Click here\n\n17 July 2017\n\n"
        "Comments/questions: editor@iom.int\n\nmain banner\n\n"
        "Dialogue on Migration Discusses Migrant Vulnerabilities\n\n"
        "(IOM) Switzerland – Key actors will meet on 18 and 19 July in Geneva.\n\n"
        "Read more\n\nmain banner\n\n"
        "Pitching Up: Ancient Sports Help Integrate Children\n\n"
        "(The Guardian) Ireland – Ballyhaunis is a traditional farming town.\n\n"
        "Read moreWatch here\n"
    )
    assert [r.title for r in releases] == [
        "Dialogue on Migration Discusses Migrant Vulnerabilities",
        "Pitching Up: Ancient Sports Help Integrate Children",
    ]
    assert {(r.date, r.date_basis) for r in releases} == {("2017-07-17", DATE_PUBLISHED)}
    assert [r.dateline for r in releases] == ["(IOM) Switzerland", "(The Guardian) Ireland"]


def test_bare_teasers_under_a_place_heading_are_items() -> None:
    releases = _parse(
        "Sénégal\n\n"
        "L'OIM dispensera trois jours de formation à\n16 organisations partenaires locales.\n\n"
        "Une campagne d'information sera étendue\naujourd'hui à la Casamance.\n\n"
        "Le bureau régional de l'OIM à Dakar lance\nune campagne nationale.\n"
    )
    assert len(releases) == 3
    assert releases[1].body.startswith("Une campagne d'information sera étendue aujourd'hui")


def test_a_release_with_a_short_title_is_not_split_into_teasers() -> None:
    releases = _parse(
        "Hope in Troubling Times\n\nUpala – A dozen teenagers talk about leaving home.\n\n"
        "Most of them want to study.\n\nSome want to work abroad.\n"
    )
    assert len(releases) == 1


def test_datelines_with_a_bracketed_source_a_lost_dash_or_no_year() -> None:
    assert split_dateline("(IOM) Switzerland – Key actors meet.", is_country_name)[0] == (
        "(IOM) Switzerland"
    )
    assert split_dateline("Roma 26 January - The IOM said.", is_country_name)[:2] == (
        "Roma",
        "26 January",
    )
    releases = _parse("Kuwait Gives to Yemen Operations\n\nGeneva  On Monday, Kuwait gave funds.\n")
    assert releases[0].dateline == "Geneva"


def test_us_date_with_a_day_over_twelve_is_certain() -> None:
    assert published_date("01/22/2021") == "2021-01-22"
    assert published_date("04/10/2019") == "2019"  # either order: only the year is certain


def test_donor_named_before_donated() -> None:
    assert find_funders("On Monday, the State of Kuwait donated USD 10 million.") == [
        "State of Kuwait"
    ]
    assert find_funders("IOM in Costa Rica donated equipment to the DGME.") == []
    assert "Blankets" not in find_funders("Blankets donated by Japan reached the camp.")


def test_funder_name_stops_before_its_implementer_and_iom_clause() -> None:
    assert find_funders(
        "Funded by Swiss Confederation and the State Secretariat for Migration "
        "Implemented by IOM Greece"
    ) == ["Swiss Confederation", "State Secretariat for Migration"]
    assert find_funders("At the request of and funded by UNHCR, IOM will move 5,000.") == ["UNHCR"]


def test_byline_is_skipped_but_a_sentence_starting_with_by_is_not() -> None:
    assert is_caption("By António Vitorino, Director General, IOM")
    assert is_caption("By Joe Lowry for IOM")
    assert not is_caption("By Monday, the number of migrants had risen.")
