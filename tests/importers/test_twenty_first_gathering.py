"""Rules from the twenty-first gathering of real pages (issue 13): French single releases."""

from __future__ import annotations

import pytest

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.importers.after_title import skip_after_title
from oim_archive.importers.body import split_dateline
from oim_archive.importers.dates import find_dates
from oim_archive.importers.people import find_funders


def _funders(text: str) -> list[str]:
    return find_funders(text, text.split())


@pytest.mark.parametrize(
    ("text", "funders"),
    [
        (
            "Le projet financé par le Gouvernement du Japon pour un montant de 1 050 000 USD "
            "améliore les contrôles.",
            ["Gouvernement du Japon"],
        ),
        (
            "Ce programme est financé par l'Union européenne à hauteur de 2 millions d'euros.",
            ["Union européenne"],
        ),
        (
            "El proyecto, financiado por el Gobierno de Canadá por un monto de 500 000 dólares, "
            "apoya a los migrantes.",
            ["Gobierno de Canadá"],
        ),
    ],
)
def test_an_amount_after_the_funder_is_no_part_of_its_name(text: str, funders: list[str]) -> None:
    assert _funders(text) == funders


def test_a_funder_named_with_an_amount_word_keeps_it() -> None:
    """Only "pour un montant", "à hauteur de 2…" end the name, not a word inside it."""
    text = "Un projet financé par le Fonds pour la consolidation de la paix des Nations Unies."
    assert _funders(text) == ["Fonds pour la consolidation de la paix des Nations Unies"]


@pytest.mark.parametrize(
    "opening",
    [
        "Mardi 13 juin 2017 – Il est 18h20 quand le vol spécial se pose à Conakry.",
        "Le jeudi 4 mai 2023 - Les équipes de l'OIM accueillent 120 migrants.",
        "Tuesday 13 June 2017 – At 6.20pm the charter flight landed in Conakry.",
    ],
)
def test_a_weekday_and_a_date_before_the_dash_are_a_dateline_without_a_place(
    opening: str,
) -> None:
    place, date, rest = split_dateline(opening)
    assert place is None
    assert date is not None and date[-4:] in opening
    assert not rest[:1].isdigit() and rest[:1] not in "–-"


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        ("Dakar, mardi 13 juin 2017 – L'OIM a accueilli 161 migrants.", "Dakar"),
        ("Conakry – Mardi dernier, 161 migrants sont rentrés de Libye.", "Conakry"),
    ],
)
def test_a_place_before_a_weekday_is_still_the_dateline(opening: str, place: str) -> None:
    assert split_dateline(opening)[0] == place


def test_a_copy_opening_with_a_weekday_date_has_no_headline_and_that_date() -> None:
    body = (
        "Mardi 13 juin 2017 – Il est 18h20 quand le vol spécial affrété par l’OIM Libye se pose "
        "à l’aéroport de Conakry-Gbessia avec 161 migrants guinéens à bord, dont 4 mineurs "
        "non accompagnés, 5 femmes et 6 jeunes enfants, qui ont demandé l’aide de l’OIM.\n\n"
        "Le vol charter est parti de Tripoli et a atterri à Conakry le soir même. L’OIM a mené "
        "des entretiens avant le départ et des examens médicaux.\n"
    )
    [release] = parse_page(body.encode(), "copy.txt")
    assert release.dateline is None
    assert release.date == "2017-06-13"
    assert release.body.startswith("Il est 18h20")
    assert not release.title.startswith("Mardi")


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Au premier trimestre 2013, quelque 7 137 migrants ont été enregistrés.", "2013"),
        ("Le second semestre 2019 a vu les retours doubler.", "2019"),
    ],
)
def test_a_part_of_a_year_dates_the_year(text: str, year: str) -> None:
    assert [found.iso for found in find_dates(text)] == [year]


def test_a_year_after_an_ordinary_word_is_still_no_date() -> None:
    assert find_dates("Le programme compte 2013 bénéficiaires et 1999 familles.") == []


_FRENCH_TITLE = "Poursuite des retours volontaires des Tchadiens avec l’appui de l’OIM"
_FRENCH_TEXT = (
    "Les mois d’août et septembre 2024, 525 migrants tchadiens sont arrivés à l'aéroport de "
    "N'Djamena dans le cadre d'un programme de retour volontaire de l’OIM."
)


def _first_kept(*lines: str) -> str:
    rest, _ = skip_after_title(["", *lines], _FRENCH_TITLE)
    return next(line for line in rest if line.strip())


def test_an_english_caption_over_a_french_release_is_skipped() -> None:
    caption = "IOM teams assist returning Chadians with administrative formalities at the airport."
    assert _first_kept(caption, "", _FRENCH_TEXT) == _FRENCH_TEXT


@pytest.mark.parametrize(
    "line",
    [
        # The text itself is in English: the line is its first paragraph.
        "IOM teams assist returning Chadians with administrative formalities at the airport.",
        # Two sentences: a paragraph, not a caption.
        "IOM teams assist returning Chadians at the airport. They also receive a kit.",
        # Too few words of any language to tell.
        "N'Djamena Airport.",
    ],
)
def test_a_line_that_is_not_a_foreign_caption_stays(line: str) -> None:
    english = "The returnees received medical screening and a transport allowance on arrival."
    following = english if line.startswith("IOM teams assist returning Chadians with") else ""
    assert _first_kept(line, "", following or _FRENCH_TEXT) == line


def test_a_french_first_paragraph_under_a_french_title_stays() -> None:
    assert _first_kept(_FRENCH_TEXT, "", "L'OIM a aussi fourni des kits.") == _FRENCH_TEXT


_JOINT_OPENING = (
    "Le mercredi 10 octobre, en présence des autorités, l’agence des Nations Unies chargée des "
    "migrations (OIM) et l'agence des Nations Unies pour les réfugiés (HCR) ont ouvert un bureau "
    "conjoint à Nouadhibou, au nord-ouest de la Mauritanie.\n\n"
    "« Ce bureau commun montre un vrai partenariat entre les agences », a déclaré le "
    "représentant du HCR en Mauritanie.\n\n"
)


def test_a_copy_where_iom_speaks_in_a_quote_of_its_own_is_a_release() -> None:
    page = _JOINT_OPENING + "« L’OIM est heureuse de renouveler son engagement auprès du pays. »\n"
    [release] = parse_page(page.encode(), "copy.txt")
    assert "L’OIM est heureuse" in release.body


def test_a_quote_that_only_thanks_iom_does_not_make_it_speak() -> None:
    page = _JOINT_OPENING + "« Nous remercions l’OIM pour son appui », a ajouté le ministre.\n"
    with pytest.raises(ImportRefused):
        parse_page(page.encode(), "copy.txt")


def test_a_title_too_short_to_tell_its_language_makes_no_caption() -> None:
    """ "Mobile Clinics Reach Displaced Families in Mopti" has no marker word: no judgment."""
    line = "Local workers built the centre over six months with materials bought nearby."
    rest, _ = skip_after_title(["", line, "", _FRENCH_TEXT], "Mobile Clinics in Mopti")
    assert next(text for text in rest if text.strip()) == line
