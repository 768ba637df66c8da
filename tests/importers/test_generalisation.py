"""Rules that let the importer read pages of sites it was not tuned on (issue 13, fifth
gathering): newest reported date, datelines after lead-in lines, long country names, contacts
after an office, funders written in more shapes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oim_archive.importers import parse_page
from oim_archive.importers.body import split_dateline
from oim_archive.importers.chrome import find_title
from oim_archive.importers.contacts import parse_contacts
from oim_archive.importers.dates import estimated_date, find_dates
from oim_archive.importers.listing import is_cms_line
from oim_archive.importers.people import find_funders
from oim_archive.importers.places import is_country_name
from oim_archive.store.records import DATE_FROM_TEXT, DATE_PUBLISHED

# --- the date a body suggests: the newest event it reports ---------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Depuis mars 2015, … entre le 19 septembre et le 10 octobre 2016 dans 543 villages.",
         "2016-10"),
        ("En novembre 2015 l'OIM a déployé la DTM ; publié le 30 novembre 2015.", "2015-11"),
        ("the earthquake of January 12th 2010 … families left in 2011", "2011"),
        ("in 2017, and again in June 2017", "2017-06"),  # a month says more than its year
        # A date announced for the future is not an event the release reports.
        ("le 1er mars 2021 … ce programme, qui se poursuivra jusqu'en décembre 2022.", "2021-03"),
        ("On 3 May 2018 IOM opened the centre; it will run until March 2020.", "2018-05"),
        ("La segunda fase se realizará en enero de 2025.", "2025-01"),  # nothing else written
    ],
)  # fmt: skip
def test_estimate_is_the_newest_reported_date(text: str, expected: str) -> None:
    assert (estimated_date(find_dates(text), text) or "")[:7] == expected


def test_estimate_skips_history_and_empty_bodies() -> None:
    assert estimated_date(find_dates("fondée en 1951"), "fondée en 1951") is None
    assert estimated_date([], "") is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(2000, 2024), st.integers(1, 12)), min_size=1, max_size=6))
def test_estimate_is_never_older_than_a_reported_date(months: list[tuple[int, int]]) -> None:
    names = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]  # fmt: skip
    text = " ; ".join(f"en {names[m - 1]} {y}" for y, m in months)
    newest = max(months)
    assert estimated_date(find_dates(text), text) == f"{newest[0]:04d}-{newest[1]:02d}"


# --- datelines --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "place", "date"),
    [
        ("République démocratique du Congo - L’OIM et ses partenaires…",
         "République démocratique du Congo", None),
        ("Conakry, Guinée 15/07/2016 - L’Organisation Internationale…", "Conakry, Guinée",
         "15/07/2016"),
        ("Lima, 15 de julio de 2016.-  En la sede del Ministerio…", "Lima", "15 de julio de 2016"),
        ("Santo Domingo.-La Organización Internacional…", "Santo Domingo", None),
        ("Juba, October 30th, 2019 – The International Organization…", "Juba",
         "October 30th, 2019"),
        # A period after a known place ends its dateline; after an unknown one it ends a sentence.
        ("Belize City. The International Organization for Migration…", "Belize City", None),
        ("Mexico. The International Organization for Migration…", "Mexico", None),
        ("Dry season. The International Organization for Migration…", None, None),
        # Lower-case words that are not a country's name are still not a dateline.
        ("Des familles déplacées - L’OIM distribue…", None, None),
    ],
)  # fmt: skip
def test_dateline_forms(paragraph: str, place: str | None, date: str | None) -> None:
    found_place, found_date, _ = split_dateline(paragraph, is_country_name)
    assert (found_place, found_date) == (place, date)


COUNTRIES = ("République démocratique du Congo", "République centrafricaine", "Arabie saoudite",
             "Cameroun", "Burkina Faso", "Côte d'Ivoire")  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(COUNTRIES), st.sampled_from(("-", "–", "—")))
def test_a_country_name_opens_a_dateline(country: str, dash: str) -> None:
    place, _, rest = split_dateline(f"{country} {dash} L’OIM a aidé 300 familles.", is_country_name)
    assert place == country
    assert rest.startswith("L’OIM")


def _page(*lines: str) -> bytes:
    return "\n".join(lines).encode("utf-8")


def test_subtitle_and_caption_before_the_dateline_are_not_the_body() -> None:
    (release,) = parse_page(
        _page(
            "Comunicado", "Local", "",
            "OIM celebró 65° aniversario en ceremonia realizada junto a la Cancillería", "",
            "Evento se llevó a cabo en el marco del Día Internacional del Migrante", "",
            "Lima, 15 de julio de 2016.-  En la sede del Ministerio de Relaciones Exteriores se "
            "celebró el aniversario de la Organización, dijo el Jefe de Misión.", "",
            "La ceremonia reunió a representantes del Gobierno y de la sociedad civil.",
        ),
        "peru.txt",
    )  # fmt: skip
    assert release.dateline == "Lima"
    assert (release.date, release.date_basis) == ("2016-07-15", DATE_PUBLISHED)
    assert release.body.startswith("En la sede del Ministerio")


def test_a_mirror_s_field_labels_before_the_dateline_are_dropped() -> None:
    (release,) = parse_page(
        _page(
            "Saltar al contenido principal", "",
            "OIM y ACNUR comprometen su apoyo al Perú en el Proceso de Quito", "",
            "Países", "Perú", "+ 2", "Fuentes", "UNHCR", "+ 1", "Fecha de publicación", "Origen",
            "Ver original", "",
            "Panamá, 27 de noviembre de 2020 - OIM y ACNUR celebran el compromiso del Gobierno "
            "del Perú, dijo el Representante Especial.",
        ),
        "reliefweb.txt",
    )  # fmt: skip
    assert release.dateline == "Panamá"
    assert release.date == "2020-11-27"
    assert release.body.startswith("OIM y ACNUR celebran")


def test_a_long_first_paragraph_is_never_taken_for_a_lead_in() -> None:
    long_paragraph = "L’OIM a aidé des familles déplacées dans la région, " * 8
    (release,) = parse_page(
        _page("Un titre de communiqué sur des familles", "", long_paragraph.strip(), "",
              "Goma – Les distributions continuent, a déclaré le chef de mission."),
        "long.txt",
    )  # fmt: skip
    assert release.body.startswith("L’OIM a aidé")
    assert release.dateline is None


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet="xX×abcz", min_size=1, max_size=2))
def test_a_lone_letter_or_two_is_never_the_headline(button: str) -> None:
    lines = [
        button,
        "",
        "OIM aclara que la oficina orienta a migrantes de todas las nacionalidades",
    ]
    assert find_title(lines)[0] == 2


# --- contacts ---------------------------------------------------------------------------------


def test_office_before_person_and_stripped_mail_links() -> None:
    contacts = parse_contacts(
        ["For further information, please contact IOM Libya. Karim Haddad, Tel: +216 29 600412, "
         "Email: or Leila Mansour, Tel: +216 29 794833, Email:"]
    )  # fmt: skip
    assert [(c.name, c.phones, c.emails) for c in contacts] == [
        ("Karim Haddad", ["+21629600412"], []),
        ("Leila Mansour", ["+21629794833"], []),
    ]
    assert contacts[0].office == "IOM Libya"


def test_an_office_alone_before_a_full_stop_is_not_a_person() -> None:
    contacts = parse_contacts(["Pour plus d'informations, veuillez contacter OIM Mali. Tél : "
                               "+223 20 22 78 70"])  # fmt: skip
    assert all("." not in c.name for c in contacts)


# --- funders ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La Organización Internacional para las Migraciones (OIM), con el apoyo de la Agencia "
         "de los Estados Unidos para el Desarrollo Internacional (USAID), inauguró el centro.",
         ["Agencia de los Estados Unidos para el Desarrollo Internacional (USAID)"]),
        # IOM supporting someone else, or partners named together: not funding.
        ("El Proceso de Quito nació por iniciativa de Ecuador, con el apoyo de OIM y ACNUR.", []),
        ("La CRM, con el apoyo de OIM y del CICR, organizó un taller.", []),
        ("Grâce à une contribution du gouvernement des Etats-Unis (USAID/OFDA), 250 kits ont été "
         "distribués.", ["Gouvernement des Etats-Unis (USAID/OFDA)"]),
        ("la contribution des migrants au développement est reconnue", []),
        ("financée par l'Office fédéral suisse des migrations et l'Agence suisse pour le "
         "développement et la coopération, permettra",
         ["Office fédéral suisse des migrations",
          "Agence suisse pour le développement et la coopération"]),
        ("financé par l'Union européenne et la Suède.", ["Union européenne", "Suède"]),
        ("avec le financement du gouvernement suisse et l’appui technique de l’OIM.",
         ["Gouvernement suisse"]),
        ("The visit was part of IOM’s European Union-funded project.", ["European Union"]),
        ("funded by USAID's Office of Foreign Disaster Assistance (OFDA).",
         ["USAID's Office of Foreign Disaster Assistance (OFDA)"]),
    ],
)  # fmt: skip
def test_funder_shapes(text: str, expected: list[str]) -> None:
    assert find_funders(text) == expected


# --- CMS labels are not body sentences ------------------------------------------------------------


def test_a_published_sentence_is_not_a_cms_label() -> None:
    assert is_cms_line("Publié le : 12 mars 2021")
    assert is_cms_line("Posted: Tue, 04/04/2017 - 11:24 Image: Region-Country: Egypt")
    assert not is_cms_line(
        "Publié le 30 novembre 2015, le premier rapport de la DTM donne le nombre et le lieu des "
        "déplacés et analyse les tendances du déplacement."
    )


def test_a_report_published_in_the_body_does_not_date_the_page() -> None:
    (release,) = parse_page(
        _page(
            "Communiqué", "Global", "",
            "Le nombre de déplacés internes au Cameroun dépasse les 158 000", "",
            "Cameroun - Selon le premier rapport de la DTM de l’OIM, 158 316 personnes sont "
            "déplacées dans l’Extrême-Nord, a déclaré l’OIM.", "",
            "Publié le 30 novembre 2015, le premier rapport de la DTM donne le nombre et le lieu "
            "des déplacés et analyse les tendances du déplacement.",
        ),
        "cameroun.txt",
    )  # fmt: skip
    assert ((release.date or "")[:7], release.date_basis) == ("2015-11", DATE_FROM_TEXT)


def test_an_acronym_closes_the_funder_s_name() -> None:
    assert find_funders(
        "an IOM project funded by ECHO and the Swedish International Development Cooperation "
        "Agency (Sida) repairs roofs damaged by Hurricane Matthew"
    ) == ["ECHO", "Swedish International Development Cooperation Agency (Sida)"]
    assert find_funders("funded by the Agency (USAID) and the Government of Japan.") == [
        "Agency (USAID)",
        "Government of Japan",
    ]


# --- country ----------------------------------------------------------------------------------


def test_a_donor_s_nationality_is_not_the_release_s_country() -> None:
    (release,) = parse_page(
        _page(
            "Reintegration assistance for returning migrants", "",
            "Funded by the Swiss Confederation, IOM Greece gives in-kind reintegration assistance "
            "to 100 migrants on Kos island, said the head of the Greek mission.",
        ),
        "greece.txt",
    )  # fmt: skip
    assert release.funders == ["Swiss Confederation"]
    assert release.country == "GR"


@pytest.mark.parametrize("dateline", ["Geneva", "Genève", "Ginebra"])
def test_iom_s_seat_alone_gives_no_country(dateline: str) -> None:
    (release,) = parse_page(
        _page(
            "IOM and UNHCR adapt resettlement to mixed migration", "",
            f"{dateline} – IOM and UNHCR met in {dateline} this week to discuss resettlement, "
            "said the Director General.",
        ),
        "hq.txt",
    )  # fmt: skip
    assert release.country is None


def test_switzerland_named_as_a_country_still_counts() -> None:
    (release,) = parse_page(
        _page(
            "Switzerland and IOM sign a return agreement", "",
            "Bern – Switzerland and IOM signed an agreement on assisted returns from Switzerland, "
            "said the Swiss minister.",
        ),
        "ch.txt",
    )  # fmt: skip
    assert release.country == "CH"


def test_a_donor_country_named_again_is_still_the_subject() -> None:
    (release,) = parse_page(
        _page(
            "IOM thanks the State of Kuwait for its contribution", "",
            "Geneva – The Permanent Representative of Kuwait met IOM today and offered a "
            "contribution from Kuwait to IOM. The Director General thanked the people and "
            "government of Kuwait, he said.",
        ),
        "kuwait.txt",
    )  # fmt: skip
    assert release.country == "KW"


# --- titles -----------------------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["Société", "migración", "Actualité", "News"])
def test_a_one_word_tag_above_the_headline_is_not_the_headline(tag: str) -> None:
    lines = [tag, "", "Cameroun : 352.000 déplacés dans l’Extrême-Nord selon l’OIM", "", "Texte."]
    assert find_title(lines)[0] == 2


def test_a_place_heading_is_not_a_tag() -> None:
    lines = ["Sénégal", "", "Le Directeur général de l’OIM se rendra en visite officielle"]
    assert find_title(lines)[0] == 0


def test_a_one_word_line_alone_stays_the_title() -> None:
    assert find_title(["Migrations", "", "Texte."])[0] == 0


# --- listings ---------------------------------------------------------------------------------

_DATE_UNDER_TITLE = (
    "Actualités\n\nL’OIM remet des kits aux déplacés de Kaya\n12 mars 2021\nL’OIM a remis 500 "
    "kits d’abris aux familles déplacées de Kaya.\nLire la suite\n\nL’OIM forme 40 agents de "
    "police aux frontières à Dori\n3 février 2021\nQuarante agents ont suivi une formation de "
    "l’OIM à Dori.\nLire la suite\n\nUn centre de transit ouvre à Ouagadougou\n15 janvier 2021\n"
    "Le nouveau centre accueillera les migrants de retour.\nLire la suite\n"
)
_DATE_AFTER_TEASER = (
    "News\n\nIOM Opens Migrant Resource Centre in Accra\nIOM opened a new centre to inform "
    "would-be migrants about safe routes.\nPosted on 12 May 2019\n\nIOM Trains Border Officials "
    "in Ghana\nSome 40 immigration officers took part in a course on document fraud.\nPosted on "
    "2 April 2019\n\nGhana Launches National Migration Policy Review\nThe Government of Ghana "
    "and IOM started the review of the national policy.\nPosted on 14 March 2019\n"
)


@pytest.mark.parametrize(
    ("page", "titles", "dates"),
    [
        (_DATE_UNDER_TITLE,
         ["L’OIM remet des kits aux déplacés de Kaya",
          "L’OIM forme 40 agents de police aux frontières à Dori",
          "Un centre de transit ouvre à Ouagadougou"],
         ["2021-03-12", "2021-02-03", "2021-01-15"]),
        (_DATE_AFTER_TEASER,
         ["IOM Opens Migrant Resource Centre in Accra", "IOM Trains Border Officials in Ghana",
          "Ghana Launches National Migration Policy Review"],
         ["2019-05-12", "2019-04-02", "2019-03-14"]),
    ],
)  # fmt: skip
def test_listing_items_without_blank_lines_inside(
    page: str, titles: list[str], dates: list[str]
) -> None:
    releases = parse_page(page.encode("utf-8"), "listing.txt")
    assert [r.title for r in releases] == titles
    assert [r.date for r in releases] == dates
    assert all(r.date_basis == DATE_PUBLISHED for r in releases)
