"""Rules from the sixteenth gathering of real pages (issue 13): contact blocks kept precise."""

from __future__ import annotations

from oim_archive.importers import parse_page
from oim_archive.importers.headlines import is_headline
from oim_archive.importers.phones import split_numbers, to_e164


def test_a_number_cut_to_a_fragment_is_no_phone() -> None:
    assert to_e164("+ 93 (0) 700 2", None) is None  # Afghan numbers have nine digits
    assert to_e164("+216 22 4", None) is None


def test_numbers_of_old_plans_and_short_plans_stay() -> None:
    assert to_e164("+225 20 21 22 23", None) == "+22520212223"  # Côte d'Ivoire before 2021
    assert to_e164("+221 869 62 30", None) == "+2218696230"  # Senegal's old seven digits
    assert to_e164("+683 4002", None) == "+6834002"  # Niue's numbers have four digits
    assert to_e164("+93 20 22 01104", None) == "+93202201104"


_CUT_RELEASE = """IOM Helps Families Forced to Return Home

IOM has given tents and blankets to families forced to return home across the western border this month.

The agency is appealing for donor support to restock its emergency supplies.

For further information, please contact:

Tomás Arguedas

IOM Kabul

Tel + 93 (0) 700 2
"""


def test_a_contact_whose_number_the_page_cuts_keeps_no_phone() -> None:
    (release,) = parse_page(_CUT_RELEASE.encode(), "cut.txt")
    assert [(c.name, c.phones) for c in release.contacts] == [("Tomás Arguedas", [])]


def test_a_whole_number_at_the_page_end_is_kept() -> None:
    page = _CUT_RELEASE.replace("Tel + 93 (0) 700 2", "Tel + 93 (0) 700 234 567")
    (release,) = parse_page(page.encode(), "whole.txt")
    assert release.contacts[0].phones == ["+93700234567"]


def test_a_phone_line_is_no_headline() -> None:
    assert not is_headline("Tel 00 41 79 70160 54")
    assert not is_headline("Mobile: +235 62 90 06 74")
    assert not is_headline("Office: +235 22 52 53 47/48 (Ext. 114)")


def test_a_headline_about_phones_stays_one() -> None:
    assert is_headline("Phone Lines Restored in 12 Villages")
    assert is_headline("Telephone Hotline Opens for 2,000 Migrants")


_ONE_FIELD_A_LINE = """News
Global

IOM Director General Addresses the Council of Foreign Ministers

The Director General will speak to the ministers gathered this week in the capital.

He will set out the Organization's priorities for the region and its partners.

For further information, please contact:

Karim Benali

Tel 00 41 79 70160 71

E-mail: "mailto:kbenali@iom.int">kbenali@iom.int
"""


def test_a_number_on_its_own_line_stays_in_the_contact_block() -> None:
    (release,) = parse_page(_ONE_FIELD_A_LINE.encode(), "dg.txt")
    (contact,) = release.contacts
    assert (contact.name, contact.phones, contact.emails) == (
        "Karim Benali",
        ["+41797016071"],
        ["kbenali@iom.int"],
    )


_ASKED_TO_CONTACT = """Comunicado
Global

Promouvoir les migrations régulières

L'OIM lance aujourd'hui une campagne d'information pour promouvoir des migrations sûres et légales auprès des migrants potentiels.

Pendant six mois, la campagne diffusera ses messages à la radio, à la télévision et dans la presse.

Pour plus d'informations, veuillez contacter:

Andrés Felipe Mora

OIM Bogota

Tél. : + 5715946488 Ext. 137

E-mail : "mailto:afmora@oim.org.co" target="_blank" title=
"">afmora@oim.org.co
"""


def test_the_person_a_contact_intro_asks_to_call_is_no_headline() -> None:
    (release,) = parse_page(_ASKED_TO_CONTACT.encode(), "campagne.txt")
    (contact,) = release.contacts
    assert (contact.name, contact.office, contact.phones) == (
        "Andrés Felipe Mora",
        "OIM Bogota",
        ["+5715946488"],
    )


_FACTSHEET_LISTING = """IOM, Partners Unite to End Malaria

April 25, 2016 Today, on World Malaria Day, IOM stands with the World Health Organization in calling for joint action against malaria.

IOM Releases Its Migration Trends Factsheet

April 19, 2016 - The factsheet gives a snapshot of worldwide migration trends for the year, drawn from many sources.

For more information and figures, see the Migration Trends Factsheet:

Migrants Must not be Left out of Efforts to End Tuberculosis

March 24, 2016 IOM marks World TB Day by stressing how much partnerships matter for the health of migrants.

IOM Message on International Women's Day

March 8, 2016 - On International Women's Day, IOM restates its commitment to gender equality and to the women who have left their homes.
"""


def test_a_line_pointing_to_a_document_asks_no_one_to_call() -> None:
    releases = parse_page(_FACTSHEET_LISTING.encode(), "news.txt")
    titles = [release.title for release in releases]
    assert "Migrants Must not be Left out of Efforts to End Tuberculosis" in titles


def test_an_extension_is_not_part_of_its_number() -> None:
    assert split_numbers("+235 22 52 53 47/48 (Ext. 114)") == [
        "+235 22 52 53 47",
        "+235 22 52 53 48",
    ]
    assert split_numbers("+ 5715946488 Ext. 137") == ["+ 5715946488"]
    assert split_numbers("01 45 67 89 10 poste 2043") == ["01 45 67 89 10"]


def test_a_number_with_no_extension_stays_whole() -> None:
    assert split_numbers("+41 22 717 9111/9435") == ["+41 22 717 9111", "+41 22 717 9435"]
    assert split_numbers("+33 1 45 67 89 10") == ["+33 1 45 67 89 10"]


_SIGNED = """Migrants Day in Chad

IOM organized a ceremony to mark International Migrants Day on 18 December. The Prime Minister was guest of honour and the national media covered the event widely.


Dr. Hamid TAHER,
Chief of Mission, IOM Chad
Office: +235 22 52 53 47/48 (Ext. 114)
Mobile: +235 66 31 08 52
Fax: +235 22 52 53 49
"""


def test_a_signature_ending_a_release_is_its_contact() -> None:
    (release,) = parse_page(_SIGNED.encode(), "day.txt")
    (contact,) = release.contacts
    assert contact.name == "Hamid TAHER"
    assert contact.phones == ["+23522525347", "+23522525348", "+23566310852"]  # no fax
    assert "Office:" not in release.body


def test_a_closing_list_of_people_without_an_iom_office_is_no_signature() -> None:
    page = _SIGNED.replace("Chief of Mission, IOM Chad", "Minister of the Interior")
    (release,) = parse_page(page.encode(), "day.txt")
    assert release.contacts == []


def test_a_closing_paragraph_of_sentences_is_no_signature() -> None:
    page = (
        _SIGNED.replace(
            "Office: +235 22 52 53 47/48 (Ext. 114)", "The ceremony closed with a concert."
        )
        .replace("Mobile: +235 66 31 08 52\n", "")
        .replace("Fax: +235 22 52 53 49\n", "")
    )
    (release,) = parse_page(page.encode(), "day.txt")
    assert release.contacts == []
