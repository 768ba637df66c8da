"""Ctrl-C during an import is taken between files, in our code, never inside the pool."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from oim_archive.workers import interrupt_between_steps

needs_sigint = pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="POSIX signals")


@needs_sigint
def test_ctrl_c_waits_for_the_check_then_raises() -> None:
    reached_check = False
    with pytest.raises(KeyboardInterrupt), interrupt_between_steps() as check:
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(1000):  # the handler has run by now; nothing was raised here
            pass
        reached_check = True
        check()
    assert reached_check
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@needs_sigint
def test_a_second_ctrl_c_interrupts_at_once() -> None:
    with pytest.raises(KeyboardInterrupt), interrupt_between_steps():
        os.kill(os.getpid(), signal.SIGINT)
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(1000):
            pass
        pytest.fail("the second Ctrl-C should have interrupted")


def test_without_a_ctrl_c_the_check_does_nothing() -> None:
    with interrupt_between_steps() as check:
        check()


def test_outside_the_main_thread_nothing_changes() -> None:
    handlers: list[object] = []

    def run() -> None:
        with interrupt_between_steps() as check:
            handlers.append(signal.getsignal(signal.SIGINT))
            check()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert handlers == [signal.default_int_handler]
