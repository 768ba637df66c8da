"""Shapes learnt from the seventh gathering of real pages (listings, datelines, offices, contacts):
one test per rule, each written as the shape it reads."""

from __future__ import annotations

import pytest

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.importers.body import split_dateline
from oim_archive.importers.chrome import is_byline
from oim_archive.importers.contacts import parse_contacts
from oim_archive.importers.people import find_funders


def _page(text: str, name: str = "page.txt") -> list:  # type: ignore[type-arg]
    return parse_page(text.encode(), name)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Luca Dall’Oglio, CEO of USAIM for IOM.", True),
        ("By Joe Lowry for IOM", True),
        ("By Monday, 500 migrants had arrived.", False),
        ("By the end of May, IOM Had Helped.", False),
    ],
)
def test_a_byline_may_end_with_its_role_and_a_full_stop(line: str, expected: bool) -> None:
    assert is_byline(line) is expected


NEWSLETTER = """Unable to see images? Click here

02 August 2017

Comments/questions: editor@iom.int

For the Future of Our Children, We Must Fight Human Trafficking
By Luca Dall’Oglio, CEO of USAIM for IOM.

(Medium) Washington DC - Each time I see a child, I see the future of us all.

Read more

Eye-Catching Videos Reach Audiences in Forty Countries

A campaign that started in Asia now plays to classrooms around the world

Bangkok (USAID) – An animated video plays to a full room of students in Minsk.

Read on

Dakar Messengers Explain the Dangers of the Road

Dakar (IPS)  El Adama Diallo left his home in Senegal dreaming of Europe.

Read on

Barbara and Chaqir: "Being different is not something bad. It adds to the lives of people."
Share on Facebook


Migration in the News

  • UN News Centre reported that the UN has stepped up its response in Nigeria.
  • AFP reported that eight migrants were found at sea off the coast of Libya.
"""


def test_newsletter_items_keep_their_headline_and_nothing_else_is_an_item() -> None:
    releases = _page(NEWSLETTER)
    assert [r.title for r in releases] == [
        "For the Future of Our Children, We Must Fight Human Trafficking",
        "Eye-Catching Videos Reach Audiences in Forty Countries",  # not its standfirst
        "Dakar Messengers Explain the Dangers of the Road",
    ]  # the quote under "Share on Facebook" and the news bullets are no item
    assert [r.dateline for r in releases] == [
        "(Medium) Washington DC",
        "Bangkok (USAID)",
        "Dakar (IPS)",
    ]
    assert releases[2].body.startswith("El Adama Diallo")
    assert {r.date for r in releases} == {"2017-08-02"}


@pytest.mark.parametrize(
    ("paragraph", "dateline", "rest"),
    [
        ("Dakar (IPS)  El Adama Diallo left.", "Dakar (IPS)", "El Adama Diallo left."),
        ("(Center for Global Development)  A common reason.", "(Center for Global Development)",
         "A common reason."),
        ("(Center for Global Development) – A common reason.", "(Center for Global Development)",
         "A common reason."),
        ("Dakar (IPS) El Adama Diallo left.", None, "Dakar (IPS) El Adama Diallo left."),
    ],
)  # fmt: skip
def test_a_source_in_brackets_and_two_spaces_make_a_dateline(
    paragraph: str, dateline: str | None, rest: str
) -> None:
    place, _, text = split_dateline(paragraph)
    assert (place, text) == (dateline, rest)


def test_a_regional_office_seat_is_not_the_subject_unless_the_country_is_named() -> None:
    regional = _page(
        "Des déplacements massifs sont à prévoir au Haut-Karabakh\n\n"
        "Vienne - L'OIM met en garde contre de violents affrontements dans la région.\n\n"
        "Pour plus d'informations, veuillez contacter Katarina Novak, OIM Vienne, "
        "Tel  +43 660 377 62 21, Email: knovak@iom.int\n"
    )[0]
    assert regional.country is None  # neither the dateline nor the contact's office
    assert [(c.name, c.phones) for c in regional.contacts] == [
        ("Katarina Novak", ["+436603776221"])
    ]
    named = _page(
        "Austria Opens a Centre for Migrants\n\n"
        "Vienna – IOM and Austria opened a centre for migrants in the capital today.\n"
    )[0]
    assert named.country == "AT"


def test_a_headline_naming_several_countries_gives_none() -> None:
    release = _page(
        "Respuesta de la OIM ante las inundaciones en El Salvador, Guatemala, Nicaragua y "
        "Honduras\n\nLas lluvias en El Salvador dejaron 35 muertos, dijo hoy la OIM.\n"
    )[0]
    assert release.country is None


@pytest.mark.parametrize(
    ("text", "funders"),
    [
        ("The centre – built with support from the Government of Japan for USD 525,000 – will "
         "help the ministry.", ["Government of Japan"]),
        ("The initiative, supported by USD 11 million in funding from the Kingdom of the "
         "Netherlands, will also reach young people.", ["Kingdom of the Netherlands"]),
        ("The shelter was built with support from local authorities.", []),
    ],
)  # fmt: skip
def test_funders_named_with_support_or_an_amount(text: str, funders: list[str]) -> None:
    assert find_funders(text) == funders


def test_a_person_at_a_named_office_of_iom() -> None:
    [olga, pavel] = parse_contacts(
        [
            "Pour plus d'informations, veuillez contacter Olga Marchenko à l'OIM Bélarus, "
            "Tél : +375 29 655 14 20, Courriel : omarchenko@iom.int, ou Pavel Drozd au Bureau "
            "régional de l'OIM à Vienne, Courriel : pdrozd@iom.int"
        ]
    )
    assert (olga.name, olga.phones, olga.emails) == (
        "Olga Marchenko",
        ["+375296551420"],
        ["omarchenko@iom.int"],
    )
    assert (pavel.name, pavel.phones, pavel.emails) == ("Pavel Drozd", [], ["pdrozd@iom.int"])
    assert pavel.office == "Bureau régional de l'OIM à Vienne"


