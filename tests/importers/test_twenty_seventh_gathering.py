"""Rules from the twenty-seventh gathering of real pages (issue 13): titles and body starts of
the copies staff keep (news sites, mirrors, country sites)."""

from __future__ import annotations

import pytest

from oim_archive.importers import parse_page
from oim_archive.importers.people import find_funders

_RELEASE = (
    "136 migrants rentrent de Libye avec l’aide de l’OIM\n\n"
    "Il est 2h23 du matin quand le vol spécial affrété par l’OIM se pose à l’aéroport de "
    "Conakry avec à son bord 136 migrants guinéens, dont 7 mineurs non accompagnés.\n\n"
    "Les migrants ont reçu une assistance à leur arrivée, a déclaré le chef de mission.\n"
)

# --- a server's error messages printed above the headline ----------------------------------------

_WARNING = (
    "Warning: Trying to access array offset on value of type bool in /var/www/clients/client0/"
    "web2/web/wp-content/themes/publisher/includes/template-content.php on line {}"
)


@pytest.mark.parametrize(
    "prefix",
    [
        "\n\n".join(_WARNING.format(n) for n in (1164, 1165, 1166)) + "\nCensure\n\n",
        "Notice: Undefined index: lang in /home/site/public_html/index.php on line 12\n\n",
        "PHP Deprecated: Function create_function() is deprecated in /srv/www/wp-includes/"
        "plugin.php on line 88\n\n",
    ],
)
def test_server_messages_above_the_headline_are_chrome(prefix: str) -> None:
    (release,) = parse_page((prefix + _RELEASE).encode(), "copy.txt")
    assert release.title == "136 migrants rentrent de Libye avec l’aide de l’OIM"
    assert release.body.startswith("Il est 2h23 du matin")
    assert release.language == "fr"


def test_a_warning_in_a_sentence_is_no_server_message() -> None:
    page = (
        "Warning: migrants in the desert face extreme heat, IOM says\n\n"
        "Niamey – IOM warned on Tuesday that migrants crossing the desert in Niger face extreme "
        "heat and called for more search and rescue missions.\n"
    )
    (release,) = parse_page(page.encode(), "release.txt")
    assert release.title.startswith("Warning: migrants in the desert")


# --- a box between the headline and the dateline ----------------------------------------------------

_BOX = (
    "l’OIM rapatrie des migrants fuyant la RCA depuis le Cameroun vers le Tchad\n\n"
    "ANALYSE:\n\n"
    "« L’état physique des évacués ramenés au Tchad montre combien la crise a pris une dimension "
    "régionale. Des milliers de personnes restent dispersées dans les villages, sous une menace "
    "constante, avec un accès très limité aux services et aux soins. Elles ont besoin d’une aide "
    "humanitaire d’urgence et d’une protection, et beaucoup pourraient tenter de fuir vers les "
    "pays voisins au péril de leur vie. »\n\n"
    "Marco Bellini\n\n"
    "Spécialiste des situations d’urgence de l’OIM pour l’Afrique de l’Ouest et du Centre\n\n"
)


def test_the_body_starts_at_the_dateline_under_a_box() -> None:
    page = _BOX + (
        "Cameroun/Tchad - Un deuxième convoi routier de l’OIM transportant 661 migrants est "
        "arrivé hier à Moundou, au sud du Tchad.\n\nLes migrants avaient fui la violence.\n"
    )
    (release,) = parse_page(page.encode(), "box.txt")
    assert release.dateline == "Cameroun/Tchad"
    assert release.body.startswith("Un deuxième convoi routier")


def test_a_box_without_a_dateline_below_keeps_its_text() -> None:
    page = _BOX + "Un deuxième convoi routier de l’OIM est arrivé hier à Moundou.\n"
    (release,) = parse_page(page.encode(), "box.txt")
    assert release.body.startswith("« L’état physique")


def test_a_long_standfirst_without_a_box_label_stays_the_body_start() -> None:
    standfirst = (
        "Des milliers de personnes restent dispersées dans les villages de RCA, sous une menace "
        "constante, avec un accès très limité aux services, aux soins et à l’eau potable ; "
        "beaucoup pourraient tenter de fuir vers les pays voisins au péril de leur vie, selon "
        "les équipes de l’OIM présentes sur le terrain depuis le début de la crise en 2013.\n\n"
    )
    page = (
        "L’OIM rapatrie des migrants vers le Tchad\n\n" + standfirst + "Cameroun/Tchad - Un "
        "deuxième convoi routier de l’OIM est arrivé hier à Moundou, au sud du Tchad.\n"
    )
    (release,) = parse_page(page.encode(), "standfirst.txt")
    assert release.body.startswith("Des milliers de personnes")


