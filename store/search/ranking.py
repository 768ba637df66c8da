"""Search results and the per-release columns they are ranked by, as numpy arrays: hits in
rank order (made only when read), facet codes with their masks, and JSON values kept in the
saved index file. Shared by the release and the contact search."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import repeat
from typing import Any, overload

import numpy as np
import orjson
from numpy.typing import NDArray

from oim_archive.store.search.scoring import Hit


class Ranking(Sequence[Hit]):
    """Search results in rank order; Hit objects are built only for the rows read."""

    __slots__ = ("_ids", "_order", "_scores", "terms")

    def __init__(
        self, ids: list[str], order: NDArray[Any], scores: NDArray[Any], terms: tuple[str, ...]
    ) -> None:
        self._ids = ids
        self._order = order
        self._scores = scores
        self.terms = terms  # folded words that matched, shared by every hit

    def __len__(self) -> int:
        return len(self._order)

    @overload
    def __getitem__(self, position: int) -> Hit: ...
    @overload
    def __getitem__(self, position: slice) -> list[Hit]: ...
    def __getitem__(self, position: int | slice) -> Hit | list[Hit]:
        if isinstance(position, slice):
            return self._make(self._order[position], self._scores[position])
        index = int(self._order[position])
        return Hit(index, self._ids[index], float(self._scores[position]), self.terms)

    @property
    def indices(self) -> list[int]:
        """Positions of the matching releases, best first."""
        return list(self._order.tolist())

    def hits(self, limit: int | None = None) -> list[Hit]:
        """The first `limit` hits (all when None) as a list."""
        if limit is None:
            return self._make(self._order, self._scores)
        return self._make(self._order[: max(0, limit)], self._scores[: max(0, limit)])

    def _make(self, order: NDArray[Any], scores: NDArray[Any]) -> list[Hit]:
        return _new_hits(order.tolist(), self._ids, scores.tolist(), self.terms)


def _new_hits(
    indices: list[int], ids: list[str], scores: list[float], terms: tuple[str, ...]
) -> list[Hit]:
    return list(map(Hit, indices, map(ids.__getitem__, indices), scores, repeat(terms)))


class Facet:
    """One categorical value per release, with cached boolean masks."""

    def __init__(self, values: list[str]) -> None:
        self.values = sorted(set(values))
        number = {v: i for i, v in enumerate(self.values)}
        self.codes = np.fromiter((number[v] for v in values), dtype=np.int32, count=len(values))
        self._cache: dict[frozenset[str], NDArray[Any]] = {}

    @classmethod
    def saved(cls, values: Any, codes: NDArray[Any], n: int) -> Facet:
        """The facet `values` and `codes` were saved from (ValueError when they do not fit)."""
        if not isinstance(values, list) or not all(type(v) is str for v in values):
            raise ValueError("saved facet values are not texts")
        if codes.shape != (n,) or (
            n and not 0 <= int(codes.min()) <= int(codes.max()) < len(values)
        ):
            raise ValueError("saved facet codes do not match its values")
        facet = cls.__new__(cls)
        facet.values, facet.codes, facet._cache = values, codes, {}
        return facet

    def mask(self, wanted: Iterable[str]) -> NDArray[Any]:
        key = frozenset(wanted)
        cached = self._cache.get(key)
        if cached is None:
            numbers = [i for i, v in enumerate(self.values) if v in key]
            cached = np.isin(self.codes, np.asarray(numbers, dtype=np.int32))
            if len(self._cache) > 64:
                self._cache.clear()
            self._cache[key] = cached
        return cached


def top_order(key: NDArray[Any], limit: int | None) -> NDArray[Any]:
    """Positions of the largest keys, largest first (all, or the first `limit`)."""
    if limit is not None and limit < len(key):
        if limit <= 0:
            return np.empty(0, dtype=np.int64)
        top = np.argpartition(-key, limit - 1)[:limit]
        return top[np.argsort(-key[top], kind="stable")]
    return np.argsort(-key, kind="stable")


def json_array(value: Any) -> NDArray[Any]:
    """A JSON value as bytes in an array (what the saved index file can hold)."""
    return np.frombuffer(orjson.dumps(value), dtype=np.uint8)


def from_json_array(array: NDArray[Any]) -> Any:
    """The JSON value `json_array` put in an array."""
    return orjson.loads(array.tobytes())
