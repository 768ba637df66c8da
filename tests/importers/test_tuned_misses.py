"""Rules for misses shared by several tuned pages (issue 13): bare lede lines, a store's date
field, a first paragraph of sentences, a yearly event's year, a fund of IOM's own, an English
funder's name ended by a lower-case word, a section heading over a bylined headline, support
without which nothing was possible, money coming from a donor."""

from __future__ import annotations

import pytest

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.importers.archive_lines import is_archive_or_bulletin_line
from oim_archive.importers.dates import find_dates
from oim_archive.importers.lede_lines import are_ledes, lede_items
from oim_archive.importers.page import _title_and_rest
from oim_archive.importers.people import find_funders


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


_HEADLESS_RELEASE = [
    "IOM Peru this week hosted a group of Andean Community migration data experts to look at how data can support policies.",
    "Together with the General Secretariat of the Andean Community, IOM brought together experts from Bolivia, Colombia and Ecuador.",
    "According to estimates of the ministries of foreign affairs, some 2.5 million nationals of the region live abroad today.",
    "The meeting, which ends in Lima today, is part of a project funded by the IOM Development Fund for the region.",
]
_REINTRODUCING = [
    "L’Organisation internationale pour les migrations (OIM) se dit profondément préoccupée par l’exode massif de civils.",
    "L’Organisation internationale pour les migrations (OIM) a tenu, du 17 au 19 octobre, un atelier avec le gouvernement.",
    "La nouvelle directrice générale de l’Organisation internationale pour les migrations (OIM) a appelé hier à agir.",
]


def test_ledes_need_a_listing_sign_a_release_without_headline_has_not() -> None:
    assert are_ledes(_HEADLESS_RELEASE)  # no paragraph carries on by the signs looked for
    assert lede_items(_HEADLESS_RELEASE, 0, _no_dateline) is None  # nothing says listing
    assert len(parse_page("\n".join(_HEADLESS_RELEASE).encode(), "headless.txt")) == 1
    items = lede_items(_REINTRODUCING, 0, _no_dateline)  # each names IOM in full: openings
    assert items is not None and len(items) == 3
    labelled = [*_HEADLESS_RELEASE[:2], "OIM", *_HEADLESS_RELEASE[2:]]
    assert lede_items(labelled, 0, _no_dateline) is not None  # a card's source label


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


_OP_ED = """La migration est le grand enjeu de notre temps. La Journée internationale des migrants 2018, que nous célébrons ce mardi 18 décembre, a pour thème « Des migrations dignes ».

La dignité est au cœur de notre mission. Traiter chaque migrant avec dignité doit guider notre action avant toute autre considération.

Je suis arrivé depuis peu à l’Organisation internationale pour les migrations, que l’on m’a appelé à diriger.
"""


def test_a_first_paragraph_of_two_sentences() -> None:
    (release,) = parse_page(_OP_ED.encode(), "op-ed.txt")
    assert release.title == "La migration est le grand enjeu de notre temps."
    assert release.body.startswith("La migration est le grand enjeu de notre temps. La Journée")
    assert release.date == "2018" and release.date_basis == "text"  # the Day's year


@pytest.mark.parametrize(
    ("title", "is_paragraph"),
    [
        (
            "La migration est le grand enjeu de notre temps. La Journée des migrants a pour thème la dignité.",
            True,
        ),
        ("African Migration to Europe is Not a Crisis. It’s an Opportunity", False),
        (
            "Más de mil guatemaltecos han sido retornados de EE. UU. y México en enero de este año.",
            False,
        ),
        (
            "Le DG de l’OIM, M. Swing, est en visite officielle au Maroc pour trois jours de travail.",
            False,
        ),
        ("IOM Chief Visits Haiti. Calls for Aid.", False),  # too short for a paragraph
    ],
)
def test_a_first_line_of_sentences_is_a_paragraph(title: str, is_paragraph: bool) -> None:
    assert (_title_and_rest(title)[1] is not None) == is_paragraph


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("celebramos el Día Internacional del Migrante 2018 bajo el lema", "2018"),
        ("at the Geneva Challenge 2015, a contest for students", "2015"),
        ("la Journée internationale des migrants 2018, que nous célébrons", "2018"),
        ("the day, 2018 was a hard year", None),  # a comma between: no event's name
        ("in line with the 2030 Agenda and the Plan 2030 of the Government", None),
        ("more than 2018 people came to the forum", None),
    ],
)
def test_a_year_after_a_yearly_events_name(text: str, year: str | None) -> None:
    assert [d.iso for d in find_dates(text)] == ([year] if year else [])


