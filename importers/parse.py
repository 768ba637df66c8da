"""Which reader a file goes to: an e-mail, an HTML document, JSON or a program (refused), or a
text page; and the guarantee that only ImportRefused escapes."""

from __future__ import annotations

from dataclasses import replace

from oim_archive.i18n import N_
from oim_archive.store.records import DATE_PUBLISHED, Release

from .dates import published_date
from .decode import MAX_PAGE_BYTES, decode_page, refuse_oversized
from .email_message import (
    EMAIL_MAX_BYTES,
    EmailText,
    looks_like_email,
    mailbox_messages,
    read_email,
)
from .errors import ImportRefused
from .html import HtmlItem, is_html, read_html
from .html_mail import headline_line, mail_header
from .page import html_releases, parse_text
from .program_text import is_program_text
from .release_shape import is_json_data


def parse_page(data: bytes, name: str) -> list[Release]:
    """Releases found in one raw page (several for a listing page).

    Pure and deterministic. Raises ImportRefused, with a one-line reason, for anything that is
    not an importable page, and never any other exception.
    """
    try:
        return parse_page_unguarded(data, name)
    except ImportRefused:
        raise
    except Exception as exc:  # a bug must not stop an import of thousands of files
        raise ImportRefused(
            N_("could not read this page ({error})"), error=type(exc).__name__
        ) from exc


def parse_page_unguarded(data: bytes, name: str) -> list[Release]:
    """The importer itself; parse_page adds the guarantee that only ImportRefused escapes."""
    if looks_like_email(data):
        refuse_oversized(data, EMAIL_MAX_BYTES)
        return _mailbox_releases(mailbox_messages(data), name)
    decoded = decode_page(data)
    if is_json_data(decoded):
        raise ImportRefused(N_("not a press release page (JSON data)"))
    if is_html(decoded):
        return _html_document(read_html(decoded), name)
    if is_program_text(decoded):
        raise ImportRefused(N_("not a press release page (a program or settings file)"))
    return parse_text(decoded, name)


def _html_document(items: list[HtmlItem], name: str) -> list[Release]:
    found = html_releases(items, name)
    if not found:
        raise ImportRefused(N_("HTML page without release text (only menus, links or footers)"))
    return list({release.id: release for release in found}.values())


def _mailbox_releases(messages: list[bytes], name: str) -> list[Release]:
    """The releases of each message of a saved e-mail or a mailbox file; a message that holds
    none is passed over, unless no message holds one (then its reason is the file's)."""
    releases: list[Release] = []
    refusal: ImportRefused | None = None
    for message in messages:
        try:
            releases.extend(email_releases(read_email(message), name))
        except ImportRefused as exc:
            refusal = refusal or exc
    if not releases and refusal is not None:
        raise refusal
    return list({release.id: release for release in releases}.values())


def email_releases(message: EmailText, name: str) -> list[Release]:
    """The releases of a saved e-mail: its HTML or plain text read as a page is, from the
    release's headline on (a greeting above it is no part of it), the subject standing for a
    missing headline and the day it was sent for a missing publication date (a media list sends
    a release the day it is published; a forwarded message, the day of the original)."""
    refuse_oversized(message.text.encode("utf-8", "replace"), MAX_PAGE_BYTES)
    sent = message.sent
    if message.is_html:  # the HTML reader reads a forwarded message's header itself
        items = read_html(message.text)
        if len(items) == 1 and not items[0].title and message.subject:
            items = [replace(items[0], title=message.subject)]
        releases = _html_document(items, name)
    else:
        text, subject = message.text, message.subject
        forwarded = mail_header(text.lstrip())
        if forwarded is not None:
            text, subject = forwarded.text, forwarded.subject or subject
            sent = published_date(forwarded.sent) or sent
        releases = parse_text(_from_headline(text, subject), name)
    if sent is None:
        return releases
    return [
        release
        if release.date_basis == DATE_PUBLISHED
        else replace(release, date=sent, date_basis=DATE_PUBLISHED)
        for release in releases
    ]


def _from_headline(text: str, subject: str) -> str:
    """The message's text from the line its subject names on; under the subject when no line
    is that headline."""
    lines = text.split("\n")
    at = headline_line(lines, subject) if subject else None
    if at is not None:
        return "\n".join(lines[at:])
    return f"{subject}\n\n{text}" if subject else text
