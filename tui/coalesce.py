"""Filter as you type without ever waiting for a stale query.

One worker thread at a time computes the *latest* query; keystrokes that arrive meanwhile only
replace the wanted query, so a fast typist costs at most one stale computation, never a queue.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from textual.dom import DOMNode
from textual.message import Message

T = TypeVar("T")


class FilterDone(Message):
    """A query's result, computed in the worker thread (check ``is_current`` before use)."""

    def __init__(self, source: QueryCoalescer[Any], query: str, generation: int, result: Any):
        super().__init__()
        self.source = source
        self.query = query
        self.generation = generation
        self.result = result


class QueryCoalescer(Generic[T]):
    """Run ``compute(query)`` off the UI thread for the newest requested query only."""

    def __init__(self, owner: DOMNode, compute: Callable[[str], T], name: str) -> None:
        self._owner = owner
        self._compute = compute
        self._name = name
        self._lock = threading.Lock()
        self._wanted = ""
        self._busy = False
        self._done: tuple[str, int] | None = None
        self.generation = 0

    def request(self, query: str) -> None:
        """Ask for ``query``; starts the worker unless it is already running."""
        with self._lock:
            self._wanted = query
            if self._busy:
                return
            self._busy = True
        self._owner.run_worker(
            self._run, name=self._name, group=self._name, thread=True, exit_on_error=False
        )

    def invalidate(self) -> None:
        """The data behind ``compute`` changed: results computed before are stale."""
        with self._lock:
            self.generation += 1

    def is_current(self, message: FilterDone, query: str) -> bool:
        """Whether ``message`` answers ``query`` on the current data."""
        return (
            message.source is self
            and message.generation == self.generation
            and message.query == query
        )

    def _run(self) -> None:
        try:
            while True:
                with self._lock:
                    query, generation = self._wanted, self.generation
                    if self._done == (query, generation):
                        self._busy = False
                        return
                result = self._compute(query)
                with self._lock:
                    self._done = (query, generation)
                self._owner.post_message(FilterDone(self, query, generation, result))
        except BaseException:
            with self._lock:
                self._busy = False
                self._done = None
            raise
