"""The orders the release list offers: newest first (as stored), oldest first, country, title."""

from __future__ import annotations

from collections.abc import Sequence

from oim_archive.store.records import Release
from oim_archive.store.search.fold import fold

ORDERS = ("newest", "oldest", "country", "title")


def next_order(order: str) -> str:
    """The order after ``order`` in the cycle ``s`` walks."""
    return ORDERS[(ORDERS.index(order) + 1) % len(ORDERS)] if order in ORDERS else ORDERS[0]


def ordered(newest_first: Sequence[Release], order: str) -> Sequence[Release]:
    """``newest_first`` (the archive's order, undated last) in ``order``; undated and
    countryless releases stay last, ties keep the newest first."""
    if order == "oldest":
        dated = [r for r in newest_first if r.date]
        return dated[::-1] + [r for r in newest_first if not r.date]
    if order == "country":
        return sorted(newest_first, key=lambda r: _last_if_empty(r.country_name or r.country))
    if order == "title":
        return sorted(newest_first, key=lambda r: _last_if_empty(r.title))
    return newest_first


def _last_if_empty(text: str | None) -> tuple[bool, str]:
    folded = fold(text or "")
    return (not folded, folded)
