"""Search engine rules: matching, typos, ranking, facets, contacts."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oim_archive.store.directory import build_directory
from oim_archive.store.records import Contact, Release
from oim_archive.store.search.contacts import ContactSearch
from oim_archive.store.search.engine import (
    Hit,
    SearchIndex,
    highlight_spans,
    parse_query,
)


def _release(title: str, body: str = "Texte.", **fields: object) -> Release:
    return Release(title=title, body=body, **fields)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def releases() -> list[Release]:
    return [
        _release(
            "Les soldats géorgiens formés à la lutte contre la traite",
            "Plus de 300 soldats géorgiens ont achevé une formation dirigée par l'OIM.",
            date="2009-05-12",
            country="GE",
            country_name="Géorgie",
            dateline="Tbilissi",
            contacts=[
                Contact("Marc Hulst", "OIM Tbilissi", ["+99532293894"], ["marc@iom.ge"]),
                Contact("Kristin Dadey", None, [], ["kdadey@iom.ge"]),
            ],
        ),
        _release(
            "Formation intersectorielle sur la traite des personnes en Tunisie",
            "42 participants de Medenine, Kasserine et Sfax ont pris part.",
            date="2019-09-24",
            country="TN",
            country_name="Tunisie",
            language="fr",
        ),
        _release(
            "L’OIM en Côte-d’Ivoire évalue un projet de lutte contre la traite",
            "Mis en œuvre en Côte d'Ivoire et au Ghana, dans l'industrie du cacao.",
            date="2015-12",
            country="CI",
            country_name="Côte d'Ivoire",
        ),
        _release(
            "Migrants stranded in Niger receive help",
            "A training on border management took place. Traite is not an English word.",
            date="2021-03-01",
            country="NE",
            country_name="Niger",
            language="en",
        ),
        _release(
            "Refuerzo de la gestión de fronteras en Senegal",
            "Formación para agentes en Dakar.",
            date="2021-06-30",
            country="SN",
            country_name="Sénégal",
            language="es",
        ),
    ]


@pytest.fixture(scope="module")
def index(releases: list[Release]) -> SearchIndex:
    return SearchIndex(releases)


def _top(index: SearchIndex, query: str, n: int = 1) -> list[int]:
    return [h.index for h in index.search(query)[:n]]


def test_blank_query_returns_everything_in_given_order(
    index: SearchIndex, releases: list[Release]
) -> None:
    hits = index.search("   ")
    assert [h.index for h in hits] == list(range(len(releases)))
    assert [h.release_id for h in hits] == [r.id for r in releases]
    assert all(h.score == 0 and h.terms == () for h in hits)
    assert len(index) == len(releases)
    assert [h.index for h in index.search("", limit=2)] == [0, 1]


def test_hits_carry_ids_and_terms(index: SearchIndex, releases: list[Release]) -> None:
    hit = index.search("géorgiens")[0]
    assert isinstance(hit, Hit)
    assert hit.release_id == releases[0].id
    assert "georgiens" in hit.terms
    assert hit.score > 0


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("georgiens", 0),
        ("GÉORGIENS", 0),
        ("cote d'ivoire", 2),
        ("Côte-d’Ivoire", 2),
        ("oeuvre cacao", 2),
        ("formtion intersectoriele", 1),  # typos
        ("intersect", 1),  # word start
        ("dadei", 0),  # typo in a contact name
        ("hulst", 0),
        ("kasserine", 1),  # body only
        ("ghana", 2),  # body only
        ("tbilisi", 0),  # dateline, one letter off
        ("traite tunisie", 1),  # words in any order, across fields
        ("tunisie traite", 1),
        ("stranded niger", 3),
        ("gestion fronteras", 4),
    ],
)
def test_query_finds_release_at_top(index: SearchIndex, query: str, expected: int) -> None:
    assert _top(index, query) == [expected]


def test_unmatched_query_finds_nothing(index: SearchIndex) -> None:
    assert index.search("zzyzx qwertyuiop") == []


def test_one_or_two_words_narrow_like_a_filter(index: SearchIndex) -> None:
    # "lutte" is in 0 and 2, "cacao" only in 2: each word typed narrows the list.
    assert {h.index for h in index.search("lutte")} >= {0, 2}
    assert [h.index for h in index.search("lutte cacao")] == [2]


def test_all_words_rank_above_some_from_three_words_on() -> None:
    all_three = _release("Atelier frontière Niger", "x", date="2001")
    two = _release("Atelier frontière", "x", date="2009")
    index = SearchIndex([two, all_three])
    assert [h.index for h in index.search("atelier frontiere niger")] == [1, 0]


def test_title_hit_ranks_above_body_hit(index: SearchIndex) -> None:
    # "formation": title of 1, body of 0; "formación" folds close to it in 4's body.
    hits = index.search("formation")
    assert hits[0].index == 1
    assert hits.index(next(h for h in hits if h.index == 0)) > 0


def test_contact_name_hit_ranks_above_body_hit() -> None:
    named = _release(
        "Rapport annuel", "Sans rapport.", date="2001", contacts=[Contact("Anita Kassem")]
    )
    mentioned = _release("Autre rapport", "Anita Kassem a parlé.", date="2020")
    index = SearchIndex([mentioned, named])
    assert [h.index for h in index.search("kassem")] == [1, 0]


def test_exact_word_ranks_above_fuzzy() -> None:
    exact = _release("Une formation utile", "Texte.", date="2000")
    fuzzy = _release("Une fromation utile", "Texte.", date="2022")
    index = SearchIndex([fuzzy, exact])
    assert [h.index for h in index.search("formation")] == [1, 0]


def test_ties_are_newest_first() -> None:
    older = _release("Atelier sur la migration", "A.", date="2010-01-01")
    newer = _release("Atelier sur la migration", "B.", date="2020-01-01")
    undated = _release("Atelier sur la migration", "C.")
    index = SearchIndex([undated, older, newer])
    assert [h.index for h in index.search("atelier migration")] == [2, 1, 0]


def test_limit(index: SearchIndex) -> None:
    assert len(index.search("traite", limit=2)) == 2
    assert index.search("traite", limit=0) == []
    assert [h.index for h in index.search("traite", limit=2)] == [
        h.index for h in index.search("traite")[:2]
    ]


def test_typing_a_query_letter_by_letter_keeps_the_target(index: SearchIndex) -> None:
    query = "kasserine"
    for end in range(3, len(query) + 1):
        assert _top(index, query[:end]) == [1], query[:end]


def test_lone_letters_before_the_last_word_are_whole_words(index: SearchIndex) -> None:
    # "d" from "d'ivoire" must not count as a match for every word starting with d.
    hits = index.search("cote d ivoire")
    assert hits[0].index == 2
    # Release 0 has words starting with "d" but no word "d": it must not match two words.
    assert all(h.score < 200 for h in hits[1:])
    assert "d" not in hits[0].terms
    assert {"cote", "ivoire"} <= set(hits[0].terms)


def test_facets_filter(index: SearchIndex) -> None:
    assert _top(index, "country:SN", 5) == [4]
    assert _top(index, "country:sn", 5) == [4]
    assert _top(index, "country:senegal", 5) == [4]
    assert _top(index, "country:Sénégal", 5) == [4]
    assert _top(index, "country:cote-d-ivoire", 5) == [2]
    assert _top(index, "year:2021", 5) == [3, 4]
    assert _top(index, "lang:en", 5) == [3]
    assert _top(index, "lang:espanol", 5) == [4]
    assert _top(index, "traite country:TN", 5) == [1]
    assert _top(index, "traite year:2015", 5) == [2]
    assert _top(index, "traite country:ZZ", 5) == []
    assert _top(index, "year:2021 lang:es", 5) == [4]


@pytest.mark.parametrize(
    "query",
    [
        "country:georgia",
        "country:géorgie",
        "country:georgie",
        "country:Georgia",
        "pays:géorgie",
        "país:georgia",
        "pais:GEORGIA",
        "PAYS:geo",
    ],
)
def test_country_names_in_any_language(index: SearchIndex, query: str) -> None:
    """The archive names Georgia "Géorgie" (a French page): English and Spanish find it too."""
    assert _top(index, query, 5) == [0]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country:senegal", [4]),
        ("country:tunez", [1]),  # Spanish for Tunisia, never written in the archive
        ("country:tunisia", [1]),
        ("annee:2021", [3, 4]),
        ("année:2021", [3, 4]),
        ("año:2015", [2]),
        ("ano:2015", [2]),
        ("langue:anglais", [3]),
        ("idioma:ingles", [3]),
        ("idioma:inglés", [3]),
        ("lang:english", [3]),
    ],
)
def test_facet_words_in_the_users_language(
    index: SearchIndex, query: str, expected: list[int]
) -> None:
    assert _top(index, query, 5) == expected


def test_parse_query() -> None:
    query = parse_query("Côte  country:senegal year:2021 lang:FR foo:bar")
    assert query.words == ["cote", "foo", "bar"]
    assert query.country == "senegal"
    assert query.year == "2021"
    assert query.language == "fr"
    assert parse_query("pays:sn").country == "SN"
    assert parse_query("L’OIM").words == ["l", "oim"]
    assert parse_query("").words == []


def test_empty_index() -> None:
    index = SearchIndex([])
    assert len(index) == 0
    assert index.search("") == []
    assert index.search("anything") == []
    assert index.search("year:2020") == []


@pytest.fixture(scope="module")
def contacts(releases: list[Release]) -> tuple[list, ContactSearch]:
    extra = _release(
        "Autre",
        "Texte.",
        contacts=[
            Contact(
                "Anita Kassem",
                "OIM Côte-d'Ivoire",
                ["+22522528200", "+22579931991"],
                ["akassem@iom.int"],
            ),
            Contact("Laurence Hart", "OIM Tripoli", ["+218913832596"], ["lhart@iom.int"]),
            Contact("Marcel Hurst", "OIM Genève", ["+41227179111"], ["mhurst@iom.int"]),
        ],
    )
    entries = build_directory([*releases, extra])
    return entries, ContactSearch(entries)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("dadei", "Kristin Dadey"),
        ("Kristin", "Kristin Dadey"),
        ("hulst", "Marc Hulst"),
        ("+995 32 29", "Marc Hulst"),
        ("99532293894", "Marc Hulst"),
        ("032 29 38 94", "Marc Hulst"),
        ("225 7993", "Anita Kassem"),
        ("tbilissi", "Marc Hulst"),
        ("tripoli", "Laurence Hart"),
        ("cote d'ivoire", "Anita Kassem"),
        ("kdadey@iom.ge", "Kristin Dadey"),
        ("lhart", "Laurence Hart"),
        ("kasem anita", "Anita Kassem"),
        ("hurst", "Marcel Hurst"),
        ("marc", "Marc Hulst"),
    ],
)
def test_contact_search_top_hit(
    contacts: tuple[list, ContactSearch], query: str, name: str
) -> None:
    entries, search = contacts
    found = search.search(query)
    assert found, query
    assert entries[found[0]].name == name


def test_contacts_are_found_by_the_country_of_the_releases_naming_them(tmp_path: Path) -> None:
    """ "Who do I call in Haiti?": the people named in Haiti's releases, in any language of
    the country's name, after those whose office names it."""
    from oim_archive.store.file.catalog import read_directory, write_directory

    entries = build_directory(
        [
            _release("A", country="HT", contacts=[Contact("Monica Chiriac", "Port-au-Prince")]),
            _release("B", country="SN", contacts=[Contact("Awa Diop", "OIM Haïti")]),
            _release("C", country="SN", contacts=[Contact("Jean Dupont", "OIM Dakar")]),
            _release("D", contacts=[Contact("Jean Dupont", "OIM Dakar")]),
        ]
    )
    by_name = {entry.name: entry for entry in entries}
    assert by_name["Monica Chiriac"].countries == ["HT"]
    assert by_name["Jean Dupont"].countries == ["SN"]
    assert by_name["Jean Dupont"].to_dict()["countries"] == ["SN"]
    search = ContactSearch(entries)
    for query in ("haiti", "Haïti", "Haití"):
        assert [entries[i].name for i in search.search(query)] == ["Awa Diop", "Monica Chiriac"]
    assert {entries[i].name for i in search.search("senegal")} == {"Awa Diop", "Jean Dupont"}
    assert [entries[i].name for i in search.search("dakar")] == ["Jean Dupont"]
    archive = tmp_path / "archive.json"
    write_directory(archive, (1, 2), entries)
    assert read_directory(archive, (1, 2)) == entries


