"""Rules from the thirty-second gathering of real pages (issue 13): listing shapes the corpus
lacked, and single pages that read like several stories."""

from __future__ import annotations

import pytest

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.importers.lede_lines import is_cut_by_site
from oim_archive.importers.link_residue import after_leading_link
from oim_archive.importers.people import find_funders

_FEED_PORTLET = """News from around the web

In the news: EU court cites three countries on failures to admit asylum seekers

By from TNH English. Published on Apr 03, 2020.

The Czech Republic, Hungary, and Poland broke EU agreements to take in asylum seekers.

How a local response can halt this global crisis

By Jagan Chapagain from TNH English. Published on Apr 02, 2020.

The Red Cross and Red Crescent has always been a web of very local units and branches.

IOM Launches Youth Video Festival Call for Submissions

By jdoe from News. Published on Apr 01, 2020.

New York – This year sees the twelfth edition of the Youth Video Festival, a joint initiative.
"""


def test_a_feed_portlets_byline_and_publication_line_heads_each_item() -> None:
    releases = parse_page(_FEED_PORTLET.encode(), "feed.txt")
    assert [r.title[:20] for r in releases] == [
        "In the news: EU cour",
        "How a local response",
        "IOM Launches Youth V",
    ]
    assert [r.date for r in releases] == ["2020-04-03", "2020-04-02", "2020-04-01"]
    assert releases[2].dateline == "New York"
    assert releases[1].body.startswith("The Red Cross")


_BYLINED_RELEASE = """IOM Opens a Migrant Resource Centre in Agadez

By Joe Lowry from IOM Niger

Agadez – IOM opened a resource centre for migrants on Monday, its first in the region.

By the end of the year, the centre from the city's south will have assisted 2,000 people.
Published on the IOM website, the figures were welcomed by the authorities.
"""


def test_a_byline_without_a_publication_line_splits_nothing() -> None:
    releases = parse_page(_BYLINED_RELEASE.encode(), "bylined.txt")
    assert len(releases) == 1
    assert releases[0].title == "IOM Opens a Migrant Resource Centre in Agadez"


_GLUED_READ_MORE = """Esta crisis de refugiados no tiene precedentes desde la Segunda Guerra Mundial. Ya son más de tres millones las personas que huyeron del país. Desde el …
Leer más >>El Pacto Mundial sobre Migración es la respuesta a las tragedias de los migrantes
La presidenta de la Asamblea General afirma que aplicar el Pacto es la clave para evitar tragedias en el Río Bravo, y recordó que todos los migrantes son …
Leer más >>ACNUR y OIM saludan la adopción de un plan de trabajo para migrantes de Venezuela
QUITO, Ecuador – ACNUR y OIM saludan que ocho países de América Latina hayan adoptado un Plan de Trabajo para coordinar la respuesta y …
Leer más >>Guterres pide respeto a la ley internacional en el trato a la caravana de migrantes
Según la OIM, más de 7200 personas se han sumado a la caravana que quiere llegar a la frontera sur de Estados Unidos. El Secretario General ha pedido que …
Leer más >>ACNUR y OIM nombran representante especial para refugiados y migrantes venezolanos
El guatemalteco Eduardo Stein impulsará un enfoque regional coherente ante la situación de los venezolanos y trabajará por el diálogo en la respuesta humanitaria …
Leer más >>Al meno
"""


def test_a_read_more_link_glued_before_a_headline_closes_the_item_above() -> None:
    releases = parse_page(_GLUED_READ_MORE.encode(), "tag.txt")
    assert len(releases) == 5
    assert releases[0].body.startswith("Esta crisis de refugiados")  # its headline was lost
    assert releases[1].title.startswith("El Pacto Mundial sobre Migración")
    assert releases[2].dateline == "QUITO, Ecuador"
    assert releases[3].title.startswith("Guterres pide respeto")


