"""Contacts as vCard 3.0 (RFC 2426): one card per person, for phone and mail address books."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence

from oim_archive.store.directory import DirectoryEntry
from oim_archive.store.exports.labels import labels_for, majority_language
from oim_archive.store.names import split_name
from oim_archive.store.text import clean_line

CRLF = "\r\n"
FOLD_OCTETS = 75
PRODID = "-//oim-archive//oim-archive export//EN"


# Words that mark the organisation part of an office ("Spokesperson, IOM Geneva").
_ORG_WORDS = re.compile(
    r"\b(OIM|IOM|OIM/IOM|UN|ONU|ONUCI|UNHCR|HCR|Organi[sz]ation|Nations|Mission|Bureau|Office"
    r"|Agency|Agence|Minist[eè]re|Ministry)\b",
    re.IGNORECASE,
)
_PHONE_KEEP = re.compile(r"[^0-9+]")


def escape_text(value: str) -> str:
    """Escape a vCard TEXT value: backslash, comma, semicolon and newlines."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def fold_line(line: str) -> str:
    """Fold one content line at 75 octets (CRLF + space), never inside a UTF-8 character."""
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    limit = FOLD_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            chunks.append("".join(current))
            current, size = [], 0
            limit = FOLD_OCTETS - 1  # continuation lines start with one space
        current.append(char)
        size += width
    chunks.append("".join(current))
    return (CRLF + " ").join(chunks)


def split_office(office: str) -> tuple[str, str]:
    """(organisation, job title) from an office such as "Spokesperson, IOM Geneva"."""
    office = clean_line(office)
    if not office:
        return "", ""
    parts = [p.strip() for p in office.split(",") if p.strip()]
    org_parts = [p for p in parts if _ORG_WORDS.search(p)]
    if not org_parts or len(org_parts) == len(parts):
        return office, ""
    title_parts = [p for p in parts if p not in org_parts]
    return ", ".join(org_parts), ", ".join(title_parts)


def _phone(value: str) -> str:
    digits = _PHONE_KEEP.sub("", clean_line(value))
    if not digits.strip("+"):
        return ""
    return "+" + digits.lstrip("+") if digits.startswith("+") else digits


def _uid(entry: DirectoryEntry) -> str:
    # Stable across exports so a re-import updates a card instead of duplicating it.
    key = (entry.emails[0] if entry.emails else clean_line(entry.name)).casefold()
    return "oim-archive-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def entry_card(
    entry: DirectoryEntry,
    release_titles: Mapping[str, str],
    release_languages: Mapping[str, str] | None = None,
) -> str:
    """One vCard for one person, CRLF line ends, folded.

    Its own words (the NOTE naming the releases) are in the language most of the person's
    releases are written in (``release_languages`` maps release ids to languages)."""
    languages = release_languages or {}
    words = labels_for(majority_language(languages.get(rid) for rid in entry.releases))
    emails = [e for e in (clean_line(e) for e in entry.emails) if e]
    name = clean_line(entry.name) or (emails[0] if emails else "") or words.no_name
    family, given, prefix = split_name(entry.name)
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"PRODID:{PRODID}",
        f"UID:{_uid(entry)}",
        f"FN:{escape_text(name)}",
        "N:" + ";".join(escape_text(part) for part in (family, given, "", prefix, "")),
    ]
    org, title = split_office(entry.office or "")
    if org:
        lines.append(f"ORG:{escape_text(org)}")
    if title:
        lines.append(f"TITLE:{escape_text(title)}")
    phones = dict.fromkeys(p for p in (_phone(p) for p in entry.phones) if p)
    lines += [f"TEL;TYPE=work:{phone}" for phone in phones]
    lines += [f"EMAIL;TYPE=work:{escape_text(email)}" for email in dict.fromkeys(emails)]
    titles = [clean_line(release_titles.get(rid) or rid) for rid in entry.releases]
    titles = [t for t in titles if t]
    if titles:
        heading = words.named_in_many if len(titles) > 1 else words.named_in_one
        lines.append("NOTE:" + escape_text("\n".join([heading, *(f"- {t}" for t in titles)])))
    lines.append("END:VCARD")
    return "".join(fold_line(line) + CRLF for line in lines)


def contacts_vcard(
    entries: Sequence[DirectoryEntry],
    release_titles: Mapping[str, str],
    release_languages: Mapping[str, str] | None = None,
) -> str:
    """Every entry as a vCard 3.0 card (UTF-8 text, CRLF line ends); "" for no entries.

    ``release_titles`` maps release ids to titles for the NOTE naming the releases;
    ``release_languages`` maps them to their languages, the NOTE's language (English without).
    """
    return "".join(entry_card(entry, release_titles, release_languages) for entry in entries)
