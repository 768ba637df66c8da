"""Typed records for releases and contacts, and the one place that converts them to/from dicts."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, NamedTuple, Protocol, TypeVar

from oim_archive.store.text import fold_whitespace

# Where a release's date comes from: stated by the page, or estimated from dates in the body.
DATE_PUBLISHED = "published"
DATE_FROM_TEXT = "text"
DATE_BASES = (DATE_PUBLISHED, DATE_FROM_TEXT)

T = TypeVar("T")

RELEASE_FIELDS = (
    "id",
    "title",
    "language",
    "country",
    "country_name",
    "dateline",
    "date",
    "date_basis",
    "dates",
    "body",
    "contacts",
    "funders",
    "quoted",
    "source",
    "imported_at",
)


def _optional_text(data: dict[str, Any], key: str) -> str | None:
    """A text field that may be absent or empty; ValueError when it holds anything else."""
    value = data.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"'{key}' must be text, not {type(value).__name__}")
    return value


def _date_basis(data: dict[str, Any]) -> str | None:
    """The record's date basis; records written before the field existed have none."""
    basis = _optional_text(data, "date_basis")
    if basis is not None and basis not in DATE_BASES:
        raise ValueError(f"'date_basis' must be one of {', '.join(DATE_BASES)} or null")
    return basis if data.get("date") else None


@dataclass(slots=True)
class Contact:
    """A person named in a release's contact block."""

    name: str
    office: str | None = None
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "office": self.office,
            "phones": list(self.phones),
            "emails": list(self.emails),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Contact:
        return cls(
            name=str(data.get("name") or ""),
            office=_optional_text(data, "office"),
            phones=[str(p) for p in data.get("phones") or []],
            emails=[str(e) for e in data.get("emails") or []],
        )


@dataclass(slots=True)
class Quoted:
    """A person quoted in the body (not a contact)."""

    name: str
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quoted:
        return cls(name=str(data.get("name") or ""), role=_optional_text(data, "role"))


