"""Releases kept as Word (.docx) or LibreOffice (.odt) documents."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.ingest import import_paths
from oim_archive.store.file.archive import Archive
from tests.support.office import open_document, word_document
from tests.support.robust_parse import parsed_or_refused

HEADLINE = "Le Niger et l'OIM lancent une campagne sur la migration sûre"
BODY = [
    HEADLINE,
    "Niamey, 12 mars 2019 – L'Organisation internationale pour les migrations (OIM) et le "
    "Gouvernement du Niger ont lancé une campagne qui touchera 50 000 jeunes à Agadez.",
    "« Les jeunes doivent pouvoir décider en connaissance de cause », a déclaré la cheffe de "
    "mission.\tLa campagne est financée par l'Union européenne.",
]
CONTACTS = [
    ["Pour plus d'informations, veuillez contacter :"],
    ["Aïssata Maïga", "OIM Niger", "Tél : +227 90 12 34 56", "Courriel : amaiga@iom.int"],
]


def test_a_word_document_gives_its_release_with_the_contact_table() -> None:
    data = word_document(BODY, table=CONTACTS, text_box="Chiffres clés : 50 000 jeunes")
    [release] = parse_page(data, "Communiqué OIM Niger.docx")
    assert release.title == HEADLINE
    assert release.dateline == "Niamey"
    assert (release.date, release.date_basis) == ("2019-03-12", "published")
    assert release.funders == ["Union européenne"]
    assert [(c.name, c.emails) for c in release.contacts] == [("Aïssata Maïga", ["amaiga@iom.int"])]
    assert "a déclaré la cheffe de mission. La campagne" in release.body  # a tab is a space


def test_a_text_box_is_read_once() -> None:
    data = word_document(BODY, text_box="Chiffres clés : 50 000 jeunes")
    text = " ".join(r.body for r in parse_page(data, "cp.docx"))
    assert text.count("Chiffres clés") <= 1


def test_an_open_document_gives_its_release() -> None:
    [release] = parse_page(open_document(BODY[1:], heading=HEADLINE), "communique.odt")
    assert release.title == HEADLINE
    assert release.dateline == "Niamey"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (word_document([]), "word-processor document without text"),
        (word_document(["x"]).replace(b"word/document.xml", b"word/documenX.xml"), "binary file"),
        (b"PK\x03\x04" + b"\x00" * 100, "binary file"),
    ],
)
def test_documents_without_a_release_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(ImportRefused, match=reason):
        parse_page(data, "document.docx")


def test_a_document_whose_xml_is_damaged_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")
    with pytest.raises(ImportRefused, match=r"damaged word-processor document \(ParseError\)"):
        parse_page(out.getvalue(), "broken.docx")


def test_an_entity_bomb_is_refused_not_expanded() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><d>&b;</d>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", bomb)
    with pytest.raises(ImportRefused, match="damaged word-processor document"):
        parse_page(out.getvalue(), "bomb.docx")


def test_a_document_with_pictures_bigger_than_a_page_is_imported(tmp_path: Path) -> None:
    data = io.BytesIO(word_document(BODY, table=CONTACTS))
    with zipfile.ZipFile(data, "a") as archive:  # a photo, stored as JPEGs are
        archive.writestr("word/media/image1.jpeg", bytes(range(256)) * 24_000)
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "communique.docx").write_bytes(data.getvalue())
    report = import_paths(Archive(tmp_path / "archive.json"), [folder], workers=1)
    assert len(report.imported) == 1, report.failed


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(min_value=4, max_value=3000), tail=st.binary(max_size=500))
def test_broken_documents_never_raise_anything_but_refusal(cut: int, tail: bytes) -> None:
    data = word_document(BODY, table=CONTACTS)[:cut] + tail
    parsed_or_refused(data, "broken.docx")