def test_a_press_contact_on_one_line_between_bars() -> None:
    [contact] = parse_contacts(
        [
            "Contact presse : Aminata Ndiaye | Chargée de communication | OIM Sénégal | "
            "+221 33 869 62 00 | amndiaye@iom.int"
        ]
    )
    assert (contact.name, contact.phones, contact.emails) == (
        "Aminata Ndiaye",
        ["+221338696200"],
        ["amndiaye@iom.int"],
    )


@pytest.mark.parametrize(
    "text",
    [
        "México y la OIM acuerdan colaborar\n"
        "EFE. Ciudad de México. 07 de febrero de 2024.- México y la OIM acordaron este miércoles "
        "colaborar por una migración segura.\n",
        "Tegucigalpa – La OIM realiza misiones de observación de la caravana migrante.\n\n"
        "La OIM “trabaja por la dignidad de las personas migrantes”, subraya un comunicado.\n",
    ],
)
def test_news_reports_about_iom_are_refused(text: str) -> None:
    with pytest.raises(ImportRefused):
        _page(text)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("IOM assisted 5,000 migrants between 2014 and 2017.", ["2017"]),
        ("entre 2014 et 2017, l'OIM a aidé les familles", ["2017"]),
        ("de 2012 à 2015 l'OIM a formé des agents", ["2012", "2015"]),
        ("aged 2010 and 2011", []),  # no span opened by "between", "entre", "from"…
    ],
)
def test_a_span_of_years_written_in_words_ends_with_a_date(text: str, dates: list[str]) -> None:
    from oim_archive.importers.dates import find_dates

    assert [found.iso for found in find_dates(text)] == dates


ITEMS = [
    ("IOM Opens Migrant Centre in Agadez", "Agadez – IOM opened a migrant centre there today."),
    ("Floods Displace Thousands in Chad", "N'Djamena – Heavy rains displaced families this week."),
    ("IOM Trains Border Officials in Mali", "Bamako – Forty officials completed a training."),
]


def test_numbered_headlines_lose_their_numbers() -> None:
    text = "Press releases\n\n" + "\n\n".join(
        f"{number}. {title}\n\n{teaser}" for number, (title, teaser) in enumerate(ITEMS, 1)
    )
    assert [r.title for r in _page(text)] == [title for title, _ in ITEMS]


def test_a_short_headline_over_a_teaser_opening_with_a_dateline() -> None:
    text = (
        "News\n\nHaiti Floods\n\nPort-au-Prince – IOM is helping families hit by floods.\n\n"
        "Sudan Returns\n\nKhartoum – Thousands of Sudanese have returned, IOM said.\n\n"
        "Mali Census\n\nBamako – IOM helped count displaced people in Mali.\n"
    )
    assert [r.title for r in _page(text)] == ["Haiti Floods", "Sudan Returns", "Mali Census"]


def test_bulleted_headlines_over_their_teasers_are_items_not_a_menu() -> None:
    text = "News\n" + "".join(f"• {title}\n{teaser}\n" for title, teaser in ITEMS)
    releases = _page(text)
    assert [(r.title, r.dateline) for r in releases] == [
        ("IOM Opens Migrant Centre in Agadez", "Agadez"),
        ("Floods Displace Thousands in Chad", "N'Djamena"),
        ("IOM Trains Border Officials in Mali", "Bamako"),
    ]


def test_bulleted_headlines_over_their_dates() -> None:
    text = (
        "Communiqués\n\n• L'OIM ouvre un centre pour migrants à Agadez\n  12 mars 2018\n"
        "• Inondations au Tchad : l'OIM aide les familles\n  10 mars 2018\n"
        "• Formation des garde-frontières au Mali\n  8 mars 2018\n"
    )
    assert [(r.title, r.date) for r in _page(text)] == [
        ("L'OIM ouvre un centre pour migrants à Agadez", "2018-03-12"),
        ("Inondations au Tchad : l'OIM aide les familles", "2018-03-10"),
        ("Formation des garde-frontières au Mali", "2018-03-08"),
    ]


def test_a_menu_of_bullets_is_still_a_menu() -> None:
    text = (
        "• English\n  • Deutsch\nSubscribe to PBN News Germany feed\n\n"
        "IOM Appeals for Funds in South Sudan\n\nJuba – IOM launched its appeal today (05/02).\n"
    )
    [release] = _page(text)
    assert release.title == "IOM Appeals for Funds in South Sudan"


def test_a_long_headline_of_one_phrase_is_kept_whole() -> None:
    title = (
        "Réintégration des Migrants de Retour au Sénégal par les Acteurs Étatiques et "
        "Non-Étatiques : Validation des Procédures Opérationnelles Standard (POS) et des Termes "
        "de Référence (TdRs) du Mécanisme National de Référencement (MNR) des migrants de retour"
    )
    [release] = _page(f"{title}\nDakar – Le bureau de l'OIM a organisé un atelier ce 8 mai 2024.\n")
    assert release.title == title


def test_two_countries_named_about_as_much_give_none() -> None:
    both = _page(
        "Ministers Meet on Labour Migration\n\n"
        "Ministers of Colombia and Ecuador met on Monday to discuss labour migration. Colombia "
        "hosts many workers and Ecuador sends many, IOM said today.\n"
    )[0]
    assert both.country is None
    one = _page(
        "Ecuador Opens a Centre for Returning Workers\n\n"
        "Ecuador opened a centre for workers returning from Colombia on Monday, IOM said today.\n"
    )[0]
    assert one.country == "EC"  # named in the headline
