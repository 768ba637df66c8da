"""Rules from the thirtieth gathering of real pages (issue 13): contact blocks that invite a
wrong contact (partner agencies, footers, web addresses, credits, columns)."""

from __future__ import annotations

import pytest

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.importers.after_title import skip_after_title
from oim_archive.importers.chrome import find_title, is_caption
from oim_archive.importers.contact_block import _is_follow_line
from oim_archive.importers.contact_intro import find_intro
from oim_archive.importers.contact_partners import name_part, untangled_columns
from oim_archive.importers.contacts import looks_like_name, parse_contacts

_INTRO = "Pour plus d'informations, veuillez contacter :"


def _people(*lines: str, intro: str = _INTRO) -> list[tuple[str, list[str], list[str]]]:
    return [(c.name, c.phones, c.emails) for c in parse_contacts([intro, *lines])]


def _names(*lines: str, intro: str = _INTRO) -> list[str]:
    return [name for name, _, _ in _people(*lines, intro=intro)]


# --- a partner agency's acronym is an office, never part of a name ------------------------------


@pytest.mark.parametrize("office", ["UNICEF New York", "PAM Amman", "ACNUR Panamá", "OCHA Genève"])
def test_a_partner_agency_after_a_role_is_the_office(office: str) -> None:
    lines = ("Marion Lefort, Spécialiste de la communication, " + office, "mlefort@unicef.org")
    assert _names(*lines) == ["Marion Lefort"]


@pytest.mark.parametrize("name", ["Pam Okafor", "Fao Lima", "Ilo Mendes"])
def test_words_spelt_like_an_acronym_stay_names(name: str) -> None:
    assert looks_like_name(name)
    assert _names(f"{name}, OIM Genève, +41 79 555 12 34") == [name]


@pytest.mark.parametrize(
    "office", ["Programa Mesoamérica", "Projet Frontières", "Initiative Conjointe"]
)
def test_a_programme_is_no_name(office: str) -> None:
    lines = ("Natalia Quesada", "Oficial de Comunicación", f"{office}, OIM", "nquesada@iom.int")
    assert _people(*lines, intro="Más información:") == [
        ("Natalia Quesada", [], ["nquesada@iom.int"])
    ]


# --- labels heading a person: an agency and a dash, "En la OIM:", a place and its office -------


@pytest.mark.parametrize("dash", ["–", "—", "-"])
def test_an_agency_and_a_spaced_dash_head_the_person(dash: str) -> None:
    lines = (
        f"PAM {dash} Giulia Ferrante, giulia.ferrante@wfp.org, +39 06 6513 2087",
        f"OIM {dash} Safa Haddad, shaddad@iom.int, +41 79 555 62 19",
    )
    assert _names(*lines) == ["Giulia Ferrante", "Safa Haddad"]


def test_a_name_before_its_agency_and_dashes_keeps_its_fields() -> None:
    line = "Daniela Ruiz – ACNUR – +507 6555 3391 – ruizd@unhcr.org"
    assert _people(line, intro="Para solicitudes de prensa:") == [
        ("Daniela Ruiz", ["+50765553391"], ["ruizd@unhcr.org"])
    ]


@pytest.mark.parametrize("label", ["En la OIM", "En el ACNUR", "At the IOM", "À l'OIM"])
def test_at_an_agency_is_a_label(label: str) -> None:
    assert _names(f"{label}: Camila Restrepo, +41 79 555 48 10, crestrepo@iom.int") == [
        "Camila Restrepo"
    ]


def test_a_place_with_its_office_in_brackets_is_no_person() -> None:
    lines = (
        "En Ginebra, Rafael Ordóñez, ordonez@unhcr.org, +41 79 555 3011",
        "En Ginebra (OIM), Rosa Villalobos, rvillalobos@iom.int, +41 79 555 90 42",
    )
    assert _names(*lines) == ["Rafael Ordóñez", "Rosa Villalobos"]


@pytest.mark.parametrize("text", ["En Ginebra", "In New York City", "Desde Panamá Centro"])
def test_a_preposition_opens_no_name(text: str) -> None:
    assert not looks_like_name(text)


def test_names_with_hyphens_are_not_dash_labels() -> None:
    assert _names("Jean-Robert Pierre-Louis, OIM Haïti, jrpl@iom.int") == [
        "Jean-Robert Pierre-Louis"
    ]


# --- a name with its agency in brackets, then its address ---------------------------------------


def test_an_agency_in_brackets_after_the_name_is_the_office() -> None:
    lines = ("Verónica Salas (ACNUR) salasv@unhcr.org +507 6555 1187",)
    (contact,) = parse_contacts(["Para entrevistas y más información:", *lines])
    assert (contact.name, contact.office) == ("Verónica Salas", "ACNUR")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Jean Dupont ( )", "Jean Dupont"),  # the address taken out of its brackets
        ("Verónica Salas (ACNUR) ", "Verónica Salas (ACNUR)"),
        ("Email : ", ""),
        ("A (B) (C)", "A B C"),  # two pairs: brackets dropped as before
    ],
)
def test_name_part_keeps_brackets_with_words_only(text: str, words: str) -> None:
    assert name_part(text) == words


