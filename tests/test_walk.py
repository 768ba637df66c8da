"""Which files a folder import reads: each real file once, whatever reaches it twice."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from oim_archive.walk import ImportFailure, iter_files

needs_links = pytest.mark.skipif(os.name == "nt", reason="links need privileges on Windows")


def _names(paths: list[Path]) -> tuple[list[str], list[ImportFailure]]:
    failures: list[ImportFailure] = []
    found = [os.path.relpath(path, paths[0]) for path in iter_files(paths, failures)]
    return found, failures


@needs_links
def test_a_file_reached_by_a_hard_link_and_a_symlink_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    os.link(tmp_path / "a.txt", tmp_path / "b.txt")
    (tmp_path / "c.txt").symlink_to("a.txt")
    (tmp_path / "d.txt").write_text("two", encoding="utf-8")
    found, failures = _names([tmp_path])
    assert found == ["a.txt", "d.txt"]
    assert failures == []


@needs_links
def test_a_symlinked_folder_is_walked_and_a_fifo_is_not_read(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "p.txt").write_text("page", encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / "q.txt").write_text("page", encoding="utf-8")
    (pages / "linked").symlink_to(other)
    if hasattr(os, "mkfifo"):
        os.mkfifo(pages / "pipe.txt")
    found, failures = _names([pages])
    assert found == ["p.txt", os.path.join("linked", "q.txt")]  # a folder's files first
    assert failures == []


def test_hidden_and_dunder_names_are_skipped_inside_folders(tmp_path: Path) -> None:
    for name in (".hidden.txt", "__init__.py", "kept.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "__MACOSX").mkdir()
    (tmp_path / "__MACOSX" / "junk.txt").write_text("x", encoding="utf-8")
    found, _ = _names([tmp_path])
    assert found == ["kept.txt"]
