"""The checks every fuzzed importer input gets: a one-line refusal, or well-formed releases."""

from __future__ import annotations

import json

from oim_archive.importers import ImportRefused
from oim_archive.importers.parse import parse_page_unguarded
from oim_archive.store.records import Release


def assert_well_formed(releases: list[Release], name: str) -> None:
    """Releases with a title and a body, known codes, E.164 phones, and a JSON round trip."""
    assert releases
    for release in releases:
        assert release.title and release.body
        assert release.source == name
        assert release.language in ("fr", "en", "es")
        assert release.country is None or len(release.country) == 2
        for phone in (p for c in release.contacts for p in c.phones):
            assert phone.startswith("+") and phone[1:].isdigit()
        Release.from_dict(json.loads(json.dumps(release.to_dict())))


def parsed_or_refused(data: bytes, name: str) -> list[Release]:
    """The importer's releases, checked well-formed; [] when it refused the input with a
    one-line reason. Any other exception fails the test (the guard is left out)."""
    try:
        releases = parse_page_unguarded(data, name)
    except ImportRefused as refusal:
        assert str(refusal) and "\n" not in str(refusal)
        return []
    assert_well_formed(releases, name)
    return releases
