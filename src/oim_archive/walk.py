"""Finding the files an import reads: folders walked once each, names made printable."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

# Hidden files, and "__" names inside folders: __MACOSX from zip files, __pycache__, and the
# __init__.py that ships sample_data/ inside the wheel. Named explicitly, they are imported.
SKIPPED_PREFIXES = (".", "__")


def readable_path(path_text: str) -> str:
    """A path as valid text: bytes of a name that is not UTF-8 (a Latin-1 "communiqué.txt"
    from an old stick) become U+FFFD, so the name can be stored, printed and sent as JSON."""
    return os.fsencode(path_text).decode("utf-8", errors="replace")


# A refusal reason as a message template and its values (ImportRefused.reason).
Reason = tuple[str, dict[str, str]]


@dataclass(slots=True)
class ImportFailure:
    """A file that could not be imported, with a one-line reason."""

    file: str
    error: str  # in English, as reports and JSON keep it
    reason: Reason | None = None  # template and values, for the interface language

    def __post_init__(self) -> None:
        self.file = readable_path(self.file)


def iter_files(paths: Sequence[Path], failures: list[ImportFailure]) -> Iterator[str]:
    """Regular files under ``paths`` (folders recursively, sorted), each real file once.

    Inside folders, names starting with "." or "__" are skipped. Symlink loops and unreadable
    folders become failures, never hangs."""
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()
    for root in paths:
        try:
            st = root.stat()
        except OSError as exc:
            failures.append(ImportFailure(str(root), os_reason(exc)))
            continue
        if stat.S_ISREG(st.st_mode):
            if (st.st_dev, st.st_ino) not in seen_files:
                seen_files.add((st.st_dev, st.st_ino))
                yield str(root)
            continue
        if not stat.S_ISDIR(st.st_mode):
            failures.append(ImportFailure(str(root), "not a regular file or folder"))
            continue
        stack = [root]
        while stack:
            folder = stack.pop()
            try:
                fst = folder.stat()
                key = (fst.st_dev, fst.st_ino)
                if key in seen_dirs:
                    continue  # a symlink loop or a folder reached twice
                seen_dirs.add(key)
                with os.scandir(folder) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as exc:
                failures.append(ImportFailure(str(folder), os_reason(exc)))
                continue
            subfolders = []
            for entry in entries:
                if entry.name.startswith(SKIPPED_PREFIXES):
                    continue
                try:
                    kind, file_key = _entry_kind(entry, fst.st_dev)
                except OSError as exc:
                    failures.append(ImportFailure(entry.path, os_reason(exc)))
                    continue
                if stat.S_ISDIR(kind):
                    subfolders.append(Path(entry.path))
                elif stat.S_ISREG(kind) and file_key not in seen_files:
                    seen_files.add(file_key)
                    yield entry.path
            stack.extend(reversed(subfolders))


def _entry_kind(entry: os.DirEntry[str], folder_device: int) -> tuple[int, tuple[int, int]]:
    """The entry's file type (``stat.S_IFMT`` bits) and the (device, inode) that tells one file
    reached twice. A plain file or folder is known from the folder's listing, without a
    ``stat`` call each (0.4 s for a folder of 100,000 pages): a file is on its folder's
    device. A symlink, or a type the listing does not give, is followed with ``stat``."""
    if entry.is_file(follow_symlinks=False):
        return stat.S_IFREG, (folder_device, entry.inode())
    if entry.is_dir(follow_symlinks=False):
        return stat.S_IFDIR, (folder_device, entry.inode())
    est = entry.stat()
    return stat.S_IFMT(est.st_mode), (est.st_dev, est.st_ino)


def os_reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
