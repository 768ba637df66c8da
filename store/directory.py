"""The contact directory: every person named in a contact block, merged across releases."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from oim_archive.store.names import person_sort_key
from oim_archive.store.records import Release, display_date


@dataclass(slots=True)
class DirectoryEntry:
    """One person, with every phone and email seen and the releases that name them."""

    name: str
    office: str | None = None
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    releases: list[str] = field(default_factory=list)
    offices: list[str] = field(default_factory=list)
    last_named: str | None = None  # the newest release naming them, as display_date shows it

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "office": self.office,
            "phones": list(self.phones),
            "emails": list(self.emails),
            "releases": list(self.releases),
        }


def _name_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def build_directory(releases: Iterable[Release]) -> list[DirectoryEntry]:
    """Merge contacts by email (else by name); releases keep the order given (newest first)."""
    builder = DirectoryBuilder()
    for release in releases:
        builder.add(release)
    return builder.entries()


class DirectoryBuilder:
    """``build_directory`` one release at a time (fed by a pass that does other work too)."""

    def __init__(self) -> None:
        self._entries: list[DirectoryEntry] = []
        self._by_email: dict[str, DirectoryEntry] = {}
        self._by_name: dict[str, DirectoryEntry] = {}

    def add(self, release: Release) -> None:
        """Merge the contacts of the next release (newest first)."""
        by_email, by_name = self._by_email, self._by_name
        for contact in release.contacts:
            if not contact.name and not contact.emails:
                continue
            emails = [e.lower() for e in contact.emails]
            entry = next((by_email[e] for e in emails if e in by_email), None)
            key = _name_key(contact.name)
            if entry is None and key:
                candidate = by_name.get(key)
                # Same name, no conflicting email: the same person.
                if candidate is not None and (not emails or not candidate.emails):
                    entry = candidate
            if entry is None:
                entry = DirectoryEntry(name=contact.name, office=contact.office)
                self._entries.append(entry)
            if not entry.name and contact.name:
                entry.name = contact.name
            if contact.office and contact.office not in entry.offices:
                entry.offices.append(contact.office)
                entry.office = entry.office or contact.office
            for phone in contact.phones:
                if phone not in entry.phones:
                    entry.phones.append(phone)
            for email in emails:
                if email not in entry.emails:
                    entry.emails.append(email)
                by_email[email] = entry
            if key:
                by_name.setdefault(key, entry)
            if release.id not in entry.releases:
                entry.releases.append(release.id)
                entry.last_named = _newer(entry.last_named, display_date(release))

    def entries(self) -> list[DirectoryEntry]:
        """Everyone merged so far, in the order a person sorts names."""
        entries = sorted(
            self._entries,
            key=lambda e: person_sort_key(e.name or (e.emails[0] if e.emails else "")),
        )
        return entries


def last_named_month(entry: DirectoryEntry) -> str:
    """The month of the newest release naming ``entry`` ("2019-09", "~2019-09" when estimated
    from the text), or "" when no release naming them is dated."""
    shown = entry.last_named or ""
    estimated = shown.startswith("~")
    month = shown.lstrip("~")[:7]
    return ("~" if estimated and month else "") + month


def _newer(current: str | None, candidate: str) -> str | None:
    """The newer of two display dates ("~" estimates compared by their month)."""
    if not candidate:
        return current
    if not current or candidate.lstrip("~") > current.lstrip("~"):
        return candidate
    return current
