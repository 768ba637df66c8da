"""The processes that parse pages for a big import, and Ctrl-C taken between files."""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import multiprocessing.context
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from operator import attrgetter
from typing import Any, TextIO

# How worker processes are started (the fork server exists where Windows is not).
if sys.platform == "win32":
    PoolContext = multiprocessing.context.SpawnContext
else:
    PoolContext = multiprocessing.context.SpawnContext | multiprocessing.context.ForkServerContext

# The module whose functions the import's workers run: the fork server imports it once.
PARSER_MODULE = "oim_archive.ingest"


def start_pool(
    stack: contextlib.ExitStack, workers: int, preload: Sequence[str] = ()
) -> tuple[ProcessPoolExecutor, PoolStart]:
    """The pool of parse workers, shut down (chunks not started dropped) when ``stack`` ends,
    and its start: the workers are started in a thread (see :class:`PoolStart`).

    ``preload``: modules the fork server imports once, before it forks the workers: each worker
    then starts with them imported instead of importing them itself (~0.3 s of CPU each for the
    importer), so the workers take their first chunks sooner."""
    context = pool_context()
    start_fork_server(preload)
    lifeline, keep_alive = context.Pipe(duplex=False)
    stack.callback(keep_alive.close)  # after the pool's shutdown below
    stack.callback(lifeline.close)
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(lifeline,),
    )
    # On Ctrl-C or an error, drop the chunks not started instead of parsing them.
    stack.callback(pool.shutdown, wait=True, cancel_futures=True)
    start = PoolStart(pool, workers)
    stack.callback(start.join)  # before the shutdown above: callbacks run last first
    return pool, start


def start_fork_server(preload: Sequence[str] = ()) -> None:
    """Start the fork server now (where the platform has one), importing ``preload`` once.

    The import command calls this before it imports the importer itself: the server then
    imports it at the same time, and the workers are ready ~0.15 s sooner. ``preload`` is
    only read when the server starts (the first time in this process)."""
    context = pool_context()
    if context.get_start_method() == "forkserver":
        if preload:
            context.set_forkserver_preload(list(preload))
        _start_fork_server()


