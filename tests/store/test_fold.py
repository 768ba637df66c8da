"""Folding rules shared by documents and queries, and highlight spans in original text."""

from __future__ import annotations

import pytest

from oim_archive.store.search.engine import fold, highlight_spans


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("géorgiens", "georgiens"),
        ("Côte-d’Ivoire", "Cote d'Ivoire"),
        ("CÔTE D‘IVOIRE", "cote-d-ivoire"),
        ("œuvre", "oeuvre"),
        ("Œuvre", "OEUVRE"),
        ("ex æquo", "ex aequo"),
        ("Straße", "strasse"),
        ("ﬁnancé", "finance"),
        ("Sénégal − Dakar", "senegal dakar"),
        ("« Coopération »", "cooperation"),
        ("e\u0301te\u0301", "été"),  # decomposed accents
        ("año", "ano"),
        ("co‐développement", "co developpement"),  # U+2010 hyphen
    ],
)
def test_fold_makes_variants_equal(left: str, right: str) -> None:
    assert fold(left) == fold(right)


def test_fold_output_shape() -> None:
    assert fold("  L'OIM,\u00a0en   Tunisie!\n") == "l oim en tunisie"
    assert fold("Tél.: +995 32 29") == "tel 995 32 29"
    assert fold("snake_case") == "snake case"
    assert fold("") == ""
    assert fold("— « » …") == ""


def test_fold_keeps_other_scripts_as_letters() -> None:
    assert fold("Москва") == "москва"
    assert fold("مرحبا") == "مرحبا"


def test_highlight_spans_in_original_text() -> None:
    text = "L’OIM en Côte-d’Ivoire évalue un projet"
    spans = highlight_spans(text, ["cote", "ivoire", "eval"])
    assert [text[a:b] for a, b in spans] == ["Côte", "Ivoire", "évalue"]


def test_highlight_spans_prefix_and_ligature() -> None:
    text = "Mis en œuvre; formations, FORMATION"
    spans = highlight_spans(text, ["oeuvre", "formation"])
    assert [text[a:b] for a, b in spans] == ["œuvre", "formations", "FORMATION"]


def test_highlight_spans_no_terms_or_no_match() -> None:
    assert highlight_spans("some text", []) == []
    assert highlight_spans("some text", [""]) == []
    assert highlight_spans("some text", ["other"]) == []
    assert highlight_spans("", ["x"]) == []


def test_highlight_spans_decomposed_accents_cover_whole_word() -> None:
    text = "ge\u0301orgiens"
    assert highlight_spans(text, ["georgiens"]) == [(0, len(text))]
