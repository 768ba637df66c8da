"""Rules from the twenty-sixth gathering of real pages (issue 13): contact blocks of the users'
regions (West and Central Africa, Haiti, the Maghreb, Latin America)."""

from __future__ import annotations

import pytest

from oim_archive.importers import parse_page
from oim_archive.importers.contact_fields import OFFICE_MARK, _unglued, split_fields
from oim_archive.importers.contact_intro import split_inline_intro
from oim_archive.importers.contacts import parse_contacts
from oim_archive.importers.dates import find_dates
from oim_archive.importers.people import find_funders
from oim_archive.importers.places import tokenize

_INTRO = "Pour plus d'informations, veuillez contacter :"


def _people(*lines: str) -> list[tuple[str, str | None, list[str], list[str]]]:
    return [(c.name, c.office, c.phones, c.emails) for c in parse_contacts([_INTRO, *lines])]


# --- a plural e-mail label is a label, never a person ------------------------------------------


@pytest.mark.parametrize("label", ["Emails", "E-mails", "Courriels", "Correos"])
def test_a_plural_mail_label_is_no_person(label: str) -> None:
    line = (
        "Sonia Trabelsi ou Mehdi Chaabane, OIM Tunisie, Tél. : +216 71 860 312, "
        f"{label} : strabelsi@iom.int, mchaabane@iom.int"
    )
    assert _people(line) == [
        ("Sonia Trabelsi", "OIM Tunisie", ["+21671860312"], ["strabelsi@iom.int"]),
        ("Mehdi Chaabane", "OIM Tunisie", ["+21671860312"], ["mchaabane@iom.int"]),
    ]


def test_a_plural_label_alone_on_its_line_waits_for_its_addresses() -> None:
    assert _people("Awa Diop", "Emails :", "adiop@iom.int") == [
        ("Awa Diop", None, [], ["adiop@iom.int"])
    ]


def test_a_word_ending_in_mails_is_still_text() -> None:
    # "Hotmails" is no label: the office field stays what it was.
    ((name, office, _, emails),) = _people("Awa Diop, Hotmails Unit, adiop@iom.int")
    assert (name, office, emails) == ("Awa Diop", "Hotmails Unit", ["adiop@iom.int"])


# --- a spaced dash between a name and a role --------------------------------------------------


@pytest.mark.parametrize("dash", ["–", "—", "-"])
def test_a_spaced_dash_ends_the_name(dash: str) -> None:
    line = f"Laura Camila Ríos {dash} Oficial de Comunicaciones, OIM Colombia"
    ((name, office, phones, _),) = _people(line, "Cel./WhatsApp: +57 310 555 4821")
    assert name == "Laura Camila Ríos"
    assert office == "Oficial de Comunicaciones, OIM Colombia"
    assert phones == ["+573105554821"]


@pytest.mark.parametrize(
    "line",
    [
        "Jean-Robert Pierre-Louis, OIM Haïti, jrpl@iom.int",  # hyphens inside the name
        "Unité communication – OIM Haïti, comms@iom.int",  # no name before the dash
    ],
)
def test_a_dash_without_a_name_before_it_splits_nothing(line: str) -> None:
    ((name, _, _, _),) = _people(line)
    assert name in ("Jean-Robert Pierre-Louis", "Unité communication – OIM Haïti")


# --- an agency and its country office heading a person ----------------------------------------


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("ACNUR Perú: Andrea Salazar, +51 987 654 321", "ACNUR Perú"),
        ("UNHCR Tunisia: Leila Gharbi, +216 29 111 222", "UNHCR Tunisia"),
        ("HCR Côte d'Ivoire : Awa Koné, +225 07 00 00 00 00", "HCR Côte d'Ivoire"),
    ],
)
def test_an_agency_with_its_country_heads_its_person(line: str, agency: str) -> None:
    fields = split_fields([line])
    assert fields[:2] == [OFFICE_MARK + agency, line.split(":")[1].split(",")[0].strip()]


@pytest.mark.parametrize(
    "line", ["TEL Genève: +41 22 717 91 11", "FAX Dakar: +221 33 869 62 33", "NB Merci: voir"]
)
def test_a_field_label_with_a_place_is_no_agency(line: str) -> None:
    assert not any(f.startswith(OFFICE_MARK) for f in split_fields([line]))


# --- what a site's e-mail protection leaves --------------------------------------------------


