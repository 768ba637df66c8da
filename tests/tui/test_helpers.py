"""Pure helpers of the browser: facet tokens, facet counts, key labels in the help."""

from __future__ import annotations

import pytest

from oim_archive.tui.dialogs.facets import apply_facet, facet_choices
from oim_archive.tui.screens.help import binding_rows, key_label
from tests.support.tui import sample_releases


@pytest.mark.parametrize(
    ("query", "token", "expected"),
    [
        ("", "country:SN", "country:SN "),
        ("dakar", "country:SN", "dakar country:SN "),
        ("dakar country:TN year:2020", "country:SN", "dakar year:2020 country:SN "),
        ("dakar country:TN year:2020", "year:2021", "dakar country:TN year:2021 "),
        ("dakar country:TN year:2020", "", "dakar "),
        ("country:TN", "", ""),
    ],
)
def test_apply_facet_replaces_tokens_of_the_same_facet(query: str, token: str, expected: str):
    assert apply_facet(query, token) == expected


def test_facet_choices_count_countries_and_years():
    countries, years, undated = facet_choices(sample_releases())
    assert ("GE", "Georgia", 1) in countries  # the interface language (English in tests)
    assert [y for y, _ in years] == ["2021", "2020", "2019", "2018"]  # newest first, undated out
    assert undated == 1


def test_facet_countries_sort_as_a_person_sorts():
    from oim_archive.store.records import Release

    names = ["Suriname", "Sénégal", "Égypte", "Sao Tomé", "France"]
    releases = [
        # User-assigned codes (QM-QZ), which the country table lacks: the pages' names show.
        Release(title=f"t{i}", body="b", country=f"Q{chr(77 + i)}", country_name=n)
        for i, n in enumerate(names)
    ]
    countries, _, _ = facet_choices(releases)
    assert [name for _, name, _ in countries] == [
        "Égypte",
        "France",
        "Sao Tomé",
        "Sénégal",
        "Suriname",
    ]


def test_key_labels_and_binding_rows():
    from textual.binding import Binding

    assert key_label("slash") == "/"
    assert key_label("ctrl+u") == "ctrl+u"
    rows = binding_rows([Binding("down,j", "down", "Next"), Binding("x", "y", "")])
    assert rows == [("↓ j", "Next")]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", ["Égypte", "Géorgie", "Maroc", "Suisse", "Zambie"]),
        ("en", ["Egypt", "Georgia", "Morocco", "Switzerland", "Zambia"]),
        ("es", ["Egipto", "Georgia", "Marruecos", "Suiza", "Zambia"]),
    ],
)
def test_country_names_follow_the_interface_never_the_pages(
    language: str, expected: list[str]
) -> None:
    """Pages name countries in their own language; the picker and the preview use one."""
    from oim_archive import i18n
    from oim_archive.store.records import Release
    from oim_archive.tui.widgets.release_view import release_facts

    pages = [("GE", "Georgia", "en"), ("MA", "Maroc", "fr"), ("CH", "Suiza", "es")]
    pages += [("ZM", "Zambia", "en"), ("EG", "Égypte", "fr")]
    releases = [
        Release(title=f"t{i}", body="b", country=code, country_name=name, language=lang)
        for i, (code, name, lang) in enumerate(pages)
    ]
    try:
        i18n.set_language(language)
        countries, _years, _undated = facet_choices(releases)
        assert [name for _code, name, _count in countries] == expected  # accent-folded order
        facts = release_facts(releases[1])
        assert expected[2] + " (MA)" in facts
    finally:
        i18n.set_language("en")


def test_facet_countries_are_named_in_the_interface_language():
    from oim_archive.i18n import current_language, set_language

    before = current_language()
    try:
        set_language("es")
        countries, _, _ = facet_choices(sample_releases())
        names = [name for _, name, _ in countries]
        assert "Túnez" in names and "Libia" in names  # one language, not the pages' mix
        assert names == sorted(names, key=lambda n: n.lower().replace("ú", "u"))
    finally:
        set_language(before)
