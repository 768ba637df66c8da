"""E-mails saved as files (.eml): read as messages, never as text full of MIME headers."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.importers.email_message import looks_like_email
from oim_archive.importers.html_mail import mail_header, subject_headline
from oim_archive.ingest import import_paths
from oim_archive.store.file.archive import Archive
from oim_archive.store.records import Release

RELEASE = (
    "Niamey – L'Organisation internationale pour les migrations (OIM) et le Gouvernement du "
    "Niger ont lancé une campagne de sensibilisation qui touchera 50 000 jeunes à Agadez.\n\n"
    "« Les jeunes doivent pouvoir décider en connaissance de cause », a déclaré la cheffe de "
    "mission.\n\nLa campagne est financée par l'Union européenne.\n\n"
    "Pour plus d'informations, veuillez contacter :\n"
    "Aïssata Maïga, OIM Niger, Tél : +227 90 12 34 56, Courriel : amaiga@iom.int\n"
)
SUBJECT = "Le Niger et l'OIM lancent une campagne sur la migration sûre"
SENT = "Wed, 13 Mar 2019 09:41:00 +0000"


def _message(subject: str = SUBJECT, sent: str | None = SENT) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "OIM Niger <iomniamey@iom.int>"
    message["To"] = "media@lists.example.org"
    message["Subject"] = subject
    if sent is not None:
        message["Date"] = sent
    message["Message-ID"] = "<1234@iom.int>"
    return message


def _plain(
    text: str = RELEASE, charset: str = "utf-8", sent: str | None = SENT, subject: str = SUBJECT
) -> bytes:
    message = _message(subject=subject, sent=sent)
    message.set_content(text, charset=charset, cte="quoted-printable")
    return bytes(message)


def _html(subject: str = SUBJECT) -> bytes:
    message = _message(subject=subject)
    message.set_content("Voir la version HTML.")
    paragraphs = "".join(f"<p>{p}</p>" for p in RELEASE.split("\n\n"))
    message.add_alternative(f"<html><body>{paragraphs}</body></html>", subtype="html")
    return bytes(message)


def _only(data: bytes, name: str = "message.eml") -> Release:
    releases = parse_page(data, name)
    assert len(releases) == 1
    return releases[0]


def test_an_html_message_takes_its_headline_from_the_subject_and_its_date_from_sending() -> None:
    release = _only(_html())
    assert release.title == SUBJECT
    assert (release.date, release.date_basis) == ("2019-03-13", "published")
    assert release.dateline == "Niamey"
    assert release.country == "NE"
    assert [c.name for c in release.contacts] == ["Aïssata Maïga"]
    assert "Content-Type" not in release.body and "=C3" not in release.body


def test_a_plain_message_is_decoded_and_put_under_its_subject() -> None:
    release = _only(_plain(charset="windows-1252"))
    assert release.title == SUBJECT
    assert release.body.startswith("L'Organisation internationale pour les migrations")
    assert "décider" in release.body
    assert release.funders == ["Union européenne"]


def test_the_subject_is_not_repeated_when_the_text_opens_with_the_headline() -> None:
    release = _only(_plain(f"{SUBJECT}\n\n{RELEASE}"))
    assert release.title == SUBJECT
    assert SUBJECT not in release.body


def test_forward_marks_and_a_list_tag_leave_the_subject() -> None:
    release = _only(_html(subject=f"TR: [media-niger] Fwd: {SUBJECT}"))
    assert release.title == SUBJECT


def test_a_date_the_text_states_is_kept_over_the_day_it_was_sent() -> None:
    text = RELEASE.replace("Niamey –", "Niamey, 12 mars 2019 –", 1)
    release = _only(_plain(text))
    assert (release.date, release.date_basis) == ("2019-03-12", "published")


def test_a_message_without_date_keeps_the_estimate() -> None:
    release = _only(_plain(sent=None))
    assert release.date_basis != "published"


def test_a_message_with_only_an_attachment_is_refused() -> None:
    message = _message()
    message.add_attachment(b"%PDF-1.4 ...", maintype="application", subtype="pdf",
                           filename="communique.pdf")  # fmt: skip
    with pytest.raises(ImportRefused, match="e-mail without a text part"):
        parse_page(bytes(message), "message.eml")


def test_escape_sequences_in_a_subject_never_reach_the_title() -> None:
    release = _only(_html(subject="\x1b[31mAlerte\x1b[0m : " + SUBJECT))
    assert "\x1b" not in release.title


@pytest.mark.parametrize(
    "head",
    [
        b"From: a@b.org\r\nTo: c@d.org\r\nSubject: x\r\nDate: Wed, 13 Mar 2019 09:41:00 +0000\r\n\r\nbody",
        b"From iomniamey@iom.int Wed Mar 13 09:41:00 2019\nFrom: a@b.org\nSubject: x\n"
        b"Date: Wed, 13 Mar 2019\nMessage-ID: <1@b>\n\nbody",
        b"Return-Path: <a@b.org>\nReceived: from x\n\tby y\nFrom: a@b.org\nSubject: x\n\nbody",
    ],
)
def test_messages_are_told_by_their_header_block(head: bytes) -> None:
    assert looks_like_email(head)


@pytest.mark.parametrize(
    "head",
    [
        RELEASE.encode(),
        # An Outlook message copied as text: read by the text importer (its "Sent:" line).
        b"From: OIM Niger\nSent: 13 March 2019\nTo: media\nSubject: x\n\nbody",
        b"Date: 12 March 2019\nNiamey - The IOM today...\n\nMore text",
        b"<!DOCTYPE html><html><head><title>x</title></head><body>y</body></html>",
        b"From: a@b.org\nSubject: x\nDate: y\nMessage-ID: z\nno blank line ever",
        b"From: a@b.org\nSubject: x\nDate: y\nthis line is no header\n\nbody",
    ],
)
def test_other_files_are_not_messages(head: bytes) -> None:
    assert not looks_like_email(head)


def test_a_message_bigger_than_a_page_is_imported_without_its_attachment(tmp_path: Path) -> None:
    message = _message()
    message.set_content(RELEASE)
    message.add_attachment(bytes(range(256)) * 24_000, maintype="application",
                           subtype="octet-stream", filename="photos.zip")  # fmt: skip
    page = tmp_path / "pages" / "message.eml"
    page.parent.mkdir()
    page.write_bytes(bytes(message))
    assert page.stat().st_size > 6 * 1024 * 1024
    report = import_paths(Archive(tmp_path / "archive.json"), [page.parent], workers=1)
    assert len(report.imported) == 1, report.failed


def test_a_greeting_over_the_headline_is_no_part_of_the_release() -> None:
    text = f"Chers partenaires,\n\nVeuillez trouver ci-dessous notre communiqué.\n\n{SUBJECT}\n\n{RELEASE}"
    release = _only(_plain(text, subject=f"Communiqué de presse : {SUBJECT}"))
    assert release.title == SUBJECT
    assert "Chers partenaires" not in release.body
    assert release.dateline == "Niamey"


@pytest.mark.parametrize(
    "separator",
    [
        "---------- Forwarded message ---------",
        "-----Original Message-----",
        "Début du message réexpédié :",
        "---------- Mensaje reenviado ---------",
    ],
)
def test_a_forwarded_message_is_dated_and_titled_by_the_original(separator: str) -> None:
    text = (
        f"{separator}\nFrom: OIM Niger <iomniamey@iom.int>\nDate: Tue, Mar 12, 2019 at 10:00 AM\n"
        f"Subject: Communiqué de presse : {SUBJECT}\nTo: <media@iom.int>\n\n\n{SUBJECT}\n\n{RELEASE}"
    )
    release = _only(_plain(text, subject=f"Fwd: Communiqué de presse : {SUBJECT}"))
    assert release.title == SUBJECT
    assert (release.date, release.date_basis) == ("2019-03-12", "published")
    assert "Forwarded" not in release.body and "From:" not in release.body


@pytest.mark.parametrize(
    ("subject", "headline"),
    [
        (f"Press release: {SUBJECT}", SUBJECT),
        (f"RE: TR: [OIM-médias] Comunicado de prensa – {SUBJECT}", SUBJECT),
        ("Press releases of the week", "Press releases of the week"),
    ],
)
def test_a_subject_loses_its_marks_and_label(subject: str, headline: str) -> None:
    assert subject_headline(subject) == headline


@pytest.mark.parametrize(
    "header",
    [
        # Thunderbird (fr): subject first, then the date, the sender and the recipients.
        "-------- Message transféré --------\nSujet : {s}\nDate : Tue, 12 Mar 2019 10:00:00 +0000\n"
        "De : OIM Niger <iomniamey@iom.int>\nPour : media@iom.int\n",
        # Apple Mail (fr): a blank line under the separator, the subject before the date.
        "Début du message réexpédié :\n\nDe: OIM Niger <iomniamey@iom.int>\nObjet: {s}\n"
        "Date: 12 mars 2019 à 10:00:00 UTC\nÀ: media@iom.int\n",
    ],
)
def test_a_forwarded_header_is_read_in_any_client_order(header: str) -> None:
    text = header.format(s=SUBJECT) + f"\n{SUBJECT}\n\n{RELEASE}"
    release = _only(_plain(text, subject=f"TR: {SUBJECT}"))
    assert release.title == SUBJECT
    assert (release.date, release.date_basis) == ("2019-03-12", "published")
    assert "Sujet" not in release.body and "Objet" not in release.body


def test_a_text_opening_with_a_date_line_is_no_mail_header() -> None:
    assert mail_header("Date: 12 March 2019\nNiamey – IOM today opened a centre.") is None


def _mbox_entry(data: bytes) -> bytes:
    return b"From iomniamey@iom.int Wed Mar 13 09:41:00 2019\n" + data.replace(b"\r\n", b"\n")


def test_a_mailbox_file_gives_the_release_of_each_message() -> None:
    second = SUBJECT.replace("Niger", "Mali")
    other = RELEASE.replace("Niamey", "Bamako").replace("Niger", "Mali")
    mailbox = b"\n".join(
        [
            _mbox_entry(_plain()),
            _mbox_entry(_plain(other, subject=second)),
            _mbox_entry(_message(subject="Réunion de lundi").as_bytes()),  # no text: passed over
        ]
    )
    releases = parse_page(mailbox, "Communiqués")
    assert [r.title for r in releases] == [SUBJECT, second]
    assert [r.dateline for r in releases] == ["Niamey", "Bamako"]


def test_a_from_line_in_a_message_text_opens_no_message() -> None:
    text = RELEASE + "\nFrom the field, the team reports more arrivals.\n"
    releases = parse_page(_mbox_entry(_plain(text)), "Communiqués")
    assert len(releases) == 1
    assert "From the field" in releases[0].body
