"""Writing batches behind the work that makes them: one write at a time, in order, each
full batch in a thread while the next one is made (the import's workers keep parsing while
the archive file is written)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, TypeVar

Batch = TypeVar("Batch")
Done = TypeVar("Done")


class WriteBehind(Generic[Batch, Done]):
    """Writes batches one at a time and in order: ``write_behind`` in a thread, the last one
    (``write_now``) in the caller's. What each write returns is given to ``done`` in the
    caller's thread, in order; a write's error is raised there too, at the next call.

    At 100k releases the import's three writes before the last took ~6 s of one core, during
    which the parsing workers had no new files."""

    def __init__(self, write: Callable[[Batch], Done], done: Callable[[Done], None]) -> None:
        self._write = write
        self._done = done
        self._thread: ThreadPoolExecutor | None = None
        self._running: Future[Done] | None = None

    def __enter__(self) -> WriteBehind[Batch, Done]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        # Never leave while a write goes on (an error or Ctrl-C meanwhile): it ends first.
        if self._thread is not None:
            self._thread.shutdown(wait=True)

    def write_behind(self, batch: Batch) -> None:
        """Write ``batch`` in the writer thread once the write before it has ended."""
        self._finish_running()
        if self._thread is None:
            self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="write-behind")
        self._running = self._thread.submit(self._write, batch)

    def write_now(self, batch: Batch) -> None:
        """Write ``batch`` here, after the one still being written."""
        self._finish_running()
        self._done(self._write(batch))

    def _finish_running(self) -> None:
        running, self._running = self._running, None
        if running is not None:
            self._done(running.result())
