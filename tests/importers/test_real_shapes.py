"""One test per rule learnt from the real-page corpus (tests/real_pages/tuned): page shapes,
dates and contact blocks as real sites write them (people and numbers are invented)."""

from __future__ import annotations

import pytest

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.importers.body import split_dateline
from oim_archive.importers.chrome import find_title, is_caption
from oim_archive.importers.contact_intro import find_intro
from oim_archive.importers.contacts import parse_contacts
from oim_archive.importers.listing import is_date_line
from oim_archive.importers.phones import to_e164
from oim_archive.store.records import DATE_PUBLISHED, Contact


def _one(text: str) -> object:
    releases = parse_page(text.encode(), "page.txt")
    assert len(releases) == 1
    return releases[0]


@pytest.mark.parametrize(
    "line",
    [
        "Wed, 09/30/2020 - 12:30",  # month/day: the weekday tells
        "PBN News Germany - Wed, 07/24/2019 - 12:59",  # a feed's source before the date
        "Friday, 10 March 2017",
    ],
)
def test_date_lines(line: str) -> None:
    assert is_date_line(line)


def test_a_dateline_alone_is_not_a_date_line() -> None:
    assert not is_date_line("Dakar – ")
    assert not is_date_line("Mon, 13/45/2020 - 10:00")  # no reading fits


def test_feed_lines_and_breadcrumbs_are_chrome() -> None:
    lines = ["• English", "Subscribe to PBN News Germany feed", "Updated: 2 hours 25 min ago",
             "Home / Press Room IOM", "IOM Opens a Centre"]  # fmt: skip
    assert find_title(lines)[0] == 4


def test_poster_credit_is_a_caption() -> None:
    assert is_caption("Las campañas parten de la experiencia de la OIM. Afiche de la Campaña: OIM")
    assert not is_caption("Afiche: la OIM lanza cinco campañas en la región")


def test_a_news_agencys_photo_credit_is_a_caption() -> None:
    assert is_caption("(AFP Photo / Christophe Archambault)")
    assert is_caption("(AP Photo/Jane Doe)")
    assert is_caption("Reuters/Juan Pérez")
    assert not is_caption("AFP reported that / the border was closed")
    assert not is_caption("(AFP) - IOM said on Monday that 300 migrants had landed")


def test_drupal_date_under_the_title_is_read_month_first() -> None:
    release = _one(
        "New Funding Boost Zimbabwe Emergency Response\n\nFri, 04/12/2019 - 11:08\n\n"
        "Harare – Operations after the cyclone were boosted this week by new contributions.\n"
    )
    assert (release.date, release.date_basis) == ("2019-04-12", DATE_PUBLISHED)
    assert release.dateline == "Harare"


def test_date_line_above_the_headline_is_the_page_date() -> None:
    release = _one(
        "Friday, 10 March 2017\n\nIOM to host online press conference on Wednesday\n\n"
        "GENEVA, Switzerland, March 10, 2017/ -- So far in 2017, migrants arrived by sea.\n"
    )
    assert release.title == "IOM to host online press conference on Wednesday"
    assert (release.date, release.dateline) == ("2017-03-10", "GENEVA, Switzerland")
    assert release.body.startswith("So far in 2017")


def test_dateline_with_slash_and_double_dash() -> None:
    assert split_dateline("Nairobi, Kenya, May 2, 2016/ -- IOM said today.")[::2] == (
        "Nairobi, Kenya",
        "IOM said today.",
    )


def test_hard_wrapped_opening_is_not_a_headline() -> None:
    release = _one(
        "IOM Director General John Smith\nwill arrive in Amman tonight for a visit to Jordan.\n"
        "He will meet the ministers.\n"
    )
    assert release.title.startswith("IOM Director General John Smith will arrive")
    assert release.body.startswith("IOM Director General John Smith will arrive")


def test_field_labels_with_values_on_the_next_line_are_skipped() -> None:
    release = _one(
        "L’OIM Mali assiste les migrants en transit\n\nPublished Date: \nWed, 12/12/2018\n"
        "Country: \nMali\n\nBamako - Depuis fin octobre, l’OIM reçoit plus de migrants.\n"
    )
    assert (release.date, release.dateline) == ("2018-12-12", "Bamako")
    assert release.body.startswith("Depuis fin octobre")


def test_intro_ending_with_an_empty_email_label_keeps_its_person() -> None:
    block = ["For more information please contact  Ana Lind; IOM Geneva, Tel: +41 22 717 9402 | "
             "Mobile: +41 79 103 44 18, Email:"]  # fmt: skip
    assert parse_contacts(block) == [
        Contact("Ana Lind", "IOM Geneva", ["+41227179402", "+41791034418"], [])
    ]


