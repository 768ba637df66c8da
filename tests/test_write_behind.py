"""Batches written behind the work that makes them: one at a time, in order, results and
errors given back in the caller's thread, never left half way."""

from __future__ import annotations

import threading
import time

import pytest

from oim_archive.write_behind import WriteBehind


class _Writes:
    def __init__(self, fail_on: int | None = None) -> None:
        self.busy = threading.Lock()
        self.order: list[int] = []
        self.threads: set[int] = set()
        self.fail_on = fail_on

    def write(self, batch: int) -> str:
        if not self.busy.acquire(blocking=False):
            raise AssertionError("two writes at once")
        try:
            time.sleep(0.02)
            if batch == self.fail_on:
                raise OSError(f"disk full at batch {batch}")
            self.order.append(batch)
            self.threads.add(threading.get_ident())
            return f"wrote {batch}"
        finally:
            self.busy.release()


def test_batches_are_written_one_at_a_time_in_order_results_given_here() -> None:
    writes = _Writes()
    done: list[tuple[str, int]] = []
    here = threading.get_ident()
    with WriteBehind(
        writes.write, lambda result: done.append((result, threading.get_ident()))
    ) as w:
        for batch in range(5):
            w.write_behind(batch)
        w.write_now(5)
    assert writes.order == [0, 1, 2, 3, 4, 5]
    assert done == [(f"wrote {n}", here) for n in range(6)]
    assert len(writes.threads) == 2  # the writer thread, and here for the last


def test_a_failed_write_is_raised_at_the_next_call_after_the_results_before_it() -> None:
    writes = _Writes(fail_on=1)
    done: list[str] = []
    with WriteBehind(writes.write, done.append) as w:
        w.write_behind(0)
        w.write_behind(1)
        with pytest.raises(OSError, match="disk full at batch 1"):
            w.write_behind(2)
    assert done == ["wrote 0"]
    assert writes.order == [0]


def test_leaving_early_waits_for_the_write_going_on() -> None:
    writes = _Writes()
    with pytest.raises(KeyboardInterrupt), WriteBehind(writes.write, lambda _: None) as w:
        w.write_behind(7)
        raise KeyboardInterrupt
    assert writes.order == [7]
    assert not writes.busy.locked()