@dataclass(slots=True)
class Release:
    """One press release, cleaned and structured."""

    title: str
    body: str
    language: str = "fr"
    country: str | None = None
    country_name: str | None = None
    dateline: str | None = None
    date: str | None = None
    date_basis: str | None = None
    dates: list[str] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    funders: list[str] = field(default_factory=list)
    quoted: list[Quoted] = field(default_factory=list)
    source: str = ""
    imported_at: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = release_id(self.title, self.body)

    def to_dict(self) -> dict[str, Any]:
        """The stored and printed form (the JSON record other tools rely on)."""
        return {
            "id": self.id,
            "title": self.title,
            "language": self.language,
            "country": self.country,
            "country_name": self.country_name,
            "dateline": self.dateline,
            "date": self.date,
            "date_basis": self.date_basis,
            "dates": list(self.dates),
            "body": self.body,
            "contacts": [c.to_dict() for c in self.contacts],
            "funders": list(self.funders),
            "quoted": [q.to_dict() for q in self.quoted],
            "source": self.source,
            "imported_at": self.imported_at,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Release:
        """Build a release from a stored dict; raises ValueError on a record of the wrong shape."""
        if not isinstance(data, dict):
            raise ValueError(f"a release must be an object, not {type(data).__name__}")
        title, body = data.get("title"), data.get("body")
        if not isinstance(title, str) or not isinstance(body, str):
            raise ValueError("a release needs a text 'title' and 'body'")
        contacts = data.get("contacts") or []
        funders = data.get("funders") or []
        quoted = data.get("quoted") or []
        dates = data.get("dates") or []
        if not all(isinstance(x, list) for x in (contacts, funders, quoted, dates)):
            raise ValueError("'contacts', 'funders', 'quoted' and 'dates' must be lists")
        return cls(
            id=str(data.get("id") or ""),
            title=title,
            body=body,
            language=str(data.get("language") or "fr"),
            country=_optional_text(data, "country"),
            country_name=_optional_text(data, "country_name"),
            dateline=_optional_text(data, "dateline"),
            date=_optional_text(data, "date"),
            date_basis=_date_basis(data),
            dates=[str(d) for d in dates],
            contacts=[Contact.from_dict(c) for c in contacts if isinstance(c, dict)],
            funders=[str(f) for f in funders],
            quoted=[Quoted.from_dict(q) for q in quoted if isinstance(q, dict)],
            source=str(data.get("source") or ""),
            imported_at=_optional_text(data, "imported_at"),
        )


class SearchFields(NamedTuple):
    """What the search index reads of a release besides its body: the same from a
    ``Release`` and from its stored record (``search_fields``, ``search_fields_of_record``)."""

    id: str
    title: str
    dateline: str | None
    country: str | None
    country_name: str | None
    people: list[tuple[str, str | None]]  # (name, office) of each contact


def search_fields(release: Release) -> SearchFields:
    """The search fields of a whole release."""
    return SearchFields(
        release.id,
        release.title,
        release.dateline,
        release.country,
        release.country_name,
        [(contact.name, contact.office) for contact in release.contacts],
    )


def search_fields_of_record(data: dict[str, Any], key: str) -> SearchFields:
    """The search fields of a stored record (its key: the release id), as ``Release.from_dict``
    would make them, without making the release; ValueError when the record is malformed."""
    title, contacts = data.get("title"), data.get("contacts") or []
    if not isinstance(title, str) or not isinstance(contacts, list):
        raise ValueError("a release needs a text 'title' and a list of 'contacts'")
    return SearchFields(
        str(data.get("id") or key),
        title,
        _optional_text(data, "dateline"),
        _optional_text(data, "country"),
        _optional_text(data, "country_name"),
        [
            (str(c.get("name") or ""), _optional_text(c, "office"))
            for c in contacts
            if isinstance(c, dict)
        ],
    )


def display_date(release: Listed) -> str:
    """The date as shown in lists: as stored, "~2019-09" (its month) when only estimated from a
    date the body mentions."""
    if not release.date:
        return ""
    return f"~{release.date[:7]}" if release.date_basis == DATE_FROM_TEXT else release.date


def sort_newest_first(
    items: list[T],
    date: Callable[[T], str | None] = attrgetter("date"),
    title: Callable[[T], str] | None = attrgetter("title"),
) -> None:
    """Sort in place newest first, undated last, then by title (or keep the given order when
    ``title`` is None): the one order every list of releases uses. Two cheap stable sorts."""
    if title is not None:
        items.sort(key=lambda item: title(item) or "")
    items.sort(key=lambda item: date_sort_text(date(item)), reverse=True)


class Listed(Protocol):
    """What a list shows and a search index needs of a release: a full ``Release`` or a
    ``ListRow`` from the list catalog (no body, no contacts)."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def country(self) -> str | None: ...
    @property
    def country_name(self) -> str | None: ...
    @property
    def dateline(self) -> str | None: ...
    @property
    def date(self) -> str | None: ...
    @property
    def date_basis(self) -> str | None: ...


class ListRow(NamedTuple):
    """One release as the list catalog keeps it: a tuple, ~10x cheaper to make than a Release."""

    id: str
    date: str | None
    country: str | None
    country_name: str | None
    language: str
    dateline: str | None
    title: str
    date_basis: str | None = None
    record_at: int = -1  # where its record line starts in the archive file (-1: unknown)
    body_at: int = -1  # where its body line starts

    @property
    def at(self) -> tuple[int, int]:
        """Byte offsets of its record line and its body line in the archive file."""
        return (self.record_at, self.body_at)


def date_sort_text(date: str | None) -> str:
    """A date as text that sorts right: a year alone after that year's precise dates, none last
    (sort descending)."""
    return (date or "").ljust(10, " ")


def _normalise_for_id(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    # Paragraph breaks as spaces first: the folding then often has nothing left to split.
    return fold_whitespace(text.replace("\n\n", " ")).casefold()


def release_id(title: str, body: str) -> str:
    """Stable id: first 12 hex digits of sha256 over the normalised title and body."""
    digest = hashlib.sha256()
    digest.update(_normalise_for_id(title).encode("utf-8"))
    digest.update(b"\x00")
    digest.update(_normalise_for_id(body).encode("utf-8"))
    return digest.hexdigest()[:12]
