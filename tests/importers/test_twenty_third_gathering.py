"""Rules from the twenty-third gathering of real pages (issue 13): listing pages of new shapes."""

from __future__ import annotations

from oim_archive.importers import parse_page
from oim_archive.importers.chrome import is_byline
from oim_archive.importers.date_labels import is_day_of_site, time_labels, without_month_heading
from oim_archive.importers.listing import is_date_line
from oim_archive.importers.people import find_funders


def test_a_byline_with_a_colon_is_a_byline() -> None:
    assert is_byline("By: Sabah Abdulrahman")
    assert is_byline("Por: Ana Pérez")
    assert is_byline("Par : Awa Ndiaye, OIM Sénégal")


def test_a_sentence_after_by_and_a_colon_is_no_byline() -> None:
    assert not is_byline("By: the end of May, 300 migrants had arrived.")
    assert not is_byline("Byline: none")


_DATED_TEASERS = """IOM Press Briefing Notes

11 July, 2017

Erbil - IOM is providing urgent medical support to tuberculosis patients across the country, the Ministry of Health said.

22 June, 2017

With the support of IOM, the Minister of Interior recently held a conference in Baghdad to present the community policing model and its strategy.

21 June, 2017

By: Sabah Abdulrahman

IOM supports peace and stability by encouraging dialogue between host communities and displaced people and by building local skills.

09 June, 2017

Erbil - To reduce the risk of gender-based violence for displaced families, IOM and humanitarian partners will be collectin
"""


def test_a_teaser_under_its_date_label_is_the_item_text() -> None:
    releases = parse_page(_DATED_TEASERS.encode(), "dated-teasers.txt")
    assert [r.date for r in releases] == ["2017-07-11", "2017-06-22", "2017-06-21", "2017-06-09"]
    assert releases[1].body.startswith("With the support of IOM, the Minister of Interior")
    assert releases[3].dateline == "Erbil"
    assert releases[3].body.startswith("To reduce the risk of gender-based violence")


def test_a_byline_over_a_teaser_is_neither_title_nor_text() -> None:
    release = parse_page(_DATED_TEASERS.encode(), "dated-teasers.txt")[2]
    assert release.title.startswith("IOM supports peace and stability")
    assert "Abdulrahman" not in release.body


_DATED_HEADLINES = """News

12 May, 2019

IOM Opens a New Migrant Resource Centre in Erbil

3 May, 2019

Displaced Families Return to Sinjar With IOM Support
"""


def test_a_headline_under_its_date_label_stays_a_headline() -> None:
    releases = parse_page(_DATED_HEADLINES.encode(), "dated-headlines.txt")
    assert [r.title for r in releases] == [
        "IOM Opens a New Migrant Resource Centre in Erbil",
        "Displaced Families Return to Sinjar With IOM Support",
    ]
    assert all(not r.body.startswith(r.title) for r in releases)


def test_a_date_and_a_source_name_is_a_date_line() -> None:
    assert is_date_line("11 May 2016 – Internal Displacement Monitoring Centre (IDMC)")
    assert is_date_line("20 May 2016 – U.S. Department of State")
    assert is_date_line("18 May 2016 - Deutsche Welle")


def test_a_dated_sentence_or_dateline_is_no_date_line() -> None:
    assert not is_date_line("12 May 2016 – IOM said today that migrants")
    assert not is_date_line("Geneva, 12 May 2016 – IOM said today that")
    assert not is_date_line("12 May 2016 – The Director General of IOM.")


_DIGEST = """May 2016

Ukraine ranks fourth in the list of countries facing internal displacement

11 May 2016 – Internal Displacement Monitoring Centre (IDMC)

Some 41 million people in the world are internally displaced, says the recent report.

More cases of trafficking than previously thought

18 May 2016 – Deutsche Welle

Human rights groups have received thousands of reports of ill treatment in the conflict.

New humanitarian assistance announced for the crisis

20 May 2016 – U.S. Department of State

The United States is providing more than $28 million in additional humanitarian assistance.
"""


def test_a_digest_of_cuttings_is_one_item_per_headline_dated_by_its_line() -> None:
    releases = parse_page(_DIGEST.encode(), "digest.txt")
    assert [r.date for r in releases] == ["2016-05-11", "2016-05-18", "2016-05-20"]
    assert releases[0].title.startswith("Ukraine ranks fourth")
    assert releases[0].body.startswith("Some 41 million people")
    assert releases[1].title == "More cases of trafficking than previously thought"


