"""Rules from the fourteenth gathering of real pages (issue 13): a newsletter item's picture
caption, left under the image's placeholder text, is neither an item nor its text."""

from __future__ import annotations

from oim_archive.importers import parse_page

_DIGEST = """Unable to see images? Click here

05 October 2017

Comments/questions: editor@iom.int


main banner

{caption}

Director General Recognised with Top Djibouti Award

Djibouti - The Director General was honoured this week (03/10) with a national award by the Prime Minister of Djibouti.

Read more | Share on


main banner

Re-Creating Home: How a Syrian Architect Cured Homesickness with Art

Washington, D.C. (IOM) – A Syrian artist and architect has missed home since the day he left Syria in 2003.

Read more


Pipeline: Delivering Shelter in South Sudan

South Sudan (IOM) – The Shelter Cluster in South Sudan makes sure relief aid reaches displaced people.

Watch here
"""
_TITLES = [
    "Director General Recognised with Top Djibouti Award",
    "Re-Creating Home: How a Syrian Architect Cured Homesickness with Art",
    "Pipeline: Delivering Shelter in South Sudan",
]


def test_a_caption_under_an_image_placeholder_is_no_item() -> None:
    caption = "The Director General receives the award from the Prime Minister of Djibouti."
    releases = parse_page(_DIGEST.format(caption=caption).encode(), "newsdesk.txt")
    assert [release.title for release in releases] == _TITLES
    assert releases[0].body.startswith("The Director General was honoured")
    assert all(caption not in release.body for release in releases)


def test_the_digest_without_a_caption_reads_the_same() -> None:
    page = _DIGEST.replace("{caption}\n\n", "")
    assert [release.title for release in parse_page(page.encode(), "newsdesk.txt")] == _TITLES


def test_a_teaser_under_an_image_placeholder_is_kept() -> None:
    """An item's teaser sentence right under the placeholder (its headline lost) is no caption
    when no headline with a dateline teaser follows it: the page reads as without the rule."""
    teaser = "Djibouti - The Director General was honoured this week with a national award."
    page = _DIGEST.format(caption=teaser)
    plain = page.replace("main banner\n", "")
    got = [(r.title, r.body) for r in parse_page(page.encode(), "newsdesk.txt")]
    assert got == [(r.title, r.body) for r in parse_page(plain.encode(), "newsdesk.txt")]


def test_a_sentence_under_a_placeholder_without_a_headline_below_stays() -> None:
    """No headline with a dateline teaser under it: the sentence is not taken for a caption."""
    page = (
        "main banner\n\nIOM Opens Centre in Niger\n\nNiger - IOM opened a centre this week.\n\n"
        "The centre will host 500 migrants.\n"
    )
    releases = parse_page(page.encode(), "release.txt")
    assert len(releases) == 1
    assert "The centre will host 500 migrants." in releases[0].body