def test_only_a_read_more_link_with_its_arrows_opens_a_headline() -> None:
    assert after_leading_link("Leer más >>El Pacto Mundial") == "El Pacto Mundial"
    assert after_leading_link("Read more » IOM Opens a Centre") == "IOM Opens a Centre"
    assert after_leading_link("Read more about the project at www.iom.int.") is None
    assert after_leading_link("Leer más >>") is None
    assert after_leading_link("El Pacto Mundial sobre Migración >> Leer más") is None


_CUT_LEDES = """Le Comité interministériel de lutte contre la migration irrégulière met en place des comités régionaux pour mieux penser la stratégie...
La politique finit toujours par nous rattraper. Naguère, les vagues migratoires étaient mises sur le compte des autorités qui, selon...
La persistance des départs de migrants sénégalais vers l’Espagne à bord d’embarcations de fortune inquiète tout le monde, notamment...
"""


def test_teaser_lines_each_cut_by_the_site_are_items() -> None:
    releases = parse_page(_CUT_LEDES.encode(), "tag.txt")
    assert len(releases) == 3
    assert releases[2].body.startswith("La persistance des départs")


_WHOLE_LEDES = """Le Comité interministériel de lutte contre la migration irrégulière met en place des comités régionaux pour mieux penser la stratégie nationale.
La politique migratoire du pays a connu de nombreux changements au cours des dix dernières années, selon les experts du ministère de l'Intérieur.
La persistance des départs de migrants sénégalais vers l’Espagne à bord d’embarcations de fortune inquiète tout le monde, notamment les familles.
"""


def test_whole_paragraphs_one_a_line_stay_one_text() -> None:
    """Without a label, the organisation named in each, or a cut by the site, bare paragraphs
    may be a release whose headline was lost: not split."""
    try:
        releases = parse_page(_WHOLE_LEDES.encode(), "paragraphs.txt")
    except ImportRefused:
        return  # refused as no release: not split either
    assert len(releases) == 1


@pytest.mark.parametrize(
    ("text", "cut"),
    [("… qui, selon...", True), ("… y recordó que todos los migrantes son …", True),
     ("La OIM a ouvert un centre à Agadez.", False), ("Le rapport (en anglais)", False)],
)  # fmt: skip
def test_a_cut_by_the_site_is_a_final_ellipsis(text: str, cut: bool) -> None:
    assert is_cut_by_site(text) is cut


_STATEMENT = """Declaraciones y discursos
18 Sep 2023

Cumbre sobre los ODS: Declaración del Director General

La Cumbre sobre los Objetivos de Desarrollo Sostenible de 2023 llega en un momento decisivo, en el que urge hacer balance.

Los migrantes responden a las necesidades de mercados de trabajo cambiantes y cada vez más tensos.
"""


def test_the_statements_section_label_is_no_headline() -> None:
    (release,) = parse_page(_STATEMENT.encode(), "statement.txt")
    assert release.title == "Cumbre sobre los ODS: Declaración del Director General"
    assert release.date == "2023-09-18"
    assert release.body.startswith("La Cumbre sobre los Objetivos")


_COUNTRY_SITE_COPY = """- 2030 Agenda
Suiza - La OIM acoge con satisfacción el acuerdo intercontinental para gestionar la migración
La OIM acoge con satisfacción el acuerdo intercontinental para gestionar la migración
El Director General de la OIM acogió con satisfacción la hoja de ruta elaborada en Malta en una cumbre.
"""


def test_a_country_sites_place_before_a_repeated_headline_is_the_titles() -> None:
    (release,) = parse_page(_COUNTRY_SITE_COPY.encode(), "copy.txt")
    assert release.title.startswith("Suiza - La OIM acoge")
    assert release.dateline is None
    assert release.body.startswith("El Director General")


def test_a_breadcrumb_glued_before_a_repeated_headline_is_still_dropped() -> None:
    page = """Inicio Sin categoría OIM aclara que el centro de Punta Cana no es para refugiados
OIM aclara que el centro de Punta Cana no es para refugiados
La Organización Internacional para las Migraciones aclaró este viernes que el centro no acoge refugiados.
"""
    (release,) = parse_page(page.encode(), "copy.txt")
    assert release.title == "OIM aclara que el centro de Punta Cana no es para refugiados"


