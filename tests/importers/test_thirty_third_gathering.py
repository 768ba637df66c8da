"""Rules from the thirty-third gathering of real pages (issue 13): pages a field worker's folder
holds that look like a release (an encyclopedia's article, a profile, a document site's transcript,
a report's sections, an article around an embedded post, a division's presentation), refused by
their genre's own lines, never a release."""

from __future__ import annotations

import pytest

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.importers.reference_pages import (
    describes_iom,
    embeds_a_post,
    has_caps_sections,
    headed_by_iom_name,
    is_document_transcript,
    presents_a_unit,
)

_BODY = (
    "L’Organisation internationale pour les migrations (OIM) est une organisation "
    "intergouvernementale dont le siège est à Genève. Elle compte 175 États membres et travaille "
    "dans plus de 100 pays sur les questions de migration.\n\n"
    "L'OIM promeut une migration humaine et ordonnée qui profite aux migrants et aux sociétés.\n"
)
# A release without dateline, date or contact: what none of these rules may refuse.
_RELEASE = (
    "L'OIM ouvre un centre d'accueil pour les migrants à Agadez\n\n"
    "L'OIM a ouvert un nouveau centre pour les migrants de passage à Agadez, où 400 personnes "
    "pourront être accueillies, a déclaré le chef de mission.\n\n"
    "Le centre offrira des soins, un abri et des informations sur le retour volontaire.\n"
)


def _refusal(page: str) -> str:
    with pytest.raises(ImportRefused) as refused:
        parse_page(page.encode(), "page.txt")
    return str(refused.value)


def _accepted(page: str) -> None:
    assert len(parse_page(page.encode(), "page.txt")) == 1


# --- encyclopedias and profiles headed by IOM's name ------------------------------------------


@pytest.mark.parametrize(
    "head",
    [
        "Organisation internationale pour les migrations\n\n",
        "International Organization for Migration (IOM)\n\nOverview of the organisation\n\n",
        "Organización Internacional para las Migraciones\n\nDe Wikipedia, la enciclopedia libre\n\n",
        "L'OIM\n\nUn article de Wikipédia, l'encyclopédie libre.\n\n",
        "L'organisation de la migration\n\nAller à la navigation Aller à la recherche\n\n",
    ],
)
def test_a_page_headed_by_iom_s_name_or_an_encyclopedia_is_refused(head: str) -> None:
    page = head + _BODY
    assert describes_iom(page) or headed_by_iom_name(page)
    assert _refusal(page).startswith("not a press release page")


def test_a_tag_page_headed_by_iom_s_name_over_news_stays_a_release() -> None:
    page = "Organisation internationale pour les migrations\n\n" + _RELEASE.replace(
        "a déclaré", "a déclaré jeudi"
    )
    page += "\nL'OIM est une organisation intergouvernementale fondée en 1951.\n"
    assert headed_by_iom_name(page)
    _accepted(page)


def test_a_tag_page_headed_by_iom_s_name_without_its_definition_is_no_profile() -> None:
    page = "International Organization for Migration\n\nMigrant Deaths Soar\n\nAs landings surge.\n"
    assert not headed_by_iom_name(page)


def test_encyclopedia_edit_links_make_an_article() -> None:
    page = (
        "L'OIM et ses membres\n\n" + _BODY + "\n[modifier] Histoire\n\n[modifier] Liens externes\n"
    )
    assert "encyclopedia" in _refusal(page)


def test_a_release_naming_iom_or_wikipedia_stays_a_release() -> None:
    page = (
        _RELEASE + "\nL'Organisation internationale pour les migrations (OIM) remercie Wikipédia.\n"
    )
    assert not describes_iom(page)
    _accepted(page)


def test_a_release_under_iom_s_name_and_a_label_stays_a_release() -> None:
    _accepted("International Organization for Migration\n\nPress Release\n\n" + _RELEASE)


def test_a_release_under_iom_s_name_with_a_dateline_stays_a_release() -> None:
    page = "Organisation internationale pour les migrations\n\n" + _RELEASE.replace(
        "L'OIM a ouvert", "Niger – L'OIM a ouvert"
    )
    assert parse_page(page.encode(), "page.txt")[0].dateline == "Niger"


# --- a document site's transcript ---------------------------------------------------------------


@pytest.mark.parametrize(
    "label", ["Transcription", "Vista previa del material en texto", "TRANSCRIPT", "Text preview:"]
)
def test_a_document_site_s_transcript_is_refused(label: str) -> None:
    page = f"Politique de retour de l'OIM\n\n{label}\n\n" + _BODY
    assert is_document_transcript(page)
    assert "transcript" in _refusal(page)


@pytest.mark.parametrize("opening", ["Introduction", "I. Introducción y alcance",
                                     "Executive Summary", "Table des matières"])  # fmt: skip
def test_a_document_s_opening_section_makes_a_report(opening: str) -> None:
    page = f"{opening}\n\nContexte\n\n" + _BODY
    assert is_document_transcript(page)
    assert _refusal(page).startswith("not a press release page")


