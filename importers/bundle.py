"""JSON Lines bundles written by `oim-archive dump`: one release per line, merged on import."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from store.records import Release
from store.text import strip_control

from .errors import ImportRefused

BUNDLE_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")


def looks_like_bundle(data: bytes, name: str) -> bool:
    """A JSON Lines file: by its name, or by a first line holding a JSON object."""
    if name.lower().endswith(BUNDLE_SUFFIXES):
        return True
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return head == b"{"


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", strip_control(value))
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    return value


def parse_bundle(data: bytes, name: str) -> list[Release]:
    """The releases of a bundle; header lines (objects without title and body) are skipped.

    Ids are computed again from title and body, so a bundle imported twice adds nothing.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRefused("JSON Lines file that is not UTF-8") from exc
    releases: list[Release] = []
    bad_lines = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            bad_lines += 1
            continue
        if not isinstance(record, dict) or "title" not in record or "body" not in record:
            continue
        record = _clean(record)
        record["id"] = ""
        record["imported_at"] = None
        record["source"] = record.get("source") or name
        try:
            release = Release.from_dict(record)
        except (ValueError, TypeError, AttributeError):
            bad_lines += 1
            continue
        if release.title.strip() and release.body.strip():
            releases.append(release)
    if not releases:
        if bad_lines:
            raise ImportRefused(f"not a release bundle: {bad_lines} line(s) are not valid JSON")
        raise ImportRefused("JSON Lines file without any release")
    return releases
