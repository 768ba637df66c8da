"""Benchmark: replacing the browser's list contents and rendering a screen, vs OptionList.

    python -m tests.bench.tui_list [--sizes 10000 100000] [--no-optionlist]

For each archive size, the same filter results (all releases, then the hits of a few queries)
are put into the browser's ReleaseList (Line API, draws visible rows only) and into Textual's
stock OptionList (one prompt per row), in one headless 100x30 app. "replace" is the call that
swaps the contents (building the OptionList's prompts included); "render" draws one full screen
of the widget; "settle" lets the app handle what the change posted (layout, messages, paint),
minus the same wait when nothing changed;
"total" is the sum: how long a keystroke's new results take to reach the screen, search aside.
Figures are medians (and maxima) over the queries, in milliseconds.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import date

from textual.app import App, ComposeResult
from textual.content import Content
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from oim_archive.store.records import Release
from oim_archive.store.search.engine import Hit, SearchIndex, highlight_spans
from oim_archive.tui.widgets.release_list import ReleaseList, format_date
from oim_archive.tui.widgets.safe_text import line
from tests.bench.make_corpus import make_releases
from tests.support.sorting import sort_key_newest_first

QUERIES = ("", "migrants", "formation traite", "country:SN", "sante")
PHASES = ("replace", "render", "settle", "total")
SIZE = (100, 30)


class BenchApp(App[None]):
    """One list widget filling a 100x30 screen."""

    def __init__(self, widget: Widget) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        yield self.widget


def option_rows(releases: Sequence[Release], hits: Sequence[Hit] | None) -> list[Option]:
    """The OptionList equivalent of the browser's rows: one Content prompt per release."""
    chosen = releases if hits is None else [releases[h.index] for h in hits]
    return [
        Option(Content(f"{format_date(r.date)} {(r.country or '').ljust(2)} {line(r.title)}"))
        for r in chosen
    ]


async def measure(
    widget: Widget,
    replace: Callable[[Sequence[Hit] | None], None],
    results: Sequence[Sequence[Hit] | None],
) -> dict[str, list[float]]:
    """Milliseconds per phase (replace, render, settle, total), one value per result set."""
    phases: dict[str, list[float]] = {"replace": [], "render": [], "settle": [], "total": []}
    app = BenchApp(widget)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        idle = []
        for _ in range(5):
            start = time.perf_counter()
            await settle(pilot)
            idle.append(time.perf_counter() - start)
        baseline = min(idle)
        region = Region(0, 0, widget.size.width, widget.size.height)
        for hits in results:
            start = time.perf_counter()
            replace(hits)
            middle = time.perf_counter()
            strips = widget.render_lines(region)
            rendered = time.perf_counter()
            await settle(pilot)
            end = time.perf_counter() - baseline
            assert len(strips) == region.height
            phases["replace"].append((middle - start) * 1000)
            phases["render"].append((rendered - middle) * 1000)
            phases["settle"].append(max(0.0, end - rendered) * 1000)
            phases["total"].append((max(end, rendered) - start) * 1000)
    return phases


async def settle(pilot: Pilot[None]) -> None:
    """Let the app handle every message the change posted (layout, refresh) and draw the screen.

    ``pause(0)`` yields to the app without Pilot's ~20 ms idle detection; the screenshot makes
    Textual lay out and render the whole screen, as a terminal update would."""
    await pilot.pause(0)
    await pilot.pause(0)
    pilot.app.export_screenshot()


def fmt(values: list[float]) -> str:
    """``median (max)`` in ms."""
    return f"{statistics.median(values):.1f} ({max(values):.1f})"


def row(n: int, name: str, phases: dict[str, list[float]]) -> str:
    """One line of the table."""
    cells = "".join(f"{fmt(phases[p]):>20}" for p in PHASES)
    return f"{n:>8,}  {name:<12}{cells}"


async def bench_size(n: int, with_option_list: bool) -> None:
    """Print the table rows for an archive of ``n`` synthetic releases."""
    releases = sorted(make_releases(n, seed=7), key=sort_key_newest_first)
    index = SearchIndex(releases)
    results: list[Sequence[Hit] | None] = [None if not q else index.search(q) for q in QUERIES]
    counts = ", ".join(f"{len(r) if r is not None else n:,}" for r in results)

    rows = ReleaseList(find_spans=highlight_spans)

    def replace_rows(hits: Sequence[Hit] | None) -> None:
        rows.show(releases, hits)

    print(row(n, "ReleaseList", await measure(rows, replace_rows, results)))
    if with_option_list:
        options = OptionList()

        def replace_options(hits: Sequence[Hit] | None) -> None:
            options.clear_options()
            options.add_options(option_rows(releases, hits))

        print(row(n, "OptionList", await measure(options, replace_options, results)))
    print(f"{'':>8}  rows per query: {counts}")


async def run(sizes: Sequence[int], with_option_list: bool) -> None:
    """The whole table."""
    print(f"# list replace + render, {date.today()}, {platform.machine()}, {os.cpu_count()} cores")
    print(f"# python {platform.python_version()}, queries: {', '.join(repr(q) for q in QUERIES)}")
    print(f"{'rows':>8}  {'widget':<12}" + "".join(f"{p + ' ms':>20}" for p in PHASES))
    for n in sizes:
        await bench_size(n, with_option_list)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--no-optionlist", action="store_true", help="only the browser's list")
    args = parser.parse_args(argv)
    asyncio.run(run(args.sizes, not args.no_optionlist))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