def test_place_labels_and_leading_or_are_not_names() -> None:
    block = ["For more information, please contact:",
             "In Geneva: Rita Moreau, Tel: +41 79 285 4366, Email: rmoreau@iom.int",
             "À Niamey : Ali Hamani, ahamani@iom.int; or Hans Berg, IOM Pretoria, "
             "Tel: +27 12 342 2789"]  # fmt: skip
    assert [(c.name, c.office) for c in parse_contacts(block)] == [
        ("Rita Moreau", "Geneva"),
        ("Ali Hamani", "Niamey"),
        ("Hans Berg", "IOM Pretoria"),
    ]


def test_a_job_title_is_not_a_person() -> None:
    block = ["Para más información, contactar a:",
             "Andrea Mejía, Oficial de Comunicación, OIM Honduras, amejia@iom.int, +504 2220 1100"]  # fmt: skip
    contacts = parse_contacts(block)
    assert [c.name for c in contacts] == ["Andrea Mejía"]
    assert contacts[0].phones == ["+50422201100"]


def test_labels_after_a_full_stop_are_fields_of_their_own() -> None:
    block = ["Pour plus d'informations, veuillez contacter Mariam Keita, OIM Mali. "
             "Tél : +223 75 99 12 34. E-mail : mkeita@iom.int"]  # fmt: skip
    assert parse_contacts(block) == [
        Contact("Mariam Keita", "OIM Mali", ["+22375991234"], ["mkeita@iom.int"])
    ]


def test_country_code_in_brackets() -> None:
    assert to_e164("(506) 2212-5300", None) == "+50622125300"
    assert to_e164("(506) 12", None) is None


def test_intro_at_the_end_of_a_sentence_and_prose_after_the_block() -> None:
    lines = ["Les œuvres sont en vente.", "Si vous souhaitez en acheter, veuillez contacter:", "",
             "Marie Robin", "", "OIM Dakar", "", "Tel: +221 869 62 41 (direct)", "",
             'E-mail: "mailto:mrobin@iom.int" target="_blank" title=', '"">mrobin@iom.int', "",
             "Le paiement peut s'effectuer par virement auprès du bureau de l'OIM."]  # fmt: skip
    intro = find_intro(lines)
    assert intro == 1
    assert parse_contacts(lines[intro:]) == [
        Contact("Marie Robin", "OIM Dakar", ["+2218696241"], ["mrobin@iom.int"])
    ]


def test_an_inline_contact_ends_at_the_blank_line() -> None:
    block = ["For More information please contact:  Selma Mansour at IOM Geneva, "
             "Tel: +41 79 403 5590. Email: ", "", "IOM, KSrelief Sign New"]  # fmt: skip
    assert parse_contacts(block) == [Contact("Selma Mansour", "IOM Geneva", ["+41794035590"], [])]


def test_people_written_together_share_office_and_phone() -> None:
    block = ["Contacts presse :", "Issa Traoré (itraore@iom.int) et Awa Diallo (adiallo@iom.int), "
             "OIM Mali, Tél. : +223 20 22 76 22"]  # fmt: skip
    assert parse_contacts(block) == [
        Contact("Issa Traoré", "OIM Mali", ["+22320227622"], ["itraore@iom.int"]),
        Contact("Awa Diallo", "OIM Mali", ["+22320227622"], ["adiallo@iom.int"]),
    ]


def test_a_dateline_naming_two_countries_gives_no_country() -> None:
    release = _one(
        "Autoridades revisan la asistencia a personas retornadas\n\n"
        "Tapachula (México) / Tecún Umán (Guatemala). - Representantes de México y Guatemala "
        "culminaron hoy una visita a Guatemala.\n"
    )
    assert release.country is None


def test_a_headquarters_dateline_does_not_make_the_release_swiss() -> None:
    release = _one(
        "Déclaration du DG : l'OIM pleure les victimes du naufrage\n\n"
        "Suisse - Le Directeur général est bouleversé par le naufrage au large de l'Italie, "
        "où les garde-côtes italiens cherchent encore des survivants.\n"
    )
    assert release.country == "IT"


def test_a_regional_headline_gives_no_country() -> None:
    release = _one(
        "Mecanismos regionales fortalecen la atención a migrantes\n\n"
        "Ciudad de Guatemala – Los países de la Conferencia se reunieron en Guatemala.\n"
    )
    assert release.country is None


def test_listing_items_naming_no_place_take_the_listing_country() -> None:
    items = [
        ("Roofs repaired in Jérémie, Haiti", "IOM repaired roofs in Haiti after the hurricane."),
        ("Camp residents in Haiti get nets", "Families in a Haiti camp received nets."),
        ("Border centre opens in Haiti", "A new centre opened on the Haiti border."),
        ("Carpenters trained after the storm", "Twenty carpenters learnt to build safer roofs."),
    ]
    text = "\n\n".join(f"{title}\n\n{teaser}" for title, teaser in items)
    releases = parse_page(text.encode(), "news.txt")
    assert [r.country for r in releases] == ["HT"] * 4


