"""Rules from the thirty-first gathering of real pages (issue 13): HTML documents as staff save
them (Word and Outlook copies, SharePoint, Joomla, Blogger, news themes, ReliefWeb's markup)."""

from __future__ import annotations

import pytest

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.importers.html_mail import mail_header
from oim_archive.importers.opening import opening_date

_TEXT = (
    "<p>Niamey - L'Organisation internationale pour les migrations (OIM) a aidé 120 migrants "
    "à rentrer chez eux cette semaine, a indiqué l'OIM au Niger.</p>"
    "<p>Les migrants ont reçu une aide médicale et un transport vers leurs villages.</p>"
)
_HEADLINE = "L'OIM aide 120 migrants à rentrer chez eux depuis le Niger"
# The rest of a release's text (a page's form around it holds a page's worth of text).
_MORE_TEXT = "".join(
    f"<p>Paragraphe {number} : les équipes de l'OIM ont accompagné les familles jusqu'à leur "
    "village d'origine et leur ont remis un kit d'hygiène et de l'argent de poche.</p>"
    for number in range(2, 9)
)


def _one(html: str) -> object:
    (release,) = parse_page(html.encode(), "page.html")
    return release


def _page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def test_a_hidden_label_does_not_hide_its_field() -> None:
    body = (
        f"<h1>{_HEADLINE}</h1><div class='field field--name-body field--label-hidden'>{_TEXT}</div>"
    )
    assert _one(_page(body)).body.startswith("L'Organisation internationale")


def test_a_hidden_block_is_still_chrome() -> None:
    body = f"<h1>{_HEADLINE}</h1><div class='visually-hidden'>Aller au contenu</div><article>{_TEXT}</article>"
    assert "Aller au contenu" not in _one(_page(body)).body


def test_a_negated_share_class_keeps_the_text() -> None:
    body = f"<h1>{_HEADLINE}</h1><div class='entry-content no-share'>{_TEXT}</div>"
    release = _one(_page(body))
    assert release.body.startswith("L'Organisation internationale")
    assert release.dateline == "Niamey"


def test_a_share_block_is_still_chrome() -> None:
    body = f"<h1>{_HEADLINE}</h1><div class='entry-content'>{_TEXT}<div class='share-bar'>Partager sur Facebook</div></div>"
    assert "Partager" not in _one(_page(body)).body


def test_a_form_around_the_whole_page_keeps_its_text() -> None:
    body = (
        "<form method='post' id='aspnetForm'><input type='hidden' name='__VIEWSTATE' value='x'>"
        f"<h1>{_HEADLINE}</h1><div class='article-body'>{_TEXT}{_MORE_TEXT}</div></form>"
    )
    assert _one(_page(body)).body.startswith("L'Organisation internationale")


def test_a_short_form_in_the_text_is_still_chrome() -> None:
    body = f"<h1>{_HEADLINE}</h1><article>{_TEXT}<form><p>Votre adresse e-mail</p></form></article>"
    assert "adresse" not in _one(_page(body)).body


def test_a_search_form_is_still_chrome() -> None:
    body = f"<form role='search'><label>Rechercher sur le site</label></form><h1>{_HEADLINE}</h1><article>{_TEXT}</article>"
    assert "Rechercher" not in _one(_page(body)).body


def test_a_headline_linking_home_is_the_site_name() -> None:
    body = (
        "<div id='header'><h1 class='title'><a href='http://blog.example.org/'>Migrations et Sahel</a></h1></div>"
        f"<h3 class='post-title entry-title'>{_HEADLINE}</h3><div class='post-body entry-content'>{_TEXT}</div>"
    )
    head = f"<title>Migrations et Sahel: {_HEADLINE}</title><meta property='og:title' content=\"{_HEADLINE}\">"
    assert _one(_page(body, head)).title == _HEADLINE


