"""Rules from the tenth gathering of real pages (issue 13): several people sharing one line,
a unit named before its people, news pages about IOM that are not its releases."""

from __future__ import annotations

import pytest

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.importers.contacts import parse_contacts
from oim_archive.importers.dates import find_dates
from oim_archive.importers.people import find_funders

# --- contacts: several people written together ----------------------------------------------


def test_two_people_before_their_office_share_the_phone_and_split_the_addresses() -> None:
    block = [
        "Pour plus d’informations, veuillez contacter Aline Mukendi ou Patrick Ilunga à l’OIM "
        "RDC, Tél : +243 81 700 12 34, Email : amukendi@iom.int / pilunga@iom.int"
    ]
    contacts = parse_contacts(block)
    assert [(c.name, c.emails, c.phones) for c in contacts] == [
        ("Aline Mukendi", ["amukendi@iom.int"], ["+243817001234"]),
        ("Patrick Ilunga", ["pilunga@iom.int"], ["+243817001234"]),
    ]
    assert all(c.office == "OIM RDC" for c in contacts)


def test_two_people_with_one_address_both_keep_it() -> None:
    block = ["Please contact Anna Berg or Tomas Lind, Tel: +41 79 555 01 23, Email: media@iom.int"]
    contacts = parse_contacts(block)
    assert [(c.name, c.emails) for c in contacts] == [
        ("Anna Berg", ["media@iom.int"]),
        ("Tomas Lind", ["media@iom.int"]),
    ]


def test_a_long_unit_name_before_its_people_is_their_office() -> None:
    block = [
        "For more information please contact IOM Niger Media and Communications Unit: "
        "Boubacar Diallo or Halima Issa, Tel: +227 80 06 65 07"
    ]
    contacts = parse_contacts(block)
    assert [(c.name, c.phones) for c in contacts] == [
        ("Boubacar Diallo", ["+22780066507"]),
        ("Halima Issa", ["+22780066507"]),
    ]
    assert contacts[0].office == "IOM Niger Media and Communications Unit"


def test_a_slash_between_addresses_is_never_a_name() -> None:
    block = ["Contact: Jean Dupont, OIM Mali, Email : a@iom.int / b@iom.int"]
    assert all(c.name.strip("/ ") for c in parse_contacts(block))


# --- pages about IOM that are not its releases ---------------------------------------------

_ARTICLE_OPENING = (
    "Des migrants arrivés à Conakry\n\n"
    "Quatre-vingt-dix-huit migrants guinéens venus de Libye ont atterri mardi à Conakry.\n\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "Les migrants ont été pris en charge, précise le communiqué.",
        "L’avion s’est posé mercredi, selon un communiqué de l’OIM rendu public vendredi.",
        "Le départ a eu lieu lundi, According to the Associated Press.",
        "Source: NOUVEL HORIZON",
        "© CAMERPOST avec © APA",
        "Des femmes au camp de Yola | EMMANUEL AREWA / © AFP / Illustration",
        "793 vues",
        "Rédacteur cameroun-online",
    ],
)
def test_a_news_site_article_about_iom_is_refused(line: str) -> None:
    page = _ARTICLE_OPENING + line + "\n"
    with pytest.raises(ImportRefused, match="not a press release"):
        parse_page(page.encode(), "article.txt")


def test_the_same_page_without_the_news_site_line_is_kept() -> None:
    assert len(parse_page(_ARTICLE_OPENING.encode(), "article.txt")) == 1


def test_a_job_notice_is_refused() -> None:
    page = (
        "International Organization for Migration Job Recruitment\n\n"
        "IOM is recruiting to fill the position below.\n\n"
        "Job Title: Consultant - KAP Survey\nLocation: Yola\n"
        "Type of Appointment: Consultancy, 60 days\n"
    )
    with pytest.raises(ImportRefused, match="job notice"):
        parse_page(page.encode(), "job.txt")