def test_a_release_with_an_introduction_sentence_stays_a_release() -> None:
    page = _RELEASE + "\nIntroduction: the centre opens its doors on Monday.\n"
    assert not is_document_transcript(page)
    _accepted(page)


def test_a_release_telling_of_a_transcript_stays_a_release() -> None:
    page = _RELEASE + "\nLa transcription de la conférence de presse sera publiée demain.\n"
    assert not is_document_transcript(page)
    _accepted(page)


# --- a report's sections in capitals ------------------------------------------------------------

_SECTIONS = (
    "PROGRAMA DE RETORNO VOLUNTARIO\n\n"
    "El programa de la OIM busca el retorno voluntario y ordenado de los migrantes varados.\n\n"
    "PAÍSES DE RETORNO\n\n"
    "La mayor parte de los casos se registra en la Ciudad de México (52%) y en Tijuana (21%).\n"
)


def test_sections_in_capitals_make_a_report() -> None:
    assert has_caps_sections(_SECTIONS)
    assert "report" in _refusal(_SECTIONS)


def test_a_headline_in_capitals_over_two_lines_is_no_section() -> None:
    page = "LA OIM ABRE UN CENTRO PARA MIGRANTES\nEN LA FRONTERA NORTE\n\n" + _RELEASE
    assert not has_caps_sections(page)
    _accepted(page)


def test_a_release_s_capital_labels_are_no_sections() -> None:
    page = "LA OIM ABRE UN CENTRO\n\n" + _RELEASE + "\nNOTE TO EDITORS\n\nFIN\n"
    assert not has_caps_sections(page)
    _accepted(page)


# --- an article around an embedded social media post -------------------------------------------


@pytest.mark.parametrize(
    "post",
    [
        "#Migration is:\n• inevitable pic.twitter.com/e7fT1FE0D1\n"
        "— IOM – UN Migration (@UNmigration) 1 avril 2018\n",
        "Tweet URL\n",
    ],
)
def test_an_article_around_an_embedded_post_is_refused(post: str) -> None:
    page = (
        "Un message de l'OIM fait polémique\n\n"
        "Un message publié par l'agence sur les réseaux sociaux a suscité des critiques.\n\n"
        + post
        + "\nLes critiques n'ont pas tardé.\n"
    )
    assert embeds_a_post(page)
    assert "article about IOM" in _refusal(page)


def test_a_release_naming_its_twitter_account_stays_a_release() -> None:
    page = _RELEASE + "\nSuivez la campagne sur Twitter (@UNmigration) et Facebook.\n"
    assert not embeds_a_post(page)
    _accepted(page)


# --- a division presented by its remit ----------------------------------------------------------

_UNIT = (
    "L’OIM travaille avec les gouvernements, les migrants et d’autres partenaires ; l’essentiel de "
    "ses ressources vient directement de donateurs divers, gouvernements et secteur privé.\n\n"
    "La Division des relations avec les donateurs est le point focal de l’Organisation pour la "
    "liaison avec les donateurs ; elle organise des visites de terrain chaque année.\n"
)


def test_a_division_presented_by_its_remit_without_headline_is_refused() -> None:
    assert presents_a_unit(_UNIT)
    assert "office presented" in _refusal(_UNIT)


def test_a_release_naming_a_unit_s_remit_stays_a_release() -> None:
    page = _RELEASE + "\nLa Division de la santé est chargée des examens médicaux des migrants.\n"
    _accepted(page)


def test_a_relative_clause_is_no_unit_s_presentation() -> None:
    assert not presents_a_unit("IOM's health team, which is responsible for the clinics, said.")


# --- a syndication copy: its header line and a date-first dateline ------------------------------

_SYNDICATED = (
    "05/10/2025 | Press release | Distributed by Public on 05/09/2025 15:21\n"
    "9 May 2025, Geneva - For decades IOM has supported voluntary return programmes in more than "
    "100 countries, helping people without the means, the legal options or the support they need "
    "to go home in safety and dignity, whenever they ask for it, in Africa, Asia, Europe and the "
    "Americas alike.\n"
    "IOM does not carry out deportations, the Organization said.\n"
)


def test_a_syndication_header_is_no_headline_and_the_date_may_lead_the_dateline() -> None:
    (release,) = parse_page(_SYNDICATED.encode(), "copy.txt")
    assert not release.title.startswith("05/10/2025")
    assert (release.dateline, release.date) == ("Geneva", "2025-05-09")
    assert release.body.startswith("For decades IOM")


def test_a_headline_with_pipes_and_no_date_stays_the_headline() -> None:
    page = "IOM Statement | World Refugee Day | Geneva\n\n" + _RELEASE
    assert parse_page(page.encode(), "page.txt")[0].title.startswith("IOM Statement")


def test_an_opening_date_over_a_sentence_gives_no_dateline() -> None:
    page = "L'OIM forme des agents\n\n25 September 2015 - The workshop, held in Dakar, ended.\n"
    (release,) = parse_page(page.encode(), "page.txt")
    assert release.dateline is None and release.date == "2015-09-25"
