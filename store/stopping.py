"""Long reads that stop when asked: the browser quitting while it reads a big archive.

A read of 100,000 releases on a first start takes seconds; the thread that runs it cannot be
interrupted, and a program waits for its threads before it ends. So the store's long loops
call :func:`check` between chunks, and the caller that may want them to stop runs them inside
:func:`stop_when`, with a function telling whether to stop. Stopping raises
:class:`ReadStopped` between two steps: what a read writes (list catalog, saved index) is
written whole or not at all, and the word passes it started are stopped with it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

# Per thread (each worker thread runs in a context of its own): None when nothing may stop it.
_SHOULD_STOP: ContextVar[Callable[[], bool] | None] = ContextVar("should_stop", default=None)
# Items of a long loop between two checks: a check costs ~0.1 µs, an item several.
CHECK_EVERY = 2048


class ReadStopped(Exception):
    """The read was asked to stop (the program is ending); nothing it left is half-written."""


@contextlib.contextmanager
def stop_when(should_stop: Callable[[], bool]) -> Iterator[None]:
    """Within the block, the store's long loops stop (ReadStopped) once ``should_stop()``."""
    token = _SHOULD_STOP.set(should_stop)
    try:
        yield
    finally:
        _SHOULD_STOP.reset(token)


def check() -> None:
    """Raise ReadStopped when the caller asked the read to stop."""
    should_stop = _SHOULD_STOP.get()
    if should_stop is not None and should_stop():
        raise ReadStopped


def checked(items: Iterable[T], every: int = CHECK_EVERY) -> Iterator[T]:
    """The items, with a :func:`check` before the first and every ``every`` after it."""
    if _SHOULD_STOP.get() is None:
        yield from items
        return
    for count, item in enumerate(items):
        if count % every == 0:
            check()
        yield item
