"""The thread's CSS selector engine for the HTML reader (lexbor's, set up once per thread)."""

from __future__ import annotations

import threading

from selectolax.lexbor import LexborCSSSelector, LexborNode

# Lexbor's CSS engine costs more to set up than a page to parse, and each parser sets up its
# own on its first query: one per thread serves every page instead (it holds no page's state).
_THREAD = threading.local()


def selector() -> LexborCSSSelector:
    """This thread's CSS selector engine."""
    engine: LexborCSSSelector | None = getattr(_THREAD, "selector", None)
    if engine is None:
        # selectolax's stub leaves this __init__ unannotated.
        engine = _THREAD.selector = LexborCSSSelector()  # type: ignore[no-untyped-call]
    return engine


def css(node: LexborNode, query: str) -> list[LexborNode]:
    """``node.css(query)`` with the thread's selector engine."""
    return selector().find(query, node)


def css_first(node: LexborNode, query: str) -> LexborNode | None:
    """``node.css_first(query)`` with the thread's selector engine (``find``, the engine's
    documented method: the few queries made this way find few nodes)."""
    found = selector().find(query, node)
    return found[0] if found else None