def test_a_month_heading_over_month_labels_stays_a_label() -> None:
    lines = ["May 2016", "", "Title one", "", "June 2016", "", "Title two", "", "July 2016"]
    assert without_month_heading(lines, [0, 4, 8]) == [0, 4, 8]
    lines = ["May 2016", "", "Title one", "", "11 May 2016", "", "Title two"]
    assert without_month_heading(lines, [0, 4]) == [0, 4]  # two labels: too few to tell


def test_a_weekday_and_a_written_date_is_a_site_day() -> None:
    assert is_day_of_site("sábado, 8 noviembre 2025")
    assert is_day_of_site("Monday, May 12, 2025")
    assert is_day_of_site("lundi 8 novembre 2025")


def test_an_issue_date_or_a_dated_sentence_is_no_site_day() -> None:
    assert not is_day_of_site("01 July 2016")
    assert not is_day_of_site("Mardi 13 juin 2017 – Il est 18h20")
    assert not is_day_of_site("Wed, 09/19/2018 - 11:19")
    assert not is_day_of_site("Athens, 12 July 2019")


_TAG_PAGE = """{day}

Instituto Guatemalteco de Migración

En Xela preparan centro para atención a migrantes

El director del Instituto viajó a Quetzaltenango con representantes de la OIM para verificar la construcción de un centro de atención al migrante...

Minex aún sin respuesta de petición por retorno de migrantes

El canciller se reunió con su homólogo mexicano. Según la nota del Ministerio, uno de los temas fue la crisis migratoria de las últimas semanas en la frontera...

IGM reporta incremento de grupos de migrantes en puntos fronterizos

El Instituto informó de un aumento de los flujos migratorios en los puestos fronterizos de El Carmen y El Ceibo, donde identificó a varios grupos...
"""


def test_a_site_day_over_a_tag_page_dates_no_item() -> None:
    releases = parse_page(_TAG_PAGE.format(day="sábado, 8 noviembre 2025").encode(), "tag.txt")
    assert len(releases) == 3
    assert [r.date for r in releases] == [None, None, None]


def test_an_issue_date_over_teasers_still_dates_them() -> None:
    releases = parse_page(_TAG_PAGE.format(day="8 noviembre 2025").encode(), "issue.txt")
    assert len(releases) == 3
    assert {r.date for r in releases} == {"2025-11-08"}


_FEED_READER = """atlas des actus

Nations Unies : migrants et réfugiés
26  mars     12h00
Plus de 60 000 migrants morts ou disparus en dix ans
   Plus de personnes ont péri sur les routes migratoires, a indiqué mardi l’agence des Nations Unies pour les migrations...
    12h00
RDC : un million de personnes déplacées dans l’Est
   Plus d’un million de personnes ont été déplacées par les violences dans l’Est de la République démocratique du Congo...
20  mars     12h00
Les Haïtiens qui ont besoin d’une protection doivent la recevoir
   Face à la dégradation de la situation en Haïti, le HCR a publié mercredi de nouvelles orientations juridiques...
"""


def test_time_labels_head_the_items_of_a_feed_reader() -> None:
    releases = parse_page(_FEED_READER.encode(), "reader.txt")
    assert [r.title for r in releases] == [
        "Plus de 60 000 migrants morts ou disparus en dix ans",
        "RDC : un million de personnes déplacées dans l’Est",
        "Les Haïtiens qui ont besoin d’une protection doivent la recevoir",
    ]
    assert [r.date for r in releases] == [None, None, None]  # a day and month, no year


def test_too_few_time_labels_or_none_with_its_day_head_nothing() -> None:
    assert time_labels(["a", "26 mars 12h00", "b", "12h00", "c"], 0) == []
    assert time_labels(["a", "12h00", "b", "13h30", "c", "14:05"], 0) == []
    assert time_labels(["09h00 Ouverture", "10h00 Pause", "26 mars 11h00 Clôture"], 0) == []


_TAG_HEADING = """{heading}
114 Bangladeshis return from Libya
As many as 114 Bangladeshi nationals came home from Libya on Thursday with the help of IOM.
Each returnee received food and financial assistance from IOM.
"""


def test_the_organisation_s_name_over_a_headline_is_the_tag_heading() -> None:
    for heading in (
        "International Organisation for Migration (IOM)",
        "Organisation internationale pour les migrations (OIM)",
        "Organización Internacional para las Migraciones",
    ):
        (release,) = parse_page(_TAG_HEADING.format(heading=heading).encode(), "tag.txt")
        assert release.title == "114 Bangladeshis return from Libya"


def test_a_headline_naming_the_organisation_stays_the_title() -> None:
    page = _TAG_HEADING.format(heading="International Organization for Migration Turns 70")
    (release,) = parse_page(page.encode(), "anniversary.txt")
    assert release.title == "International Organization for Migration Turns 70"


