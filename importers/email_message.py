"""An e-mail saved as a file (``.eml``: Thunderbird's "Save as", Gmail's "Download message",
Apple Mail, a media list's message): its subject, the date it was sent and its text, read with
the standard library's e-mail parser (MIME parts, quoted-printable, base64, charsets)."""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass
from email.message import EmailMessage

from .html_mail import subject_headline

# A message's header block is read from its first bytes only: a header this long is no e-mail.
HEADER_SNIFF_BYTES = 16 * 1024
# Headers a real message has, beside "From:"; three at least must be there (an "Outlook" copy
# pasted as text, "From: / Sent: / To: / Subject:", is read as text; see html_mail.py).
_MESSAGE_HEADERS = frozenset(
    {
        b"date",
        b"subject",
        b"to",
        b"message-id",
        b"mime-version",
        b"received",
        b"return-path",
        b"content-type",
        b"delivered-to",
        b"x-mailer",
        b"user-agent",
    }
)
MIN_MESSAGE_HEADERS = 3
# A header line: a field name (printable ASCII, no colon nor space), a colon.
_FIELD = re.compile(rb"([!-9;-~]+):")
# mbox's separator line, which some clients keep at the top of a saved message, and which opens
# each message of a mailbox file (Thunderbird's folders, an "export as mbox"), after a blank line.
_MBOX_FROM = b"From "
_NEXT_MESSAGE = re.compile(rb"\r?\n\r?\n(?=From \S)")


@dataclass(frozen=True, slots=True)
class EmailText:
    """What the importer needs of a message: its subject, the ISO date it was sent, and its
    text: HTML when it has an HTML part, else plain text."""

    subject: str
    sent: str | None
    text: str
    is_html: bool
    pdfs: tuple[bytes, ...] = ()  # attached PDF documents (a release sent as an attachment)


def looks_like_email(data: bytes) -> bool:
    """Whether the bytes open with an e-mail's header block (in their first HEADER_SNIFF_BYTES):
    every line a field or a folded continuation up to the first blank line, "From:" among the
    fields and enough of the others."""
    start = data.find(b"\n", 0, HEADER_SNIFF_BYTES) + 1 if data.startswith(_MBOX_FROM) else 0
    if _FIELD.match(data, start, HEADER_SNIFF_BYTES) is None:  # most pages: settled here
        return False
    block = data[start:HEADER_SNIFF_BYTES].replace(b"\r\n", b"\n")
    end = block.find(b"\n\n")
    if end < 0:
        return False  # the header never ends
    names: set[bytes] = set()
    for line in block[:end].split(b"\n"):
        if line[:1] in (b" ", b"\t") and names:
            continue  # a folded header's next line
        field = _FIELD.match(line)
        if field is None:
            return False
        names.add(field.group(1).lower())
    return b"from" in names and len(names & _MESSAGE_HEADERS) >= MIN_MESSAGE_HEADERS


def mailbox_messages(data: bytes) -> list[bytes]:
    """The messages of a mailbox file, in order (the one message of a saved e-mail). A "From "
    line in a message's text that opens no header block stays in that text."""
    if not data.startswith(_MBOX_FROM):
        return [data]
    messages: list[bytes] = []
    for part in _NEXT_MESSAGE.split(data):
        if messages and not looks_like_email(part):
            messages[-1] += b"\n\n" + part
        else:
            messages.append(part)
    return messages


def read_email(data: bytes) -> EmailText:
    """The message's subject, sent date, text ("" when it has none) and attached PDFs."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)  # what policy.default builds
    body = message.get_body(preferencelist=("html", "plain"))
    return EmailText(
        subject=_subject(message),
        sent=_sent_date(message),
        text=_part_text(body) if isinstance(body, EmailMessage) else "",
        is_html=body is not None and body.get_content_subtype() == "html",
        pdfs=tuple(_attached_pdfs(message)),
    )


def _attached_pdfs(message: EmailMessage) -> list[bytes]:
    """The PDF documents attached to the message, by their type or their name."""
    found = []
    for part in message.iter_attachments():
        name = (part.get_filename() or "").casefold()
        if part.get_content_type() == "application/pdf" or name.endswith(".pdf"):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload:
                found.append(payload)
    return found


def _part_text(part: EmailMessage) -> str:
    """A text part decoded; a charset Python does not know is read as UTF-8, errors replaced."""
    try:
        content = part.get_content()
    except (LookupError, UnicodeError):
        content = None
    if isinstance(content, str):
        return content
    payload = part.get_payload(decode=True)
    return payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""


def _subject(message: EmailMessage) -> str:
    """The headline the subject carries ("Fwd: [media] Communiqué de presse : …")."""
    try:
        subject = str(message.get("subject", "") or "")
    except (ValueError, TypeError):  # a header the parser cannot decode
        return ""
    return subject_headline(subject)


def _sent_date(message: EmailMessage) -> str | None:
    """The day the message was sent (ISO), as its sender's clock wrote it."""
    try:
        header = message.get("date")
        sent = getattr(header, "datetime", None)
    except (ValueError, TypeError, IndexError):
        return None
    return None if sent is None else sent.date().isoformat()