@pytest.mark.parametrize(
    ("text", "funders"),
    [
        ("un programme financé par la Commission européenne pour renforcer les capacités",
         ["Commission européenne"]),
        ("la capacitación, financiada por el Gobierno de Japón para fortalecer la gestión",
         ["Gobierno de Japón"]),
        ("kits supplied by USAID's Office of Foreign Disaster Assistance for families",
         ["USAID's Office of Foreign Disaster Assistance"]),
        ("a contribution from Kuwait to IOM of USD 3 million", ["Kuwait"]),
        ("USD 200,000 in contributions from the Government of Japan and IOM's own funds",
         ["Government of Japan"]),
        ("relief items supplied by IOM", []),
    ],
)  # fmt: skip
def test_funder_phrases(text: str, funders: list[str]) -> None:
    from oim_archive.importers.people import find_funders

    assert find_funders(text) == funders


def test_breadcrumb_heading_and_language_field_are_chrome() -> None:
    release = _one(
        "Home / Press Room IOM\n\nPress Room IOM\n\nYoung Media Professionals Trained\n\n"
        "IOM - News - Mar, 08/08/2017 - 10:00\nLanguage English\n\n"
        "Tunis – IOM is holding a three-day media training this week.\n"
    )
    assert (release.title, release.dateline) == ("Young Media Professionals Trained", "Tunis")
    assert release.date == "2017-08-08"


def test_bracketed_date_after_the_places() -> None:
    assert split_dateline("Niamey, Niger (16 octobre 2024) – Une mission est venue.") == (
        "Niamey, Niger",
        "16 octobre 2024",
        "Une mission est venue.",
    )


def test_a_media_contacts_page_is_refused() -> None:
    with pytest.raises(ImportRefused, match="contact page"):
        parse_page(
            "Pour plus d'informations sur l'OIM en Afrique de l'Ouest, veuillez contacter "
            "media@iom.int.\n\nLa division des médias publie des notes de presse deux fois par "
            "semaine, lues à Genève le mardi et le vendredi.\n".encode(),
            "contacts.txt",
        )


def test_listing_item_with_only_its_cms_date_line_is_kept() -> None:
    text = (
        "IOM Opens a Health Centre\n\nIOM - News - Mar, 03/21/2017 - 09:46\n\n"
        "Egypt - IOM opened a centre this week.\n\n"
        "IOM Welcomes a Milestone\n\nIOM - News - Ven, 03/17/2017 - 11"
    )
    releases = parse_page(text.encode(), "archive.txt")
    assert [(r.title, r.date) for r in releases] == [
        ("IOM Opens a Health Centre", "2017-03-21"),
        ("IOM Welcomes a Milestone", "2017-03-17"),
    ]


def test_early_and_late_mark_a_year() -> None:
    from oim_archive.importers.dates import find_dates

    assert [d.iso for d in find_dates("stranded since early 2014")] == ["2014"]


def test_central_american_is_not_american() -> None:
    release = _one(
        "Central American Authorities Agree to Share Information\n\n"
        "San Ignacio — Officials of the Central American countries met this week.\n"
    )
    assert release.country is None


def test_text_after_the_contact_block_stays_in_the_body() -> None:
    release = _one(
        "Une exposition à Dakar\n\nDes œuvres de jeunes migrants sont exposées à Dakar.\n\n"
        "Si vous souhaitez acquérir une œuvre, veuillez contacter:\n\nMarie Robin\n\nOIM Dakar\n\n"
        "Tel: +221 869 62 41\n\nLe paiement peut s'effectuer par virement auprès du bureau.\n"
    )
    assert [c.name for c in release.contacts] == ["Marie Robin"]
    assert release.body.endswith("Le paiement peut s'effectuer par virement auprès du bureau.")


def test_a_teaser_opening_with_its_date_is_dated_by_it() -> None:
    page = (
        "IOM Opens a Migrant Centre in Agadez\n\n"
        "April 25, 2016 Today, IOM opened an information centre for migrants in Agadez.\n\n"
        "IOM Trains Border Officials in Senegal\n\n"
        "March 8, 2016 - IOM trained forty border officials this week in Senegal.\n\n"
        "IOM Director General's Message on Migrants Day\n\n"
        "December 18, 2015 - On International Migrants Day, IOM recalls what migrants bring.\n"
    )
    first, second, _ = parse_page(page.encode(), "page.txt")
    assert (first.date, first.date_basis) == ("2016-04-25", DATE_PUBLISHED)
    assert first.body.startswith("Today, IOM opened")
    assert (second.date, second.date_basis) == ("2016-03-08", DATE_PUBLISHED)
    assert second.body.startswith("IOM trained")
