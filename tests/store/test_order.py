"""The list orders: oldest first keeps undated last, country and title sort as a person sorts."""

from __future__ import annotations

from oim_archive.store.order import ORDERS, next_order, ordered
from oim_archive.store.records import Release


def releases() -> list[Release]:
    return [  # newest first, as the archive gives them
        Release(title="Zèbre", body="b", date="2021-01-01", country="SN", country_name="Sénégal"),
        Release(
            title="éléphant", body="b", date="2020-01-01", country="SR", country_name="Suriname"
        ),
        Release(title="Abeille", body="b", date="2019-01-01", country="EG", country_name="Égypte"),
        Release(title="Mouche", body="b"),
    ]


def titles(items) -> list[str]:
    return [r.title for r in items]


def test_orders():
    rows = releases()
    assert titles(ordered(rows, "newest")) == ["Zèbre", "éléphant", "Abeille", "Mouche"]
    assert titles(ordered(rows, "oldest")) == ["Abeille", "éléphant", "Zèbre", "Mouche"]
    assert titles(ordered(rows, "country")) == ["Abeille", "Zèbre", "éléphant", "Mouche"]
    assert titles(ordered(rows, "title")) == ["Abeille", "éléphant", "Mouche", "Zèbre"]


def test_next_order_cycles():
    seen = [ORDERS[0]]
    for _ in ORDERS:
        seen.append(next_order(seen[-1]))
    assert seen == [*ORDERS, ORDERS[0]]
    assert next_order("sideways") == "newest"
