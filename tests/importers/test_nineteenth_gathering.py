"""Rules from the nineteenth gathering of real pages (issue 13): contact precision."""

from __future__ import annotations

import pytest

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.importers.body import split_dateline
from oim_archive.importers.comment_form import comment_form_start
from oim_archive.importers.contact_fields import OFFICE_MARK, split_fields
from oim_archive.importers.contacts import parse_contacts

_INTRO = "Pour plus d'informations, veuillez contacter :"


def _people(*lines: str) -> list[tuple[str, str | None]]:
    return [(c.name, c.office) for c in parse_contacts([_INTRO, *lines])]


def test_an_agency_heading_its_person_is_the_office_not_the_name() -> None:
    assert _people(
        "OIM : Awa Diop, Chargée de communication, adiop@iom.int, +221 77 000 11 22",
        "HCR : Marc Leroy, Chargé des relations extérieures, leroy@unhcr.org, +221 78 000 11 22",
    ) == [
        ("Awa Diop", "OIM, Chargée de communication"),
        ("Marc Leroy", "HCR, Chargé des relations extérieures"),
    ]


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("For IOM: Jane Doe, +41 79 100 20 30, jdoe@iom.int", "IOM"),
        ("For UNHCR: John Smith, +41 79 200 30 40, smith@unhcr.org", "UNHCR"),
        ("Pour l'OIM : Awa Diop, adiop@iom.int", "OIM"),
        ("Por el ACNUR: Ana Pérez, perez@unhcr.org", "ACNUR"),
    ],
)
def test_for_an_agency_heads_its_person(line: str, agency: str) -> None:
    fields = split_fields([line])
    assert fields[0] == OFFICE_MARK + agency
    assert looks_named(fields[1])


def looks_named(field: str) -> bool:
    return field.split()[0][:1].isupper() and ":" not in field


@pytest.mark.parametrize(
    "line",
    [
        "Contact presse : Halima Souley, Chargée de communication, OIM Niger – hs@iom.int",
        "Media contact: Halima Souley, Communications Officer, IOM Niger, hs@iom.int",
        "Contacto de prensa: Halima Souley, Oficial de comunicación, hs@iom.int",
    ],
)
def test_a_press_label_before_a_person_is_no_part_of_the_name(line: str) -> None:
    (contact,) = parse_contacts([_INTRO, line])
    assert contact.name == "Halima Souley"
    assert contact.emails == ["hs@iom.int"]


def test_field_labels_in_capitals_are_no_agency() -> None:
    contacts = parse_contacts([_INTRO, "Jane Doe", "TEL: +41 79 100 20 30", "EMAIL: jdoe@iom.int"])
    assert [(c.name, c.office, c.phones, c.emails) for c in contacts] == [
        ("Jane Doe", None, ["+41791002030"], ["jdoe@iom.int"])
    ]


def test_a_place_label_still_heads_its_person() -> None:
    assert split_fields(["À Genève : Claire Moulin, cm@iom.int"])[:2] == [
        OFFICE_MARK + "Genève",
        "Claire Moulin",
    ]


def test_capitals_before_a_colon_without_a_name_after_are_no_label() -> None:
    # "NB: the office is closed": no capitalised name follows, nothing heads a person.
    assert not any(f.startswith(OFFICE_MARK) for f in split_fields(["ONU: voir le site"]))


@pytest.mark.parametrize(
    ("paragraph", "date"),
    [
        ("Niamey – (04/06/2020), l'OIM a aidé 179 migrants à rentrer au Mali.", "04/06/2020"),
        ("Agadez - (12 mars 2019) L'OIM a ouvert un centre.", "12 mars 2019"),
    ],
)
def test_a_bracketed_date_after_the_dash_is_the_datelines(paragraph: str, date: str) -> None:
    place, written, rest = split_dateline(paragraph)
    assert (place, written) == (paragraph.split()[0], date)
    assert rest.startswith(("l'OIM", "L'OIM"))


