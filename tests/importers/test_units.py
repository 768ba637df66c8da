"""Unit tests of the importer's parts: dates, markup, body, titles, people, places, bundles."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from dateutil import parser as date_parser

from oim_archive.importers import parse_page
from oim_archive.importers.body import paragraphs, split_dateline
from oim_archive.importers.chrome import find_title, presence_places
from oim_archive.importers.dates import PARSER_INFO, find_dates, release_date
from oim_archive.importers.language import detect_language
from oim_archive.importers.markup import clean_markup
from oim_archive.importers.people import find_funders
from oim_archive.importers.places import (
    _demonym_forms,
    _key,
    score_countries,
)
from oim_archive.importers.quotes import find_quoted
from oim_archive.importers.resources import read_tsv
from oim_archive.store.countries import COUNTRY_NAMES, country_name
from oim_archive.store.records import Quoted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("les 24, 25 et 26 septembre 2019 à Mahdia", ["2019-09-24"]),
        ("le 23/24 et 29/30 Août 2017 à Oujda", ["2017-08-23"]),
        ("depuis janvier 2008.", ["2008-01"]),
        ("le 1er mars 2021", ["2021-03-01"]),
        ("on 12 March 2021", ["2021-03-12"]),
        ("on March 12, 2021", ["2021-03-12"]),
        ("on March 3rd, 2020", ["2020-03-03"]),
        ("el 5 de mayo de 2022", ["2022-05-05"]),
        ("del 4 al 6 de mayo de 2022", ["2022-05-04"]),
        ("du 4 au 6 mai 2021", ["2021-05-04"]),
        ("le 1º de diciembre de 2020", ["2020-12-01"]),
        ("5 Sept. 2019 et 3 févr. 2020", ["2019-09-05", "2020-02-03"]),
        ("IOM - News - Mar, 04/04/2017 - 11:24", ["2017-04-04"]),
        ("le 12.03.2021", ["2021-03-12"]),
        ("2030-01-05", ["2030-01-05"]),
        ("en 2015, puis en mars 2016", ["2015", "2016-03"]),
        # Not complete dates: no year, a bare number, a range of years, an impossible date.
        ("du 4 au 6 mai", []),
        ("le Programme 2030 et 42 participants", []),
        ("en 2015-2016", []),
        ("99/99/2019", []),
        ("Lundi, l'OIM", []),
        ("une MAI 2019", ["2019-05"]),
    ],
)
def test_find_dates(text: str, expected: list[str]) -> None:
    assert [d.iso for d in find_dates(text)] == expected


def test_dates_keep_order_and_no_duplicates() -> None:
    found = find_dates("en avril 2017, puis le 3 mai 2018, encore en avril 2017")
    assert [d.iso for d in found] == ["2017-04", "2018-05-03"]
    assert found[0].start < found[1].start


def test_release_date_prefers_month_precision_over_a_year_alone() -> None:
    assert release_date(find_dates("depuis 2001, et le 3 mai 2018")) == "2018-05-03"
    assert release_date(find_dates("depuis 2001")) == "2001"
    assert release_date([]) is None


def test_parserinfo_reads_three_languages_and_keeps_english() -> None:
    default = datetime(2000, 1, 1)
    for text in ("12 March 2021", "12 mars 2021", "12 marzo 2021", "12 Mar 2021"):
        parsed = date_parser.parse(text, parserinfo=PARSER_INFO, default=default)
        assert parsed.date().isoformat() == "2021-03-12"
    assert PARSER_INFO.month("août") == 8 and PARSER_INFO.month("August") == 8
    assert PARSER_INFO.weekday("miércoles") == 2 and PARSER_INFO.weekday("Monday") == 0


def test_clean_markup() -> None:
    assert clean_markup("<p>Un&nbsp;deux&#8217;trois &eacute;t&eacute;</p><br/>fin") == (
        "\nUn deux’trois été\n\nfin"
    )
    assert clean_markup("&amp;eacute;quipe &lt;b&gt; [bold]") == "équipe <b> [bold]"
    broken = 'E-mail:\n"mailto:kdadey@iom.ge" target="_blank" title=\n"">kdadey@iom.ge'
    assert clean_markup(broken) == "E-mail:\nkdadey@iom.ge"
    assert clean_markup('<a href="mailto:x@y.org">x@y.org</a>') == "x@y.org"
    assert clean_markup('a href="mailto:z@y.org">z@y.org') == "z@y.org"
    assert clean_markup("Email: mailto:w@y.org") == "Email: w@y.org"
    assert clean_markup('cut "mailto:cut@iom.int" target=') == "cut cut@iom.int"
    assert clean_markup("&#27;[31mrouge") == "[31mrouge"
    assert clean_markup("3 < 5 et 6 > 2") == "3 < 5 et 6 > 2"


def test_paragraphs_rejoin_wrapped_lines_and_keep_breaks() -> None:
    lines = [
        "Plus de 300 soldats, officiers et sous-",
        "officiers, ont achevé une formation de l'OIM.",
        "La formation, destinée aux soldats et aux officiers de la",
        "marine, dure trois jours.",
        "La formation, selon M.",
        "Dupont, comprend une liste d'indicateurs",
        "permettant d'identifier les victimes.",
        "« Nous sommes prêts », dit-il.",
        "Les objectifs sont les suivants :",
        "- former les soldats;",
        "- informer les familles.",
    ]
    assert paragraphs(lines) == [
        "Plus de 300 soldats, officiers et sous-officiers, ont achevé une formation de l'OIM.",
        "La formation, destinée aux soldats et aux officiers de la marine, dure trois jours.",
        "La formation, selon M. Dupont, comprend une liste d'indicateurs permettant "
        "d'identifier les victimes.",
        "« Nous sommes prêts », dit-il.",
        "Les objectifs sont les suivants :",
        "- former les soldats;",
        "- informer les familles.",
    ]


def test_paragraphs_one_per_line_when_not_wrapped() -> None:
    long = "Une longue phrase qui fait un paragraphe entier et dépasse largement cent caractères "
    lines = [long + "sans point final", long + "et la suite.", "", "  Un   autre.  "]
    assert paragraphs(lines) == [long + "sans point final", long + "et la suite.", "Un autre."]


@pytest.mark.parametrize(
    ("paragraph", "dateline", "date", "rest"),
    [
        ("Oujda, Tanger - L’Organisation", "Oujda, Tanger", None, "L’Organisation"),
        ("Genève – Les équipes", "Genève", None, "Les équipes"),
        ("PORT-AU-PRINCE - Le séisme", "PORT-AU-PRINCE", None, "Le séisme"),
        ("Sénégal − Le projet", "Sénégal", None, "Le projet"),
        ("Genève/ Port-au-Prince, 9 mars – L'OIM", "Genève/ Port-au-Prince", "9 mars", "L'OIM"),
        ("Geneva, 12 March 2021 – IOM", "Geneva", "12 March 2021", "IOM"),
        ("Côte d'Ivoire - L’OIM", "Côte d'Ivoire", None, "L’OIM"),
        ("Dakar—Le", "Dakar", None, "Le"),
        (
            "Plus de 300 soldats, officiers - ils",
            None,
            None,
            "Plus de 300 soldats, officiers - ils",
        ),
        ("L'OIM a dit - oui", None, None, "L'OIM a dit - oui"),
        ("Port-au-Prince reste sous l'eau.", None, None, "Port-au-Prince reste sous l'eau."),
    ],
)
def test_split_dateline(paragraph: str, dateline: str | None, date: str | None, rest: str) -> None:
    assert split_dateline(paragraph) == (dateline, date, rest)


def test_find_title_skips_chrome_of_three_languages() -> None:
    lines = [
        "-",
        "Quiénes somos",
        "Quiénes somosLa OIM forma parte del sistema.",
        "Acerca de",
        "Acerca de",
        "- Datos e investigación",
        "Menú inconnu",
        "Menú inconnu",
        "El título",
        "El cuerpo.",
    ]
    index, chrome = find_title(lines)
    assert lines[index] == "El título"
    assert "Quiénes somos" in chrome


def test_presence_sentence_names_the_country() -> None:
    chrome = ["Qui sommes nousL'OIM ... L'OIM est présente en Tunisie depuis 2001."]
    assert presence_places(chrome) == ["Tunisie"]
    assert presence_places(["IOM has been present in Niger since 2005."]) == ["Niger"]
    assert presence_places(["La OIM está presente en Colombia desde 1956."]) == ["Colombia"]


def test_funders() -> None:
    assert find_funders("mis en œuvre par l’OIM et financé par le Royaume du Suède.") == [
        "Royaume du Suède"
    ]
    assert find_funders("financé par l'Union européenne, la Suisse et le Japon.") == [
        "Union européenne",
        "Suisse",
        "Japon",
    ]
    assert find_funders("le projet financé par le Ministère italien et mené à bien") == [
        "Ministère italien"
    ]
    assert find_funders("funded by the European Union and the Government of Japan, the") == [
        "European Union",
        "Government of Japan",
    ]
    assert find_funders("con el apoyo financiero del Gobierno de Suiza.") == ["Gobierno de Suiza"]
    assert find_funders("avec le soutien financier de la Banque mondiale.") == ["Banque mondiale"]
    assert find_funders("L'OIM m'a fourni un abri et a financé ma formation.") == []


def test_quoted() -> None:
    text = (
        "« C'est un succès », déclare Carmela Godeau, Directrice générale adjointe de l'OIM. "
        '"It works," said IOM\'s William Swing. "Sí", dijo el Ana López, jefa de misión. '
        "a déclaré l’un des enfants secourus."
    )
    assert find_quoted(text) == [
        Quoted("Carmela Godeau", "Directrice générale adjointe de l'OIM"),
        Quoted("William Swing", None),
        Quoted("Ana López", "jefa de misión"),
    ]


def test_language() -> None:
    assert (
        detect_language(["les", "migrants", "et", "la", "formation", "pour", "des", "soldats"])
        == "fr"
    )
    assert detect_language(["the", "migrants", "and", "the", "training", "of", "soldiers"]) == "en"
    assert (
        detect_language(["los", "migrantes", "y", "la", "formación", "de", "los", "soldados"])
        == "es"
    )
    assert detect_language([]) == "fr"


def test_gazetteer_is_consistent() -> None:
    codes = set(COUNTRY_NAMES)
    assert len(codes) >= 249
    owner: dict[tuple[str, ...], str] = {}
    for code, names in COUNTRY_NAMES.items():
        for name in names.values():
            assert owner.setdefault(_key(name), code) == code, name
    for code, kind, lang, names, *_ in read_tsv("gazetteer.tsv"):
        assert code in codes and kind in ("alias", "demonym", "city") and lang in "fr en es *"
        for name in names.split("|"):
            forms = _demonym_forms(lang, name) if kind == "demonym" else [name]
            for form in forms:
                assert owner.setdefault(_key(form), code) == code, form


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Les soldats géorgiens", "GE"),
        ("des familles libyennes", "LY"),
        ("los migrantes marroquíes", "MA"),
        ("Georgians and Moldovans", "GE"),
        ("à Tbilissi", "GE"),
        ("en Côte-d’Ivoire", "CI"),
        ("en République démocratique du Congo", "CD"),
        ("à Tripoli du Liban", "LB"),
        ("en Guinée-Bissau", "GW"),
        ("los venezolanos en Cúcuta, Colombia", "CO"),
        ("a polish company in chad", None),  # lower-case English words are not places
    ],
)
def test_country_mentions(text: str, code: str | None) -> None:
    assert score_countries([(text, 1.0, None)]) == code


def test_country_names_in_the_release_language() -> None:
    assert country_name("CI", "fr") == "Côte d'Ivoire"
    assert country_name("DE", "es") == "Alemania"
    assert country_name("GE", "en") == "Georgia"
    assert country_name(None, "fr") is None and country_name("ZZ", "fr") is None
    assert all(set(names) == {"en", "fr", "es"} for names in COUNTRY_NAMES.values())


def test_page_starting_with_a_brace_is_still_a_page() -> None:
    [release] = parse_page(b"{Brouillon} Un titre\nLe corps du texte.", "page.txt")
    assert release.title == "{Brouillon} Un titre"


def test_quoted_speaker_written_before_the_verb() -> None:
    text = (
        '"We will help," IOM Director General António Vitorino said on Monday. '
        "« Nous aiderons », Marc Hulst a déclaré hier. The Minister said that it was late. "
        "Selon Awa Diallo, cheffe de mission, le camp est plein. "
        "Selon Médecins Sans Frontières, le camp est plein."
    )
    assert find_quoted(text) == [
        Quoted("António Vitorino", "IOM Director General"),
        Quoted("Marc Hulst", None),
        Quoted("Awa Diallo", "cheffe de mission"),
    ]


def test_command_line_prints_releases_and_refusals(capsys: pytest.CaptureFixture[str]) -> None:
    from oim_archive.importers.__main__ import main

    pages = Path(__file__).resolve().parents[1] / "pages"
    code = main([str(pages / "fr_cut_off_tchad.txt"), str(pages / "fr_only_chrome.txt")])
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 1
    assert out[0]["country"] == "TD" and out[0]["source"] == "fr_cut_off_tchad.txt"
    assert out[1]["error"] == "only site menus, no release found"


def test_dateline_alone_on_its_line() -> None:
    page = "Titre de la page\nGenève –\nL'OIM a annoncé un nouveau programme.\nSuite du texte."
    [release] = parse_page(page.encode(), "p.txt")
    assert release.dateline == "Genève"
    assert release.body == "L'OIM a annoncé un nouveau programme.\n\nSuite du texte."


def test_doubly_encoded_utf8_is_repaired() -> None:
    seeds = Path(__file__).resolve().parents[2] / "sample_data"
    [path] = seeds.glob("004_*.txt")
    text = path.read_text(encoding="utf-8")
    [reference] = parse_page(text.encode("utf-8"), path.name)
    garbled = text.encode("utf-8").decode("cp1252", errors="ignore").encode("utf-8")
    assert "Ã©" in garbled.decode("utf-8")
    [release] = parse_page(garbled, path.name)
    assert release.title == reference.title
    assert release.contacts == reference.contacts
    assert "Ã" not in release.body


def test_mojibake_repair_leaves_real_text_alone() -> None:
    from oim_archive.importers.decode import repair_mojibake

    assert repair_mojibake("SÃO PAULO – Ã bientôt") == "SÃO PAULO – Ã bientôt"
    # A line mixing real accents with mojibake: the mojibake is repaired (ftfy), the rest kept.
    assert repair_mojibake("lâ€™OIM\nLâ€™équipe ½") == "l’OIM\nL’équipe ½"


def test_mojibake_whose_non_breaking_space_became_a_space() -> None:
    from oim_archive.importers.decode import repair_mojibake

    assert repair_mojibake("SÃ©nÃ©gal Ã  la frontiÃ¨re") == "Sénégal à la frontière"
    assert repair_mojibake("dÃ©jÃ  vu") == "déjà vu"
    assert repair_mojibake("Ãƒ©tÃƒ©") == "été"  # encoded three times


def test_language_counts_capitalised_words() -> None:
    from oim_archive.importers.language import detect_language

    assert detect_language(["Les", "Le", "La", "Des", "the"]) == "fr"
    assert detect_language(["The", "IOM", "And", "The", "Government"]) == "en"


def test_unknown_heading_glued_to_its_blurb_is_chrome() -> None:
    blurb = "L'OIM aide les communautés touchées par les catastrophes naturelles " * 3
    lines = [f"Migration et climat{blurb}", "Un vrai titre", "Le corps."]
    index, chrome = find_title(lines)
    assert lines[index] == "Un vrai titre"
    assert chrome == [lines[0].strip()]
    first_line = "McDonald's et l'OIM signent un accord " + "pour l'emploi des jeunes migrants " * 5
    assert find_title([first_line, "Suite."])[0] == 0


def test_a_sentence_ending_a_wrapped_line_keeps_a_possible_paragraph_break() -> None:
    # Whether "catastrophe." ends a paragraph or the wrap just fell there cannot be known; the
    # break is kept (a lost paragraph break is worse than an extra one, and no sentence is cut).
    lines = [
        "La formation vise à renforcer les capacités des acteurs",
        "impliqués dans la réduction des risques de catastrophe.",
        "Cette initiative s'inscrit dans le cadre d'un programme",
        "régional couvrant le Tchad et le Niger. Elle a réuni 48",
        "participants.",
        "Une deuxième session est prévue à Moundou.",
    ]
    assert paragraphs(lines) == [
        "La formation vise à renforcer les capacités des acteurs impliqués dans la réduction des "
        "risques de catastrophe.",
        "Cette initiative s'inscrit dans le cadre d'un programme régional couvrant le Tchad et le "
        "Niger. Elle a réuni 48 participants.",
        "Une deuxième session est prévue à Moundou.",
    ]
