"""Archive bundles: a whole archive as JSON Lines, to pass between laptops without a network.

Line 1 is a header ``{"format": "oim-archive-bundle", "version": 1, "count": N}``; each of
the next N lines is one release record (the same dict as ``Release.to_dict()``).
"""

from __future__ import annotations

import functools
import io
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from oim_archive.store.exports.render import write_bytes
from oim_archive.store.records import RELEASE_FIELDS, Release
from oim_archive.store.stored import whole_releases
from oim_archive.store.text import strip_control

BUNDLE_FORMAT = "oim-archive-bundle"
BUNDLE_VERSION = 1
_BOM = b"\xef\xbb\xbf"
BUNDLE_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
_HEADER_PROBE = 4096  # the header line is tiny; never scan a whole file to recognise one


class BundleError(Exception):
    """A bundle that cannot be read; the message is one line naming the file and line."""


def bundle_header(count: int) -> dict[str, Any]:
    """The first line of a bundle of ``count`` releases."""
    return {"format": BUNDLE_FORMAT, "version": BUNDLE_VERSION, "count": count}


def write_bundle(out: BinaryIO, releases: Iterable[Release], count: int) -> int:
    """Write ``count`` whole releases to ``out`` as a bundle, one record at a time (never the
    whole archive in memory at once); returns how many were written."""
    out.write(orjson.dumps(bundle_header(count)) + b"\n")
    written = 0
    for release in releases:
        out.write(orjson.dumps(release.to_dict()) + b"\n")
        written += 1
    if written != count:
        raise ValueError(f"the bundle announced {count} releases but {written} came")
    return written


def bundle_bytes(releases: Iterable[Release]) -> tuple[bytes, int]:
    """The bundle's content and the number of releases in it."""
    listed = list(releases)
    buffer = io.BytesIO()
    count = write_bundle(buffer, whole_releases(listed), len(listed))
    return buffer.getvalue(), count


def dump_bundle(
    releases: Iterable[Release], path: Path, *, force: bool = True, count: int | None = None
) -> int:
    """Write the releases to ``path`` as a bundle, atomically; returns how many were written.
    With ``count``, ``releases`` are whole already and streamed as they come.

    An existing file is replaced unless ``force`` is False (then FileExistsError).
    """
    if count is None:
        listed = list(releases)
        releases, count = whole_releases(listed), len(listed)
    write_bytes(
        Path(path), functools.partial(write_bundle, releases=releases, count=count), force=force
    )
    return count


def _first_line(data: bytes) -> bytes:
    head = data[:_HEADER_PROBE]
    if head.startswith(_BOM):
        head = head[len(_BOM) :]
    return head.split(b"\n", 1)[0].strip()


def looks_like_bundle(data: bytes, name: str) -> bool:
    """A bundle by its header line, or a file named like one (read as one, to say what is wrong)."""
    return is_bundle(data) or name.lower().endswith(BUNDLE_SUFFIXES)


def is_bundle(data: bytes) -> bool:
    """Whether ``data`` starts with a bundle header line (only the first line is looked at)."""
    line = _first_line(data)
    if not line.startswith(b"{") or BUNDLE_FORMAT.encode() not in line:
        return False
    try:
        header = orjson.loads(line)
    except orjson.JSONDecodeError:
        return False
    return isinstance(header, dict) and header.get("format") == BUNDLE_FORMAT


def _check_header(header: Any, name: str) -> int:
    """The announced count, after checking the format and version."""
    if not isinstance(header, dict) or header.get("format") != BUNDLE_FORMAT:
        raise BundleError(f"{name}: line 1: not an oim-archive bundle header")
    version = header.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise BundleError(f"{name}: line 1: the bundle header has no version number")
    if version > BUNDLE_VERSION:
        raise BundleError(
            f"{name}: bundle version {version} was made by a newer oim-archive; "
            f"this one reads version {BUNDLE_VERSION} (upgrade oim-archive)"
        )
    if version < 1:
        raise BundleError(f"{name}: line 1: unknown bundle version {version}")
    count = header.get("count")
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise BundleError(f"{name}: line 1: the bundle header has no valid release count")
    return count


def _clean_record(record: dict[str, Any]) -> dict[str, Any]:
    """The record with its text NFC and free of control characters, and its id recomputed."""

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return unicodedata.normalize("NFC", strip_control(value))
        if isinstance(value, list):
            return [clean(item) for item in value]
        if isinstance(value, dict):
            return {key: clean(item) for key, item in value.items()}
        return value

    cleaned = {key: clean(record[key]) for key in RELEASE_FIELDS if key in record}
    # The id is a hash of the content: never trust the one written in the file.
    cleaned.pop("id", None)
    return cleaned


def _release_from_line(line: bytes, number: int, name: str) -> Release:
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        raise BundleError(
            f"{name}: line {number}: not a valid JSON record ({exc.msg}); "
            "the bundle is damaged or cut short"
        ) from None
    if not isinstance(record, dict):
        raise BundleError(f"{name}: line {number}: a release record must be a JSON object")
    try:
        return Release.from_dict(_clean_record(record))
    except (ValueError, TypeError) as exc:
        raise BundleError(f"{name}: line {number}: not a release record ({exc})") from None


def read_bundle(data: bytes, name: str) -> list[Release]:
    """The releases in a bundle; BundleError (one line, with the line number) if it is damaged."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    lines = data.split(b"\n")
    if not lines[0].strip():
        raise BundleError(f"{name}: line 1: empty, no bundle header")
    try:
        header = orjson.loads(lines[0])
    except orjson.JSONDecodeError:
        raise BundleError(f"{name}: line 1: not an oim-archive bundle header") from None
    count = _check_header(header, name)
    releases: list[Release] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        releases.append(_release_from_line(line, number, name))
    if len(releases) != count:
        raise BundleError(
            f"{name}: the header announces {count} release{'s' if count != 1 else ''} but the "
            f"bundle holds {len(releases)}; it is incomplete or was edited"
        )
    return releases
