"""Frozen search results: the word index and the rankings of a fixed set of queries over
generated releases plus hand-written tricky ones (other scripts, stray marks, ligatures, odd
spaces), as the index built them before its build was made faster.

`tests/store/test_search_golden.py` checks that today's index gives exactly these; the file
was written with the code before the change (commit 63370e7):

    python -m tests.support.search_golden --write
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np

from oim_archive.store.records import Contact, Release
from oim_archive.store.search.engine import SearchIndex
from oim_archive.store.search.index import WordIndex
from tests.bench.make_corpus import make_releases

GOLDEN = Path(__file__).resolve().parents[1] / "store" / "search_golden.json"
TOP = 40

# Words, prefixes, typos, accents, elisions, digits, other scripts, facets.
QUERIES = (
    "traite",
    "trai",
    "t",
    "formation tunis",
    "formtion",
    "genève",
    "geneve",
    "GENÈVE",
    "migrants senegal",
    "migarnts",
    "l'oim",
    "d ivoire",
    "côte d'ivoire",
    "oeuvre",
    "œuvre",
    "strasse",
    "2019",
    "20",
    "москва",
    "москв",
    "القاهرة",
    "東京",
    "aҁb",
    "abcd",
    "cd",
    "efgh",
    "gh",
    "fin",
    "naïve",
    "финансирование",
    "retour volontaire assistance",
    "country:TN",
    "country:senegal formation",
    "year:2019 traite",
    "year:undated",
    "lang:es migracion",
    "lang:en trafficking",
    "pays:maroc",
    "zzzzqx",
)

# Text where folding a whole field at once could differ from folding it word by word.
TRICKY = (
    ("Réunion à Москва et à Genève", "Les œuvres de l’OIM à Москва, Straße 5 et ﬁnancé."),
    ("Arabic القاهرة news", "Un texte\u00a0avec\u2009des espaces\u2028et القاهرة القاهرة."),
    ("Marks", "ab\u0483cd e\u0301te\u0301 ab\u20d0cd aҁb a\u05b0b x\u00a8y a_b 東京 Tōkyō"),
    ("Symbols only — « » …", "² ³ ½ ℃ Ⅻ ﬀ ǅemal İstanbul ΣΑΣ σας ß ẞ"),
    ("Naïve coöperation", "finansirovaniye финансирование naïve NAÏVE e\u0301\u0327"),
    ("Latin marks only", "ab\u0483cd ef\u20d0gh e\u0301te\u0301 x\u00a8y\u2028z «a»\x85b ﬁn"),
    ("", "\u0301 \u0483 ’ l’ d’Ivoire d'Ivoire co‐développement"),
)


def tricky_releases() -> list[Release]:
    """Hand-written releases whose texts mix scripts, marks, ligatures and odd spaces."""
    releases = []
    for number, (title, body) in enumerate(TRICKY):
        releases.append(
            Release(
                title=title or f"Sans titre {number}",
                body=body,
                country=("TN", "SN", None)[number % 3],
                country_name=("Tunisie", "Sénégal", None)[number % 3],
                dateline="GENÈVE – Москва" if number % 2 else None,
                date=f"2019-0{number + 1}-01" if number % 2 else None,
                contacts=[Contact(f"Ana María Œdipe {number}", "OIM Тбилиси")],
            )
        )
    return releases


def golden_releases() -> list[Release]:
    """The releases the golden results are made from."""
    return make_releases(1500, seed=11) + tricky_releases()


def saved_arrays(path: Path) -> dict[str, bytes]:
    """The arrays of a saved index file, as bytes (two saves compare equal when the same)."""
    with np.load(path) as saved:
        return {name: saved[name].tobytes() for name in saved.files}


def word_arrays(index: WordIndex) -> dict[str, bytes]:
    """A word index's arrays as bytes (``to_arrays``)."""
    return {name: values.tobytes() for name, values in index.to_arrays().items()}


def _digest(index: SearchIndex) -> dict[str, str]:
    words = index._index  # the arrays frozen
    return {
        key: hashlib.sha256(array.tobytes()).hexdigest()
        for key, array in sorted(words.to_arrays().items())
    }


def results(index: SearchIndex) -> dict[str, Any]:
    """What the golden file holds for this index."""
    rankings = {}
    for query in QUERIES:
        ranking = index.rank(query)
        rankings[query] = {
            "count": len(ranking),
            "terms": list(ranking.terms),
            "top": [[hit.release_id, hit.score] for hit in ranking.hits(TOP)],
        }
    return {"arrays": _digest(index), "rankings": rankings}


def corpus_digest(releases: list[Release]) -> str:
    """Which releases the file was made from (a changed generator makes it stale)."""
    return hashlib.sha256("\n".join(r.id for r in releases).encode()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--write", action="store_true", help=f"write {GOLDEN.name}")
    args = parser.parse_args(argv)
    releases = golden_releases()
    made = {"corpus": corpus_digest(releases), **results(SearchIndex(releases))}
    text = json.dumps(made, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if args.write:
        GOLDEN.write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