def test_a_protected_mail_is_no_address_and_no_name() -> None:
    assert _people(
        "ACNUR Perú: Andrea Salazar, [email protected], +51 987 654 321",
        "OIM Perú: Miguel Ángel Quispe, [email\u00a0protected], +51 945 123 678",
    ) == [
        ("Andrea Salazar", "ACNUR Perú", ["+51987654321"], []),
        ("Miguel Ángel Quispe", "OIM Perú", ["+51945123678"], []),
    ]


def test_a_real_address_beside_the_word_protected_stays() -> None:
    ((name, _, _, emails),) = _people("Awa Diop, protected@iom.int")
    assert (name, emails) == ("Awa Diop", ["protected@iom.int"])


# --- a block whose line breaks a mirror lost --------------------------------------------------


def test_a_run_on_block_is_cut_at_its_labels_and_after_its_addresses() -> None:
    line = (
        "Marie-Flore Joseph OIM Haïti Tél. : +509 3702 5066 Courriel : mfjoseph@iom.int "
        "Rafael Peña OIM République dominicaine Tél. : +1 809 688 8174 Courriel : rpena@iom.int"
    )
    assert _people(line) == [
        ("Marie-Flore Joseph", "OIM Haïti", ["+50937025066"], ["mfjoseph@iom.int"]),
        ("Rafael Peña", "OIM République dominicaine", ["+18096888174"], ["rpena@iom.int"]),
    ]


def test_inline_release_sentence_with_a_run_on_block() -> None:
    block = [
        "Pour plus d'informations, veuillez contacter : Marie-Flore Joseph OIM Haïti "
        "Tél. : +509 3702 5066 Courriel : mfjoseph@iom.int"
    ]
    assert [(c.name, c.emails) for c in parse_contacts(block)] == [
        ("Marie-Flore Joseph", ["mfjoseph@iom.int"])
    ]


@pytest.mark.parametrize(
    "line",
    [
        # one label only: a sentence, left as it was
        "Awa Diop OIM Sénégal Tél. : +221 33 869 62 00",
        # commas kept: the fields are already apart
        "Awa Diop, OIM Sénégal, Tél. : +221 33 869 62 00, Email : adiop@iom.int",
    ],
)
def test_lines_with_one_label_or_with_commas_are_not_unglued(line: str) -> None:
    assert _unglued(line) == line


def test_an_office_written_after_the_name_needs_a_name_before_it() -> None:
    # "Chargée de communication OIM Mali" names no one: no person is made of it.
    ((name, _, phones, _),) = _people("Chargée de communication OIM Mali, Tél. : +223 20 22 76 22")
    assert name == "Chargée de communication OIM Mali"
    assert phones == ["+22320227622"]


# --- "Contact" alone over a name and an IOM role ---------------------------------------------

_RELEASE = """News
Global

IOM Chad Signs an Agreement to Aid Returnees Stranded in Ngouboua

IOM Chad signed an agreement on 16th March 2012 for a donation that will help fund food and shelter for some 1,000 returnees stranded in Ngouboua.

The signing took place at the IOM office in N'Djamena and was covered by the national press.
"""


def _contacts(page: str) -> list[tuple[str, str | None]]:
    (release,) = parse_page(page.encode(), "release.txt")
    return [(c.name, c.office) for c in release.contacts]


def test_a_bare_contact_heading_over_a_name_and_an_iom_role_is_a_contact() -> None:
    page = _RELEASE + "\nContact\n\nDr. Tariq Nazeer\nChief of Mission, IOM Chad\n"
    assert _contacts(page) == [("Tariq Nazeer", "Chief of Mission, IOM Chad")]
    (release,) = parse_page(page.encode(), "release.txt")
    assert "Contact" not in release.body.split("\n")


@pytest.mark.parametrize(
    "end",
    [
        # no heading: a name and a role alone are no contact without a number
        "\nDr. Tariq Nazeer\nChief of Mission, IOM Chad\n",
        # the heading is a line of a menu paragraph, not alone
        "\nAbout\nContact\n\nDr. Tariq Nazeer\nChief of Mission, IOM Chad\n",
        # what follows the heading names no IOM office
        "\nContact\n\nRelated Stories\nMigrants Day in Chad\n",
        # a sentence under the heading
        "\nContact\n\nThe office is open from 8 to 5.\nIOM Chad welcomes visitors.\n",
    ],
)
def test_other_ends_make_no_contact(end: str) -> None:
    assert _contacts(_RELEASE + end) == []


