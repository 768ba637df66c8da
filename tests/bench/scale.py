"""Scale benchmark: import, CLI commands, start-up, keystroke -> screen and memory at 1k / 10k /
100k releases.

Every figure is printed beside a comparison measured in the same run:
- import            vs reading the same files in Python and running one regex over each
                    (text pages; "import HTML" is the same releases as saved HTML articles);
- CLI search, contacts QUERY, show  vs `oim-archive list | head -1` on the same archive;
- start-up          vs a minimal Textual app showing one label, both in the same tmux setup;
- keystroke->screen vs fzf on the same titles, in the same tmux setup;
- CLI writes (import 1k more pages, remove)  vs copying the archive file;
- memory            peak RSS of the browser with the archive loaded, and of each CLI command,
                    beside the archive size.

    python -m tests.bench.scale                 # 1k and 10k
    python -m tests.bench.scale --sizes 1000,10000,100000
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from oim_archive.ingest import import_paths
from oim_archive.store.file.archive import Archive
from tests.bench.import_speed import as_html
from tests.bench.make_corpus import make_pages, make_releases
from tests.bench.tmux import SLOW_POLL, TmuxSession, tmux_available

QUERIES = ("traite", "formation tunis", "genève")
TITLE_WORD = "migrants"  # in many generated titles: typed on a first start
MINIMAL_APP = (
    "from textual.app import App\n"
    "from textual.widgets import Label\n"
    "class Minimal(App):\n"
    "    def compose(self):\n"
    "        yield Label('minimal-app-ready')\n"
    "Minimal().run()\n"
)

COMPILE_PACKAGE = (
    "import compileall, importlib\n"
    "for name in ('oim_archive', 'oim_archive.store', 'oim_archive.importers', 'oim_archive.tui'):\n"
    "    for folder in importlib.import_module(name).__path__:\n"
    "        compileall.compile_dir(folder, quiet=2)\n"
)


def compile_package(python: str = sys.executable) -> None:
    """Write the bytecode of the ``oim_archive`` that ``python`` imports, as an installed copy
    has it. An editable install under ``PYTHONDONTWRITEBYTECODE`` (set on some machines, this
    one included) would otherwise compile each changed module from source at every start,
    while Textual's bytecode, written by pip, is always there."""
    subprocess.run([python, "-c", COMPILE_PACKAGE], check=True)


@dataclass
class Row:
    """Figures for one archive size."""

    n: int
    figures: dict[str, str] = field(default_factory=dict)


def corpus_dir(root: Path, n: int, seed: int = 1, *, html: bool = False) -> Path:
    """A folder of ``n`` generated raw pages, made once and reused; with ``html``, the same
    releases as saved HTML articles (as ``tests.bench.import_speed`` builds them)."""
    base = f"corpus-{n}" if seed == 1 else f"corpus-{n}-seed{seed}"
    folder = root / (f"{base}-html" if html else base)
    done = folder / ".complete"
    if done.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    pages = make_pages(n, seed=seed)
    if html:
        pages = (
            (name.replace(".txt", ".html"), as_html(data, release))
            for (name, data), release in zip(pages, make_releases(n, seed=seed), strict=True)
        )
    for name, data in pages:
        (folder / name).write_bytes(data)
    done.touch()
    # Out to disk now: an import timed right after would share the disk with the kernel
    # writing back the new files (GB at 100k HTML pages).
    if hasattr(os, "sync"):  # Unix
        os.sync()
    return folder


