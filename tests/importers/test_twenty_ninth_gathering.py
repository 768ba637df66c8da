"""Rules from the twenty-ninth gathering of real pages (issue 13): pages a user's archive holds
that no tuned page resembled (old briefing notes and releases, pages that are no release)."""

from __future__ import annotations

import pytest

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.importers.after_title import briefing_header_date
from oim_archive.importers.briefings import briefing_groups, names_spokespeople
from oim_archive.importers.people import find_funders
from oim_archive.importers.site_pages import (
    has_key_figures,
    is_job_notice_heading,
    is_project_page,
    is_report_page,
    is_slide_deck,
)

_RELEASE = """Communiqué
Global

L'OIM ouvre un centre de transit à Agadez

Niger - L'OIM a ouvert lundi un nouveau centre de transit pour les migrants à Agadez, a déclaré
aujourd'hui l'Organisation.

Le centre pourra accueillir 400 personnes, a précisé le chef de mission.
"""


def _refusal(page: str) -> str:
    with pytest.raises(ImportRefused) as refused:
        parse_page(page.encode(), "page.txt")
    return str(refused.value)


_PROJECT = """Strengthening Border Management in the Sahel
-
Start Date
2016
-
End Date
2018
-
Project Status
Completed
-
Budget Amount (USD)
250000.00
-
Benefiting Member States
Mali Niger
Through this project, IOM intends to support border officials of both countries.
"""


def test_a_project_page_of_field_lines_is_refused() -> None:
    assert is_project_page(_PROJECT)
    assert "project" in _refusal(_PROJECT)


def test_a_release_naming_a_start_date_is_no_project_page() -> None:
    page = _RELEASE + "\nStart date: the project starts in May.\nProject status: ongoing.\n"
    assert not is_project_page(page)
    assert parse_page(page.encode(), "release.txt")[0].dateline == "Niger"


_REPORT = """Niger — Flow Monitoring Report (January 2021)

Share

Download

Contact
DTM Niger, dtmniger@iom.int
Language
English
Period Covered
Jan 01 2021
Jan 31 2021

This report presents the flows observed at six monitoring points in January.
"""


def test_a_report_page_is_refused_though_its_contact_field_holds_a_mailbox() -> None:
    assert is_report_page(_REPORT)
    assert "report's page" in _refusal(_REPORT)


def test_a_release_with_a_download_label_is_no_report_page() -> None:
    page = (
        _RELEASE + "\nDownload\n\nLanguage\n\nThe report covers the period covered by the survey.\n"
    )
    assert not is_report_page(page)
    assert len(parse_page(page.encode(), "release.txt")) == 1


_SLIDES = """Briefing on the response - PowerPoint PPT Presentation

  1. Briefing on the response to the crisis, Niamey, 3 May 2012. INTERNATIONAL ORGANIZATION 1 FOR MIGRATION

  2. Outline I. Background II. Response III. Needs INTERNATIONAL ORGANIZATION 2 FOR MIGRATION

  3. I. Background General information. Population: 17.000.000 INTERNATIONAL ORGANIZATION 3 FOR MIGRATION

  4. II. Response Since March, IOM has received 90.000 returnees INTERNATIONAL ORGANIZATION 4 FOR MIGRATION
"""


def test_numbered_slides_carrying_their_number_again_are_a_transcript() -> None:
    assert is_slide_deck(_SLIDES)
    assert "transcript" in _refusal(_SLIDES)


def test_a_numbered_list_in_a_release_is_no_slide_deck() -> None:
    page = _RELEASE + (
        "\n  1. 120 migrants were registered on day 1 of the operation.\n"
        "  2. Some 45 received care.\n  3. Three were taken to hospital on 3 May.\n"
    )
    assert not is_slide_deck(page)
    assert len(parse_page(page.encode(), "release.txt")) == 1


_NOTICE = """Avis de recrutement: L'OIM recrute un assistant de projet, Bamako, Mali
{space}
{space}
Contexte et portée du projet

Le Mali connaît d'importants mouvements de population. Dans ce contexte, le projet appuie les
autorités dans la gestion des frontières et l'assistance aux migrants.
""".format(space=" ")


def test_a_job_notice_without_field_lines_is_refused() -> None:
    assert is_job_notice_heading(_NOTICE)
    assert is_job_notice_heading("Vacancy Notice\n\nIOM seeks a driver.\n")
    assert is_job_notice_heading("Context and Scope:\nIOM runs a project.\n")
    assert "job notice" in _refusal(_NOTICE)


def test_a_release_about_recruiting_is_no_job_notice() -> None:
    page = (
        _RELEASE.replace(
            "L'OIM ouvre un centre de transit à Agadez",
            "L'OIM recrute 500 jeunes pour des travaux à Agadez",
        )
        + "\nLe contexte et la portée du projet ont été présentés lundi.\n"
    )
    assert not is_job_notice_heading(page)
    assert len(parse_page(page.encode(), "release.txt")) == 1


_KEY_FIGURES = """Key figures (Global)
Icon Member States
175
Icon offices worldwide
590 +
Icon safe and orderly migration
1951

In West and Central Africa, IOM supports migration policies and regional consultative processes.

Migration law

IOM trains governments on international migration law and supports the ratification of conventions.
"""


def test_a_key_figures_block_over_a_presentation_is_refused() -> None:
    assert has_key_figures(_KEY_FIGURES)
    assert "key figures" in _refusal(_KEY_FIGURES)


