"""Rules from the thirty-fourth gathering of real pages (issue 13): honest dates and datelines."""

from __future__ import annotations

from oim_archive.importers import parse_page
from oim_archive.importers.body import split_dateline, without_lead_in
from oim_archive.importers.headlines import is_headline
from oim_archive.importers.page import is_country_name
from oim_archive.importers.people import find_funders


def test_a_headline_may_open_on_a_quotation_in_straight_quotes() -> None:
    assert is_headline("'Buried on the Beach': Who are the Migrants Whose Bodies Wash Ashore?")
    assert is_headline("“Home at Last”: Returnees Rebuild Their Lives in Guinea")


def test_a_line_quoted_whole_or_a_sentence_is_no_headline() -> None:
    assert not is_headline("'We film, therefore we are'")  # a kicker under a headline
    assert not is_headline("'It was hard,' she said. Then she left for the coast.")


_NEWSDESK = """Unable to see images? Click here

12 September 2018

Comments/questions: editor@iom.int

main banner

Photo: IOM

IOM Resumes Return Flights from Libya after the Ceasefire

Tripoli (IOM)  A flight to Ghana is the first return flight to leave Libya since the ceasefire.

The migrants asked to go home through IOM's humanitarian return programme.

Read on

main banner

Credit: ICRC

'Buried on the Beach': Who are the Migrants Found on the Senegalese Coast?

Senegal (InfoMigrants) – The Red Cross has warned of a rise in departures from the coast.

The route to the Canary Islands is travelled more and more.

Read on
"""


def test_a_newsletter_item_headed_by_a_quotation_is_an_item() -> None:
    first, second = parse_page(_NEWSDESK.encode(), "newsdesk.txt")
    assert first.dateline == "Tripoli (IOM)"
    assert second.title.startswith("'Buried on the Beach'")
    assert second.dateline == "Senegal (InfoMigrants)"


def test_a_bracketed_date_with_a_two_digit_year_dates_the_dateline() -> None:
    place, date, rest = split_dateline(
        "Ciudad de Guatemala (17/06/22)- La OIM presentó hoy los resultados.", is_country_name
    )
    assert (place, date) == ("Ciudad de Guatemala", "17/06/2022")
    assert rest.startswith("La OIM presentó")


def test_brackets_without_a_year_are_no_date() -> None:
    place, date, _ = split_dateline("Lima (12/3) – La OIM presentó hoy …", is_country_name)
    assert date is None and place is None
    assert split_dateline("Tapachula (Chiapas) – La OIM …", is_country_name)[1] is None


def test_a_dated_dateline_may_end_with_a_full_stop() -> None:
    place, date, rest = split_dateline(
        "Guatemala, 18 de octubre 2023. Esta mañana, la Vicepresidencia anunció …", is_country_name
    )
    assert (place, date, rest[:11]) == ("Guatemala", "18 de octubre 2023", "Esta mañana")
    assert split_dateline("Tegucigalpa, 3 de mayo del 2021. Las autoridades …", is_country_name)[
        :2
    ] == ("Tegucigalpa", "3 de mayo del 2021")


def test_a_date_after_words_that_name_no_place_is_no_dateline() -> None:
    for text in (
        "Hoy, 18 de octubre 2023. Esta mañana la OIM …",
        "Según la OIM, 5 de junio de 2019. La cifra …",
        "El 18 de octubre de 2023. Esta mañana …",
    ):
        assert split_dateline(text, is_country_name)[:2] == (None, None), text


_PICTURED = (
    "[Izq-Der] Ana Pérez, jefa de cooperación; Luis Mora, director del Instituto de Migración; "
    "Marta Ruiz, jefa de misión de la OIM para Guatemala y Honduras; Pedro Gil, coordinador de "
    "proyecto de la OIM; Rosa León, subsecretaria del Consejo Nacional de Atención al Migrante; "
    "Jorge Sanz, representante de la Unión Europea en el país."
)
_DATELINE = "Ciudad de Guatemala (17/06/22)- La OIM presentó los resultados del proyecto."


def _opens_with_place(paragraph: str) -> bool:
    return paragraph.startswith("Ciudad de Guatemala")


def test_a_long_caption_naming_the_people_pictured_is_a_lead_in() -> None:
    assert len(_PICTURED) > 300
    assert without_lead_in([_PICTURED, _DATELINE], _opens_with_place) == [_DATELINE]
    for label in ("De gauche à droite : ", "From left to right: ", "(De izquierda a derecha) "):
        caption = label + _PICTURED.removeprefix("[Izq-Der] ")
        assert without_lead_in([caption, _DATELINE], _opens_with_place) == [_DATELINE]


def test_a_long_paragraph_before_a_dateline_is_no_caption() -> None:
    paragraph = "Izquierda y derecha coinciden: " + _PICTURED.removeprefix("[Izq-Der] ")
    assert without_lead_in([paragraph, _DATELINE], _opens_with_place) == [paragraph, _DATELINE]


def test_a_fund_named_after_its_donors_acronym_is_one_funder() -> None:
    text = (
        "The flights were made possible by the Joint Initiative, funded by the European Union "
        "(EU) Emergency Trust Fund for Africa and implemented by IOM."
    )
    assert find_funders(text) == ["European Union (EU) Emergency Trust Fund for Africa"]


def test_an_acronym_still_closes_a_funder_before_a_sentence_or_another_donor() -> None:
    assert find_funders("The work is funded by the European Union (EU). IOM said …") == [
        "European Union (EU)"
    ]
    assert find_funders(
        "The project is funded by the United States Agency for International Development "
        "(USAID) and the Government of Japan."
    ) == ["United States Agency for International Development (USAID)", "Government of Japan"]
