"""Releases kept as PDF documents, alone or attached to an e-mail."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.ingest import import_paths
from oim_archive.store.file.archive import Archive
from tests.support.pdf import text_pdf
from tests.support.robust_parse import parsed_or_refused

HEADLINE = "L'OIM et ses partenaires évacuent 1250 personnes des camps de Port-au-Prince"
FIRST_PAGE = [
    HEADLINE,
    "",
    "Port-au-Prince, 26 octobre 2012 – Sous les pluies de l'ouragan Sandy, l'Organisation",
    "internationale pour les migrations (OIM) a évacué 1250 personnes vulnérables de 12 camps",
    "exposés aux inondations vers six abris de la ville.",
    "",
    "Les équipes de l'OIM avaient préparé les familles de ces camps à une évacuation, après des",
    "campagnes de sensibilisation dans 176 camps.",
]
SECOND_PAGE = [
    "« La saison des ouragans n'est pas finie », a rappelé le chef de mission de l'OIM.",
    "",
    "Pour plus d'informations, veuillez contacter :",
    "Roseline Désir, OIM Haïti, Tél : +509 3702 5066, Courriel : rdesir@iom.int",
]
LETTERHEAD = "Organisation internationale pour les migrations (OIM) - Mission en Haïti"
FOOTER = "Page {page} sur {pages}"


def _release_pdf(**running: str) -> bytes:
    return text_pdf([FIRST_PAGE, SECOND_PAGE], **running)


def test_a_release_in_a_pdf_is_read_across_its_pages() -> None:
    [release] = parse_page(_release_pdf(header=LETTERHEAD, footer=FOOTER), "communique.pdf")
    assert release.title == HEADLINE
    assert release.dateline == "Port-au-Prince"
    assert (release.date, release.date_basis) == ("2012-10-26", "published")
    assert release.country == "HT"
    assert release.body.startswith("Sous les pluies de l'ouragan Sandy")
    assert "Page 1 sur 2" not in release.body and "Mission en Haïti" not in release.body
    assert "vers six abris de la ville." in release.body  # the wrapped lines joined
    assert "n'est pas finie" in release.body  # the second page follows the first
    assert [(c.name, c.phones, c.emails) for c in release.contacts] == [
        ("Roseline Désir", ["+50937025066"], ["rdesir@iom.int"])
    ]


def test_a_line_only_some_pages_repeat_stays() -> None:
    pages = [FIRST_PAGE, [FIRST_PAGE[2], *SECOND_PAGE]]
    [release] = parse_page(text_pdf(pages), "communique.pdf")
    assert release.body.count("Sous les pluies de l'ouragan") == 2


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (text_pdf([[f"Chapitre {n}", "Du texte."] for n in range(13)]), "PDF document of 13 pages"),
        (text_pdf([[]]), "PDF without text"),
        (b"%PDF-1.7\n" + b"\x00" * 200, "damaged PDF"),
    ],
)
def test_pdfs_that_hold_no_release_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(ImportRefused, match=reason):
        parse_page(data, "document.pdf")


def _note_with(pdf: bytes, note: str) -> bytes:
    message = EmailMessage()
    message["From"] = "OIM Haïti <communication-haiti@iom.int>"
    message["To"] = "medias@example.ht"
    message["Subject"] = "Communiqué de presse"
    message["Date"] = "Fri, 26 Oct 2012 14:02:11 +0000"
    message["Message-ID"] = "<1@iom.int>"
    message.set_content(note)
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename="cp.pdf")
    return bytes(message)


def test_an_e_mail_that_only_announces_its_attachment_gives_the_attached_release() -> None:
    undated = [
        [FIRST_PAGE[0], "", *[line.replace(", 26 octobre 2012", "") for line in FIRST_PAGE[2:]]]
    ]
    note = "Chers partenaires,\n\nVeuillez trouver ci-joint notre communiqué.\n\nCordialement,\nRoseline"
    [release] = parse_page(_note_with(text_pdf(undated), note), "message.eml")
    assert release.title == HEADLINE
    assert (release.date, release.date_basis) == ("2012-10-26", "published")  # the day sent


def test_a_release_written_in_the_e_mail_is_kept_over_its_attachment() -> None:
    text = "\n".join([*FIRST_PAGE, "", *SECOND_PAGE])
    attached = text_pdf([["Programme de la visite", "", "Lundi : arrivée à Port-au-Prince."]])
    [release] = parse_page(_note_with(attached, text), "message.eml")
    assert release.title == HEADLINE


def test_a_pdf_bigger_than_a_page_is_imported(tmp_path: Path) -> None:
    padded = text_pdf([FIRST_PAGE, SECOND_PAGE], picture_bytes=6 * 1024 * 1024)
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "communique.pdf").write_bytes(padded)
    report = import_paths(Archive(tmp_path / "archive.json"), [folder], workers=1)
    assert len(report.imported) == 1, report.failed


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tail=st.binary(max_size=1500), cut=st.integers(min_value=0, max_value=2000))
def test_broken_pdfs_never_raise_anything_but_refusal(tail: bytes, cut: int) -> None:
    data = _release_pdf()[:cut] + tail
    if not data.startswith(b"%PDF"):
        data = b"%PDF-1.4\n" + data
    parsed_or_refused(data, "broken.pdf")
