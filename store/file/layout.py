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

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import orjson

OPEN = b"{\n"
CLOSE = b"}\n"
CHUNK_LINES = 4096  # records parsed at once while scanning: bounds the memory a scan needs


def dump_tables(
    tables: Mapping[str, Mapping[str, Any]],
    out: BinaryIO,
    offsets: Mapping[str, dict[str, int]] | None = None,
) -> None:
    """Write the archive's tables to ``out`` in the line layout; for each table named in
    ``offsets``, note there where each record's line starts."""
    position = out.write(OPEN)
    names = list(tables)
    for number, name in enumerate(names):
        position += out.write(orjson.dumps(name) + b":{\n")
        rows = tables[name]
        noted = offsets.get(name) if offsets is not None else None
        last = len(rows) - 1
        for index, (key, row) in enumerate(rows.items()):
            if noted is not None:
                noted[str(key)] = position
            line = orjson.dumps({str(key): row})[1:-1] + (b"\n" if index == last else b",\n")
            position += out.write(line)
        position += out.write(b"}\n" if number == len(names) - 1 else b"},\n")
    out.write(CLOSE)


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
    """Some consecutive records of one table, parsed, with the byte offset of each line."""

    table: str
    rows: dict[str, dict[str, Any]]
    offsets: list[int]


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
    joined = b"".join(lines).rstrip()
    if joined.endswith(b","):
        joined = joined[:-1]
    try:
        rows = orjson.loads(b"{" + joined + b"}")
    except orjson.JSONDecodeError:
        raise NotLineLayout("a record line is not JSON") from None
    if len(rows) != len(lines) or not all(isinstance(row, dict) for row in rows.values()):
        raise NotLineLayout("not one record object per line")
    return TableChunk(table, rows, offsets)


def scan(path: Path) -> Iterator[TableChunk]:
    """The file's tables, a chunk of records at a time, in file order.

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
            offset += len(header)
            lines: list[bytes] = []
            starts: list[int] = []
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
                    yield _parse_records(table, lines, starts)
                    lines, starts = [], []
            offset += len(line)
            if lines:
                yield _parse_records(table, lines, starts)
            else:
                yield TableChunk(table, {}, [])
            if line == b"}\n":
                break
        if handle.readline() != CLOSE or handle.read(1):
            raise NotLineLayout("the file does not end as a whole archive does")


def line_at(read: Callable[[int, int], bytes], offset: int) -> bytes:
    """The line starting at ``offset``, through ``read(size, offset)`` (os.pread's order)."""
    size = 16384
    while True:
        data = read(size, offset)
        end = data.find(b"\n")
        if end >= 0 or len(data) < size:
            return data if end < 0 else data[: end + 1]
        size *= 4


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