_MIRROR_2005 = """Informing humanitarians worldwide 24/7 — a service provided by UN OCHA

Pakistan

Pakistan: IOM pledges long term help for Pakistan earthquake survivors

The International Organization for Migration is committed to working with the Pakistan government.
"""


def test_a_region_line_the_headline_repeats_is_a_label() -> None:
    (release,) = parse_page(_MIRROR_2005.encode(), "mirror.txt")
    assert release.title.startswith("Pakistan: IOM pledges long term help")
    assert release.body.startswith("The International Organization")


_UPDATE_2005 = """INDONESIA
Relief Supplies to Kutacane Flood
Survivors
On 18 October landslides and flash floods caused by days of heavy rain hit villages south of Kutacane.
IOM supplied and delivered 4,000 two-litre bottles of water and food to the survivors.
SHELTER
IOM is still building homes through the fasting month and has added new contractors to the project.
"""


def test_a_country_in_capitals_over_a_wrapped_headline_is_a_section_label() -> None:
    (release,) = parse_page(_UPDATE_2005.encode(), "update.txt")
    assert release.title == "Relief Supplies to Kutacane Flood Survivors"
    assert release.country == "ID"
    assert release.body.startswith("On 18 October landslides")


@pytest.mark.parametrize(
    "under",
    ["Geneva", "Press Release", "Joel Millman", "12 May 2019", "By IOM"],
)
def test_a_place_label_name_date_or_byline_under_the_headline_is_no_part_of_it(
    under: str,
) -> None:
    page = f"""IOM Opens a Migrant Resource Centre in Agadez
{under}
IOM opened a resource centre for migrants on Monday, its first in the northern region of Niger.
"""
    releases = parse_page(page.encode(), "release.txt")
    assert releases[0].title == "IOM Opens a Migrant Resource Centre in Agadez"


def test_a_country_name_not_in_capitals_over_a_headline_is_left_to_the_other_rules() -> None:
    page = """Sénégal

L'OIM forme des journalistes à Dakar sur la migration

Dakar – L'OIM a organisé cette semaine un atelier pour vingt journalistes sur la couverture des migrations.
"""
    (release,) = parse_page(page.encode(), "release.txt")
    assert release.dateline == "Dakar"


@pytest.mark.parametrize(
    ("text", "funders"),
    [
        ("The new headquarters is part of a project funded by the Bureau of International "
         "Narcotics and Law Enforcement Affairs of the U.S. Department of State and carried out "
         "by IOM Niger.", ["Bureau of International Narcotics and Law Enforcement Affairs of the "
                           "U.S. Department of State"]),
        ("The project is funded by the European Union. The centre opened.", ["European Union"]),
        ("The centre was funded by Japan. U.S. officials attended.", ["Japan"]),
    ],
)  # fmt: skip
def test_an_initialisms_full_stops_do_not_end_a_funders_name(text: str, funders: list[str]) -> None:
    assert find_funders(text) == funders


def test_a_sentence_after_an_initialism_is_no_part_of_the_name() -> None:
    assert find_funders("The project is funded by the U.K. The centre opened on Monday.") == ["U.K"]


def test_a_kicker_and_colon_before_the_repeated_headline_stay_in_the_title() -> None:
    page = """ÉMIGRATION VERS L’ESPAGNE : Les chiffres de l’OIM au mois de septembre 2020
Les chiffres de l’OIM au mois de septembre 2020
Du 1er au 30 septembre 2020, 61 alertes ont été transmises à l’OIM pour environ 663 migrants.
"""
    (release,) = parse_page(page.encode(), "node.txt")
    assert release.title.startswith("ÉMIGRATION VERS L’ESPAGNE : Les chiffres")
    assert release.body.startswith("Du 1er au 30 septembre")
