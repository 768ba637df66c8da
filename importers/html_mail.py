"""The header lines an e-mail client writes above a message's text (Outlook's "Save as", a
forwarded message's quoted header), then the message."""

from __future__ import annotations

import re
from dataclasses import dataclass

# The header an e-mail client writes above a saved or forwarded message, one field a line, in
# the client's order: Outlook "De : / Envoyé : / À : / Objet :", Gmail "From: / Date: / Subject:
# / To:", Thunderbird "Sujet : / Date : / De : / Pour :", Apple Mail "De : / Objet : / Date :".
# A forwarded one comes under its client's separator line ("---------- Forwarded message
# ---------", "-----Original Message-----", "Début du message réexpédié :").
_FORWARD_SEPARATOR = re.compile(
    r"(?:-{2,}\s*(?:forwarded\s+message|original\s+message|message\s+transf[ée]r[ée]|message\s+"
    r"d'origine|message\s+original|mensaje\s+reenviado|mensaje\s+original|mensagem\s+"
    r"encaminhada)\s*-{2,}|begin\s+forwarded\s+message\s?:|d[ée]but\s+du\s+message\s+"
    r"r[ée]exp[ée]di[ée]\s?:|inicio\s+del\s+mensaje\s+reenviado\s?:)[ \t]*\n+",
    re.IGNORECASE,
)
_FIELD_LINE = re.compile(
    r"(?P<name>[^\W\d_][^\W\d_ ]*(?: el)?)\s?:[ \t]*(?P<value>[^\n]*)(?:\n|\Z)"
)
_SENDER = ("from", "de", "von", "da")
_SENT = ("sent", "envoyé", "envoye", "enviado", "enviado el", "date", "fecha", "gesendet",
         "inviato")  # fmt: skip
_SUBJECT = ("subject", "objet", "sujet", "asunto", "betreff", "oggetto")
_RECIPIENT = ("to", "à", "a", "pour", "para", "an", "cc", "cci", "bcc")
_FIELDS = {
    **dict.fromkeys(_SENDER, "from"),
    **dict.fromkeys(_SENT, "sent"),
    **dict.fromkeys(_SUBJECT, "subject"),
    **dict.fromkeys(_RECIPIENT, "to"),
}
# How a header or its separator line begins (lower-cased): most texts are settled by these.
_HEADER_STARTS = ("from", "de :", "de:", "von:", "da:", "da :", "von ", "--", "begin", "début",
                  "debut", "inicio", "sujet", "subjec", "objet")  # fmt: skip
# A subject's reply or forward marks and a mailing list's tag ("TR: [media] Fwd: <headline>").
_SUBJECT_PREFIX = re.compile(
    r"^(?:\s*(?:(?:re|tr|fw|fwd|rv|wg|aw|r)\s?:|\[[^\]\n]{1,40}\]))*\s*", re.IGNORECASE
)
# A release's label before its headline in a subject ("Communiqué de presse : <headline>").
_RELEASE_LABEL = re.compile(
    r"^(?:communiqu[ée](?:\s+de\s+presse)?|press\s+release|news\s+release|comunicado(?:\s+de\s+"
    r"prensa)?|nota\s+de\s+prensa|media\s+advisory|avis\s+aux\s+m[ée]dias)\s*[:–—-]\s*",
    re.IGNORECASE,
)


def subject_headline(subject: str) -> str:
    """A subject without reply and forward marks, a list's tag or a release's label: the
    headline it carries."""
    bare = _SUBJECT_PREFIX.sub("", " ".join(subject.split()))
    return _RELEASE_LABEL.sub("", bare)


MIN_HEADLINE = 20


@dataclass(slots=True)
class MailHeader:
    """A saved e-mail's parts: the message's text, the date sent, the headline its subject names."""

    text: str
    sent: str
    headline: str | None
    subject: str = ""


def mail_header(text: str) -> MailHeader | None:
    """The e-mail's header read off the text's start (None when the text does not open with one:
    its sender, the date sent and the subject, in any order). The headline is the message's
    first line that the subject ends with."""
    if not text[:6].casefold().startswith(_HEADER_STARTS):
        return None
    separator = _FORWARD_SEPARATOR.match(text)
    at = 0 if separator is None else separator.end()
    fields: dict[str, str] = {}
    while (line := _FIELD_LINE.match(text, at)) is not None:
        kind = _FIELDS.get(line["name"].casefold())
        if kind is None:
            break
        fields.setdefault(kind, line["value"].strip())
        at = line.end()
    if not {"from", "sent", "subject"} <= fields.keys():
        return None
    message = text[at:].lstrip("\n")
    subject = subject_headline(fields["subject"])
    lines = message.split("\n")
    number = headline_line(lines, subject)
    headline = None if number is None else lines[number].strip()
    return MailHeader(message, fields["sent"], headline, subject)


HEADLINE_LOOKAHEAD_LINES = 20


def headline_line(lines: list[str], subject: str) -> int | None:
    """Which of the message's first lines is the release's headline: the first one the subject
    ends with ("Communiqué de presse : <headline>", "TR: <headline>")."""
    wanted = " ".join(subject.split()).casefold()
    for number, line in enumerate(lines[:HEADLINE_LOOKAHEAD_LINES]):
        folded = " ".join(line.split()).casefold()
        if len(folded) >= MIN_HEADLINE and wanted.endswith(folded):
            return number
    return None
