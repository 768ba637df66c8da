"""Search benchmark: index build time and per-keystroke latency at 1k/10k/100k, beside fzf.

    python -m tests.bench.search [--sizes 1000,10000,100000] [--fzf-queries 8] [--no-quality]

Each size is the quality set's target pages plus synthetic distractors (tests/bench/make_corpus),
in archive order. Every quality query is typed one character at a time, as the browser does;
each keystroke is timed for `rank` + the first screen of 50 hits (what the browser needs), for
`search` returning the whole list (what the CLI uses), and for contacts. The word cache is
cleared before each query, so the figures include the first keystrokes of a fresh query.
"cached load" is `SearchIndex.cached` reading a saved word index instead of folding again.
`gc.freeze()` is called after loading, as the browser does. fzf gets the same documents (title
+ body on one line) and is timed per whole query with `fzf --filter`. With 10k in the sizes,
the quality set's hit rates (ours and fzf's) are printed too.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from oim_archive.store.search import cache as search_cache
from oim_archive.store.search.contacts import ContactSearch
from oim_archive.store.search.engine import SearchIndex, _cache_stamp
from tests import search_quality as quality

SCREEN_ROWS = 50


def _percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def _typed(queries: Sequence[str]) -> list[str]:
    """Every prefix of every query, as typed."""
    return [q[:end] for q in queries for end in range(1, len(q) + 1)]


def _keystrokes(
    queries: Sequence[str], run: Callable[[str], object], clear: Callable[[], None]
) -> list[float]:
    times: list[float] = []
    for query in queries:
        clear()
        for end in range(1, len(query) + 1):
            start = time.perf_counter()
            run(query[:end])
            times.append(time.perf_counter() - start)
    return times


def _fzf_times(queries: Sequence[str], lines: Sequence[str]) -> list[float]:
    times = []
    for query in queries:
        start = time.perf_counter()
        quality.fzf_rank(query, lines)
        times.append(time.perf_counter() - start)
    return times


def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_size(size: int, fzf_queries: int, seed: int) -> dict[str, str]:
    """One row of the table."""
    targets = len(quality.load_targets())
    corpus = quality.build_corpus(max(0, size - targets), seed)
    releases = corpus.releases
    start = time.perf_counter()
    index = SearchIndex(releases)
    build = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        saved = Path(folder) / "search.npz"
        search_cache.write(saved, _cache_stamp(releases), index._index)
        start = time.perf_counter()
        SearchIndex.cached(releases, saved)
        cached = time.perf_counter() - start
    start = time.perf_counter()
    contacts = ContactSearch(corpus.entries)
    contact_build = time.perf_counter() - start
    gc.collect()
    gc.freeze()
    queries = [q for q, _ in quality.RELEASE_QUERIES]
    clear = index.clear_cache  # cold cache at the start of each query

    def first_screen(query: str) -> None:
        ranking = index.rank(query)
        ranking[:SCREEN_ROWS]

    screen = _keystrokes(queries, first_screen, clear)
    full = _keystrokes(queries, index.search, clear)
    people = _keystrokes(
        [q for q, _ in quality.CONTACT_QUERIES], contacts.search, contacts.clear_cache
    )
    row = {
        "N": f"{len(releases):,}",
        "build s": f"{build:.2f}",
        "cached load s": f"{cached:.2f}",
        "contacts build s": f"{contact_build:.2f}",
        "keys": str(len(screen)),
        "rank p50/p95 ms": f"{_ms(statistics.median(screen))} / {_ms(_percentile(screen, 0.95))}",
        "search() p50/p95 ms": f"{_ms(statistics.median(full))} / {_ms(_percentile(full, 0.95))}",
        "contacts p50/p95 ms": f"{_ms(statistics.median(people))} / {_ms(_percentile(people, 0.95))}",
        "process max RSS MB": f"{_max_rss_mb():.0f}",
    }
    if size >= 50_000:
        fzf_queries = min(fzf_queries, 3)  # fzf takes about half a minute per query here
    if quality.fzf_available() and fzf_queries > 0:
        chosen = queries[:: max(1, len(queries) // fzf_queries)][:fzf_queries]
        fzf = _fzf_times(chosen, quality.release_lines(releases))
        ours = []
        for query in chosen:
            clear()
            start = time.perf_counter()
            first_screen(query)
            ours.append(time.perf_counter() - start)
        row["fzf p50/p95 ms"] = f"{_ms(statistics.median(fzf))} / {_ms(_percentile(fzf, 0.95))}"
        row["ours, same whole queries p50/p95 ms"] = (
            f"{_ms(statistics.median(ours))} / {_ms(_percentile(ours, 0.95))}"
        )
    gc.unfreeze()
    return row


def print_table(rows: list[dict[str, str]]) -> None:
    """A Markdown table (pastes into the README)."""
    columns = list(dict.fromkeys(key for row in rows for key in row))
    print("| " + " | ".join(columns) + " |")
    print("|" + "|".join("---" for _ in columns) + "|")
    for row in rows:
        print("| " + " | ".join(row.get(c, "") for c in columns) + " |")


def print_quality(seed: int, with_fzf: bool) -> None:
    """Hit rates of the quality set at 10k distractors, ours beside fzf's."""
    corpus = quality.build_corpus(10_000, seed)
    releases, contacts = quality.engine_scores(corpus)
    print(f"\nQuality set, {len(corpus.releases):,} releases (targets + 10,000 distractors):")
    print(
        f"  oim-archive: releases in top {quality.TOP_RELEASES}: {releases.found}/{releases.total}"
        f" ({releases.rate:.0%}); contacts first: {contacts.found}/{contacts.total}"
        f" ({contacts.rate:.0%})"
    )
    if releases.misses or contacts.misses:
        print(f"    missed: {releases.misses + contacts.misses}")
    if with_fzf and quality.fzf_available():
        start = time.perf_counter()
        f_releases, f_contacts = quality.fzf_scores(corpus)
        print(
            f"  fzf --filter: releases in top {quality.TOP_RELEASES}: {f_releases.found}/"
            f"{f_releases.total} ({f_releases.rate:.0%}); contacts first: {f_contacts.found}/"
            f"{f_contacts.total} ({f_contacts.rate:.0%})"
            f"  [{time.perf_counter() - start:.0f} s]"
        )
        print(f"    missed: {f_releases.misses + f_contacts.misses}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Search latency and build-time benchmark.")
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated N")
    parser.add_argument("--fzf-queries", type=int, default=8, help="queries timed with fzf")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-quality", action="store_true", help="skip the quality set")
    parser.add_argument("--no-fzf-quality", action="store_true", help="quality set without fzf")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(
        f"# search benchmark {date.today()} · {platform.processor() or platform.machine()}"
        f" · {os.cpu_count()} cores · Python"
        f" {platform.python_version()}"
    )
    rows = []
    for size in sizes:
        print(f"… N={size:,}", file=sys.stderr, flush=True)
        rows.append(bench_size(size, args.fzf_queries, args.seed))
    print_table(rows)
    if not args.no_quality and 10_000 in sizes:
        print_quality(args.seed, not args.no_fzf_quality)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
