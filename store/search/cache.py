"""A saved copy of the search word index, so a large archive is searchable soon after start.

Folding and indexing 100k releases takes seconds; reading the saved arrays takes a fraction of
that. The file holds a fingerprint of the release ids in order: any change to the archive (or
to its order) makes the copy stale and it is rebuilt. Writing is best effort (a read-only
folder just means no cache) and atomic (temporary file + os.replace).
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from oim_archive.store.file import atomic
from oim_archive.store.search.index import WordIndex

FORMAT_VERSION = 1


def fingerprint(release_ids: Iterable[str], salt: str = "") -> str:
    """A digest of the ids in order (plus anything else the index depends on)."""
    running = Fingerprint(salt)
    for text in release_ids:
        running.add(text)
    return running.hexdigest()


class Fingerprint:
    """``fingerprint`` one text at a time (fed by a pass that does other work too)."""

    def __init__(self, salt: str = "") -> None:
        self._digest = hashlib.sha256(f"v{FORMAT_VERSION}:{salt}\n".encode())
        self._separator = b""

    def add(self, text: str) -> None:
        """The next text, in order."""
        self.add_encoded(text.encode("utf-8"))

    def add_encoded(self, text: bytes | memoryview) -> None:
        """The next text, in order, already encoded in UTF-8."""
        self._digest.update(self._separator)
        self._digest.update(text)
        self._separator = b"\n"

    def hexdigest(self) -> str:
        """The digest of every text added."""
        return self._digest.hexdigest()


def read(
    path: Path, expected: str | None, file_stamp: tuple[int, int] | None = None
) -> tuple[WordIndex | None, bool]:
    """The saved index when `path` holds one made for the fingerprint `expected`, else None;
    and whether it was saved from the archive file with this `file_stamp` (never raises).

    With `expected` None, the file stamp alone decides: the same (mtime_ns, size) as when the
    index was built, the trust the list catalog has too. A command can then search without
    decoding every release to check the fingerprint."""
    arrays, same_file = read_arrays(path, expected, file_stamp)
    if arrays is None:
        return None, False
    try:
        return WordIndex.from_arrays(arrays), same_file
    except (KeyError, ValueError):
        return None, False


def read_arrays(
    path: Path, expected: str | None, file_stamp: tuple[int, int] | None = None
) -> tuple[dict[str, NDArray[Any]] | None, bool]:
    """Like `read`, the saved arrays as they are: the word index's and any others saved
    with it (`write`'s `extra`)."""
    try:
        with np.load(path, allow_pickle=False) as saved:
            same_file = (
                file_stamp is not None
                and "file_stamp" in saved.files
                and saved["file_stamp"].tolist() == list(file_stamp)
            )
            if expected is None:
                if not same_file:
                    return None, False
            elif saved_fingerprint(saved) != expected:
                return None, False
            return {key: saved[key] for key in saved.files}, same_file
    except (OSError, KeyError, ValueError, UnicodeDecodeError, zipfile.BadZipFile, EOFError):
        return None, False


def saved_fingerprint(arrays: Mapping[str, NDArray[Any]]) -> str:
    """The fingerprint an index was saved with (KeyError/UnicodeDecodeError if none)."""
    return str(arrays["fingerprint"].tobytes().decode("ascii"))


def write(
    path: Path,
    stamp: str,
    index: WordIndex,
    file_stamp: tuple[int, int] | None = None,
    extra: Mapping[str, NDArray[Any]] | None = None,
) -> bool:
    """Save the index atomically; False when the folder cannot be written.

    `file_stamp` is the archive file's (mtime_ns, size) the releases were read from; `extra`,
    arrays saved beside the word index (`read_arrays` gives them back)."""
    arrays = {**(extra or {}), **index.to_arrays()}
    arrays["fingerprint"] = np.frombuffer(stamp.encode("ascii"), dtype=np.uint8)
    if file_stamp is not None:
        arrays["file_stamp"] = np.asarray(file_stamp, dtype=np.int64)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic.replace(path, lambda out: np.savez(out, allow_pickle=False, **arrays))
    except OSError:
        return False
    return True
