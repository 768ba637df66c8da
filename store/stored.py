"""A release as listed: the list fields in memory, the rest read from the archive file when
asked for (`StoredRelease`), and the whole releases of such rows, read one at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

from oim_archive.store.records import Contact, Listed, Quoted, Release


class RecordSource(Protocol):
    """Where a listed release's other fields are read from when asked for (the archive file)."""

    def load(self, row: Listed) -> Release: ...

    def iter_full(self, rows: Iterable[Listed], *, bodies: bool = True) -> Iterator[Release]: ...


class StoredRelease(Release):
    """A release as listed: the list fields in memory, the rest (body, contacts, dates…) read
    from the archive file each time it is asked for and never kept, so 100k listed releases
    cost tens of MB, not a GB. ``full()`` gives the whole release once for several fields."""

    __slots__ = ("_at", "_source")

    def __init__(
        self,
        *,
        id: str,
        title: str,
        language: str,
        country: str | None,
        country_name: str | None,
        dateline: str | None,
        date: str | None,
        date_basis: str | None,
        source: RecordSource,
        at: tuple[int, int],
    ) -> None:
        self.id = id
        self.title = title
        self.language = language
        self.country = country
        self.country_name = country_name
        self.dateline = dateline
        self.date = date
        self.date_basis = date_basis
        self._source = source
        self._at = at  # where its lines are in the file: (record, body)

    @property
    def origin(self) -> RecordSource:
        """The file its other fields are read from."""
        return self._source

    @property
    def at(self) -> tuple[int, int]:
        """Byte offsets of its record line and its body line in the archive file."""
        return self._at

    @property
    def origin_stamp(self) -> tuple[int, int] | None:
        """The (mtime_ns, size) of the archive file it was listed from."""
        return getattr(self._source, "stamp", None)

    def place_body(self, body_at: int) -> None:
        """Note where its body line starts (found after its record line)."""
        self._at = (self._at[0], body_at)

    def full(self) -> Release:
        """The whole release, read now from the archive file."""
        return self._source.load(self)

    def to_dict(self) -> dict[str, Any]:
        return self.full().to_dict()

    def __repr__(self) -> str:
        return f"StoredRelease(id={self.id!r}, title={self.title!r})"

    def __eq__(self, other: object) -> bool:
        """Equal to the same release, listed or whole."""
        if not isinstance(other, Release):
            return NotImplemented
        theirs = other.full() if isinstance(other, StoredRelease) else other
        return self.full() == theirs

    __hash__ = None  # type: ignore[assignment]

    @property
    def body(self) -> str:  # type: ignore[override]
        return self.full().body

    @property
    def contacts(self) -> list[Contact]:  # type: ignore[override]
        return self.full().contacts

    @property
    def dates(self) -> list[str]:  # type: ignore[override]
        return self.full().dates

    @property
    def funders(self) -> list[str]:  # type: ignore[override]
        return self.full().funders

    @property
    def quoted(self) -> list[Quoted]:  # type: ignore[override]
        return self.full().quoted

    @property
    def source(self) -> str:  # type: ignore[override]
        return self.full().source

    @property
    def imported_at(self) -> str | None:  # type: ignore[override]
        return self.full().imported_at


def whole_release(release: Release) -> Release:
    """``release`` with every field: a listed one read once from its archive file (which the
    fields of a ``StoredRelease`` would each read again)."""
    return release.full() if isinstance(release, StoredRelease) else release


def whole_releases(rows: Iterable[Release], *, bodies: bool = True) -> Iterator[Release]:
    """The whole releases of ``rows``, one at a time, in order: listed ones (``StoredRelease``)
    are read from their archive file as they come, never all at once (``bodies=False``: with
    their bodies left empty, which spares reading and decoding them)."""
    listed = rows if isinstance(rows, Sequence) else list(rows)
    origin = next((r.origin for r in listed if isinstance(r, StoredRelease)), None)
    yield from (listed if origin is None else origin.iter_full(listed, bodies=bodies))
