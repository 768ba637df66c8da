"""The list catalog as a sequence of listed releases, each made when first asked for.

Showing the list needs the rows on screen, not 100k objects: the catalog file is read as bytes
and split into its lines (one per release), and a line is parsed into a ``StoredRelease`` only
when the list draws it, or when everything is asked for (iterating, in a worker).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, overload

import orjson

from oim_archive.store.errors import CorruptArchiveError
from oim_archive.store.file.catalog import catalog_lines, catalog_row, listed_maker
from oim_archive.store.file.layout import CHUNK_LINES, gc_paused
from oim_archive.store.records import Listed, Release
from oim_archive.store.stored import RecordSource, StoredRelease


class _DamagedRow:
    """The source of a catalog row that does not parse: reading it says so (the checked read
    that follows every catalog list replaces the whole list)."""

    def load(self, row: Listed) -> Release:
        raise CorruptArchiveError("a row of the list cache is damaged; the archive is being read")

    def iter_full(self, rows: Iterable[Listed], *, bodies: bool = True) -> Iterator[Release]:
        for row in rows:
            yield self.load(row)


class CatalogList(Sequence[Release]):
    """The catalog's releases in display order; a row is parsed the first time it is used."""

    def __init__(self, lines: list[bytes], source: RecordSource) -> None:
        self._lines = lines
        self._rows: list[Release | None] = [None] * len(lines)
        self._make = listed_maker(source)
        self._shared: dict[Any, Any] = {}  # one copy of each country, date, dateline…
        self.damaged = False  # a row did not parse

    @property
    def made(self) -> int:
        """How many rows have been made so far."""
        return sum(row is not None for row in self._rows)

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> Release: ...

    @overload
    def __getitem__(self, index: slice) -> list[Release]: ...

    def __getitem__(self, index: int | slice) -> Release | list[Release]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        row = self._rows[index]
        if row is None:
            row = self._made(index, self._parsed(self._lines[index]))
        return row

    def __iter__(self) -> Iterator[Release]:
        self.make_all()
        for row in self._rows:
            assert row is not None
            yield row

    def make_all(self) -> None:
        """Make every row not made yet (a few thousand lines parsed at once)."""
        pending = [i for i, row in enumerate(self._rows) if row is None]
        with gc_paused():
            for start in range(0, len(pending), CHUNK_LINES):
                batch = pending[start : start + CHUNK_LINES]
                lines = b"[" + b",".join(self._lines[i] for i in batch) + b"]"
                try:
                    parsed: list[Any] = orjson.loads(lines)
                except orjson.JSONDecodeError:
                    parsed = [self._parsed(self._lines[i]) for i in batch]
                for i, fields in zip(batch, parsed, strict=True):
                    self._made(i, fields)

    def _parsed(self, line: bytes) -> Any:
        try:
            return orjson.loads(line)
        except orjson.JSONDecodeError:
            return None

    def _made(self, index: int, fields: Any) -> Release:
        row: Release | None = None
        with contextlib.suppress(ValueError, TypeError):
            row = catalog_row(self._make, fields, self._shared)
        if row is None:
            self.damaged = True
            row = StoredRelease(
                id="",
                title="",
                language="",
                country=None,
                country_name=None,
                dateline=None,
                date=None,
                date_basis=None,
                source=_DamagedRow(),
                at=(-1, -1),
            )
        self._rows[index] = row
        return row


def catalog_list(
    archive_path: Path, stamp: tuple[int, int] | None, source: RecordSource
) -> CatalogList | None:
    """The catalog's releases, made as they are used, if the catalog matches ``stamp`` and
    holds as many rows as its header says (else None: the archive itself is read)."""
    lines = catalog_lines(archive_path, stamp)
    if lines is None:
        return None
    return CatalogList(lines, source)
