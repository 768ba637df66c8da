"""A list of the archive's releases from one unchecked pass over the file, to show at once
when there is no list catalog (an archive copied from elsewhere, a cleared cache).

Only the list fields of each record are parsed and no body is decoded, so it costs a fraction
of the checked read (``scan_file``), which runs next and replaces it: nothing is written while
it is shown, and anything odd makes it give up (the checked read then says what is wrong).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson

from oim_archive.store.file import layout
from oim_archive.store.file.scan import BODIES, LISTED_FIELDS, RELEASES, RecordFile
from oim_archive.store.file.storage import Stamp, file_stamp
from oim_archive.store.records import Release, sort_newest_first
from oim_archive.store.stored import StoredRelease

# What ends the list fields on a record line (``Release.to_dict`` writes them first, in
# ``LISTED_FIELDS`` order): a JSON string never holds it unescaped.
_AFTER_LISTED_FIELDS = b',"dates":'
_TEXT = {str, type(None)}


class _Odd(Exception):
    """Something only the checked read can explain."""


def quick_list(
    path: Path, fallback: Callable[[str], Release]
) -> tuple[Stamp, list[Release]] | None:
    """The file's stamp and its releases' list fields, newest first, from one pass that
    checks no release and decodes no body.

    None (read the file the checked way) when it is not in the line layout, a list field is
    not text, a body is missing, or there is no release at all: an unchecked pass never
    stands for an empty archive."""
    stamp = file_stamp(path)
    if stamp is None:
        return None
    try:
        with layout.gc_paused():
            rows = _read(path, stamp, fallback)
    except (OSError, ValueError, _Odd, layout.NotLineLayout):
        return None
    if not rows or file_stamp(path) != stamp:
        return None
    sort_newest_first(rows)
    return stamp, rows


def _read(path: Path, stamp: Stamp, fallback: Callable[[str], Release]) -> list[Release] | None:
    """The listed releases in file order, each placed at its body line (None: one has none)."""
    listed: list[StoredRelease] = []
    bodies: dict[str, int] = {}
    shared: dict[str | None, str | None] = {}
    source = RecordFile(path, stamp, fallback)
    for chunk in layout.scan(path, raw=(RELEASES, BODIES)):
        if chunk.table == RELEASES:
            listed.extend(_listed(chunk.lines, chunk.offsets, shared, source))
        elif chunk.table == BODIES:
            bodies.update(zip(map(layout.line_key, chunk.lines), chunk.offsets, strict=True))
        elif listed and bodies:
            break  # the other tables say nothing a list shows
    for release in listed:
        body_at = bodies.get(release.id)
        if body_at is None:
            return None
        release.place_body(body_at)
    return list(listed)


def _listed(
    lines: list[bytes],
    offsets: list[int],
    shared: dict[str | None, str | None],
    source: RecordFile,
) -> Iterator[StoredRelease]:
    """The listed releases of some record lines, their fields read as ``Release.from_dict``
    reads them (empty texts as none, French by default) without its other checks."""
    one = shared.setdefault
    for (key, fields), offset in zip(_list_fields(lines), offsets, strict=True):
        release_id, title, language, country, name, dateline, date, basis = fields
        if not set(map(type, fields)) <= _TEXT or type(title) is not str:
            raise _Odd(key)
        date = one(date, date) if date else None
        yield StoredRelease(
            id=release_id or key,
            title=title,
            language=one(language, language) or "fr" if language else "fr",
            country=one(country, country) if country else None,
            country_name=one(name, name) if name else None,
            dateline=one(dateline, dateline) if dateline else None,
            date=date,
            date_basis=one(basis, basis) if date and basis else None,
            source=source,
            at=(offset, -1),
        )


def _list_fields(lines: list[bytes]) -> list[tuple[str, tuple[Any, ...]]]:
    """(key, list fields in ``LISTED_FIELDS`` order) of each line, parsing only those fields
    when every record starts with them (one parse for the chunk), else each whole line."""
    cuts = [line[: line.find(_AFTER_LISTED_FIELDS)] for line in lines]
    if all(cut.endswith((b'"', b"null")) for cut in cuts):
        try:
            parsed = orjson.loads(b"{" + b"},".join(cuts) + b"}}")
        except orjson.JSONDecodeError:
            parsed = None
        if isinstance(parsed, dict) and len(parsed) == len(lines):
            rows = [(key, tuple(row.values())) for key, row in parsed.items()]
            if all(tuple(row) == LISTED_FIELDS for row in parsed.values()):
                return rows
    whole: list[tuple[str, tuple[Any, ...]]] = []
    for line in lines:
        key = layout.line_key(line)
        row = layout.parse_line(line, key)
        if row is None:
            raise _Odd(key)
        whole.append((key, tuple(row.get(name) for name in LISTED_FIELDS)))
    return whole