def test_contact_search_blank_and_limit(contacts: tuple[list, ContactSearch]) -> None:
    entries, search = contacts
    assert search.search("") == list(range(len(entries)))
    assert search.search("", limit=2) == [0, 1]
    assert len(search.search("iom", limit=2)) == 2
    assert search.search("no such person xyzzy") == []


def test_rank_is_a_lazy_view_of_the_same_hits(index: SearchIndex) -> None:
    ranking = index.rank("traite")
    hits = index.search("traite")
    assert len(ranking) == len(hits)
    assert list(ranking) == hits
    assert ranking[0] == hits[0]
    assert ranking[-1] == hits[-1]
    assert ranking[1:3] == hits[1:3]
    assert ranking.indices == [h.index for h in hits]
    assert ranking.hits(2) == hits[:2]
    assert set(ranking.terms) >= {"traite"}


def test_long_tail_of_partial_matches_is_cut() -> None:
    # Three words: releases with all three or two of them are kept; one word only is dropped.
    three = _release("Atelier frontière Niger", "x", date="2001")
    two = _release("Atelier frontière", "x", date="2002")
    one = _release("Atelier", "x", date="2003")
    index = SearchIndex([one, two, three])
    assert [h.index for h in index.search("atelier frontiere niger")] == [2, 1]
    # When no release has every word, the best partial matches are still shown.
    assert [h.index for h in index.search("atelier frontiere zzzzzz")] == [1, 2, 0]


