"""Pages held in memory rather than files: fetched pages, and the sample pages bundled in the
wheel that seed a new archive. Each batch is one locked atomic write, as for files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.ingest import file_digest
from oim_archive.store.file.archive import Archive
from oim_archive.store.records import Release


@dataclass(slots=True)
class PageResult:
    """What one in-memory page (a fetched one) brought: the releases it holds, those new."""

    name: str
    digest: str
    ids: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    known: bool = False  # the same bytes were imported before
    error: str | None = None


def import_pages(archive: Archive, pages: Sequence[tuple[str, bytes]]) -> list[PageResult]:
    """Parse pages held in memory (``name`` is where they came from, e.g. their URL) and add
    their releases in one locked atomic write. Bytes already imported are not parsed again."""
    results: list[PageResult] = []
    releases: list[Release] = []
    sources: dict[str, list[str]] = {}
    for name, data in pages:
        result = PageResult(name=name, digest=file_digest(data))
        results.append(result)
        known = archive.known_source(result.digest)
        if known is not None:
            result.ids, result.known = known, True
            continue
        try:
            parsed = parse_page(data, name)
        except ImportRefused as exc:
            result.error = str(exc)
            continue
        result.ids = [r.id for r in parsed]
        releases.extend(parsed)
        sources[result.digest] = result.ids
    if releases or sources:
        added = set(archive.add(releases, sources).added)
        for result in results:
            result.added = [i for i in result.ids if i in added and not result.known]
            added.difference_update(result.added)
    return results


def sample_pages() -> list[tuple[str, bytes]]:
    """The bundled sample pages (name, bytes), shipped inside the wheel."""
    folder = resources.files("oim_archive.sample_data")
    return sorted(
        (entry.name, entry.read_bytes())
        for entry in folder.iterdir()
        if entry.name.endswith(".txt")
    )


def ensure_sample_archive(archive: Archive) -> bool:
    """Create the archive from the bundled sample pages when it does not exist yet."""
    if archive.path.exists():
        return False
    archive.path.parent.mkdir(parents=True, exist_ok=True)
    releases: list[Release] = []
    sources: dict[str, list[str]] = {}
    for name, data in sample_pages():
        parsed = parse_page(data, name)
        releases.extend(parsed)
        sources[file_digest(data)] = [r.id for r in parsed]
    archive.add(releases, sources)
    return True
