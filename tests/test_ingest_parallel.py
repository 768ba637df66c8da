"""An import in worker processes gives what one process gives, in the same order, whichever
chunks this process parsed itself while the workers started."""

from __future__ import annotations

import contextlib
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from oim_archive import ingest
from oim_archive.ingest import import_paths
from oim_archive.store.file.archive import Archive
from oim_archive.workers import start_pool


def _page(number: int) -> str:
    return (
        f"Titre numéro {number} du communiqué\n\nDakar – Le texte {number} du communiqué."
        " L'OIM aide les migrants au Sénégal.\n"
    )


def _folder(tmp_path: Path) -> tuple[Path, Path]:
    """600 files: new pages, pages already imported, damaged gzip files, notes (refused)."""
    folder, known = tmp_path / "pages", tmp_path / "known"
    folder.mkdir(parents=True)
    known.mkdir()
    for number in range(600):
        name = folder / f"{number:03}.txt"
        if number % 11 == 5:
            (folder / f"{number:03}.txt.gz").write_bytes(b"\x1f\x8b" + b"broken" * 4)
        elif number % 13 == 6:
            name.write_text("a, b, c\n1, 2, 3\n", encoding="utf-8")
        else:
            name.write_text(_page(number), encoding="utf-8")
            if number % 7 == 3:
                (known / name.name).write_text(_page(number), encoding="utf-8")
    return folder, known


def _report(tmp_path: Path, name: str, workers: int) -> dict[str, Any]:
    folder, known = _folder(tmp_path / name)
    archive = Archive(tmp_path / name / "archive.json")
    import_paths(archive, [known], workers=1)
    report = import_paths(archive, [folder], workers=workers)
    return {
        "imported": report.imported,
        "duplicates": [Path(d).name for d in report.duplicates],
        "failed": [(Path(f.file).name, f.error) for f in report.failed],
        "stored": sorted((r.id, r.title) for r in archive.releases()),
    }


def test_parallel_import_reports_in_file_order_as_one_process(tmp_path: Path) -> None:
    parallel, single = _report(tmp_path, "two", 2), _report(tmp_path, "one", 1)
    assert parallel == single
    assert len(single["imported"]) > 400 and single["duplicates"] and single["failed"]


class _Pool:
    def __init__(self) -> None:
        self.submitted: list[list[Any]] = []

    def submit(self, function: Any, chunk: list[Any]) -> Future[list[Any]]:
        self.submitted.append(chunk)
        return Future()


def _future(done: bool) -> Future[list[Any]]:
    future: Future[list[Any]] = Future()
    if done:
        future.set_result([])
    return future


def test_chunks_are_parsed_here_only_while_no_worker_has_finished_one() -> None:
    chunk: list[Any] = []
    pool = _Pool()
    starting = [_future(False), _future(False)]
    assert ingest._handed_out(pool, chunk, starting, 2, True) == []  # type: ignore[arg-type]
    assert not pool.submitted
    for in_flight in ([_future(False)], [_future(True), _future(False)], []):
        handed = ingest._handed_out(pool, chunk, in_flight, 2, True)  # type: ignore[arg-type]
        assert isinstance(handed, Future)
    assert len(pool.submitted) == 3


def test_chunks_are_parsed_here_while_the_workers_are_not_started() -> None:
    pool = _Pool()
    for in_flight in ([], [_future(True)]):
        assert ingest._handed_out(pool, [], in_flight, 2, False) == []  # type: ignore[arg-type]
    assert not pool.submitted


def test_the_workers_start_in_a_thread_and_take_chunks_once_started() -> None:
    with contextlib.ExitStack() as stack:
        pool, starting = start_pool(stack, 2)
        starting.join()
        assert starting.ready()
        assert pool.submit(ingest._parse_chunk, []).result(timeout=60) == []


def test_an_import_written_in_many_batches_gives_what_one_batch_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one_batch = _report(tmp_path, "one-batch", 2)
    monkeypatch.setattr(ingest, "BATCH_RELEASES", 37)  # ~13 writes, all but the last behind
    many = _report(tmp_path, "many", 2)
    # Files that brought nothing new are told as each batch is written: in another order.
    assert sorted(many.pop("duplicates")) == sorted(one_batch.pop("duplicates"))
    assert many == one_batch
