"""Bodies compressed ahead of a write (by the import's workers) are stored as the write would."""

from __future__ import annotations

from pathlib import Path

from oim_archive.ingest import import_paths
from oim_archive.store.file.archive import Archive
from oim_archive.store.file.scan import encode_body, stored_bodies
from oim_archive.store.records import Release


def test_a_body_compressed_ahead_is_used_only_for_the_text_it_was_made_from(
    tmp_path: Path,
) -> None:
    same = Release(title="Same text", body="Le corps du communiqué.")
    other = Release(title="Other text", body="Another body entirely.")
    ahead = stored_bodies([same])
    # A stale entry for the second id, made from different text, must not be used.
    ahead[other.id] = ("A different body", encode_body("A different body"))
    archive = Archive(tmp_path / "archive.json")
    archive.add([same, other], stored_bodies=ahead)
    bodies = {r.id: archive.get(r.id).body for r in (same, other)}
    assert bodies == {same.id: same.body, other.id: other.body}


def test_an_import_in_parallel_stores_what_one_process_stores(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for number in range(240):  # over PARALLEL_MIN_FILES: parsed by the worker processes
        (folder / f"{number:03}.txt").write_text(
            f"Titre numéro {number} du communiqué\n\nGenève – Le texte {number} du communiqué."
            " L'OIM aide les migrants au Niger.\n",
            encoding="utf-8",
        )
    parallel, single = Archive(tmp_path / "two.json"), Archive(tmp_path / "one.json")
    assert len(import_paths(parallel, [folder], workers=2).imported) == 240
    assert len(import_paths(single, [folder], workers=1).imported) == 240
    assert {r.id: r.body for r in parallel.releases()} == {r.id: r.body for r in single.releases()}