def test_a_headline_linking_to_its_article_stays_the_title() -> None:
    body = f"<h1><a href='/fr/news/oim-aide-120-migrants'>{_HEADLINE}</a></h1><article>{_TEXT}</article>"
    assert _one(_page(body, "<meta property='og:title' content='Autre titre'>")).title == _HEADLINE


def test_microdata_date_published_on_any_element() -> None:
    body = (
        f"<h1>{_HEADLINE}</h1><div class='entry-content'>{_TEXT}</div>"
        "<abbr class='published' itemprop='datePublished' title='2013-06-20T09:41:00-04:00'>9:41</abbr>"
    )
    release = _one(_page(body))
    assert (release.date, release.date_basis) == ("2013-06-20", "published")


def test_a_date_shown_under_the_headline() -> None:
    body = (
        "<div class='topbar-date'>jeudi, novembre 28, 2024</div>"
        f"<h1>{_HEADLINE}</h1><div class='post-date'>Vendredi 15 novembre 2019</div><article>{_TEXT}</article>"
    )
    assert _one(_page(body)).date == "2019-11-15"


def test_a_date_before_the_headline_or_of_an_update_dates_nothing() -> None:
    body = (
        "<div class='jeg_top_date'>jeudi, novembre 28, 2024</div>"
        f"<h1>{_HEADLINE}</h1><article>{_TEXT}</article>"
        "<div class='modifydate'>Mise à jour le mardi 27 février 2007</div>"
    )
    assert _one(_page(body)).date != "2024-11-28"
    assert _one(_page(body)).date != "2007-02-27"


def test_the_original_publication_over_the_posting() -> None:
    body = (
        f"<h1>{_HEADLINE}</h1><dl><dt>Posted</dt><dd><time datetime='2021-11-10T09:32:51+00:00'>10 Nov 2021</time></dd>"
        "<dt>Originally published</dt><dd><time datetime='2021-11-09T00:00:00+00:00'>9 Nov 2021</time></dd></dl>"
        f"<div class='rw-report__content'>{_TEXT}</div>"
    )
    assert _one(_page(body)).date == "2021-11-09"


def test_without_an_original_date_the_first_time_stays() -> None:
    body = (
        f"<h1>{_HEADLINE}</h1><dl><dt>Posted</dt><dd><time datetime='2021-11-10T09:32:51+00:00'>10 Nov 2021</time></dd></dl>"
        f"<div class='rw-report__content'>{_TEXT}</div>"
    )
    assert _one(_page(body)).date == "2021-11-10"


_CARD = (
    "<div class='card'><div class='card-body'><span class='un-card__type'>Comunicado de prensa</span> "
    "<span class='un-card__date'>{day}</span><h5 class='card-title'><a>{title}</a></h5></div>"
    "<div class='card-footer'><a>Leer más</a></div></div>"
)


def test_each_card_dated_by_its_date_element() -> None:
    cards = _CARD.format(
        day="29 mayo 2023", title="La OIM y el Gobierno presentan el perfil migratorio"
    ) + _CARD.format(
        day="23 mayo 2023", title="Se construye el plan de trabajo de la red sobre migración"
    )
    releases = parse_page(_page(f"<main>{cards}</main>").encode(), "cards.html")
    assert [release.date for release in releases] == ["2023-05-29", "2023-05-23"]


_MAIL = (
    "<html><head><meta http-equiv=Content-Type content='text/html; charset=windows-1252'>"
    "<meta name=Generator content='Microsoft Word 15 (filtered medium)'></head><body><div class=WordSection1>"
    "<p class=MsoNormal><b>De :</b> IOM Media &lt;media@iom.int&gt;<br><b>Envoyé :</b> mardi, 6 mars 2018 16:12<br>"
    f"<b>À :</b> Liste médias<br><b>Objet :</b> OIM : {_HEADLINE}</p>"
    "<p class=MsoNormal>Communiqué de presse</p>"
    f"<p class=MsoNormal><b>{_HEADLINE}</b></p>{_TEXT}</div></body></html>"
)