# --- a block of two columns ---------------------------------------------------------------------

_COLUMNS = [
    "PAM                                      OIM",
    "Rania Aziz                               Olivier Marchal",
    "Amman                                    Genève",
    "Tél. : +962 79 555 4120                  Tél. : +41 22 717 9433",
    "Courriel : rania.aziz@wfp.org            Courriel : omarchal@iom.int",
]


def test_two_columns_are_read_one_after_the_other() -> None:
    assert _people(*_COLUMNS) == [
        ("Rania Aziz", ["+962795554120"], ["rania.aziz@wfp.org"]),
        ("Olivier Marchal", ["+41227179433"], ["omarchal@iom.int"]),
    ]


@pytest.mark.parametrize(
    "lines",
    [
        ["Awa Diop   OIM Sénégal", "adiop@iom.int"],  # one wide gap is no column run
        ["Awa Diop, OIM Sénégal", "Tél. : +221 77 555 12 34", "adiop@iom.int"],
        ["A   B", "C   D   E", "F   G"],  # rows of different widths
    ],
)
def test_other_lines_are_no_columns(lines: list[str]) -> None:
    assert untangled_columns(lines) == lines


# --- intros: press requests and a bare "Más información:" ----------------------------------------


@pytest.mark.parametrize(
    "intro",
    [
        "Para solicitudes de prensa:",
        "Pour les demandes des médias, veuillez contacter :",
        "For media requests, please contact:",
        "Más información:",
    ],
)
def test_press_request_intros_open_the_block(intro: str) -> None:
    assert find_intro(["Le texte se termine ici.", intro, "Awa Diop, adiop@iom.int"]) == 1


@pytest.mark.parametrize(
    "line",
    [
        "Más información sobre la campaña en www.r4v.info/es/acortemosdistancias",
        "Para más información visite www.unicef.org/lac y síganos en Twitter @UNICEFlac.",
        "Les demandes d'asile ont augmenté de moitié en un an.",
    ],
)
def test_web_addresses_and_sentences_open_no_block(line: str) -> None:
    assert find_intro(["Le texte se termine ici.", line]) is None


# --- a site's footer after the people -----------------------------------------------------------

_RELEASE = """Comunicado
Global

La OIM y el ACNUR lamentan la muerte de un bebé frente a Trinidad y Tobago

Puerto España – La OIM y el ACNUR lamentan la muerte de un bebé durante una interceptación en el mar.

La embarcación, con personas procedentes de Venezuela, fue interceptada por la Guardia Costera.
"""
_BLOCK = """
Para solicitudes de prensa:
Daniela Ruiz – ACNUR – +507 6555 3391 – ruizd@unhcr.org
Felipe Araya – OIM – +507 6555 8724 – faraya@iom.int

"""


@pytest.mark.parametrize(
    "footer",
    [
        "Síguenos\nFacebook Twitter Instagram YouTube\nOficina Regional\n"
        "Ciudad del Saber, Edificio 1077, Clayton, Panamá\nTeléfono: +507 305 3350\n",
        "Facebook | Twitter | LinkedIn\nCiudad del Saber, Edificio 1077\nTel: +507 305 3350\n",
        "Suivez-nous\nBureau régional\nTél. : +221 33 869 62 00\n",
    ],
)
def test_people_end_at_a_follow_line(footer: str) -> None:
    (release,) = parse_page((_RELEASE + _BLOCK + footer).encode(), "release.txt")
    assert [c.name for c in release.contacts] == ["Daniela Ruiz", "Felipe Araya"]
    assert "Síguenos" not in release.body and "Edificio" not in release.body


@pytest.mark.parametrize(
    "line",
    [
        "Twitter: @iomlac",  # a handle is a field, no footer
        "Facebook",  # one network alone
        "Follow the ministry's guidelines on asylum",
        "Suivez l'actualité de l'OIM sur son site",
    ],
)
def test_other_lines_start_no_footer(line: str) -> None:
    assert not _is_follow_line(line)


def test_the_follow_line_ends_the_people_not_the_block() -> None:
    # The lines after a follow line stay off the body, as before this rule.
    page = _RELEASE + _BLOCK + "Suivez-nous\nRoute des Morillons 17, Genève\n"
    (release,) = parse_page(page.encode(), "release.txt")
    assert "Morillons" not in release.body


# --- labels of a joint release; a date over a dateline paragraph; captions; country lists ------


@pytest.mark.parametrize(
    "label",
    ["Comunicado de prensa conjunto", "Déclaration conjointe des Nations Unies", "Joint Statement"],
)
def test_a_joint_release_label_is_no_headline(label: str) -> None:
    lines = [label, "", "L’OIM et le HCR saluent un accord régional", "Genève – Le texte."]
    assert find_title(lines)[0] == 2