def test_short_title_made_of_the_query_beats_a_long_one_that_contains_it() -> None:
    long = _release(
        "L'OIM évalue un projet de lutte contre la traite à la frontière libérienne",
        "x",
        date="2015-06",
    )
    short = _release("Les soldats formés à la lutte contre la traite", "x")  # undated
    index = SearchIndex([long, short])
    assert [h.index for h in index.search("lute contre la trait")] == [1, 0]


@given(st.text(max_size=60))
@settings(max_examples=150, deadline=None)
def test_any_query_is_safe(query: str) -> None:
    hits = _PROPERTY_INDEX.search(query)
    assert all(0 <= h.index < len(_PROPERTY_RELEASES) for h in hits)
    assert len({h.index for h in hits}) == len(hits)
    assert _PROPERTY_CONTACTS.search(query) is not None


@given(st.text(max_size=80), st.lists(st.text(max_size=8), max_size=4))
@settings(max_examples=150, deadline=None)
def test_highlight_spans_are_valid(text: str, terms: list[str]) -> None:
    spans = highlight_spans(text, terms)
    assert spans == sorted(spans)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in pairwise(spans))


def test_hostile_queries() -> None:
    for query in ["[bold]x[/]", "\x1b[31mred", "(((", "*" * 500, "a " * 400, "🙂 émoji", "\x00"]:
        _PROPERTY_INDEX.search(query)
        _PROPERTY_CONTACTS.search(query)


