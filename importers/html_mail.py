"""An e-mail saved as HTML (Outlook's "Save as"): its header lines, then the message."""

from __future__ import annotations

import re
from dataclasses import dataclass

# The header an e-mail client writes above a saved or forwarded message, one field a line:
# sender, date sent, recipients, subject ("De : … / Envoyé : … / À : … / Objet : …").
_HEADER = re.compile(
    r"\A(?:from|de|von|da)\s?:[^\n]*\n"
    r"(?:sent|envoy[ée]|enviado(?:\s+el)?|date|fecha|gesendet|inviato)\s?:[ \t]*(?P<sent>[^\n]*)\n"
    r"(?:(?:to|à|a|para|an|cc|cci|bcc)\s?:[^\n]*\n)*"
    r"(?:subject|objet|asunto|betreff|oggetto)\s?:[ \t]*(?P<subject>[^\n]*)\n?",
    re.IGNORECASE,
)
# A subject's reply or forward marks and a sender's prefix ("TR: OIM : <headline>").
_SUBJECT_PREFIX = re.compile(r"^(?:(?:re|tr|fw|fwd|rv|wg|aw)\s?:\s*)*", re.IGNORECASE)
MIN_HEADLINE = 20


@dataclass(slots=True)
class MailHeader:
    """A saved e-mail's parts: the message's text, the date sent, the headline its subject names."""

    text: str
    sent: str
    headline: str | None


def mail_header(text: str) -> MailHeader | None:
    """The e-mail's header read off the text's start (None when the text does not open with one).
    The headline is the message's first line that the subject ends with."""
    if text[:4].casefold() not in {"from", "de :", "de:", "von:", "da:", "da :", "von "}:
        return None
    match = _HEADER.match(text)
    if match is None:
        return None
    message = text[match.end() :].lstrip("\n")
    subject = _SUBJECT_PREFIX.sub("", match["subject"].strip()).casefold()
    headline = None
    for line in message.split("\n")[:20]:
        folded = line.strip().casefold()
        if len(folded) >= MIN_HEADLINE and subject.endswith(folded):
            headline = line.strip()
            break
    return MailHeader(message, match["sent"].strip(), headline)
