"""Rules from the twenty-second gathering of real pages (issue 13): Spanish pages."""

from __future__ import annotations

import pytest

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.importers.dates import estimated_date, find_dates
from oim_archive.importers.opening import headline_date
from oim_archive.importers.release_shape import _is_table
from oim_archive.store.records import DATE_PUBLISHED

_MESSAGE = """Al conmemorar el Día Internacional del Migrante este año, nos atraen las historias de cohesión social, tan diversas y singulares como cada uno de los millones de migrantes del planeta.
Desde el barbero sirio que saca adelante su negocio en Turquía hasta los músicos de Venezuela, vemos promesas cumplidas cuando la migración se gestiona bien, y se respeta la dignidad de todos.
Esto es mucho más que un objetivo o una teoría, es la realidad continua de la migración que ha moldeado a la humanidad, y lo seguirá haciendo en el próximo milenio.
"""


_MENU = (
    "Sobre nosotros\nSobre nosotros\n-\nQué hacemos\nQué hacemos\nPartenariados\nActúa\nParticipe\n"
)


def test_paragraphs_with_as_many_commas_are_no_table() -> None:
    assert not _is_table(_MESSAGE.splitlines())
    (release,) = parse_page((_MENU + _MESSAGE).encode(), "message.txt")
    assert f"{release.title} {release.body}".startswith("Al conmemorar el Día Internacional")


@pytest.mark.parametrize(
    "rows",
    [
        "titre,date,pays\nCombattre les migrations,2006-05-02,SN\nL'OIM au Niger,2014-05-16,NE\n",
        "título,fecha,país,resumen\nLa OIM en Perú firma un acuerdo,2012-03-01,PE,Un acuerdo\n"
        "La OIM en Chile estudia Quilicura,2014-06-02,CL,Una encuesta\n"
        "La OIM en Haití evalúa daños,2008-09-20,HT,Tras Hanna\n",
    ],
)
def test_records_of_a_few_words_a_field_stay_a_table(rows: str) -> None:
    assert _is_table(rows.splitlines())
    with pytest.raises(ImportRefused):
        parse_page(rows.encode(), "rows.csv")


@pytest.mark.parametrize(
    "text",
    [
        "En el Informe de 2012 sobre la Trata de Personas del Departamento de Estado",
        "selon le Rapport de 2019 sur les migrations",
        "as the Report of 2012 on Trafficking in Persons says",
    ],
)
def test_a_year_naming_a_report_is_no_event(text: str) -> None:
    assert find_dates(text) == []


def test_a_year_after_an_ordinary_de_is_still_an_event() -> None:
    assert estimated_date(find_dates("Desde 2005 el aumento sería de un 105 %.")) == "2005"
    assert estimated_date(find_dates("un informe de 2012 lo confirmó")) == "2012"


@pytest.mark.parametrize(
    ("title", "date"),
    [
        ("Canal 7 - 25/05/2015 Situación de los migrantes que huyen de África", "25/05/2015"),
        ("RPP | 12/03/2016 Entrevista al jefe de misión de la OIM", "12/03/2016"),
    ],
)
def test_a_medium_and_its_date_leading_a_headline_date_the_note(title: str, date: str) -> None:
    assert headline_date(title) == date


@pytest.mark.parametrize(
    "title",
    [
        "La tormenta del 12/10/2016 deja miles de desplazados en Haití",
        "OIM y Cancillería firman un acuerdo - 2.500 migrantes asistidos",
        "Canal 7 - Situación de los migrantes que huyen de África",
    ],
)
def test_a_date_inside_a_headline_is_no_note_date(title: str) -> None:
    assert headline_date(title) == ""


def test_the_headline_date_is_the_release_date() -> None:
    page = (
        "Comunicado\nLocal\n\n"
        "Canal 7 - 25/05/2015 Situación de los migrantes que huyen de África y Medio Oriente\n\n"
        "En diálogo con TV Perú Mundo, el Jefe de la Misión en el Perú de la OIM sostuvo que la "
        "pobreza lleva a las familias a travesías dramáticas en el Mediterráneo.\n"
    )
    (release,) = parse_page(page.encode(), "note.txt")
    assert (release.date, release.date_basis) == ("2015-05-25", DATE_PUBLISHED)


_DESK_STORY = """Redacción. La Organización Internacional para las Migraciones (OIM) intensifica su respuesta humanitaria ante el aumento de migrantes que transitan por Honduras.
Por su posición geográfica, Honduras recibe grandes flujos de migrantes por tierra, mar y aire.
Nicola Graviano, jefe de misión de la OIM, dijo a medios locales que el flujo registra cifras históricas.
"""


def test_a_desk_byline_glued_to_the_first_sentence_makes_a_news_report() -> None:
    with pytest.raises(ImportRefused):
        parse_page(_DESK_STORY.encode(), "desk.txt")


@pytest.mark.parametrize(
    "opening",
    [
        "Redacción de la nueva ley. La Organización Internacional para las Migraciones (OIM)",
        "Tegucigalpa – La Organización Internacional para las Migraciones (OIM)",
    ],
)
def test_redaccion_as_a_word_of_the_story_is_no_byline(opening: str) -> None:
    page = "La OIM refuerza su respuesta en Honduras\n\n" + _DESK_STORY.replace(
        "Redacción. La Organización Internacional para las Migraciones (OIM)", opening
    ).replace("dijo a medios locales", "señaló")
    (release,) = parse_page(page.encode(), "release.txt")
    assert release.title == "La OIM refuerza su respuesta en Honduras"
