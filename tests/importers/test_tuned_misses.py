"""Rules for misses shared by several tuned pages (issue 13): bare lede lines, …"""

from __future__ import annotations

import pytest

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.importers.archive_lines import is_archive_or_bulletin_line
from oim_archive.importers.lede_lines import are_ledes, lede_items


def _no_dateline(_: str) -> bool:
    return False


_LEDES = """Un responsable des Nations unies en visite au Niger a jugé jeudi qu’il était impossible d’arrêter les départs par les seuls moyens sécuritaires.
Auteur/autrice : Equipe de rédaction
Des femmes croates se sont présentées jeudi à la gare d’Ilaca, où des centaines de migrants montaient dans des trains.
L’Espagne s’est félicitée mercredi du bon déroulement de l’Opération Transit, indique le ministère de l’Intérieur dans un communiqué.
Quelque 2.104.597 passagers ont transité par les ports de Tanger Ville, Tanger Med et Nador depuis le début de l’opération, parvenu jeudi à
"""


def test_bare_lede_lines_are_one_item_each() -> None:
    releases = parse_page(_LEDES.encode(), "author-archive.txt")
    assert [r.body[:20] for r in releases] == [
        "Un responsable des N",
        "Des femmes croates s",
        "L’Espagne s’est féli",
        "Quelque 2.104.597 pa",
    ]
    assert is_archive_or_bulletin_line("Auteur/autrice : Equipe de rédaction")


_CARDS = """En la concurrida unidad de emergencias del hospital de Lima, el cirujano venezolano Yoalexis Tovar trabaja con los pacientes gracias a un programa que apoya la OIM.
OIM
Haití es un lugar de belleza y de resiliencia, pero también un país que afronta problemas graves que han obligado a más de un millón de personas a huir.
“Cuando llegó la pandemia perdí mi trabajo y decidí emprender”, cuenta Eliana al Banco Mundial; ella es una de los 1,5 millones de venezolanos en el Perú.
"""


def test_a_quotation_naming_its_speaker_may_open_a_teaser() -> None:
    items = lede_items(_CARDS.splitlines(), 0, _no_dateline)
    assert items is not None and len(items) == 3  # the lone "OIM" label heads nothing


_ARTICLE = [
    "Un nuevo programa de retorno voluntario fue lanzado ayer en Guatemala por la OIM, con el apoyo de la Unión Europea y de las autoridades.",
    "Asimismo, se dará seguimiento periódico a los casos después del retorno, para conocer las necesidades que surjan, se indicó.",
    "La iniciativa responde a las necesidades humanitarias de cientos de migrantes retornados cada mes, según los datos del programa.",
]


@pytest.mark.parametrize(
    "second",
    [
        "Asimismo, se dará seguimiento periódico a los casos después del retorno, para conocer las necesidades que surjan, se indicó.",
        "Il a ajouté que les autorités ont ouvert quatre centres d'accueil, qui sont aujourd'hui au maximum de leur capacité.",
        "However, the four centres opened by the authorities are now full, and more people arrive every day from the south.",
        "“Creemos que la región tiene el reto de prevenir la migración irregular creando oportunidades para todos”, subrayó.",
        "Graviano explicó además que muchas de estas personas llegan al país con una salud muy deteriorada y sin documentos.",
        "Por la DGME firmó el director del servicio, y Migración es la primera institución en contacto con los deportados.",
    ],
)
def test_a_paragraph_carrying_on_the_text_makes_it_an_article(second: str) -> None:
    first = (
        "Nicola Graviano, jefe de misión, y la Dirección General de Migración y Extranjería "
        "(DGME) firmaron hoy un acuerdo para reforzar la gestión de las fronteras del país."
    )
    assert not are_ledes([first, second, _ARTICLE[2]])
    assert are_ledes([first, _ARTICLE[2]])


def test_an_article_one_paragraph_a_line_is_not_split() -> None:
    with pytest.raises(ImportRefused):  # a news report without headline, as before
        parse_page("\n".join(_ARTICLE).encode(), "article.txt")
    assert lede_items(_ARTICLE, 0, _no_dateline) is None


def test_other_shapes_are_not_bare_ledes() -> None:
    ledes = _LEDES.splitlines()
    spaced = [line for text in ledes for line in (text, "")]
    assert lede_items(spaced, 0, _no_dateline) is None  # blank lines between paragraphs
    assert lede_items(ledes[:3], 0, _no_dateline) is None  # two ledes only
    headline = ["Des milliers de migrants arrivent en Croatie", *ledes]
    assert lede_items(headline, 0, _no_dateline) is None  # a headline over them
    assert lede_items(ledes, 0, lambda text: text.startswith("Des femmes")) is None
    unended = [ledes[0].rstrip("."), *ledes[1:]]
    assert lede_items(unended, 0, _no_dateline) is None  # a hard-wrapped line, no full stop