# --- an amount written before "de" is no year -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "D’après l’OCHA, plus de 2000 Colombiens ont quitté le pays.",
        "Según la OCHA, más de 2000 personas cruzaron la frontera.",
        "Cerca de 1999 familias recibieron kits.",
        "Upwards of 2000 people arrived.",
    ],
)
def test_a_count_after_a_quantity_word_is_no_year(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Le programme existe depuis la fin de 2000.", "2000"),
        ("Le projet, lancé en 2015, continue.", "2015"),
        ("A partir de 2018, la OIM abrió los puntos.", "2018"),
    ],
)
def test_years_after_other_words_stay_years(text: str, year: str) -> None:
    assert [d.iso for d in find_dates(text)] == [year]


# --- contacts written as a table --------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    ["Nom\tFonction\tTéléphone\tEmail", "Name\tTitle\tPhone\tE-mail", "Nombre\tCargo\tCorreo"],
)
def test_a_table_header_is_no_person_and_its_cells_are_fields(header: str) -> None:
    block = [
        "Contacts presse",
        header,
        "Aminata Sow\tChargée de communication, OIM Sénégal\t+221 77 450 12 34\tasow@iom.int",
        "Cheikh Fall\tAssistant de communication, OIM Kolda\t+221 78 123 45 67\tcfall@iom.int",
    ]
    assert [(c.name, c.phones, c.emails) for c in parse_contacts(block)] == [
        ("Aminata Sow", ["+221774501234"], ["asow@iom.int"]),
        ("Cheikh Fall", ["+221781234567"], ["cfall@iom.int"]),
    ]


@pytest.mark.parametrize(
    "row",
    [
        "Nom\tAminata Sow",  # a label and a value: a row of a person, not a header
        "Téléphone",  # one cell
        "Awa Diop\tBureau",  # a name among the cells
    ],
)
def test_rows_that_are_no_header_are_kept(row: str) -> None:
    assert split_fields([row]) != []


# --- a donor's acronym before "funding" -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "funders"),
    [
        ("IOM has carried out activities with USAID funding in Sucumbíos.", ["USAID"]),
        ("The shelter was built with EU funding and opened in May.", ["EU"]),
        ("The project runs with IOM funding until June.", []),  # IOM is no funder of itself
        ("The project runs with additional funding until June.", []),  # no donor named
        ("Forty families moved thanks to the European Union's funding.", ["European Union"]),
    ],
)
def test_an_acronym_owning_the_funding_is_the_funder(text: str, funders: list[str]) -> None:
    assert find_funders(text, tokenize(text)) == funders


# --- a page whose line breaks were lost: the block inside its one line ------------------------

_RUN_ON = (
    "STATEMENT ON THE RENEWAL OF AID (Rome/Geneva, 18 June 2021): Millions of people still "
    "depend on humanitarian aid to survive. " + "The operation remains essential. " * 8 + "For "
    "further information, please contact: In New York, Dana Whitfield, [email protected] , "
    "+ 1 917 555 0148 In Geneva, Claire Morand, [email protected], +41 79 555 42 17 You are "
    "receiving this email because you are on a mail list."
)


def test_a_contact_intro_inside_a_long_last_line_starts_the_block() -> None:
    lines = split_inline_intro(["Laden...", _RUN_ON])
    assert lines[1].endswith("to survive. " + "The operation remains essential. " * 7 + "The "
                             "operation remains essential.")  # fmt: skip
    assert lines[3].startswith("For further information, please contact:")
    assert [(c.name, c.phones) for c in parse_contacts(lines[3:])] == [
        ("Dana Whitfield", ["+19175550148"]),
        ("Claire Morand", ["+41795554217"]),
    ]


@pytest.mark.parametrize(
    "lines",
    [
        # a short line: a sentence of the release, left to the usual intro search
        ["It ended. For further information, please contact: Awa Diop, adiop@iom.int"],
        # no address or number after the intro
        [_RUN_ON.replace("[email protected]", "").replace("+", "").replace("917", "")],
        # an intro already opens a line of the page
        [_RUN_ON, "For more information please contact Awa Diop, adiop@iom.int"],
        # the intro inside a sentence, not after a sentence's end
        [_RUN_ON.replace("essential. For further", "essential and for further")],
    ],
)
def test_other_lines_are_not_cut(lines: list[str]) -> None:
    assert split_inline_intro(lines) == lines


def test_a_place_alone_before_a_person_is_a_place_label() -> None:
    assert split_fields(["In New York, Dana Whitfield, +1 917 555 0148"])[:2] == [
        OFFICE_MARK + "New York",
        "Dana Whitfield",
    ]
    # "In Geneva she met X": a sentence, no label
    assert not any(f.startswith(OFFICE_MARK) for f in split_fields(["In Geneva she met Awa"]))