def pool_context() -> PoolContext:
    """How the workers are started: from a fork server where the platform has one (Linux,
    macOS), which is safe from a thread of the browser and forks workers that already have the
    importer imported; else (Windows) each worker is a new interpreter that imports it."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


def send_by_fields(*classes: type[Any]) -> None:
    """Send instances of these dataclasses to and from the workers as their fields in order,
    rebuilt by calling the class: for classes whose ``__init__`` keeps its arguments as given.

    A ``slots=True`` dataclass is otherwise pickled through Python-level ``__getstate__`` and
    ``__setstate__`` (one call per field): a chunk's releases, contacts and quotes cost ~43 µs
    a page to send and receive that way, ~20 µs this way. Only the pool's pickler
    (``ForkingPickler``) is changed, in every process that imports the caller."""
    for cls in classes:
        fields = dataclasses.fields(cls)
        if len(fields) < 2 or any(not f.init or f.kw_only for f in fields):
            raise TypeError(f"{cls.__name__}: needs two fields or more, all positional")
        ForkingPickler.register(cls, _FieldsReducer(cls, attrgetter(*(f.name for f in fields))))


class _FieldsReducer:
    """``obj`` -> (its class, its fields in order), for ``pickle``."""

    def __init__(self, cls: type[Any], fields: Callable[[Any], tuple[Any, ...]]) -> None:
        self._cls, self._fields = cls, fields

    def __call__(self, obj: Any) -> tuple[type[Any], tuple[Any, ...]]:
        return self._cls, self._fields(obj)


def _start_fork_server() -> None:
    """Start the fork server (and the resource tracker) now, from any thread.

    Ctrl-C: CPython's fork server ignores SIGINT only once its preload modules are imported
    (~0.3 s, while this process already parses pages): a Ctrl-C then printed the server's
    traceback under "interrupted". A process started while SIGINT is ignored keeps ignoring
    it. Only the main thread can change a handler; elsewhere (the browser's workers) there is
    no Ctrl-C to ignore. A Ctrl-C within the few milliseconds of the start is lost.

    stderr: the resource tracker hands ``sys.stderr``'s descriptor to its process. In the
    browser that is Textual's capture, whose ``fileno()`` is -1, and starting failed with
    "bad value(s) in fds_to_keep" (an import of 200 files or more, from the browser): the
    tracker then gets the null device."""
    with contextlib.ExitStack() as stack:
        if threading.current_thread() is threading.main_thread():
            previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
            stack.callback(signal.signal, signal.SIGINT, previous)
        if not _has_descriptor(sys.stderr):
            null = stack.enter_context(open(os.devnull, "w", encoding="utf-8"))
            stack.enter_context(contextlib.redirect_stderr(null))
        import multiprocessing.forkserver  # not on Windows

        multiprocessing.forkserver.ensure_running()


def _has_descriptor(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        return False


def _no_work() -> None:
    """What a worker is given first: starting it is the point."""


class PoolStart:
    """The workers started in a thread. A pool starts a worker when a chunk is handed to it,
    and the first start waits for the fork server to import the importer (~0.25 s): the
    caller would wait there with one core idle. It parses chunks itself until ``ready()``."""

    def __init__(self, pool: ProcessPoolExecutor, workers: int) -> None:
        self._done = threading.Event()
        self._error: Exception | None = None
        self._thread = threading.Thread(
            target=self._start, args=(pool, workers), name="oim-archive pool start", daemon=True
        )
        self._thread.start()

    def _start(self, pool: ProcessPoolExecutor, workers: int) -> None:
        try:
            for _ in range(workers):  # each one handed while none is idle starts a worker
                pool.submit(_no_work)
        except Exception as exc:  # raised in the caller's thread by ready()
            self._error = exc
        finally:
            self._done.set()

    def ready(self) -> bool:
        """Whether the workers are started (chunks handed now do not wait for that); raises
        what stopped their start."""
        if not self._done.is_set():
            return False
        if self._error is not None:
            raise self._error
        return True

    def join(self) -> None:
        self._thread.join()


def _start_worker(lifeline: Connection) -> None:
    """Start of a pool worker: leave Ctrl-C to the importing process, which stops the pool
    (no tracebacks), and exit as soon as the importing process is gone, however it died."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_when_closed, args=(lifeline,), daemon=True).start()


def _exit_when_closed(lifeline: Connection) -> None:
    """Block on the read end of a pipe only the importing process can write to: the kernel
    closes it when that process dies (kill -9, out of memory, a closed terminal), and the
    read returns. The worker then exits; once every worker is gone the forkserver and the
    resource tracker see their own pipes close and exit too."""
    with contextlib.suppress(EOFError, OSError):
        lifeline.recv_bytes()
    os._exit(1)


@contextlib.contextmanager
def interrupt_between_steps() -> Iterator[Callable[[], None]]:
    """Defer Ctrl-C to the points where the caller calls the yielded check.

    A KeyboardInterrupt raised wherever the main thread happens to be can land inside
    ``concurrent.futures`` while it holds a lock, and the pool's shutdown then waits forever.
    Here the signal only sets a flag, and the check raises it in our own code, between files;
    a second Ctrl-C interrupts at once. Outside the main thread (the browser's import worker)
    or under a custom handler, nothing changes."""
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield lambda: None
        return
    pressed = threading.Event()

    def on_interrupt(_signal: int, _frame: object) -> None:
        if pressed.is_set():
            raise KeyboardInterrupt
        pressed.set()

    def check() -> None:
        if pressed.is_set():
            raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield check
    finally:
        signal.signal(signal.SIGINT, previous)
