"""The list catalog read lazily: the browser's first list makes only the rows it draws."""

from __future__ import annotations

from pathlib import Path

import pytest

from oim_archive.store.errors import CorruptArchiveError
from oim_archive.store.file.archive import Archive
from oim_archive.store.file.catalog import catalog_path, read_catalog_rows
from oim_archive.store.file.catalog_list import CatalogList
from oim_archive.store.reader import ArchiveReader
from oim_archive.tui.app import make_app
from oim_archive.tui.library import Library
from tests.conftest import make_release
from tests.store.test_catalog import until_searchable

FIELDS = ("id", "title", "language", "country", "country_name", "date", "date_basis", "at")


def _fields(rows: object) -> list[tuple[object, ...]]:
    return [tuple(getattr(r, f) for f in FIELDS) for r in rows]  # type: ignore[attr-defined]


@pytest.fixture
def bigger_archive(archive_path: Path) -> Archive:
    archive = Archive(archive_path)
    archive.add(
        [
            make_release(f"Release {i}", f"Body {i}.", date=f"2020-01-{1 + i % 28:02d}")
            for i in range(40)
        ]
    )
    return archive


def _damage_row(archive: Archive, row: int) -> None:
    """Replace one row line of the catalog by text that is not a row (count kept)."""
    path = catalog_path(archive.path)
    lines = path.read_bytes().split(b"\n")
    lines[1 + row] = b'["unfinished'
    path.write_bytes(b"\n".join(lines))


def test_rows_are_made_when_used_and_match_the_catalog(bigger_archive: Archive) -> None:
    snapshot = ArchiveReader(Archive(bigger_archive.path)).catalog()
    assert snapshot is not None and snapshot.partial
    releases = snapshot.releases
    assert isinstance(releases, CatalogList)
    assert len(releases) == 40 and releases.made == 0
    assert releases[3].title == releases[3].title and releases.made == 1
    assert releases[3] is releases[3]  # made once
    assert [r.title for r in releases[5:8]] == [releases[i].title for i in (5, 6, 7)]
    rows = read_catalog_rows(bigger_archive.path, bigger_archive.stamp())
    assert _fields(releases) == _fields(rows)
    assert releases.made == 40 and not releases.damaged
    assert snapshot.position(releases[10].id) == 10
    assert releases[0].body == bigger_archive.releases()[0].body


def test_a_damaged_row_is_told_and_never_read_from_the_archive(bigger_archive: Archive) -> None:
    _damage_row(bigger_archive, 7)
    snapshot = ArchiveReader(Archive(bigger_archive.path)).catalog()
    assert snapshot is not None
    releases = snapshot.releases
    assert isinstance(releases, CatalogList)
    assert releases[6].title and not releases.damaged
    assert releases[7].title == "" and releases.damaged
    with pytest.raises(CorruptArchiveError, match="list cache is damaged"):
        _ = releases[7].body
    assert len(list(releases)) == 40


def test_the_checked_read_replaces_a_damaged_catalog_list(bigger_archive: Archive) -> None:
    _damage_row(bigger_archive, 0)
    library = Library(bigger_archive.path, bigger_archive.path.parent)
    library.adopt(library.catalog_snapshot() or library.read_snapshot())
    assert library.snapshot.partial and library.releases[0].title == ""
    checked = library.read_snapshot()
    assert [r.id for r in checked.releases] == [r.id for r in bigger_archive.releases()]
    assert all(r.title for r in checked.releases)


def test_a_catalog_with_a_missing_row_is_not_used(bigger_archive: Archive) -> None:
    path = catalog_path(bigger_archive.path)
    lines = path.read_bytes().split(b"\n")
    path.write_bytes(b"\n".join(lines[:5] + lines[6:]))
    assert ArchiveReader(Archive(bigger_archive.path)).catalog() is None


async def test_browser_with_a_damaged_catalog_row_ends_on_the_checked_list(
    bigger_archive: Archive, tmp_path: Path
) -> None:
    _damage_row(bigger_archive, 0)
    app = make_app(bigger_archive.path, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_searchable(pilot, app.library)
        assert not app.library.snapshot.partial
        assert app.main_screen.release_list.release_at(0).title  # type: ignore[union-attr]
        assert "40 / 40 releases" in app.main_screen.status.text
