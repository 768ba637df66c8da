"""Writes that copy the untouched lines of the archive file instead of parsing it whole: the
result is the same JSON a whole rewrite gives, every line is where the catalog says, and a
write after a checked read does not parse the releases again."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oim_archive.store.file import archive as archive_module
from oim_archive.store.file import layout
from oim_archive.store.file.archive import Archive
from oim_archive.store.file.catalog import read_catalog_rows
from oim_archive.store.file.layout import StoredLine
from oim_archive.store.file.storage import AtomicOrjsonStorage
from oim_archive.store.records import Release
from tests.conftest import make_release

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
records = st.dictionaries(
    st.text(alphabet="abcdef0123456789", min_size=1, max_size=6),
    st.fixed_dictionaries({"t": texts}),
    max_size=8,
)


def _summary(table: str, key: str, record: dict[str, Any]) -> str:
    return f"{table}:{key}"


@settings(max_examples=60, deadline=None)
@given(old=records, new=records, drop=st.sets(st.integers(0, 7)), marks=records)
def test_a_write_copying_old_lines_gives_the_whole_rewrite(
    tmp_path_factory: pytest.TempPathFactory,
    old: dict[str, Any],
    new: dict[str, Any],
    drop: set[int],
    marks: dict[str, Any],
) -> None:
    path = tmp_path_factory.mktemp("w") / "a.json"
    out = io.BytesIO()
    layout.dump_tables({"releases": old, "bodies": old, "marks": marks}, out)
    path.write_bytes(out.getvalue())
    storage = AtomicOrjsonStorage(path, summarize=_summary)
    gone = [key for number, key in enumerate(old) if number in drop]
    expected = {name: dict(old) for name in ("releases", "bodies")}
    with storage.batch():
        tables = storage.read()
        assert tables is not None
        assert all(isinstance(row, StoredLine) for row in tables["releases"].values())
        for name in ("releases", "bodies"):
            table = {k: v for k, v in tables[name].items() if k not in gone}
            table.update({k: v for k, v in new.items() if k not in table})
            expected[name] = {k: v for k, v in expected[name].items() if k not in gone}
            expected[name].update({k: v for k, v in new.items() if k not in expected[name]})
            tables[name] = table
        storage.write(tables)
    raw = path.read_bytes()
    assert orjson.loads(raw) == {**expected, "marks": marks}
    for name, noted in storage.last_offsets.items():
        for key, start in noted.items():
            line = layout.line_at(lambda size, at: raw[at : at + size], start)
            assert layout.parse_line(line, key) == expected[name][key]


def _archive(tmp_path: Path, count: int = 6) -> tuple[Archive, list[Release]]:
    releases = [make_release(f"Titre {n}", f"Texte numéro {n}.") for n in range(count)]
    archive = Archive(tmp_path / "a.json")
    archive.add(releases)
    return archive, releases


def test_after_each_write_the_catalog_knows_every_line(tmp_path: Path) -> None:
    archive, releases = _archive(tmp_path)
    archive.remove([releases[2].id])
    archive.add([make_release("Nouveau", "Texte neuf.")])
    archive.set_marked([releases[0].id], True)
    rows = read_catalog_rows(archive.path, archive.stamp())
    assert rows is not None and len(rows) == len(releases)
    raw = archive.path.read_bytes()
    for row in rows:
        assert row.at[0] >= 0 and row.at[1] >= 0
        for start in row.at:
            line = layout.line_at(lambda size, at: raw[at : at + size], start)
            assert layout.parse_line(line, row.id) is not None


def test_a_write_after_a_checked_read_parses_no_release_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive, releases = _archive(tmp_path)
    reader = Archive(archive.path)
    reader.releases()  # the checked read a browser makes at start
    parsed: list[str] = []
    real = layout._parse_records

    def counting(table: str, lines: list[bytes], offsets: list[int]) -> layout.TableChunk:
        parsed.append(table)
        return real(table, lines, offsets)

    monkeypatch.setattr(layout, "_parse_records", counting)
    reader.set_marked([releases[1].id], True)
    reader.remove([releases[3].id])  # and the next write trusts the lines the first wrote
    assert "releases" not in parsed and "bodies" not in parsed
    assert reader.marked_ids() == {releases[1].id}
    left = {r.id for r in Archive(archive.path).releases()}
    assert left == {r.id for r in releases} - {releases[3].id}


def test_an_archive_changed_by_another_program_is_parsed_again(tmp_path: Path) -> None:
    archive, releases = _archive(tmp_path)
    mine = Archive(archive.path)
    mine.releases()
    mine.set_marked([releases[4].id], True)  # lines this object wrote and knows
    Archive(archive.path).remove([releases[0].id])  # another process's write
    mine.remove([releases[1].id])  # must not copy lines by the offsets of the old version
    left = {r.id for r in Archive(archive.path).releases()}
    assert left == {r.id for r in releases[2:]}
    assert orjson.loads(archive.path.read_bytes())["releases"].keys() == left


def test_the_write_after_its_own_write_reads_nothing_and_writes_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import writes batch after batch: each write knows where the last one put every line,
    so it does not pass over the file again, and leaves the bytes a fresh reader's write does."""
    monkeypatch.setattr(archive_module, "now_iso", lambda: "2026-11-29T00:00:00+00:00")
    fresh_dir, own_dir = tmp_path / "fresh", tmp_path / "own"
    fresh_dir.mkdir()
    own_dir.mkdir()
    first = [make_release(f"Titre {n}", f"Texte numéro {n}.") for n in range(5)]
    second = [make_release(f"Autre {n}", f"Autre texte {n}.") for n in range(4)]
    fresh = Archive(fresh_dir / "a.json")
    fresh.add(first, {"d1": [r.id for r in first]})
    fresh.set_marked([first[1].id], True)
    Archive(fresh.path).add(second, {"d2": [r.id for r in second]})  # a scan, then the write

    own = Archive(own_dir / "a.json")
    own.add(first, {"d1": [r.id for r in first]})
    own.set_marked([first[1].id], True)
    scans: list[Path] = []
    real_scan = layout.scan

    def counting(path: Path, *args: Any, **kwargs: Any) -> Any:
        scans.append(path)
        return real_scan(path, *args, **kwargs)

    monkeypatch.setattr(layout, "scan", counting)
    own.add(second, {"d2": [r.id for r in second]})
    assert scans == []
    assert own.path.read_bytes() == fresh.path.read_bytes()
    assert (
        orjson.loads(own.path.read_bytes())["marks"]
        == orjson.loads(fresh.path.read_bytes())["marks"]
    )
