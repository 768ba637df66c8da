"""A word pass: a process of its own that reads the archive file and collects the words of
one share of its releases for the search index, for the reading process (a first start,
``first_start.WordPasses``).

The share is picked by the CRC-32 of the release ids, the same in every process (unlike
``hash``). The pass writes its words to a temporary file as it goes, every ~4 MB of term
ids the big arrays as they are (then freed), at the end the rest of the collector, pickled;
then it tells the reading process, which reads them once its own read is done. So the pass
stays small, and the words are never held twice. (Sent through the pipe instead, they were
received by a thread of the reading process that got the GIL between the read's chunks
only: the pass waited on a full pipe, ~10 s longer at 100k releases.) This module loads
neither numpy nor the index: a pass is ~20 MB lighter without them.
"""

from __future__ import annotations

import itertools
import os
import pickle
import struct
import tempfile
import zlib
from array import array
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from oim_archive.store import stopping
from oim_archive.store.search.build import FileOrderWords, words_in_file

if TYPE_CHECKING:
    from oim_archive.workers import PoolContext

# How often the reading process, waiting for a pass, looks whether it was asked to stop.
WAIT_POLL_SECONDS = 0.05


class KeyShare:
    """The release ids of one share of an archive: those whose CRC-32 falls in
    ``[low, high)`` out of ``SHARES``."""

    SHARES = 1024

    def __init__(self, low: int, high: int) -> None:
        self.low, self.high = low, high

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        # surrogatepass: a JSON key may hold a lone surrogate ("\\ud800"), still an id.
        code = zlib.crc32(key.encode("utf-8", "surrogatepass"))
        return self.low <= code % self.SHARES < self.high

    @classmethod
    def split(cls, count: int, start: int = 0) -> list[KeyShare]:
        """``count`` shares that together hold every id from ``start`` on once."""
        bounds = [start + (cls.SHARES - start) * n // count for n in range(count + 1)]
        return [cls(low, high) for low, high in itertools.pairwise(bounds)]


class WordPass:
    """One pass, seen from the reading process: its process and the file it writes."""

    def __init__(
        self, context: PoolContext, path: Path, stamp: tuple[int, int], share: KeyShare
    ) -> None:
        handle, spill = tempfile.mkstemp(prefix="oim-archive-words-", suffix=".tmp")
        os.close(handle)
        self._spill = Path(spill)
        receiving, sending = context.Pipe(duplex=False)
        self._process: BaseProcess = context.Process(
            target=run_word_pass,
            args=(sending, str(path), stamp, share.low, share.high, spill),
            daemon=True,
        )
        try:
            self._process.start()
        except BaseException:
            receiving.close()
            self._spill.unlink(missing_ok=True)
            raise
        finally:
            sending.close()
        self._connection = receiving

    def words(self) -> FileOrderWords | None:
        """The words of the share, once the pass is over; None when it failed."""
        try:
            while not self._connection.poll(WAIT_POLL_SECONDS):
                stopping.check()  # the caller may stop waiting (ReadStopped): see stop()
            written = self._connection.recv() is True
        except (EOFError, OSError):
            written = False
        self._process.join()
        try:
            return _read_words(self._spill) if written else None
        except (OSError, EOFError, ValueError, struct.error, pickle.UnpicklingError):
            return None
        finally:
            self.stop()

    def stop(self) -> None:
        """End the pass now (when it still runs) and remove its file."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._connection.close()
        self._spill.unlink(missing_ok=True)


def run_word_pass(
    connection: Connection, path: str, stamp: tuple[int, int], low: int, high: int, spill: str
) -> None:
    """The pass itself (in its own process): the words of the releases of one share of the
    file (``KeyShare(low, high)``) written to ``spill``, then True sent on ``connection``;
    False when they cannot be collected, whatever the reason (the index is then built by
    the reading process)."""
    written = False
    with connection:
        try:
            with open(spill, "wb") as out:
                words = words_in_file(
                    Path(path),
                    stamp,
                    KeyShare(low, high),
                    sink=lambda arrays: _write_arrays(out, arrays),
                )
                if words is not None:
                    _write_arrays(out, words.take_arrays())
                    out.write(b"W")
                    pickle.dump(words, out, protocol=pickle.HIGHEST_PROTOCOL)
                    written = True
        except Exception:  # whatever went wrong, the index is built another way
            written = False
        connection.send(written)


def _write_arrays(out: BinaryIO, arrays: list[array[int]]) -> None:
    out.write(b"A" + struct.pack("<I", len(arrays)))
    while arrays:  # each freed once written
        values = arrays.pop(0)
        out.write(struct.pack("<Q", len(values) * values.itemsize))
        values.tofile(out)


def _read_words(spill: Path) -> FileOrderWords:
    """The words a pass wrote (ValueError, EOFError when the file holds something else)."""
    joined: list[array[int]] = []
    with open(spill, "rb") as words_file:
        while True:
            tag = words_file.read(1)
            if tag == b"W" and joined:
                words = pickle.load(words_file)
                if not isinstance(words, FileOrderWords):
                    raise ValueError("not words")
                words.put_arrays(joined)
                return words
            if tag != b"A":
                raise ValueError("not words")
            (count,) = struct.unpack("<I", words_file.read(4))
            if not joined:
                joined = [array("i") for _ in range(count)]
            if count != len(joined):
                raise ValueError("arrays of another shape")
            for values in joined:
                (size,) = struct.unpack("<Q", words_file.read(8))
                if size % values.itemsize:
                    raise ValueError("not an array of ints")
                values.fromfile(words_file, size // values.itemsize)
