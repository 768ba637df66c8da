"""Listing items on unfamiliar sites: bylines, captions, unspaced lists, cut teasers, numeric
labels in the site's order, and the lines that are never an item's title."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from oim_archive.importers import parse_page
from oim_archive.importers.chrome import is_byline, is_caption
from oim_archive.importers.listing import DAY_FIRST, MONTH_FIRST, in_site_order, site_order
from oim_archive.store.records import Release

TEASER = "IOM staff met {n} families this week and handed out shelter kits to all of them."


def _parse(text: str) -> list[Release]:
    return parse_page(text.encode("utf-8"), "page.txt")


def test_byline_with_a_place_and_a_plural_credit_are_captions() -> None:
    assert is_byline("By Joe Lowry in Tacloban")
    assert is_byline("By Grant Robertshaw in Capiz, Philippines")
    assert not is_byline("By Monday, 500 migrants had arrived.")
    assert not is_byline("By the end of 2016 in Niger, IOM had helped")
    assert is_caption("Manifestation à Agadez. Septembre 2022. Crédits : Infomigrants")


def test_blog_bylines_and_captions_are_never_titles() -> None:
    releases = _parse(
        "Humanitarian Emergencies\n\n"
        "Shelter Teams Reach the Islands\n\nBy Joe Lowry in Tacloban\n\n"
        + TEASER.format(n=40)
        + "\n\nTens of thousands still displaced in the south\n\n"
        "Omal Gani, born by the side of the road in Zamboanga\n\nBy Joe Lowry\n\n"
        + TEASER.format(n=50)
        + "\n\nDream dashed, lives on hold in the quake zone\n\nBy Joe Lowry\n\n"
        + TEASER.format(n=60)
        + "\n"
    )
    assert [r.title for r in releases] == [
        "Shelter Teams Reach the Islands",
        "Tens of thousands still displaced in the south",
        "Dream dashed, lives on hold in the quake zone",
    ]
    assert releases[1].body == TEASER.format(n=50)


def test_byline_glued_under_a_headline_is_not_part_of_the_title() -> None:
    releases = _parse(
        "Unable to see images? Click here\n\n03 August 2017\n\n"
        "The Healing Game\nBy Joe Lowry for IOM\n\n"
        "(Medium) Turkey - Women meet every week in a small room to talk about their lives.\n\n"
        "Read more\n\nGlobal Compact Can Promote Understanding of Migration\n\n"
        "(IOM) Nairobi – IOM spoke at the East African Consultative Meeting in Kenya.\n\n"
        "Read more\n"
    )
    assert [r.title for r in releases] == [
        "The Healing Game",
        "Global Compact Can Promote Understanding of Migration",
    ]
    assert {r.date for r in releases} == {"2017-08-03"}


def test_listing_printed_without_blank_lines_gives_one_item_per_headline() -> None:
    heads = [
        "La OIM apoya a México en la recuperación económica",
        "La OIM capacita funcionarios contra la trata en Honduras",
        "Diplomado de la OIM en Belice empieza su tercer curso",
    ]
    text = "\n".join(f"{head}\n{TEASER.format(n=n)}" for n, head in enumerate(heads)) + "\n"
    assert [r.title for r in _parse(text)] == heads


def test_hard_wrapped_paragraph_is_not_taken_for_an_unspaced_listing() -> None:
    releases = _parse(
        "IOM Opens a Migrant Resource Centre in Dakar\n\n"
        "Dakar – IOM opened a resource centre for returning\n"
        "Migrants in the capital this week, with the Ministry\n"
        "Of Foreign Affairs and the support of the European\n"
        "Union, which funds the project for three years.\n"
    )
    assert len(releases) == 1
    assert releases[0].title == "IOM Opens a Migrant Resource Centre in Dakar"


def test_last_teaser_cut_before_its_full_stop_is_still_the_last_item() -> None:
    heads = ["Migrants Return Home from Libya (IOM)", "Agricultural Output Struggles in Iraq (IOM)"]
    text = "".join(f"{head}\n\n{TEASER.format(n=n)}\n\n" for n, head in enumerate(heads))
    text += "Many imperial Romans had roots far away (IOM, Science)\n\n"
    text += (
        "Two thousand years ago, the streets of Rome bustled with people from all over the world\n"
    )
    releases = _parse(text)
    assert [r.title for r in releases][
        -1
    ] == "Many imperial Romans had roots far away (IOM, Science)"
    assert releases[-1].body.startswith("Two thousand years ago")


def test_short_tail_still_joins_a_title_split_over_two_lines() -> None:
    releases = _parse(
        "IOM Builds Housing Units in Earthquake-Affected\n\nNeighborhood in Haiti\n\n"
        + TEASER.format(n=72)
        + "\n\nIOM Hosts a Migration Policy Workshop in Haiti\n\n"
        + TEASER.format(n=30)
        + "\n\nA Husband and Two Failed Sea Voyages Later\n\n"
        + TEASER.format(n=2)
        + "\n"
    )
    assert (
        releases[0].title == "IOM Builds Housing Units in Earthquake-Affected Neighborhood in Haiti"
    )
    assert len(releases) == 3


def test_quoted_sentence_after_the_items_is_not_an_item() -> None:
    releases = _parse(
        "Unable to see images? Click here\n\n21 November 2018\n\n"
        "UN Agencies Join Up to Provide Opportunities in Turkey\n\n"
        "Istanbul (IOM) – A two-year project for entrepreneurs was launched on Monday.\n\n"
        "Read on\n\nHow Data Innovation Can Serve Migration Policymaking\n\n"
        "Berlin (IOM) – Reliable and timely data are needed to inform migration policy.\n\n"
        "Read on\n\n"
        'Natasha: "I had accepted my place as an outsider in America, but not in Japan."\n\n'
        "Share on Twitter | Facebook\n\n"
        "  • Thomson Reuters Foundation reported that leaders pledged to cut remittance costs\n"
    )
    assert [r.title for r in releases] == [
        "UN Agencies Join Up to Provide Opportunities in Turkey",
        "How Data Innovation Can Serve Migration Policymaking",
    ]


def test_headline_less_teasers_keep_a_cut_last_teaser() -> None:
    releases = _parse(
        "Marib – Fighting in Yemen has displaced 90,000 people since January.\n\n"
        "Beira – Residents wade through flooded streets after the cyclone.\n\n"
        "Geneva – IOM welcomes the inclusion of migrants in the vaccine strategy.\n\n"
        "Geneva – IOM and UNHCR, the UN Refugee Agency are deeply saddene\n"
    )
    assert [r.dateline for r in releases] == ["Marib", "Beira", "Geneva", "Geneva"]
    assert releases[-1].body == "IOM and UNHCR, the UN Refugee Agency are deeply saddene"
    assert releases[-1].title.startswith("IOM and UNHCR")


def test_ambiguous_numeric_labels_follow_the_listing_order() -> None:
    releases = _parse(
        "News\n\n"
        "L’OIM devient une organisation affiliée aux Nations Unies\n\n07/30/2016\n\n"
        "New York - Les Etats membres ont adopté une résolution aujourd’hui.\n\n"
        "Les Etats membres approuvent leur adhésion aux Nations Unies\n\n07/04/2016\n\n"
        "Suisse - Réunis à Genève, les Etats membres ont décidé de rejoindre le système.\n"
    )
    assert [r.date for r in releases] == ["2016-07-30", "2016-07-04"]


def test_site_order_is_told_only_by_labels_read_one_way() -> None:
    assert site_order(["07/30/2016", "07/04/2016"]) == MONTH_FIRST
    assert site_order(["30/07/2016 - 10:00", "04/07/2016"]) == DAY_FIRST
    assert site_order(["07/04/2016", "06/08/2016"]) is None
    assert site_order(["07/30/2016", "30/07/2016"]) is None  # the labels disagree
    assert in_site_order("Tue, 07/18/2017 - 10:42", MONTH_FIRST) == "Tue, 2017-07-18 - 10:42"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)), st.booleans())
def test_any_label_reads_back_as_its_date_in_the_site_order(day: date, month_first: bool) -> None:
    order = MONTH_FIRST if month_first else DAY_FIRST
    first, second = (day.month, day.day) if month_first else (day.day, day.month)
    label = f"Posted: {first:02d}/{second:02d}/{day.year}"
    assert in_site_order(label, order) == f"Posted: {day.isoformat()}"


HEADS = [
    "IOM Opens New Centre in Dakar for Returnees",
    "Migrants Stranded in Niger Get Help",
    "Training for Border Officials in Mali Ends",
]


def test_date_label_whose_value_is_on_the_next_line_is_not_a_title() -> None:
    text = "Press releases\n\n" + "".join(
        f"{head}\n\nDate Publish:\n{day}/03/2021\n\n{TEASER.format(n=n)}\n\n"
        for n, (head, day) in enumerate(zip(HEADS, (12, 10, 8), strict=True))
    )
    releases = _parse(text)
    assert [r.title for r in releases] == HEADS
    assert {r.date for r in releases} == {"2021"}  # day and month could be swapped


def test_read_more_glued_after_a_teaser_is_dropped() -> None:
    for residue in ("Read more", "[…] Continuer la lecture »", "Leer más"):
        text = "Home / News\n\n" + "".join(
            f"{head}\n\n{TEASER.format(n=n)} {residue}\n\n" for n, head in enumerate(HEADS)
        )
        releases = _parse(text)
        assert [r.title for r in releases] == HEADS, residue
        assert all(residue not in r.body for r in releases), residue


def test_date_lines_between_title_and_teaser_without_blank_lines() -> None:
    text = "".join(
        f"{head}\n{day} July 2019\n{TEASER.format(n=n)}\n\n"
        for n, (head, day) in enumerate(zip(HEADS, (12, 10, 8), strict=True))
    )
    releases = _parse(text)
    assert [r.title for r in releases] == HEADS
    assert [r.date for r in releases] == ["2019-07-12", "2019-07-10", "2019-07-08"]


def test_date_label_above_each_title_under_a_page_heading() -> None:
    text = "Press room\n\n" + "".join(
        f"Friday, {day} March 2017\n\n{head}\n\n{TEASER.format(n=n)}\n\n"
        for n, (head, day) in enumerate(zip(HEADS, (10, 3, 1), strict=True))
    )
    releases = _parse(text)
    assert [r.title for r in releases] == HEADS
    assert [r.date for r in releases] == ["2017-03-10", "2017-03-03", "2017-03-01"]


def test_labels_every_item_repeats_are_neither_titles_nor_text() -> None:
    text = "Official Statements\n\n" + "".join(
        f"Official Statements\n\nWorld + 4 more\n\n{head}\n\n{TEASER.format(n=n)}\n\n"
        for n, head in enumerate(HEADS)
    )
    releases = _parse(text)
    assert [r.title for r in releases] == HEADS
    assert all("4 more" not in r.body for r in releases)


def test_each_item_keeps_its_contact_sentence_which_is_never_a_title() -> None:
    contact = (
        "For more information, please contact Jane Doe at IOM Dakar, "
        "Tel: +221 33 869 62 00, Email: jdoe@iom.int"
    )
    text = "Accueil > Actualités > Communiqués\n\n" + "".join(
        f"{head}\n\n{TEASER.format(n=n)}\n\n{contact}\n\n" for n, head in enumerate(HEADS)
    )
    releases = _parse(text)
    assert [r.title for r in releases] == HEADS
    assert all([c.emails for c in r.contacts] == [["jdoe@iom.int"]] for r in releases)


def test_language_menu_label_is_not_the_title_of_a_one_item_feed_page() -> None:
    releases = _parse(
        "Languages\n\nIOM Opens New Centre in Dakar for Returnees\n\n"
        "PBN News Germany - Tue, 10/03/2017 - 10:36\n\n"
        "Dakar – IOM opened a centre this week for migrants returning home.\n"
    )
    assert [(r.title, r.date, r.dateline) for r in releases] == [
        ("IOM Opens New Centre in Dakar for Returnees", "2017-10-03", "Dakar")
    ]


def test_digest_heading_running_to_a_day_dates_its_items_by_the_month() -> None:
    text = "Digest [to 29 August 2015]\n\nSelected Press Releases\n" + "".join(
        f"{head}\nSenegal – IOM opened a centre this week for {n} migrants returning home.\n\n"
        for n, head in enumerate(HEADS)
    )
    releases = _parse(text)
    assert [r.title for r in releases] == HEADS
    assert {r.date for r in releases} == {"2015-08"}
