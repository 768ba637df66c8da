"""The archive file's line layout: the same JSON document TinyDB reads, one record per line.

```
{
"releases":{
"<id>":{...record...},
"<id>":{...record...}
},
"bodies":{
"<id>":{"z":"..."}
}
}
```

Any JSON parser reads it whole, as before. Because a JSON string never holds a raw newline,
each line is one table header, one record or one closing brace: a reader can go through the
file a few thousand records at a time (bounded memory), note where each record starts, and
later read one release's line alone. A file in any other layout (written by an older version,
or by hand) is read whole the old way; the next write puts it in this layout.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

import orjson

OPEN = b"{\n"
CLOSE = b"}\n"
CHUNK_LINES = 4096  # records parsed at once while scanning: bounds the memory a scan needs


class StoredLine(NamedTuple):
    """A record left where it is in the file being rewritten: a write copies its line as is
    instead of holding it parsed (a write at 100k releases needs tens of MB, not ~1 GB).
    ``summary`` is what the writer kept of it (the list fields of a release)."""

    offset: int
    length: int
    summary: Any = None


def dump_tables(
    tables: Mapping[str, Mapping[str, Any]],
    out: BinaryIO,
    spans: Mapping[str, dict[str, tuple[int, int]]] | None = None,
    copy: Callable[[StoredLine], bytes] | None = None,
) -> None:
    """Write the archive's tables to ``out`` in the line layout; for each table named in
    ``spans``, note there where each record's line starts and its length. ``StoredLine``
    values are written as ``copy`` returns their lines from the file they were found in,
    consecutive ones a block at a time; new records a few thousand lines at a time."""
    writer = _TableWriter(out, copy)
    writer.write(OPEN)
    names = list(tables)
    for number, name in enumerate(names):
        writer.write(orjson.dumps(name) + b":{\n")
        writer.noted = spans.get(name) if spans is not None else None
        rows = list(tables[name].items())
        start = 0
        while start < len(rows):
            if isinstance(rows[start][1], StoredLine):
                end = _block_end(rows, start)
                writer.copy_block(rows[start:end], last=end == len(rows))
            else:
                end = _new_rows_end(rows, start)
                writer.dump_block(rows[start:end], last=end == len(rows))
            start = end
        writer.write(b"}\n" if number == len(names) - 1 else b"},\n")
    writer.write(CLOSE)


class _TableWriter:
    """Writes the line layout, counting the bytes written (where the next line starts) and
    noting in ``noted`` where each record of the table being written starts."""

    def __init__(self, out: BinaryIO, copy: Callable[[StoredLine], bytes] | None) -> None:
        self.out = out
        self.copy = copy
        self.position = 0
        self.noted: dict[str, tuple[int, int]] | None = None

    def write(self, data: bytes) -> None:
        self.position += self.out.write(data)

    def copy_block(self, rows: list[tuple[str, Any]], *, last: bool) -> None:
        """Old lines that follow each other in their file, copied as one block (``last``:
        the table's last records)."""
        if self.copy is None:
            raise ValueError("a record left in its file needs that file to be copied")
        first, tail = rows[0][1], rows[-1][1]
        block = self.copy(StoredLine(first.offset, tail.offset + tail.length - first.offset))
        block = block.rstrip()
        block = block[:-1] if block.endswith(b",") else block
        position = self.position
        self.write(block + (b"\n" if last else b",\n"))
        if self.noted is not None:
            for key, line in rows[:-1]:
                self.noted[str(key)] = (position + line.offset - first.offset, line.length)
            at = position + tail.offset - first.offset
            self.noted[str(rows[-1][0])] = (at, self.position - at)

    def dump_block(self, rows: list[tuple[str, Any]], *, last: bool) -> None:
        """New records, one line each, in one write (``last``: the table's last records)."""
        lines = [orjson.dumps({str(key): row})[1:-1] + b",\n" for key, row in rows]
        if last:
            lines[-1] = lines[-1][:-2] + b"\n"
        if self.noted is not None:
            at = self.position
            for (key, _row), line in zip(rows, lines, strict=True):
                self.noted[str(key)] = (at, len(line))
                at += len(line)
        self.write(b"".join(lines))


NEW_ROWS_BLOCK = 4096  # new records written at once: bounds a write's memory


def _new_rows_end(rows: list[tuple[str, Any]], start: int) -> int:
    """The end of the block of new records written at once from ``start``."""
    end = start + 1
    limit = min(len(rows), start + NEW_ROWS_BLOCK)
    while end < limit and not isinstance(rows[end][1], StoredLine):
        end += 1
    return end


COPY_BLOCK = 4 << 20  # bytes of old lines copied at once: bounds a write's memory


def _block_end(rows: list[tuple[str, Any]], start: int) -> int:
    """The end of the block of old lines written at once from ``start``: lines that follow
    each other in their file (up to COPY_BLOCK bytes)."""
    first = tail = rows[start][1]
    end = start + 1
    while end < len(rows):
        following = rows[end][1]
        if not isinstance(following, StoredLine) or following.offset != tail.offset + tail.length:
            break
        if following.offset + following.length - first.offset > COPY_BLOCK:
            break
        tail = following
        end += 1
    return end


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many lasting, acyclic objects are made (one
    per record): its full passes over them would cost a quarter of a 100k-record read."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def chunks(lines: Iterable[bytes], size: int = CHUNK_LINES) -> Iterator[list[bytes]]:
    """``lines`` in lists of at most ``size``."""
    chunk: list[bytes] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@dataclass(slots=True)
class TableChunk:
    """Some consecutive records of one table, parsed, with where each line is."""

    table: str
    rows: dict[str, dict[str, Any]] | None  # None: the lines were not parsed
    offsets: list[int]
    lengths: list[int]
    lines: list[bytes] = field(default_factory=list)  # the lines, of a table scanned raw


class NotLineLayout(Exception):
    """The file is not in the line layout (or not intact): read it whole instead."""


def _table_header(line: bytes) -> str:
    """The table name of a header line ``"name":{``; NotLineLayout otherwise."""
    if not (line.startswith(b'"') and line.endswith(b'":{\n')):
        raise NotLineLayout("no table header")
    try:
        name = orjson.loads(line[:-3])
    except orjson.JSONDecodeError:
        raise NotLineLayout("bad table header") from None
    if not isinstance(name, str):
        raise NotLineLayout("bad table header")
    return name


def _parse_records(table: str, lines: list[bytes], offsets: list[int]) -> TableChunk:
    """One chunk of record lines as one small JSON object; every value must be an object."""
    lengths = [len(line) for line in lines]
    joined = b"".join(lines).rstrip()
    if joined.endswith(b","):
        joined = joined[:-1]
    try:
        rows = orjson.loads(b"{" + joined + b"}")
    except orjson.JSONDecodeError:
        raise NotLineLayout("a record line is not JSON") from None
    if len(rows) != len(lines) or not all(isinstance(row, dict) for row in rows.values()):
        raise NotLineLayout("not one record object per line")
    return TableChunk(table, rows, offsets, lengths)


def line_key(line: bytes) -> str:
    """The key of a record line (``"<key>":{...}``), without parsing the record."""
    end = line.find(b'":')
    key = line[1:end]
    if end > 0 and b"\\" not in key:
        return key.decode("utf-8", "surrogateescape")
    try:
        name = orjson.loads(line[: end + 1]) if end > 0 else None
    except orjson.JSONDecodeError:
        name = None
    if not isinstance(name, str):
        raise NotLineLayout("a record line has no key")
    return name


def scan(path: Path, skip: Collection[str] = (), raw: Collection[str] = ()) -> Iterator[TableChunk]:
    """The file's tables, a chunk of records at a time, in file order. The lines of the
    tables named in ``skip`` are not parsed: their chunks give where the lines are, with
    ``rows`` None; those of the tables named in ``raw`` neither, and come as they are
    (``lines``) for the caller to read what it needs.

    Raises NotLineLayout, possibly after some chunks, when the file is in another layout or
    does not end as a whole one does (a truncated copy): the caller then reads it whole,
    which tells a damaged file from another layout."""
    with path.open("rb") as handle:
        if handle.readline() != OPEN:
            raise NotLineLayout("not the line layout")
        offset = len(OPEN)
        while True:
            header = handle.readline()
            table = _table_header(header)
            wanted = table not in skip and table not in raw
            keep = table in raw
            offset += len(header)
            lines: list[bytes] = []
            starts: list[int] = []
            yielded = False
            while True:
                line = handle.readline()
                if line in (b"}\n", b"},\n"):
                    break
                if not line.endswith(b"\n") or not line.startswith(b'"'):
                    raise NotLineLayout("a truncated or foreign line")
                lines.append(line)
                starts.append(offset)
                offset += len(line)
                if len(lines) == CHUNK_LINES:
                    yield _chunk(table, lines, starts, wanted, keep)
                    lines, starts, yielded = [], [], True
            offset += len(line)
            if lines or not yielded:
                yield _chunk(table, lines, starts, wanted, keep)
            if line == b"}\n":
                break
        if handle.readline() != CLOSE or handle.read(1):
            raise NotLineLayout("the file does not end as a whole archive does")


def _chunk(
    table: str, lines: list[bytes], starts: list[int], parse: bool, keep: bool = False
) -> TableChunk:
    if not lines:
        return TableChunk(table, {} if parse else None, [], [])
    if parse:
        return _parse_records(table, lines, starts)
    return TableChunk(table, None, starts, [len(line) for line in lines], lines if keep else [])


def line_at(read: Callable[[int, int], bytes], offset: int) -> bytes:
    """The line starting at ``offset``, through ``read(size, offset)`` (os.pread's order).
    Most record lines are under 1 KB, body lines a few: reading 16 KB for each (as before)
    cost ~1 s more for 100k releases."""
    size = 4096
    while True:
        data = read(size, offset)
        end = data.find(b"\n")
        if end >= 0 or len(data) < size:
            return data if end < 0 else data[: end + 1]
        size *= 4


def parse_lines(lines: list[bytes]) -> list[tuple[str, dict[str, Any]]]:
    """(key, record) of each line of a chunk scanned raw, each line parsed alone (quicker
    than one object for the chunk: ~3x here); NotLineLayout wherever parsing the chunk as one
    object would fail (a record that is not an object, a missing comma, a key twice)."""
    rows = []
    last = len(lines) - 1
    for number, line in enumerate(lines):
        key = line_key(line)
        row = parse_line(line, key)
        if row is None or (number < last and not line.rstrip().endswith(b",")):
            raise NotLineLayout("not one record object per line")
        rows.append((key, row))
    if len({key for key, _ in rows}) != len(rows):
        raise NotLineLayout("not one record object per line")
    return rows


def parse_line(line: bytes, key: str) -> dict[str, Any] | None:
    """The record on a record line when that line is ``key``'s, else None."""
    line = line.rstrip()
    if line.endswith(b","):
        line = line[:-1]
    try:
        parsed = orjson.loads(b"{" + line + b"}")
    except orjson.JSONDecodeError:
        return None
    if not isinstance(parsed, dict) or list(parsed) != [key]:
        return None
    row = parsed[key]
    return row if isinstance(row, dict) else None
