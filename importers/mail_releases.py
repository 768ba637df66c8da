"""The releases of a saved e-mail or a mailbox file: the message's text read as a page is, and
the PDF a release was sent as when the text is only a note about it."""

from __future__ import annotations

from dataclasses import replace

from oim_archive.i18n import N_
from oim_archive.store.records import DATE_PUBLISHED, Release

from .dates import published_date
from .decode import MAX_PAGE_BYTES, clean_text, refuse_oversized
from .email_message import EmailText, mailbox_messages, read_email
from .errors import ImportRefused
from .html import read_html
from .html_mail import headline_line, mail_header
from .page import html_releases, parse_text
from .pdf import pdf_text

# A message's own text this short, without a dateline, is a note about what it attaches ("Please
# find attached our press release …"), not a release.
COVER_NOTE_CHARS = 600


def mailbox_releases(data: bytes, name: str) -> list[Release]:
    """The releases of each message of a saved e-mail or a mailbox file; a message that holds
    none is passed over, unless no message holds one (then its reason is the file's)."""
    releases: list[Release] = []
    refusal: ImportRefused | None = None
    for message in mailbox_messages(data):
        try:
            releases.extend(email_releases(read_email(message), name))
        except ImportRefused as exc:
            refusal = refusal or exc
    if not releases and refusal is not None:
        raise refusal
    return list({release.id: release for release in releases}.values())


def email_releases(message: EmailText, name: str) -> list[Release]:
    """The releases of one message, dated by the day it was sent when they state no date (a
    media list sends a release the day it is published; a forwarded message, the original's
    day): those of its text, else of the PDFs attached to a short note."""
    sent = message.sent
    releases: list[Release] = []
    refusal = ImportRefused(N_("e-mail without a text part (only attachments)"))
    if message.text.strip():
        try:
            releases, sent = _text_releases(message, name)
        except ImportRefused as exc:
            refusal = exc
    if message.pdfs and _is_cover_note(releases):
        attached = _attached_releases(message.pdfs, name)
        releases = attached or releases
    if not releases:
        raise refusal
    if sent is None:
        return releases
    return [
        release
        if release.date_basis == DATE_PUBLISHED
        else replace(release, date=sent, date_basis=DATE_PUBLISHED)
        for release in releases
    ]


def _is_cover_note(releases: list[Release]) -> bool:
    """The message's text gave nothing, or only a short note without a dateline."""
    return all(release.dateline is None for release in releases) and (
        sum(len(release.body) for release in releases) < COVER_NOTE_CHARS
    )


def _text_releases(message: EmailText, name: str) -> tuple[list[Release], str | None]:
    """The releases of the message's HTML or plain text, from the release's headline on (a
    greeting above it is no part of it), the subject standing for a missing headline; and the
    day that dates them (a forwarded message's original day)."""
    refuse_oversized(message.text.encode("utf-8", "replace"), MAX_PAGE_BYTES)
    if message.is_html:  # the HTML reader reads a forwarded message's header itself
        items = read_html(message.text)
        if len(items) == 1 and not items[0].title and message.subject:
            items = [replace(items[0], title=message.subject)]
        return html_releases(items, name), message.sent
    text, subject, sent = message.text, message.subject, message.sent
    forwarded = mail_header(text.lstrip())
    if forwarded is not None:
        text, subject = forwarded.text, forwarded.subject or subject
        sent = published_date(forwarded.sent) or sent
    return parse_text(_from_headline(clean_text(text), subject), name), sent


def _attached_releases(pdfs: tuple[bytes, ...], name: str) -> list[Release]:
    """The releases of the attached PDFs that hold one."""
    releases: list[Release] = []
    for pdf in pdfs:
        try:
            releases.extend(parse_text(clean_text(pdf_text(pdf)), name))
        except ImportRefused:
            continue
    return releases


def _from_headline(text: str, subject: str) -> str:
    """The message's text from the line its subject names on; under the subject when no line
    is that headline."""
    lines = text.split("\n")
    at = headline_line(lines, subject) if subject else None
    if at is not None:
        return "\n".join(lines[at:])
    return f"{subject}\n\n{text}" if subject else text
