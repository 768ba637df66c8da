"""Building a word index: each document's raw texts, one per tier, folded once per distinct
token into term ids, collected per tier, then sorted into posting lists (``WordIndex``).

Builders made from disjoint documents in separate processes (a first start's word passes) are
put together with ``WordIndexBuilder.merged`` before the index is made; the index is the same
as one builder's would be.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from oim_archive.store import stopping
from oim_archive.store.search.fold import fold_words

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from oim_archive.store.search.index import WordIndex

    # One tier's postings as built: (weight, offsets per term, documents).
    BuiltTier = tuple[float, NDArray[Any], NDArray[Any]]


class _Vocabulary(dict[str, int]):
    """Term -> id in first-seen order; a new term gets the next id on lookup."""

    def __missing__(self, term: str) -> int:
        number = self[term] = len(self)
        return number


class _RawTokens(dict[str, int]):
    """Raw token -> the term id of its folded word, filled on first lookup. A token that folds
    to several words (``l'OIM``) or to none (``—``) gets a negative code instead, whose term
    ids ``compounds[-1 - code]`` holds: an int per token rather than a tuple made the lookups
    ~10 % faster and a 100k first start's peak ~8 MB lower."""

    def __init__(self, term_id: Callable[[str], int]) -> None:
        super().__init__()
        self._term_id = term_id
        self.compounds: list[tuple[int, ...]] = []

    def __missing__(self, token: str) -> int:
        ids = tuple(map(self._term_id, fold_words(token)))
        if len(ids) == 1:
            code = ids[0]
        else:
            code = -1 - len(self.compounds)
            self.compounds.append(ids)
        self[token] = code
        return code

    def term_ids(self, text: str) -> set[int]:
        """The term ids of the words of a raw text."""
        ids = set(map(self.__getitem__, text.split()))
        if ids and min(ids) < 0:
            codes = [code for code in ids if code < 0]
            ids.difference_update(codes)
            compounds = self.compounds
            for code in codes:
                ids.update(compounds[-1 - code])
        return ids


class WordIndexBuilder:
    """Collects the words of documents given in any order, a document's tiers in one call or
    split over two (e.g. its list fields as its record is read, its body when that is), then
    makes the `WordIndex` (`finish`)."""

    def __init__(self, weights: Sequence[float]) -> None:
        if list(weights) != sorted(weights, reverse=True):
            raise ValueError("tier weights must be in decreasing order")
        self.weights = tuple(weights)
        self._vocab = _Vocabulary()
        # Raw whitespace-separated tokens repeat across documents ("l'OIM,", "Tunisie."): fold
        # each distinct one once and keep its term ids.
        self._tokens = _RawTokens(self._vocab.__getitem__)
        # Per tier: term ids, and the document and term count of each call that added some.
        self._terms = [array("i") for _ in weights]
        self._docs = [array("i") for _ in weights]
        self._counts = [array("i") for _ in weights]
        # Term ids of a document's first tiers, while its later tiers are still to come.
        self._pending: dict[int, tuple[int, ...]] = {}

    def __getstate__(self) -> dict[str, Any]:
        """Sent to another process without its cache of raw tokens (made anew, empty)."""
        state = self.__dict__.copy()
        state.pop("_tokens", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._tokens = _RawTokens(self._vocab.__getitem__)

    def term_count(self) -> int:
        """The term ids collected in the big arrays (since they were last taken)."""
        return sum(map(len, self._terms))

    def take_arrays(self) -> list[array[int]]:
        """The builder's big arrays, taken out of it and left empty (to be sent apart from
        the rest, without a pickled copy of them); ``put_arrays`` puts back all that was
        taken, joined."""
        arrays = [*self._terms, *self._docs, *self._counts]
        self._terms, self._docs, self._counts = ([array("i") for _ in self.weights] for _ in "tdc")
        return arrays

    def put_arrays(self, arrays: Sequence[array[int]]) -> None:
        """Put back (in place of the arrays left) what ``take_arrays`` took, in its order."""
        tiers = len(self.weights)
        if len(arrays) != 3 * tiers:
            raise ValueError("not the arrays of this builder")
        self._terms = list(arrays[:tiers])
        self._docs = list(arrays[tiers : 2 * tiers])
        self._counts = list(arrays[2 * tiers :])

    @classmethod
    def merged(
        cls, parts: Sequence[WordIndexBuilder], first_docs: Sequence[int]
    ) -> WordIndexBuilder:
        """One builder of the documents of ``parts`` (builders of disjoint documents, the same
        weights): document ``d`` of part ``i`` becomes ``first_docs[i] + d``. The parts are
        spent (their lists are freed as they are taken)."""
        import numpy as np

        merged = cls(parts[0].weights)
        vocab = merged._vocab
        for part, first in zip(parts, first_docs, strict=True):
            stopping.check()
            if part.weights != merged.weights:
                raise ValueError("the parts have other tier weights")
            # The part's term ids are its first-seen order: its vocabulary's insertion order.
            term_id = np.fromiter(map(vocab.__getitem__, part._vocab), np.int32, len(part._vocab))
            for tier in range(len(merged.weights)):
                terms = np.frombuffer(part._terms[tier], dtype=np.int32)
                merged._terms[tier].frombytes(term_id[terms].tobytes())
                docs = np.frombuffer(part._docs[tier], dtype=np.int32)
                merged._docs[tier].frombytes((docs + np.int32(first)).astype(np.int32).tobytes())
                merged._counts[tier].extend(part._counts[tier])
                del terms, docs
                part._terms[tier] = part._docs[tier] = part._counts[tier] = array("i")
            for doc, ids in part._pending.items():
                merged._pending[first + doc] = tuple(term_id[list(ids)].tolist())
        return merged

    def add(self, doc: int, first_tier: int, texts: Sequence[str]) -> None:
        """The raw texts of tiers ``first_tier``, ``first_tier + 1``… of document ``doc`` (its
        earlier tiers added before, its later ones to come); each (doc, tier) once."""
        term_ids = self._tokens.term_ids
        seen: set[int] = set(self._pending.pop(doc, ())) if first_tier else set()
        tier = first_tier
        for text in texts:
            ids = term_ids(text)
            ids -= seen
            seen |= ids
            if ids:
                self._terms[tier].extend(ids)
                self._docs[tier].append(doc)
                self._counts[tier].append(len(ids))
            tier += 1
        if tier < len(self.weights):
            self._pending[doc] = tuple(seen)

    def build(self, n_docs: int, renumber: Sequence[int] | None = None) -> WordIndex:
        """The index of documents 0 to ``n_docs - 1``; the builder is spent. ``renumber``:
        the document each one added is (``renumber[doc]``), when they were added under other
        numbers (e.g. in file order, before the list's order was known)."""
        from oim_archive.store.search.index import WordIndex

        index = WordIndex.__new__(WordIndex)
        self.finish(index, n_docs, renumber)
        return index

    def finish(self, index: WordIndex, n_docs: int, renumber: Sequence[int] | None = None) -> None:
        """Fill ``index`` (documents numbered 0 to ``n_docs - 1``, or as ``renumber`` says);
        the builder is spent."""
        import numpy as np

        vocab = self._vocab
        del self._vocab, self._tokens, self._pending
        terms = sorted(vocab)
        # Term ids were given in first-seen order; postings use the rank in the sorted vocabulary.
        rank_by_first_seen = np.empty(len(vocab), dtype=np.int32)
        rank_by_first_seen[np.fromiter(map(vocab.__getitem__, terms), np.int32, len(vocab))] = (
            np.arange(len(vocab), dtype=np.int32)
        )
        del vocab
        numbers = None if renumber is None else np.asarray(renumber, dtype=np.int32)

        def docs_of(added: array[int]) -> NDArray[Any]:
            docs = np.frombuffer(added, dtype=np.int32)
            return docs if numbers is None else numbers[docs]

        first_sizes = np.zeros(n_docs, dtype=np.int32)
        first_sizes[docs_of(self._docs[0])] = np.frombuffer(self._counts[0], dtype=np.int32)
        tiers: list[BuiltTier] = []
        for weight in self.weights:  # each tier's raw lists are freed as soon as it is built
            stopping.check()
            tiers.append(
                _build_tier(
                    weight,
                    len(terms),
                    rank_by_first_seen[np.frombuffer(self._terms.pop(0), dtype=np.int32)],
                    docs_of(self._docs.pop(0)),
                    np.frombuffer(self._counts.pop(0), dtype=np.int32),
                )
            )
        index.set_contents(n_docs, terms, np.maximum(first_sizes, 1), tiers)


def _build_tier(
    weight: float,
    n_terms: int,
    term_ids: NDArray[Any],
    docs: NDArray[Any],
    counts: NDArray[Any],
) -> BuiltTier:
    """One tier's postings from its term ids, given ``counts[i]`` at a time for ``docs[i]``.
    Peak memory ~ 12 bytes per posting: 100k releases' bodies are ~11M."""
    import numpy as np

    if not len(term_ids):
        return weight, np.zeros(n_terms + 1, dtype=np.int64), np.empty(0, np.int32)
    offsets = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(np.bincount(term_ids, minlength=n_terms), out=offsets[1:])
    # One sort of (term, document) keys groups postings by term, documents ascending. The
    # keys are unique, so an in-place unstable sort gives the same order with no buffer.
    keys = term_ids.astype(np.int64)
    del term_ids
    keys <<= 32
    keys |= np.repeat(docs, counts)
    keys.sort()
    keys &= 0xFFFFFFFF
    return weight, offsets, keys.astype(np.int32)