def test_an_email_saved_as_html() -> None:
    release = _one(_MAIL)
    assert release.title == _HEADLINE
    assert (release.date, release.dateline) == ("2018-03-06", "Niamey")


def test_text_opening_with_de_is_no_email_header() -> None:
    assert mail_header("De nombreux migrants sont arrivés\nEnvoyé : rien\nObjet : rien") is None
    assert mail_header("Objet : réunion\nDe : quelqu'un") is None


def test_a_french_label_reads_a_numeric_date_day_first() -> None:
    body = f"<h1>{_HEADLINE}</h1><div class='article-body'><h2>{_HEADLINE}</h2><div>Publié le 07/06/2018</div>{_TEXT}</div>"
    release = _one(_page(body))
    assert release.date == "2018-06-07"
    assert release.body.startswith("L'Organisation internationale")


def test_an_english_label_keeps_an_ambiguous_date_to_its_year() -> None:
    body = f"<h1>{_HEADLINE}</h1><article><div>Posted: 07/06/2018</div>{_TEXT}</article>"
    assert _one(_page(body)).date == "2018"


def test_two_hyphens_after_an_opening_date() -> None:
    assert opening_date("25 September 2015 -- The EC-funded project will hold a workshop.") == (
        "25 September 2015",
        "The EC-funded project will hold a workshop.",
    )
    assert opening_date("25 September 2015 -- the end") == (None, "25 September 2015 -- the end")


_JOOMLA_ROW = (
    "<div class='leading-{n}'><h2><a href='/index.php/news/{n}'>{title}</a></h2><p>{text}</p>"
    "<p class='readmore'><a>Read more: {title}</a></p></div>"
)


def test_a_joomla_blog_is_one_item_a_row() -> None:
    rows = _JOOMLA_ROW.format(
        n=0,
        title="Workshop on health services for migrants in Brussels",
        text="25 September 2015 -- The workshop will take place in October.",
    ) + _JOOMLA_ROW.format(
        n=1,
        title="IOM responds as arrivals by sea rise in Greece",
        text="26 June 2015 -- Arrivals by sea rose again this month.",
    )
    html = _page(
        f"<div class='blog'><h1>News &amp; Events</h1><div class='items-leading'>{rows}</div></div><div id='footer'>Rue Montoyer 40, Brussels</div>"
    )
    releases = parse_page(html.encode(), "blog.html")
    assert [(r.date, r.body[:12]) for r in releases] == [
        ("2015-09-25", "The workshop"),
        ("2015-06-26", "Arrivals by "),
    ]
    assert all("Read more" not in r.body for r in releases)


_REPORT = (
    "<h1>La OIM afirma que su oficina en Punta Cana no es un centro de refugio</h1><div class='article-body'>"
    "<p>La Organización Internacional para las Migraciones (OIM) aclaró en un comunicado que su nueva "
    "oficina orienta a migrantes de todas las nacionalidades sobre sus trámites.</p>"
    "<p>El acto de apertura fue pospuesto a pedido del Gobierno.</p></div>"
)


def test_an_html_news_report_on_a_communique_is_refused() -> None:
    with pytest.raises(ImportRefused, match="news report"):
        parse_page(_page(_REPORT).encode(), "report.html")


def test_an_html_release_republished_by_a_news_site_stays() -> None:
    page = _page(_REPORT.replace("aclaró en un comunicado que su", "abrió en Punta Cana una"))
    (release,) = parse_page(page.encode(), "release.html")
    assert release.body.startswith("La Organización Internacional")


def test_iom_s_own_site_is_never_a_report_on_iom() -> None:
    head = "<title>La OIM afirma que su oficina no es un centro de refugio | OIM República Dominicana</title>"
    (release,) = parse_page(_page(_REPORT, head).encode(), "iom.html")
    assert release.title.startswith("La OIM afirma")
