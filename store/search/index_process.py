"""A first start's whole search index, built by another process while this one reads and
checks the archive: the two passes then run on two cores instead of one after the other.

The other process makes the index from the archive file in a pass of its own
(``SearchIndex.built_from_file``) and saves it in the cache; this one then loads the saved
index, which a later start reuses anyway. Its words are not collected here, so this process's
peak of memory is lower too. Only where a fork server exists (Linux, macOS) and for archives
big enough to gain: a process costs ~0.5 s to start.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from oim_archive.store.file.catalog import listed_fields
from oim_archive.store.records import Listed, ListRow
from oim_archive.workers import start_fork_server, start_worker

# Below this many releases the index is built here in ~2 s: not worth another process.
MIN_RELEASES = 20_000
POLL_SECONDS = 0.2


class IndexProcess:
    """The search index of a list, being built and saved by another process."""

    def __init__(self, process: BaseProcess, result: Connection, lifeline: Connection) -> None:
        self._process = process
        self._result = result
        self._lifeline = lifeline  # closed here: the other process exits at once

    @classmethod
    def start(
        cls,
        releases: Sequence[Listed],
        path: Path,
        file_stamp: tuple[int, int],
        cache_file: str | os.PathLike[str],
    ) -> IndexProcess | None:
        """Start building the index of ``releases`` (listed from the archive file at ``path``
        with ``file_stamp``) into ``cache_file``; None when it is better built here."""
        if len(releases) < MIN_RELEASES:
            return None
        if "forkserver" not in multiprocessing.get_all_start_methods():
            return None
        context = multiprocessing.get_context("forkserver")
        start_fork_server()
        result_end, result_to_send = context.Pipe(duplex=False)
        lifeline, keep_alive = context.Pipe(duplex=False)
        rows = [ListRow(*listed_fields(release)) for release in releases]  # picklable
        process = context.Process(
            target=_build,
            args=(rows, str(path), file_stamp, os.fspath(cache_file), result_to_send, lifeline),
            name="oim-archive index",
            daemon=True,
        )
        process.start()
        result_to_send.close()
        lifeline.close()
        return cls(process, result_end, keep_alive)

    def wait(self, cancelled: Callable[[], bool] = lambda: False) -> bool:
        """Whether the index was built and saved; False when it could not be (the file
        changed, the process died) or ``cancelled()`` said to stop. The process is gone
        when this returns."""
        try:
            while not self._result.poll(POLL_SECONDS):
                if cancelled() or not self._process.is_alive():
                    return self._result.poll(0) and bool(self._result.recv())
            return bool(self._result.recv())
        except (EOFError, OSError):
            return False
        finally:
            self.stop()

    def stop(self) -> None:
        """End the other process (at once if it still builds)."""
        self._lifeline.close()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._result.close()


def _build(
    rows: list[ListRow],
    path: str,
    file_stamp: tuple[int, int],
    cache_file: str,
    result: Connection,
    lifeline: Connection,
) -> None:
    """In the other process: build and save the index, then say whether it was."""
    start_worker(lifeline)
    from oim_archive.store.search.engine import SearchIndex

    built = False
    with contextlib.suppress(Exception):  # whatever went wrong, the caller builds it itself
        built = SearchIndex.built_from_file(rows, Path(path), file_stamp, cache_file) is not None
    with contextlib.suppress(OSError):
        result.send(built)