_PROPERTY_RELEASES = [
    _release(
        "Formation sur la traite", "Texte à Tunis.", date="2020", contacts=[Contact("Anita Kassem")]
    ),
    _release("Москва: мигранты", "Текст.", date="2019"),
    _release("Soldats géorgiens", "Tbilissi, +995 32 29.", date="2009"),
]
_PROPERTY_INDEX = SearchIndex(_PROPERTY_RELEASES)
_PROPERTY_CONTACTS = ContactSearch(build_directory(_PROPERTY_RELEASES))


def test_country_table_names_and_order() -> None:
    from oim_archive.store.countries import codes_named, country_name, display_country
    from oim_archive.store.search.fold import sort_key

    assert country_name("ch", "fr") == "Suisse" and country_name("CH", "es") == "Suiza"
    assert country_name("ZZ", "fr") is None and country_name(None, "en") is None
    assert display_country("ZZ", "Nowhere", "fr") == "Nowhere"
    assert display_country(None, None, "fr") == ""
    assert codes_named("suiza") == codes_named("switz") == codes_named("suisse") == {"CH"}
    assert codes_named("") == set()
    names = ["Zambie", "Égypte", "Émirats arabes unis", "Érythrée", "Éthiopie", "Espagne"]
    assert sorted(names, key=sort_key) == [
        "Égypte",
        "Émirats arabes unis",
        "Érythrée",
        "Espagne",
        "Éthiopie",
        "Zambie",
    ]
