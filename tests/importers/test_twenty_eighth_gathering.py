"""Rules from the twenty-eighth gathering of real pages (issue 13): French and Spanish listings."""

from __future__ import annotations

from oim_archive.importers import parse_page
from oim_archive.importers.archive_lines import is_archive_or_bulletin_line
from oim_archive.importers.body import split_dateline
from oim_archive.importers.caption_headlines import captioned_headlines
from oim_archive.importers.cell_borders import cell_border_items
from oim_archive.importers.country import release_country
from oim_archive.importers.glued_byline import without_glued_byline
from oim_archive.importers.people import find_funders
from oim_archive.importers.places import is_country_name, tokenize

_DATES_AFTER = """Migration

Maroc : trois passeurs interpellés à Oujda lors d’une opération de migration illégale

Dans un communiqué, la police a fait savoir que les trois suspects ont été arrêtés près de la frontière après une longue enquête…

21 January 2023

L’Italie prête à augmenter le nombre de migrants légaux de Tunisie

Venu avec son collègue de l’Intérieur, le ministre effectuait sa première visite en Tunisie depuis l’arrivée du nouveau gouvernement…

18 January 2023

Tunisie : plus de 300 migrants secourus en 24 heures au large de Sfax

Selon le porte-parole de la Garde nationale, ces personnes ont été secourues après que leurs embarcations eurent chaviré dans la nuit…

9 January 2023

Espagne : un réseau d’exploitation de migrants démantelé, 43 arrestations

Les victimes étaient « principalement des citoyens marocains », a indiqué la police espagnole, sans donner plus de détails sur les…

5 J
"""


def test_a_date_after_its_teaser_dates_the_item_above() -> None:
    releases = parse_page(_DATES_AFTER.encode(), "dates-after.txt")
    assert [r.title[:20] for r in releases] == [
        "Maroc : trois passeu",
        "L’Italie prête à aug",
        "Tunisie : plus de 30",
        "Espagne : un réseau ",
    ]
    assert [r.date for r in releases] == ["2023-01-21", "2023-01-18", "2023-01-09", None]
    assert releases[1].body.startswith("Venu avec son collègue")


_DATES_BEFORE = """Noticias

7 July, 2021

La OIM apoya a México en la recuperación económica de personas trabajadoras migrantes

La población trabajadora en México se ha visto muy afectada por la situación económica que generó la pandemia, según las cifras oficiales del instituto.

2 June, 2021

La OIM capacita a más de 200 funcionarios de comités locales contra la trata en Honduras

Más de 200 personas participaron en la primera sesión de capacitación sobre respuesta local ante la trata de personas en el país centroamericano.
"""


def test_a_date_over_its_headline_still_heads_the_item_below() -> None:
    releases = parse_page(_DATES_BEFORE.encode(), "dates-before.txt")
    assert [r.date for r in releases] == ["2021-07-07", "2021-06-02"]
    assert releases[0].title.startswith("La OIM apoya a México")


def test_a_share_buttons_label_before_a_dateline_is_no_place() -> None:
    place, date, rest = split_dateline(
        "Tweet PORT-AU-PRINCE, 15 janvier 2026 (Rezo Nòdwès) — La violence des gangs continue.",
        is_country_name,
    )
    assert place == "PORT-AU-PRINCE"
    assert (date or "").startswith("15 janvier 2026")
    assert rest.startswith("La violence des gangs")


def test_a_share_word_opening_a_sentence_is_left_alone() -> None:
    paragraph = "Share of migrants in the population rose in 2020, the report says."
    assert split_dateline(paragraph, is_country_name) == (None, None, paragraph)


_CAPTIONED = """Immigration

la suite après cette publicité
Des migrants à bord d’une embarcation, en mer Méditerranée, en mai 2018. © Felipe Dana/AP/SIPA

Migrants en Méditerranée : le casse-tête du redécoupage des eaux

Un groupe de migrants tunisiens, en février 2011 à Lampedusa (Italie). © Daniele La Monaca/AP/SIPA

Immigration : plus de 15 000 migrants rapatriés de Libye, selon l’OIM

la suite après cette publicité
Une embarcation de migrants entre le Maroc et l’Espagne (photo d’illustration). © Marcos Moreno/AP/SIPA

Maroc : des centaines de migrants secourus par la marine
"""


def test_headlines_each_under_a_caption_are_items_without_teasers() -> None:
    items = captioned_headlines(_CAPTIONED.splitlines(), 0)
    assert items is not None
    assert [item.lines[0][:24] for item in items] == [
        "Migrants en Méditerranée",
        "Immigration : plus de 15",
        "Maroc : des centaines de",
    ]
    releases = parse_page(_CAPTIONED.encode(), "captioned.txt")
    assert [r.title for r in releases][1] == (
        "Immigration : plus de 15 000 migrants rapatriés de Libye, selon l’OIM"
    )