@pytest.mark.parametrize(
    "paragraph",
    [
        "Genève – (Reuters) L'OIM a annoncé mardi un nouvel appel.",
        "Niamey – (2019) fut une année record pour les retours.",
        "Dakar – (OIM) Le centre a accueilli 300 migrants le 12 mars 2019.",
    ],
)
def test_brackets_after_the_dash_that_hold_no_full_date_stay_in_the_body(paragraph: str) -> None:
    _place, written, rest = split_dateline(paragraph)
    assert written is None
    assert rest.startswith("(")


_NEWS_PAGE = """Actualités

L’OIM-Guinée signe un accord de financement avec l’Union européenne

Un accord entre l’Union européenne et l’OIM a été signé ce mardi à Conakry devant la ministre des Affaires étrangères, qui a salué un soutien attendu.

La cheffe de mission de l’OIM a rappelé que la Guinée compte parmi les pays les plus touchés par la migration irrégulière.
"""


@pytest.mark.parametrize(
    "form",
    [
        "Commentaires\n\ncommentaires\n\nAjouter un commentaire\n\nLeave a Reply\n\n"
        "Votre adresse de messagerie ne sera pas publiée. Les champs obligatoires sont "
        "indiqués avec *\n\n*\n\nTo Top\n",
        "DEJA UNA RESPUESTA\n\nPor favor ingrese su comentario!\nPor favor ingrese su nombre aquí",
        "Leave a Reply\n\nYour email address will not be published. Required fields are marked *",
    ],
)
def test_a_comment_form_ending_the_page_is_no_item(form: str) -> None:
    (release,) = parse_page((_NEWS_PAGE + "\n" + form).encode(), "news.txt")
    assert "commentaire" not in release.body.casefold()
    assert "reply" not in release.body.casefold() and "respuesta" not in release.body.casefold()


def test_the_form_is_known_by_its_heading_at_the_end_of_the_page() -> None:
    lines = _NEWS_PAGE.split("\n")
    assert comment_form_start([*lines, "Leave a Reply", "Your ema"]) == len(lines)
    assert comment_form_start(lines) == len(lines)


def test_a_comments_line_followed_by_long_text_is_no_form() -> None:
    # A listing's "Comments" label over another item's teaser: the page goes on.
    long_teaser = (
        "Geneva – IOM said on Tuesday that more than 3,000 migrants had been assisted to return "
        "home from Niger since January, most of them from Mali and Guinea."
    )
    lines = [*_NEWS_PAGE.split("\n"), "Comments", "", long_teaser]
    assert comment_form_start(lines) == len(lines)


_REPORT = """L’OIM aide 150 migrants guinéens à rentrer de Libye

Conakry – L’Organisation internationale pour les migrations (OIM) a aidé mardi 150 migrants guinéens bloqués en Libye à rentrer chez eux par un vol affrété.

« Ces jeunes rentrent avec un projet », a déclaré la cheffe de mission de l’OIM en Guinée.
"""


@pytest.mark.parametrize(
    "byline",
    [
        "Mamadou Bah Guineenews.org",
        "Ousmane Kaba Mosaiqueguinee.com",
        "por | 02-11-2018",
        "By | 14/03/2019",
    ],
)
def test_a_news_sites_byline_makes_the_page_a_report(byline: str) -> None:
    with pytest.raises(ImportRefused, match="news site"):
        parse_page(f"{_REPORT}\n{byline}\n".encode(), "report.txt")


@pytest.mark.parametrize(
    "line",
    [
        "",
        "Share on Twitter | Facebook",
        "Pour plus d'informations : consultez www.iom.int",
        "Jean Dupont jdupont@iom.int",
    ],
)
def test_lines_that_are_no_news_sites_byline_leave_the_release(line: str) -> None:
    (release,) = parse_page(f"{_REPORT}\n{line}\n".encode(), "release.txt")
    assert release.dateline == "Conakry"