def test_a_date_over_a_dateline_paragraph_dates_a_copy_with_no_headline() -> None:
    page = (
        "Comunicado de prensa conjunto\n\n14 de octubre de 2022\n\n"
        "CIUDAD DE PANAMÁ, Panamá – La OIM, el ACNUR y UNICEF celebran el anuncio de una nueva vía "
        "de admisión para personas venezolanas desplazadas hacia Estados Unidos.\n\n"
        "Las agencias siguen preocupadas por las restricciones de acceso al asilo.\n"
    )
    (release,) = parse_page(page.encode(), "copy.txt")
    assert (release.date, release.date_basis) == ("2022-10-14", "published")
    assert release.title != "14 de octubre de 2022"
    assert release.dateline == "CIUDAD DE PANAMÁ, Panamá"


def test_a_date_over_a_headline_is_still_the_date_line_above_it() -> None:
    page = "14 de octubre de 2022\n\nLa OIM celebra un acuerdo\n\nPanamá – La OIM celebra hoy.\n"
    (release,) = parse_page(page.encode(), "copy.txt")
    assert (release.title, release.date) == ("La OIM celebra un acuerdo", "2022-10-14")


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Photo Show by International Organization for Migration Aimed at Migrants", False),
        ("Photo Story: Rebuilding Homes in Haiti", False),
        ("Photo Exhibition Opens at UN Headquarters", False),
        ("Photo: IOM/Amanda Nero 2019", True),
        ("Photo IOM/Muse Mohammed", True),
        ("Photos de l'OIM", True),
    ],
)
def test_a_photo_exhibition_headline_is_no_caption(line: str, caption: bool) -> None:
    assert is_caption(line) is caption


def test_a_list_of_countries_under_the_title_is_a_field_line() -> None:
    rest = [
        "",
        "Belice, Dominica, Guyana, Haití, Costa Rica, México",
        "20 Mayo, 2021",
        "",
        "Texto.",
    ]
    lines, stated = skip_after_title(rest, "Oficiales de migración se capacitan")
    assert (lines, stated) == (["Texto."], "20 Mayo, 2021")


@pytest.mark.parametrize(
    "line",
    ["Belice, Dominica y sus socios.", "Belice, la OIM, Guyana", "Haití, Costa Rica" + ", x" * 200],
)
def test_other_comma_lines_are_no_country_field(line: str) -> None:
    lines, _ = skip_after_title([line, "Texto."], "Oficiales de migración")
    assert lines[0] == line


# --- the gathering's pages: contacts, and what must never be one ----------------------------------

_NOT_CONTACTS = {
    "fr_iom_declaration-conjointe-nord-ouest-syrie.txt": ["David Beasley", "Filippo Grandi"],
    "fr_iom_rohingyas-visite-conjointe-coxs-bazar.txt": ["OIM Bangladesh"],
    "fr_iom_recit-personnel-tacloban.txt": ["Aileen Cabrera", "Rommel Dacanay"],
    "es_iom_americas-encrucijada-oim-acnur.txt": [
        "Organización Internacional para las Migraciones"
    ],
    "es_lac_bebe-venezolano-trinidad.txt": ["Ciudad del Saber", "Oficina Regional"],
    "en_unofficeny_photo-show-together.txt": ["Muse Mohammed", "Karim Haddadi"],
}


@pytest.mark.parametrize(("name", "never"), sorted(_NOT_CONTACTS.items()))
def test_gathered_pages_give_no_wrong_contact(name: str, never: list[str]) -> None:
    from pathlib import Path

    path = Path(__file__).parents[1] / "real_pages" / "tuned" / name
    releases = parse_page(path.read_bytes(), name)
    produced = " | ".join(f"{c.name} {c.office}" for r in releases for c in r.contacts)
    assert not any(person in produced for person in never)
    assert all(c.phones or c.emails for r in releases for c in r.contacts)


# --- second batch: a site's "Contact us", a note pointing to the full statement -----------------


@pytest.mark.parametrize(
    "line", ["Contact us: contact@example.org", "Contact us at info@example.org"]
)
def test_contact_us_opens_no_block(line: str) -> None:
    assert find_intro(["Better Care Network", line]) is None


def test_contact_with_an_address_still_opens_the_block() -> None:
    assert find_intro(["The text ends here.", "Contact Awa Diop at adiop@iom.int"]) == 1


_NOTE = """Joint UN Statement on the Protection of Haitian Migrants

Several UN agencies issued a joint statement calling for stronger protection for Haitians on the move, including children travelling alone, and for a regional approach across the Americas.

{link}
"""


@pytest.mark.parametrize(
    "link",
    ["Read the full statement", "Lire le communiqué intégral", "Leer el comunicado completo"],
)
def test_a_note_pointing_to_the_full_statement_is_refused(link: str) -> None:
    with pytest.raises(ImportRefused):
        parse_page(_NOTE.format(link=link).encode(), "note.txt")


def test_a_release_with_a_link_but_no_report_of_publishing_is_kept() -> None:
    page = _NOTE.replace("Several UN agencies issued a joint statement calling", "IOM calls")
    (release,) = parse_page(page.format(link="Read the full statement").encode(), "note.txt")
    assert release.title == "Joint UN Statement on the Protection of Haitian Migrants"
