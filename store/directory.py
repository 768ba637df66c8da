"""The contact directory: every person named in a contact block, merged across releases."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from oim_archive.store.file.scan import each_record_and_body
from oim_archive.store.names import person_sort_key
from oim_archive.store.records import Contact, Listed, Release, display_date


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
    countries: list[str] = field(default_factory=list)  # of the releases naming them (codes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "office": self.office,
            "phones": list(self.phones),
            "emails": list(self.emails),
            "releases": list(self.releases),
            "countries": list(self.countries),
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


def directory_of(
    rows: Sequence[Listed], contacts: Sequence[Sequence[Contact]]
) -> list[DirectoryEntry]:
    """``build_directory`` from the list rows (newest first) and each one's contacts, read
    beforehand (by the pass that builds the search index: no release is read again)."""
    builder = DirectoryBuilder()
    for row, people in zip(rows, contacts, strict=True):
        if people:
            builder.add_contacts(row, people)
    return builder.entries()


class DirectoryBuilder:
    """``build_directory`` one release at a time (fed by a pass that does other work too)."""

    def __init__(self) -> None:
        self._entries: list[DirectoryEntry] = []
        self._by_email: dict[str, DirectoryEntry] = {}
        self._by_name: dict[str, DirectoryEntry] = {}
        # Each entry's offices and phones as sets (someone named in hundreds of releases
        # has hundreds of them: a list lookup for each made the build quadratic).
        self._known: dict[int, tuple[set[str], set[str]]] = {}
        self._name_keys: dict[str, str] = {}

    def add(self, release: Release) -> None:
        """Merge the contacts of the next release (newest first)."""
        self.add_contacts(release, release.contacts)

    def add_contacts(self, release: Listed, contacts: Iterable[Contact]) -> None:
        """Merge ``contacts``, those of the next release (newest first)."""
        by_email, by_name = self._by_email, self._by_name
        for contact in contacts:
            if not contact.name and not contact.emails:
                continue
            emails = [e.lower() for e in contact.emails]
            entry = next((by_email[e] for e in emails if e in by_email), None)
            key = self._name_keys.get(contact.name)
            if key is None:
                key = self._name_keys[contact.name] = _name_key(contact.name)
            if entry is None and key:
                candidate = by_name.get(key)
                # Same name, and no conflicting email or a phone line in common (two
                # addresses of one person, e.g. a typo in one release): the same person.
                if candidate is not None and (
                    not emails
                    or not candidate.emails
                    or not self._known[id(candidate)][1].isdisjoint(contact.phones)
                ):
                    entry = candidate
            if entry is None:
                entry = DirectoryEntry(name=contact.name, office=contact.office)
                self._entries.append(entry)
                self._known[id(entry)] = (set(), set())
            offices, phones = self._known[id(entry)]
            if not entry.name and contact.name:
                entry.name = contact.name
            if contact.office and contact.office not in offices:
                offices.add(contact.office)
                entry.offices.append(contact.office)
                entry.office = entry.office or contact.office
            for phone in contact.phones:
                if phone not in phones:
                    phones.add(phone)
                    entry.phones.append(phone)
            for email in emails:
                if email not in entry.emails:
                    entry.emails.append(email)
                by_email[email] = entry
            if key:
                by_name.setdefault(key, entry)
            # Releases come one at a time: one already named is the last one.
            if not entry.releases or entry.releases[-1] != release.id:
                entry.releases.append(release.id)
                entry.last_named = _newer(entry.last_named, display_date(release))
                if release.country and release.country not in entry.countries:
                    entry.countries.append(release.country)

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


def contacts_from_file(
    ids: Sequence[str], path: Path, stamp: tuple[int, int]
) -> list[tuple[Contact, ...]] | None:
    """The contacts of the releases with these ids (in this order), as ``Release.from_dict``
    makes them, from one sequential pass over the records of the archive file (the version
    with ``stamp``; ~1 s at 100k, bodies not read); None when the pass cannot be made."""
    position = {key: number for number, key in enumerate(ids)}
    people: list[tuple[Contact, ...]] = [()] * len(ids)
    seen = bytearray(len(ids))
    shared: dict[str, str] = {}  # one copy of each name, office, phone, email

    def record(key: str, data: dict[str, Any]) -> None:
        number = position[key]
        if seen[number]:
            raise ValueError("a release listed twice")
        seen[number] = 1
        stored = data.get("contacts")
        if stored:
            people[number] = _contacts(stored, shared)

    try:
        if not each_record_and_body(path, stamp, record, _no_body, keys=position, bodies=False):
            return None
    except (KeyError, ValueError):
        return None
    return people if seen.count(1) == len(ids) else None


def _no_body(key: str, text: str) -> None:
    raise ValueError("a body where only records are read")


def _contacts(stored: Any, shared: dict[str, str]) -> tuple[Contact, ...]:
    """The contacts of a stored record as ``Release.from_dict`` makes them (ValueError when
    malformed), their texts shared with the other records' through ``shared``."""
    if not isinstance(stored, list):
        raise ValueError("'contacts' must be a list")
    found = []
    for data in stored:
        if isinstance(data, dict):
            contact = Contact.from_dict(data)
            contact.name = shared.setdefault(contact.name, contact.name)
            if contact.office is not None:
                contact.office = shared.setdefault(contact.office, contact.office)
            contact.phones = [shared.setdefault(p, p) for p in contact.phones]
            contact.emails = [shared.setdefault(e, e) for e in contact.emails]
            found.append(contact)
    return tuple(found)