# --- funders, dates, labels ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "funder"),
    [
        ("Le financement du vol a été fourni par les Pays-Bas.", "Pays-Bas"),
        ("Funding for the flights was provided by the Government of Japan.", "Government of Japan"),
        ("Cet exercice, financé par un programme plus large du Bureau de l’USAID, recueille…",
         "Bureau de l’USAID"),
    ],
)  # fmt: skip
def test_funders_written_in_the_passive_or_through_a_programme(text: str, funder: str) -> None:
    assert find_funders(text) == [funder]


def test_a_laws_number_and_year_is_not_a_date() -> None:
    assert find_dates("institucionalizado en la Ley de Víctimas (Ley 1448 de 2011) como") == []
    assert [d.iso for d in find_dates("aprobada en abril de 2011")] == ["2011-04"]


def test_a_header_with_a_dangling_dash_is_not_the_title() -> None:
    page = (
        "Skip to main content\nNews - \nGlobal\n\nIOM Welcomes First Charter from Libya\n\n"
        "Niamey – The first of eight charter flights landed this week (06/12).\n"
    )
    assert parse_page(page.encode(), "page.txt")[0].title == "IOM Welcomes First Charter from Libya"


# --- second batch: hard-wrapped teasers, funders as adjectives, document transcripts ---------


def test_hard_wrapped_teasers_cut_mid_sentence_under_title_cased_headlines() -> None:
    page = (
        "Press Release\n\n"
        "Senegal Shifts from Destination to Transit Country, IOM Profile Finds\n\n"
        "Senegal, long seen mainly as a country of destination\n"
        "in the region, has also become a country of\nemigration as living conditions grow harder\n\n"
        "IOM Creates Waste Management Jobs in Liberia\n\n"
        "A project creating 200 waste management jobs for\nformer combatants will double in size\n\n"
        "Mauritania a Major Transit Country, IOM Migration Profile Confirms\n\n"
        "A migration profile of Mauritania released today shows that\n"
        "the country remains a major transit country\n\n"
        "Major Step Forward in Countering Human Trafficking in Liberia\n\n"
        "A national referral system for victims of trafficking\nis to be set up by the\n\n"
        "Cape Verdean Diaspora Train Profession\n"
    )
    releases = parse_page(page.encode(), "listing.txt")
    assert [r.title for r in releases] == [
        "Senegal Shifts from Destination to Transit Country, IOM Profile Finds",
        "IOM Creates Waste Management Jobs in Liberia",
        "Mauritania a Major Transit Country, IOM Migration Profile Confirms",
        "Major Step Forward in Countering Human Trafficking in Liberia",
    ]
    assert releases[0].body.startswith("Senegal, long seen mainly")


def test_sentence_case_headlines_over_teasers_are_still_headlines() -> None:
    page = (
        "News\n\n"
        "Former refugee helps displaced women amplify their voices\n\n"
        "A former refugee now trains displaced women to speak on the radio.\n\n"
        "Thousands of migrants still trapped by clashes in Tripoli\n\n"
        "Fighting has cut off several detention centres, IOM said on Tuesday.\n\n"
        "World has every interest in better managed migration\n\n"
        "Managing migration well benefits everyone, a UN expert said.\n"
    )
    assert len(parse_page(page.encode(), "listing.txt")) == 3


@pytest.mark.parametrize(
    ("text", "funder"),
    [
        ("A German government-funded IOM project creating 200 jobs will double.",
         "German government"),
        ("Thanks to funding by the European Union, a centre has opened in Sunyani.",
         "European Union"),
    ],
)  # fmt: skip
def test_funders_as_an_adjective_or_after_thanks_to(text: str, funder: str) -> None:
    assert find_funders(text) == [funder]


def test_a_government_funded_project_names_no_funder() -> None:
    assert find_funders("The government-funded project will double in size.") == []


def test_a_document_transcript_with_page_numbers_is_refused() -> None:
    page = (
        "Informe Anual 2008\n\n46\n\nInforme de Actividades 2008\n\n1\n\nPresentación\n\n5\n\n"
        "Acerca de la OIM\n\n7\n\nEste documento resume las actividades realizadas en 2008 por la "
        "Organización Internacional para las Migraciones (OIM), Oficina en Uruguay.\n"
    )
    with pytest.raises(ImportRefused, match="transcript"):
        parse_page(page.encode(), "informe.txt")