def floor_read_and_regex(folder: Path) -> float:
    """Seconds to read every file and run one regex over it: the floor for import."""
    pattern = re.compile(rb"(?m)^Pour plus d|^For more|^Para m")
    start = time.perf_counter()
    for path in sorted(folder.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            pattern.search(path.read_bytes())
    return time.perf_counter() - start


def bench_import(folder: Path, db: Path, n: int, row: Row) -> None:
    floor = floor_read_and_regex(folder)
    archive = Archive(db)
    start = time.perf_counter()
    report = import_paths(archive, [folder])
    took = time.perf_counter() - start
    count = len(report.imported)
    again_start = time.perf_counter()
    again = import_paths(Archive(db), [folder])
    again_took = time.perf_counter() - again_start
    row.figures["import rel/s"] = (
        f"{count / took:,.0f} ({took:.2f} s, {archive.write_count} writes)"
    )
    row.figures["re-import rel/s"] = (
        f"{len(again.duplicates) / again_took:,.0f} ({again_took:.2f} s)"
    )
    row.figures["floor files/s"] = f"{n / floor:,.0f} ({floor:.2f} s)"
    row.figures["archive MB"] = f"{db.stat().st_size / 1e6:.1f}"


def bench_import_html(folder: Path, db: Path, row: Row) -> None:
    """The same releases as saved HTML articles, into an archive of their own."""
    for stale in db.parent.glob(f"{db.name}*"):
        stale.unlink()
    archive = Archive(db)
    start = time.perf_counter()
    report = import_paths(archive, [folder])
    took = time.perf_counter() - start
    row.figures["import HTML rel/s"] = (
        f"{len(report.imported) / took:,.0f} ({took:.2f} s, {archive.write_count} writes)"
    )


PEAK_RSS = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def _cli(db: Path) -> str:
    script = Path(sys.executable).with_name("oim-archive")
    return f"'{script}' --db '{db}'"


def _timed(command: str, env: dict[str, str], repeat: int = 3) -> float:
    """Median wall-clock seconds of a shell command (process start included, as a user sees)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(["bash", "-c", command], env=env, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):  # 1: nothing matched, at a tiny size
            raise RuntimeError(f"{command}: exit status {done.returncode}")
    return statistics.median(times)


def _peak_mb(argv: list[str], env: dict[str, str]) -> float:
    """Peak RSS of one command, in MB."""
    done = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, *argv], env=env, capture_output=True, check=True
    )
    return int(done.stdout.split()[-1]) / 1024


def bench_cli(db: Path, cache: Path, row: Row) -> None:
    """CLI commands against `list | head -1`, from the saved catalog and index (made by the
    first command that needs them), plus the first search with no saved index at all."""
    env = {**os.environ, "OIM_ARCHIVE_CACHE": str(cache)}
    shutil.rmtree(cache, ignore_errors=True)
    archive = Archive(db)
    releases = archive.releases()
    some_id = releases[len(releases) // 2].id
    name = next(c.name for r in releases for c in r.contacts if c.name).split()[-1]
    del releases, archive
    cli = _cli(db)
    script = str(Path(sys.executable).with_name("oim-archive"))
    # The first search on an archive copied from elsewhere builds and saves list and index.
    cold_peak = _peak_mb([script, "--db", str(db), "search", "traite"], env)
    shutil.rmtree(cache, ignore_errors=True)
    cold = _timed(f"{cli} search traite", env, repeat=1)
    head = _timed(f"{cli} list | head -1", env)
    commands = {
        "search": f"{cli} search traite",
        "contacts QUERY": f"{cli} contacts {name}",
        "show": f"{cli} show {some_id}",
    }
    for label, command in commands.items():
        took = _timed(command, env)
        row.figures[f"CLI {label} s vs list|head -1"] = (
            f"{took:.2f} vs {head:.2f} ({took / head:.1f}x)"
        )
    row.figures["CLI search, no saved index s"] = f"{cold:.2f}"
    peaks = {
        label: _peak_mb([script, "--db", str(db), *argv], env)
        for label, argv in {
            "list": ["list"],
            "search": ["search", "traite"],
            "contacts": ["contacts", name],
            "show": ["show", some_id],
            "list --json": ["list", "--json"],
            "dump": ["dump", "-"],
        }.items()
    }
    worst = max(peaks, key=peaks.__getitem__)
    row.figures["CLI peak RSS MB (worst)"] = f"{peaks[worst]:.0f} ({worst})"
    row.figures["CLI peak RSS MB (search)"] = f"{peaks['search']:.0f}"
    row.figures["CLI peak RSS MB (no saved index)"] = f"{cold_peak:.0f} (search)"
    row.figures["CLI peak RSS MB list/show/contacts/json/dump"] = " / ".join(
        f"{peaks[label]:.0f}" for label in ("list", "show", "contacts", "list --json", "dump")
    )


def bench_cli_writes(db: Path, work: Path, cache: Path, row: Row) -> None:
    """Writes to the archive from the CLI, each on a fresh copy of it: importing 1,000 new
    pages and removing one release, beside copying the archive file (reading and writing
    it once, the least a rewrite costs)."""
    env = {**os.environ, "OIM_ARCHIVE_CACHE": str(cache)}
    more = corpus_dir(work, 1000, seed=2)
    copy = db.with_name(db.name + ".copy")
    script = str(Path(sys.executable).with_name("oim-archive"))
    some_id = Archive(db).releases()[0].id
    plain = _timed(f"cp '{db}' '{copy}'", env)
    writes = {
        "import 1k more": ["import", str(more)],
        "remove": ["remove", some_id],
    }
    took, peaks = {}, {}
    for label, argv in writes.items():
        shutil.copyfile(db, copy)
        took[label] = _timed(f"{_cli(copy)} {' '.join(argv)}", env, repeat=1)
        shutil.copyfile(db, copy)
        peaks[label] = _peak_mb([script, "--db", str(copy), *argv], env)
    for stale in copy.parent.glob(copy.name + "*"):
        stale.unlink()
    row.figures["CLI import 1k more / remove s vs cp"] = (
        f"{took['import 1k more']:.2f} / {took['remove']:.2f} vs {plain:.2f}"
    )
    row.figures["CLI peak RSS MB import 1k more / remove"] = (
        f"{peaks['import 1k more']:.0f} / {peaks['remove']:.0f}"
    )


def _browser_argv(db: Path) -> list[str]:
    script = Path(sys.executable).with_name("oim-archive")
    return [str(script), "--db", str(db), "--export-dir", tempfile.gettempdir()]


def first_start(argv: list[str], n: int, env: dict[str, str]) -> tuple[float, ...]:
    """The browser's first start (the caller emptied the cache: no list catalog, no saved
    index): seconds to the list, to a title word typed as soon as it shows filtering it (the
    titles are searched meanwhile), to the whole index; peak RSS MB once the contact
    directory, built after search, is saved (as a user who keeps the browser open has it),
    of the browser alone and of the browser with its word passes (summed as they run)."""
    with TmuxSession() as session:
        session.start(argv, env=env)
        tree = session.watch_tree_rss()
        listed, _ = session.wait_for(rf"{n:,} / {n:,} releases", timeout=300, poll=SLOW_POLL)
        session.send("/")
        session.send(TITLE_WORD, literal=True)
        typed, _ = session.wait_for(rf"filter: {TITLE_WORD}\b", timeout=600, poll=SLOW_POLL)
        session.send("C-u")
        session.send("Escape")
        whole, _ = session.wait_for(lambda screen: _ready(screen, n), timeout=600, poll=SLOW_POLL)
        session.wait_for(lambda screen: _idle(screen, n), timeout=600, poll=SLOW_POLL)
        together = tree.stop()
        return listed, listed + typed, listed + typed + whole, session.peak_rss_mb(), together


def normal_start(argv: list[str], n: int, env: dict[str, str]) -> tuple[float, float]:
    """Seconds to the list and to search ready, with the cache a first start made."""
    with TmuxSession() as session:
        session.start(argv, env=env)
        listed, _ = session.wait_for(rf"{n:,} / {n:,} releases", timeout=300)
        ready, _ = session.wait_for(lambda screen: _ready(screen, n), timeout=300)
        return listed, listed + ready


# Starts timed of the browser and of the one-label app, alternated; medians printed (three
# rounds moved the ratio by ~0.1 between runs on the shared machine).
START_ROUNDS = 5


def bench_startup_and_keys(db: Path, n: int, titles: Path, cache: Path, row: Row) -> None:
    env = {"OIM_ARCHIVE_CACHE": str(cache)}
    shutil.rmtree(cache, ignore_errors=True)
    cold, titled, searchable, cold_peak, with_passes = first_start(_browser_argv(db), n, env)
    minimal = []
    browser = []
    ready = []
    for _ in range(START_ROUNDS):
        with TmuxSession() as session:
            session.start([sys.executable, "-c", MINIMAL_APP])
            waited, _ = session.wait_for("minimal-app-ready")
            minimal.append(waited)
        listed, searched = normal_start(_browser_argv(db), n, env)
        browser.append(listed)
        ready.append(searched)
    row.figures["first start s (list / titles / search)"] = (
        f"{cold:.2f} / {titled:.2f} / {searchable:.2f}"
    )
    started, bare = statistics.median(browser), statistics.median(minimal)
    row.figures["start s (list / search)"] = f"{started:.2f} / {statistics.median(ready):.2f}"
    row.figures["start-up s vs minimal app"] = (
        f"{started:.2f} vs {bare:.2f} ({started / bare:.2f}x)"
    )
    with TmuxSession() as session:
        session.start(_browser_argv(db), env=env)
        session.wait_for(lambda screen: _idle(screen, n), timeout=600)
        ours = _type_queries(session, lambda prefix: rf"filter: {re.escape(prefix)}\b")
        row.figures["browser peak RSS MB"] = f"{session.peak_rss_mb():.0f}"
    row.figures["browser peak RSS MB, first start"] = f"{cold_peak:.0f}"
    row.figures["first start peak RSS MB, with word passes"] = f"{with_passes:.0f}"
    fzf = _fzf_keystrokes(titles, n)
    row.figures["key->screen p50/p95 ms"] = _pct(ours)
    row.figures["fzf key->screen p50/p95 ms"] = _pct(fzf) if fzf else "fzf missing"


def _ready(screen: str, n: int) -> bool:
    """The status line shows every release and no 'indexing…' note: search is ready."""
    pattern = re.compile(rf"\s*{n:,} / {n:,} releases\b")
    return any(pattern.match(line) and "indexing" not in line for line in screen.splitlines())


def _idle(screen: str, n: int) -> bool:
    """Search is ready and the progress bar is gone: the load worker has finished (the contact
    directory, built after search, included)."""
    pattern = re.compile(rf"\s*{n:,} / {n:,} releases\b")
    return any(
        pattern.match(line) and "indexing" not in line and "━" not in line
        for line in screen.splitlines()
    )


def _type_queries(session: TmuxSession, marker: object) -> list[float]:
    latencies = []
    for query in QUERIES:
        session.send("/")
        session.send("C-u")
        time.sleep(0.3)  # not timed: clearing the box before the next query
        for i in range(1, len(query) + 1):
            prefix = query[:i]
            if prefix.endswith(" "):  # a trailing space changes no result: not timed
                session.send(" ", literal=True)
                continue
            start = time.perf_counter()
            session.send(query[i - 1], literal=True)
            pattern = marker(prefix)  # type: ignore[operator]
            session.wait_for(pattern, timeout=30, poll=0.002)
            latencies.append(time.perf_counter() - start)
        session.send("Escape")
    return latencies


def _fzf_keystrokes(titles: Path, n: int) -> list[float]:
    if shutil.which("fzf") is None:
        return []
    latencies = []
    with TmuxSession() as session:
        session.start(["sh", "-c", f"exec fzf --no-sort < {titles}"])
        session.wait_for(rf"{n}/{n}")
        for query in QUERIES:
            for i in range(1, len(query) + 1):
                prefix = query[:i]
                if prefix.endswith(" "):
                    session.send(" ", literal=True)
                    continue
                expected = _fzf_count(titles, prefix)
                start = time.perf_counter()
                session.send(query[i - 1], literal=True)
                session.wait_for(
                    rf"(?=[\s\S]*> {re.escape(prefix)}\s)(?=[\s\S]*\b{expected}/{n}\b)",
                    timeout=30,
                    poll=0.002,
                )
                latencies.append(time.perf_counter() - start)
            session.send("C-u")
            session.wait_for(rf"\b{n}/{n}\b")
    return latencies


def _fzf_count(titles: Path, query: str) -> int:
    with titles.open("rb") as handle:
        out = subprocess.run(["fzf", "--filter", query], stdin=handle, capture_output=True).stdout
    return len(out.splitlines())


def _pct(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{statistics.median(ordered) * 1000:.0f} / {p95 * 1000:.0f}"


def print_table(rows: list[Row]) -> None:
    """The results as a plain-text table, one column per size."""
    keys = list(rows[0].figures)
    width = max(len(k) for k in keys) + 2
    cols = [max(len(f"N={r.n:,}"), *(len(v) for v in r.figures.values())) + 2 for r in rows]
    print(
        f"oim-archive scale benchmark, {date.today()}, {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print("".ljust(width) + "".join(f"N={r.n:,}".ljust(c) for r, c in zip(rows, cols, strict=True)))
    for key in keys:
        print(
            key.ljust(width)
            + "".join(r.figures.get(key, "-").ljust(c) for r, c in zip(rows, cols, strict=True))
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="oim-archive scale benchmark")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "oim-bench")
    parser.add_argument("--no-tui", action="store_true", help="no browser figures (no tmux)")
    parser.add_argument("--no-cli", action="store_true", help="no CLI command figures")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    compile_package()
    rows = []
    for n in sizes:
        row = Row(n)
        folder = corpus_dir(args.work, n)
        db = args.work / f"archive-{n}.json"
        for stale in args.work.glob(f"archive-{n}.json*"):
            stale.unlink()
        bench_import(folder, db, n, row)
        html_folder = corpus_dir(args.work, n, html=True)
        bench_import_html(html_folder, args.work / f"archive-{n}-html.json", row)
        if not args.no_cli:
            bench_cli(db, args.work / f"cache-cli-{n}", row)
            bench_cli_writes(db, args.work, args.work / f"cache-write-{n}", row)
        titles = args.work / f"titles-{n}.txt"
        stored = Archive(db).releases()  # a listing page may hold several releases
        titles.write_text("\n".join(r.title for r in stored) + "\n")
        count = len(stored)
        del stored
        if not args.no_tui and tmux_available():
            bench_startup_and_keys(db, count, titles, args.work / f"cache-{n}", row)
        rows.append(row)
        print(f"done N={n:,}", file=sys.stderr)
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