@pytest.mark.parametrize(
    ("text", "funders"),
    [
        (
            "La capacitación, financiada por el Fondo de Desarrollo de la OIM, reúne a 50 funcionarios.",
            ["Fondo de Desarrollo de la OIM"],
        ),
        (
            "La formation, financée par le Fonds de l'OIM pour le développement, réunit 50 agents.",
            ["Fonds de l'OIM pour le développement"],
        ),
        ("Le centre a été construit avec l'appui technique de l'OIM et des autorités.", []),
        (
            "A contribution of USD 260,000 from the UN Humanitarian Response Fund let IOM restart flights.",
            ["UN Humanitarian Response Fund"],
        ),
        (
            "A project funded by ECHO and the Swedish International Development Cooperation Agency (Sida) repairs roofs.",
            ["ECHO", "Swedish International Development Cooperation Agency (Sida)"],
        ),
        (
            "The campaign is funded by the British government through its embassy in Kabul.",
            ["British government"],
        ),
        (
            "Un projet financé par l'Union européenne, lancé en 2019, forme 200 jeunes.",
            ["Union européenne"],
        ),
        (
            "Ces activités, financées par le Fonds central d'intervention d'urgence des Nations Unies, continuent.",
            ["Fonds central d'intervention d'urgence des Nations Unies"],
        ),
    ],
)
def test_a_fund_of_iom_and_an_english_names_end(text: str, funders: list[str]) -> None:
    assert find_funders(text) == funders


_TITLE_CASED = """International Organization for Migration

Migration as an Adaptation Strategy to Climate Change

As attention turns to the links between human mobility and climate, more actors call for adaptation policies.

From One Nightmare to Another

The migrant crisis in Southeast Asia has held the attention of the world's media for weeks now.

Migrant Deaths Soar in the Mediterranean

As landings of rescued migrants surge in Southern It

Vanuatu: One Month After Cyclone Pam

One month ago Cyclone Pam tore across the small Pacific nation of Vanuatu, tearing up houses and trees.
"""


def test_a_teaser_cut_mid_page_under_a_title_cased_headline() -> None:
    releases = parse_page(_TITLE_CASED.encode(), "section.txt")
    assert [r.title for r in releases] == [
        "Migration as an Adaptation Strategy to Climate Change",
        "From One Nightmare to Another",
        "Migrant Deaths Soar in the Mediterranean",
        "Vanuatu: One Month After Cyclone Pam",
    ]
    assert releases[2].body == "As landings of rescued migrants surge in Southern It"


def test_too_few_title_cased_pairs_leave_the_cut_teaser_alone() -> None:
    shorter = _TITLE_CASED.replace(
        "From One Nightmare to Another\n\nThe migrant crisis in Southeast Asia has held the "
        "attention of the world's media for weeks now.\n\n",
        "",
    )
    titles = [r.title for r in parse_page(shorter.encode(), "section.txt")]
    assert "Migrant Deaths Soar in the Mediterranean" not in titles  # as before this rule


_SECTION_OVER_BYLINE = """18 December 2018

International Migrants Day | Message from the Director General

On International Migrants Day a Call for Dignity, Respect for Migrant Choices

By António Vitorino, Director General, International Organization for Migration (IOM)

Geneva – Migration is the great issue of our era, and dignity is the theme of this year's day.

Read on | Share on

Award Ceremony for Global Migration Film Festival in Cairo

Cairo – Today the Global Migration Film Festival closes at the historic Al-Manial Palace in Cairo.

Read on | Share on

IOM Opens Migrant Resource Centre in Niamey

Niamey – IOM opened a centre today where migrants can find advice on their rights and on work.
"""


def test_a_section_heading_over_a_bylined_headline() -> None:
    releases = parse_page(_SECTION_OVER_BYLINE.encode(), "newsletter.txt")
    assert releases[0].title.startswith("On International Migrants Day a Call for Dignity")
    plain = _SECTION_OVER_BYLINE.replace(" | Message from the Director General", " Message")
    assert (
        parse_page(plain.encode(), "newsletter.txt")[0].title
        == "International Migrants Day Message"
    )


@pytest.mark.parametrize(
    ("text", "funders"),
    [
        (
            "« Rien de tout cela ne serait possible sans l’appui constant de l’Union européenne », a-t-il ajouté.",
            ["Union européenne"],
        ),
        ("Esto no sería posible sin el apoyo de Suecia y de otros donantes.", ["Suecia"]),
        (
            "None of this would be possible without the generous support of the Government of Japan.",
            ["Government of Japan"],
        ),
        ("Rien ne serait possible sans le soutien de Mme Diallo, a-t-il dit.", []),  # a person
        ("Ce ne serait pas possible sans le soutien des communautés locales.", []),
        (
            "El aporte está valorado en USD $30,000 provenientes de la Agencia de los Estados Unidos para el Desarrollo Internacional (USAID) y se enmarca en el acuerdo.",
            ["Agencia de los Estados Unidos para el Desarrollo Internacional (USAID)"],
        ),
        (
            "Un projet de 2 millions d’euros provenant du Fonds fiduciaire d’urgence de l’Union européenne, mis en œuvre par l’OIM.",
            ["Fonds fiduciaire d’urgence de l’Union européenne"],
        ),
        ("Unos 300 migrantes provenientes de Venezuela llegaron hoy a la frontera.", []),
        ("USD 5.000 provenientes de donantes locales ayudaron a la escuela.", []),
    ],
)
def test_support_without_which_and_money_coming_from(text: str, funders: list[str]) -> None:
    assert find_funders(text) == funders