def test_a_field_label_over_its_value_is_still_skipped() -> None:
    page = (
        "L’OIM rapatrie des migrants vers le Tchad\n\nPublished Date:\n\n"
        "Cameroun/Tchad - Un deuxième convoi routier de l’OIM est arrivé hier à Moundou.\n"
    )
    (release,) = parse_page(page.encode(), "label.txt")
    assert release.dateline == "Cameroun/Tchad"


# --- a publication date inside a byline ------------------------------------------------------------

_PAGE = (
    "<!DOCTYPE html><html><head><title>IOM Hosts Migration Data Experts | Andes Post</title>"
    "</head><body><main><article><div class='kicker'>PRESS RELEASE</div>"
    "<h1>IOM HOSTS MIGRATION DATA EXPERTS</h1><p class='byline'>{byline}</p>"
    "<div class='article-body'><p>IOM Peru this week hosted a group of migration data experts "
    "from four countries to discuss policies that promote safe migration.</p></div>"
    "</article></main></body></html>"
)


@pytest.mark.parametrize(
    ("byline", "date"),
    [
        ("By IOM · Posted: 15 May 2015 · 3 min read", "2015-05-15"),
        ("Por Redacción | Publicado el 24 de febrero de 2022 | 10:40", "2022-02-24"),
        ("Posted: 15 May 2015", "2015-05-15"),
    ],
)
def test_the_date_of_a_byline_label(byline: str, date: str) -> None:
    (release,) = parse_page(_PAGE.format(byline=byline).encode(), "page.html")
    assert release.title == "IOM HOSTS MIGRATION DATA EXPERTS"
    assert (release.date, release.date_basis) == (date, "published")


def test_a_byline_without_a_publication_label_gives_no_date() -> None:
    page = _PAGE.format(byline="By IOM · 3 min read · 2 comments")
    (release,) = parse_page(page.encode(), "page.html")
    assert release.date is None


# --- the site's name in an <h1> before the article's -------------------------------------------

_THEME = (
    "<!DOCTYPE html><html><head><title>IOM Opens a Centre for Migrants in Agadez - Sahel Post"
    "</title><meta property='og:site_name' content='{site}'></head><body>"
    "<header class='site-header'>{logo}<nav><a>Accueil</a><a>Société</a></nav></header>"
    "<main><article><header class='entry-header'><h1 class='entry-title'>IOM Opens a Centre "
    "for Migrants in Agadez</h1></header><div class='entry-content'><p>Agadez – IOM opened on "
    "Tuesday a centre where migrants stranded in the desert receive shelter and care.</p></div>"
    "</article></main></body></html>"
)


@pytest.mark.parametrize(
    ("site", "logo"),
    [
        ("Sahel Post", "<div class='site-branding'><h1><a>Le Sahel Post du Niger</a></h1></div>"),
        ("Sahel Post", "<h1 id='logo'><a>Toute l’actualité du Sahel</a></h1>"),
        ("Sahel Post", "<h1>Sahel Post - Toute l’actualité du Sahel</h1>"),
    ],
)
def test_the_site_name_in_an_h1_is_not_the_headline(site: str, logo: str) -> None:
    page = _THEME.format(site=site, logo=logo)
    (release,) = parse_page(page.encode(), "page.html")
    assert release.title == "IOM Opens a Centre for Migrants in Agadez"


def test_a_headline_opening_with_the_site_name_stays() -> None:
    page = _THEME.format(site="IOM", logo="").replace("IOM Opens", "IOM Niger Opens")
    (release,) = parse_page(page.encode(), "page.html")
    assert release.title == "IOM Niger Opens a Centre for Migrants in Agadez"


# --- a donor whose support made the work possible --------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "funder"),
    [
        ('"El apoyo de Canadá ha permitido que las actividades lleguen a más comunidades".', "Canadá"),
        ("Le soutien du Japon a permis de construire trois forages à Agadez.", "Japon"),
        ("The support of the Government of Norway has enabled IOM to reach 5,000 families.",
         "Government of Norway"),
        ("El apoyo de USAID ha permitido abrir el centro de Tapachula.", "USAID"),
    ],
)  # fmt: skip
def test_support_that_made_the_work_possible_names_a_funder(sentence: str, funder: str) -> None:
    assert find_funders(sentence) == [funder]


@pytest.mark.parametrize(
    "sentence",
    [
        "El apoyo de la OIM ha permitido a 200 familias volver a casa.",
        "El apoyo de las autoridades locales ha permitido abrir el centro.",
        "Le soutien de Mme Diallo a permis d'accueillir les migrants.",
        "Le soutien de Fatou Diallo a permis d'accueillir les migrants.",
        "Le soutien du Japon est apprécié par les autorités.",
    ],
)
def test_support_of_iom_a_person_or_no_one_named_is_no_funder(sentence: str) -> None:
    assert find_funders(sentence) == []