def test_a_caption_over_a_headline_and_its_teaser_is_not_that_shape() -> None:
    lines = (
        _CAPTIONED.replace(
            "Maroc : des centaines de migrants secourus par la marine",
            "Maroc : des centaines de migrants secourus\n"
            "La marine royale a porté secours à des centaines de migrants au large du pays.",
        )
    ).splitlines()
    assert captioned_headlines(lines, 0) is None
    assert captioned_headlines(_CAPTIONED.splitlines()[:9], 0) is None  # two headlines only


def test_an_archive_heading_or_a_bulletins_link_is_no_headline() -> None:
    for line in (
        "Catégorie : Cas d'assassinat",
        "Etiqueta: Organización Internacional para las Migraciones",
        "Migración Archives",
        "Ver como página web / Compartir",
        "View this email in your browser",
        "ADMINISTRAR SUSCRIPCIONES: Preferencias | Cancelar suscripción | Ayuda",
        "Este correo fue enviado a través de GovDelivery en nombre de: USAID",
    ):
        assert is_archive_or_bulletin_line(line), line


def test_sentences_about_archives_or_authors_stay_text() -> None:
    for line in (
        "Author: the IOM team said today that 300 migrants had arrived.",
        "Archives of the 2015 conference show a rise in arrivals",
        "Catégorie de migrants la plus exposée : les mineurs non accompagnés.",
    ):
        assert not is_archive_or_bulletin_line(line), line


_ARCHIVE_HTML = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Cas d'assassinat Archives - Radio Télé</title></head><body>
<header><p class="site-title">Radio Télé</p></header>
<main><header class="page-header"><h1 class="page-title">Catégorie : Cas d'assassinat</h1></header>
<article class="post"><header class="entry-header"><h2 class="entry-title"><a href="/x">Haïti : 6 000
nouveaux déplacés depuis le 6 janvier, selon l’ONU</a></h2></header>
<div class="entry-summary"><p>PORT-AU-PRINCE, 15 janvier 2026 (Rezo Nòdwès) — La violence des gangs
continue de pousser des familles à fuir, a indiqué l’Organisation internationale pour les
migrations (OIM) […]</p></div></article></main></body></html>"""


def test_one_article_under_an_archive_heading_is_a_listing_of_one() -> None:
    (release,) = parse_page(_ARCHIVE_HTML.encode(), "archive.html")
    assert release.title.startswith("Haïti : 6 000 nouveaux déplacés")
    assert release.dateline == "PORT-AU-PRINCE"


def test_an_article_page_under_its_own_heading_keeps_it() -> None:
    page = _ARCHIVE_HTML.replace(
        "Catégorie : Cas d'assassinat", "Haïti : la violence déplace 6 000 personnes"
    )
    (release,) = parse_page(page.encode(), "article.html")
    assert release.title == "Haïti : la violence déplace 6 000 personnes"


def test_a_byline_with_an_address_glued_before_a_teaser_is_dropped() -> None:
    line = "Por Lucía Morales lmorales@lahora.com.gt El Instituto Guatemalteco de Migración informó"
    assert without_glued_byline(line) == "El Instituto Guatemalteco de Migración informó"
    assert without_glued_byline("By Joe Lowry jl@paper.com The ship docked.") == "The ship docked."


def test_a_sentence_opening_on_por_with_an_address_further_on_stays() -> None:
    for line in (
        "Por favor escriba a prensa@iom.int para más información.",
        "Por su parte, la OIM pidió escribir a oimgt@iom.int Para más datos.",
    ):
        assert without_glued_byline(line) == line


_THEME_MENU = """Seleccionar página

Informe sobre las migraciones en el mundo 2022

Informe sobre las migraciones en el mundo 2022