def test_a_release_under_a_key_figures_block_stays() -> None:
    page = _KEY_FIGURES.split("\n\n")[0] + "\n\n" + _RELEASE
    (release,) = parse_page(page.encode(), "release.txt")
    assert release.dateline == "Niger"
    assert not has_key_figures("Key figures\nIOM assisted 200 migrants.\n")


_BRIEFING_COPY = """IOM Seeks End to Displacement in Haiti

News and Press Release
Originally published

IOM Press Briefing Notes Tuesday 26th June 2012 Spokesperson: Jane Doe

On a visit to Haiti, the Director General called for a final push to close the camps.

He met the President on Monday.
"""


def test_a_briefing_note_header_dates_the_copy_and_is_no_text() -> None:
    (release,) = parse_page(_BRIEFING_COPY.encode(), "briefing.txt")
    assert (release.date, release.date_basis) == ("2012-06-26", "published")
    assert release.body.startswith("On a visit to Haiti")
    assert release.contacts == []
    assert (
        briefing_header_date(
            "Notes d'information pour la presse de l'OIM, 3 mars 2009 – Porte-parole : Jean Dupont"
        )
        == "3 mars 2009"
    )


def test_a_sentence_about_a_briefing_is_no_header() -> None:
    assert briefing_header_date("IOM press briefing notes said on Tuesday that 300 died.") is None
    assert briefing_header_date("Press briefing notes: see the spokesperson's page.") is None
    page = _BRIEFING_COPY.replace(
        "IOM Press Briefing Notes Tuesday 26th June 2012 Spokesperson: Jane Doe",
        "IOM spokesperson Jane Doe told the briefing on 26 June that the camps were closing.",
    )
    (release,) = parse_page(page.encode(), "briefing.txt")
    assert release.body.startswith("IOM spokesperson Jane Doe told")
    assert release.date_basis != "published"


_POINT_DE_PRESSE = """POINT DE PRESSE DU SERVICE DE L'INFORMATION

Mme Anne Martin, Directrice du Service de l'information, a présidé le point de presse qui a porté sur la situation au Darfour et sur les activités à Genève.

Ont participé à ce point de presse les porte-parole du Haut-Commissariat pour les réfugiés et de l'Organisation internationale pour les migrations.

Situation au Darfour

Le porte-parole du HCR a indiqué que 2 000 réfugiés sont arrivés au Tchad cette semaine.

Retours volontaires depuis la Libye

Le porte-parole de l'OIM a annoncé que 300 migrants nigériens sont rentrés chez eux.

Activités à Genève

La Directrice du Service de l'i"""


def test_a_briefing_in_french_is_one_item_per_section() -> None:
    releases = parse_page(_POINT_DE_PRESSE.encode(), "briefing.txt")
    assert [r.title for r in releases] == [
        "Situation au Darfour",
        "Retours volontaires depuis la Libye",
        "Activités à Genève",
    ]
    assert releases[0].body.startswith("Le porte-parole du HCR")
    assert releases[2].body == "La Directrice du Service de l'i"


def test_a_section_quoting_a_spokesperson_is_no_participants_paragraph() -> None:
    assert names_spokespeople(
        "Also attending were the spokespersons for UNHCR and the World Health Organization."
    )
    assert not names_spokespeople("The IOM spokesperson said 300 migrants had returned home.")
    assert not names_spokespeople("Situation au Darfour")
    assert briefing_groups(["Darfur", "Text one.", "Libya"]) is None


_SPEECH = """Statement of the Regional Director on Migrants Day – 18 December 2019
Speaker: Jane Doe
International Migrants Day – 18 December 2019
IOM – Dakar
International Organization for Migration (IOM) – Jane Doe
Migration is growing more complex every year. In West and Central Africa we see more people on the move than ever before.
"""


def test_a_speakers_label_opens_the_speechs_header_lines() -> None:
    (release,) = parse_page(_SPEECH.encode(), "speech.txt")
    assert release.dateline is None
    assert release.body.startswith("Migration is growing more complex")
    assert release.date == "2019-12-18"


def test_a_release_with_a_speakers_line_in_its_text_keeps_its_dateline() -> None:
    page = _RELEASE + "\nSpeaker: the minister opened the meeting.\n"
    (release,) = parse_page(page.encode(), "release.txt")
    assert release.dateline == "Niger"
    page = _SPEECH.replace("IOM – Dakar\n", "Dakar – The Regional Director spoke on Monday.\n")
    (release,) = parse_page(page.encode(), "speech.txt")
    assert release.dateline == "Dakar"
    assert release.body.startswith("The Regional Director spoke on Monday.")


def test_funding_of_an_amount_received_from_a_donor_and_support_opening_a_sentence() -> None:
    text = (
        "With recent funding of USD100,000 received from the United States Agency for "
        "International Development, Office of US Foreign Disaster Assistance (USAID/OFDA), IOM "
        "has identified 900 families.\n\nWith support from the United Nations' Central Emergency "
        "Response Fund (CERF), IOM is also conducting a survey."
    )
    assert find_funders(text) == [
        "United States Agency for International Development, Office of US Foreign Disaster "
        "Assistance (USAID/OFDA)",
        "United Nations' Central Emergency Response Fund (CERF)",
    ]


def test_support_from_no_donor_and_funding_still_needed_name_no_funder() -> None:
    assert find_funders("With support from local authorities, IOM registered 300 families.") == []
    assert (
        find_funders("With support from the Government, the communities built 20 shelters.") == []
    )
    assert find_funders("IOM appeals for funding of USD 2 million, still needed from donors.") == []