_AGED_STORIES = """International Organisation for Migration (IOM)
114 Bangladeshis return from Libya
As many as 114 Bangladeshi nationals came home from Libya on Thursday with the help of IOM.
Read:IOM seeks focus on perilous journeys by Bangladeshis to migrate
Each returnee received food and financial assistance from IOM.
2 years ago
{next}
IOM has said the World Day Against Trafficking in Persons is a timely reminder of the risks facing Bangladeshis who
"""


def test_an_age_between_a_story_and_a_headline_closes_the_story() -> None:
    page = _AGED_STORIES.format(
        next="IOM seeks focus on perilous journeys by Bangladeshis to migrate"
    )
    first, second = parse_page(page.encode(), "aged.txt")
    assert first.title == "114 Bangladeshis return from Libya"
    assert "2 years ago" not in first.body
    assert second.title == "IOM seeks focus on perilous journeys by Bangladeshis to migrate"
    assert second.body.startswith("IOM has said the World Day")
    assert second.date is None


def test_an_age_over_a_sentence_closes_nothing() -> None:
    page = _AGED_STORIES.format(
        next="the flight landed at Hazrat Shahjalal airport, officials said."
    )
    assert len(parse_page(page.encode(), "aged-sentence.txt")) == 1


_TOPIC_PAGE = """L'actualité mondiale Un regard humain

Filtrer par:

{topic}

L’ONU lance un plan pour aider les réfugiés sahraouis dans les camps de Tindouf

Les agences des Nations Unies ont lancé mardi un plan pour répondre aux besoins des réfugiés sahraouis des camps de Tindouf, en Algérie.

Dix ans après le naufrage de Lampedusa, l'ONU appelle toujours à la fin des tragédies

Depuis le grand naufrage de 2013, plus de 28 000 migrants sont morts ou portés disparus en Méditerranée, a indiqué mardi l’agence.

Notre situation est meilleure grâce aux migrants, déclare la nouvelle cheffe de l’OIM

La nouvelle cheffe de l’agence des Nations Unies pour les migrations a appelé lundi les pays d’accueil à reconnaître l’apport des migrants.
"""


def test_a_slogan_over_a_filter_and_a_topic_is_no_item() -> None:
    releases = parse_page(_TOPIC_PAGE.format(topic="Migrations et réfugiés").encode(), "t.txt")
    assert [r.title[:20] for r in releases] == [
        "L’ONU lance un plan ",
        "Dix ans après le nau",
        "Notre situation est ",
    ]


def test_a_first_headline_over_a_sentence_stays_an_item() -> None:
    topic = "Le HCR a publié mardi un rapport sur les réfugiés de la région."
    releases = parse_page(_TOPIC_PAGE.format(topic=topic).encode(), "t.txt")
    assert releases[0].title == "L'actualité mondiale Un regard humain"


def test_a_sentence_opening_on_its_donor_before_iom_names_a_funder() -> None:
    text = "With the support of the EU and the IOM Development Fund, IOM Belarus is rolling out a campaign."
    assert find_funders(text) == ["EU", "IOM Development Fund"]
    assert find_funders("Con el apoyo de Suiza, la OIM entregó kits de higiene.") == ["Suiza"]
    assert find_funders("Avec le soutien du Japon, l'OIM a construit un centre.") == ["Japon"]


def test_support_for_someone_else_s_action_names_no_funder() -> None:
    text = "With the support of IOM, the Iraqi Minister of Interior held a conference in Baghdad."
    assert find_funders(text) == []
    assert (
        find_funders("It rained. With the support of partners, the ministry opened a centre.") == []
    )


_UNTITLED = """News

02 April 2012
IOM’s Regional Director for Eastern Europe Ms. Renate Held made a familiarization visit to Ukraine on 25-30 March 2012. She met the Ministry of Foreign Affairs, the State Migration Service, the State Border Guard Service, the Ministry of Social Policy and the Parliament, and underlined the progress made.
26 March 2012
The handover of migrants’ basic needs in detention to the Governments of Moldova and Ukraine is planned. Legal assistance to detained migrants under the project will continue until February 2013, the authorities of both countries said at the second Regional Steering Committee in Chisinau.
"""


def test_a_headline_less_teaser_s_title_runs_past_a_title_s_period() -> None:
    first, second = parse_page(_UNTITLED.encode(), "untitled.txt")
    assert first.title.endswith("visit to Ukraine on 25-30 March 2012.")
    assert (
        second.title
        == "The handover of migrants’ basic needs in detention to the Governments of Moldova and Ukraine is planned."
    )