Comparto un resumen de los principales datos sobre la migración en el mundo que publicó la OIM.
"""


def test_a_themes_select_page_label_is_no_headline() -> None:
    (release,) = parse_page(_THEME_MENU.encode(), "theme.txt")
    assert release.title == "Informe sobre las migraciones en el mundo 2022"
    assert release.body.startswith("Comparto un resumen")


_BULLETIN = """|
USAID y la OIM en Belice pusieron en marcha el 5 de septiembre una campaña para dar a conocer la integración de los migrantes.
La campaña reúne 21 piezas de comunicación, entre vídeos, audios y material gráfico.
|
|
Anuncio especial
El Cuerpo de Servicio Centroamericano estrena una nueva página web que puede consultar desde hoy mismo.
|
|
Mejora de los medios de vida para las comunidades costeras de Honduras y Guatemala |
|
Más de 3,590 personas del Caribe de Honduras y Guatemala lograron más de $2 millones de d
"""


def test_a_bulletins_cell_borders_part_its_items() -> None:
    releases = parse_page(_BULLETIN.encode(), "bulletin.txt")
    assert [r.body[:20] for r in releases] == [
        "USAID y la OIM en Be",
        "El Cuerpo de Servici",
        "Más de 3,590 persona",
    ]
    assert releases[2].title == (
        "Mejora de los medios de vida para las comunidades costeras de Honduras y Guatemala"
    )
    assert releases[1].title.startswith("El Cuerpo de Servicio")  # the label heads nothing


def test_one_border_line_in_a_mirrored_text_parts_nothing() -> None:
    lines = [
        "Laden...",
        "No images? Click here STATEMENT ON THE RENEWAL " + "word " * 30,
        "|",
        "Laden...",
    ]
    assert cell_border_items(lines, 0) is None
    two = [*_BULLETIN.splitlines()[:3], "|", "Anuncio especial", "|"]
    assert cell_border_items(two, 0) is None  # one cell with a sentence only


_BULLETIN_HTML = """<html><head><meta charset="utf-8"><title>Boletín de la Misión</title></head><body>
<div><a href="/v">Ver como página web</a> / <a href="/s">Compartir</a></div>
<table><tr><td><table>
<tr><td><p>La OIM y el Gobierno de Belice pusieron en marcha una campaña para dar a conocer la
integración de las personas migrantes en todo el país.</p></td></tr>
<tr><td><p><strong>Anuncio especial</strong></p><p>El Cuerpo de Servicio Centroamericano estrena
una nueva página web que los jóvenes de la región pueden consultar.</p></td></tr>
<tr><td><table><tr><td><h2>Mejora de los medios de vida para las comunidades costeras</h2></td>
</tr></table><p>Más de 3,590 personas del Caribe de Honduras lograron vender más gracias a nuevas
prácticas de pesca sostenible.</p></td></tr>
</table></td></tr></table></body></html>"""


def test_an_html_bulletins_cells_part_its_items() -> None:
    releases = parse_page(_BULLETIN_HTML.encode(), "bulletin.html")
    assert [r.body[:12] for r in releases] == ["La OIM y el ", "El Cuerpo de", "Más de 3,590"]
    assert releases[2].title == "Mejora de los medios de vida para las comunidades costeras"


def test_a_table_page_without_a_bulletins_links_is_one_release() -> None:
    page = _BULLETIN_HTML.replace("Ver como página web", "Inicio")
    assert len(parse_page(page.encode(), "table.html")) == 1


def _country(title: str, body: str) -> str | None:
    zones = {"cms": "", "chrome": "", "dateline": "", "title": title, "body": body}
    return release_country(zones, tokenize(f"{title}\n{body}"))


def test_two_countries_joined_in_a_headline_are_its_subject_together() -> None:
    body = "Les ministres ont parlé des arrivées irrégulières en Italie et en France cette semaine."
    assert _country("L’Italie et la France cherchent des solutions", body) is None
    assert _country("Migrants : le bras de fer Maroc-Espagne", "Rabat répond à Madrid.") is None
    assert _country("Mejora de los medios de vida en Honduras y Guatemala", "") is None


def test_a_border_between_two_countries_or_a_country_named_again_keeps_it() -> None:
    body = "Une équipe de l’OIM a trouvé 800 rapatriés tchadiens dans un village du Tchad."
    assert (
        _country("Des enfants rapatriés à la frontière entre le Tchad et le Nigéria", body) == "TD"
    )
    title = "Costa Rica - La OIM capacita a guardias de frontera de Costa Rica y Panamá"
    assert _country(title, "En San José, 25 guardias de Costa Rica se formaron.") == "CR"


def _funders(text: str) -> list[str]:
    return find_funders(text, tokenize(text))


def test_a_donor_acronym_backing_what_iom_implements_is_its_funder() -> None:
    text = "El programa, que la OIM implementa con el apoyo de USAID en Belice y Panamá, sigue."
    assert _funders(text) == ["USAID"]
    assert _funders("The project is funded by USAID in Honduras and runs to 2025.") == ["USAID"]


def test_iom_itself_local_authorities_or_a_named_embassy_stay_as_they_were() -> None:
    assert _funders("La OIM implementa con el apoyo de OIM y ACNUR un plan regional.") == []
    assert _funders("Lo que la OIM implementa con el apoyo de las autoridades locales.") == []
    text = "El proyecto, financiado por la Embajada de Japón en Guatemala, inició."
    assert _funders(text) == ["Embajada de Japón en Guatemala"]
