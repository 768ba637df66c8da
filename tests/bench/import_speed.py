"""Importer speed on text pages and HTML documents, beside same-run comparisons.

    python -m tests.bench.import_speed                      # 10,000 pages of each kind
    python -m tests.bench.import_speed --n 2000 --baseline 3820ff6

Pages are the generated corpus of ``tests/bench/make_corpus.py``; the HTML pages are the same
releases wrapped in a saved iom.int-style article (head with scripts, styles and JSON-LD, cookie
banner, menus, share and related blocks, footer). Every figure is pages per second on one core
(CPU time). Comparisons, measured in the same run on the same pages:

- ``floor``: decoding each page and running one regex over it;
- ``html as text``: the HTML pages through the text pipeline (regex tag stripping), as HTML was
  read before it had a parser of its own;
- ``trafilatura``: ``trafilatura.extract`` on the HTML pages (when installed), the well-known
  main-content extractor, for the extraction step alone;
- ``--baseline REV``: the importer of an earlier commit, installed into a temporary folder and
  timed in a subprocess on the same files.

With ``--instructions`` (needs valgrind): the instructions one parse of a page takes, this tree's
and the baseline's, on the first 150 pages of each kind. Counted, not timed, the figure is the
same on a busy machine (within ~0.5 %), where pages/s of two runs differ by ±10 %: the way to
see a change of a few percent.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.importers.decode import decode_page
from oim_archive.importers.page import parse_text
from oim_archive.store.records import Release
from tests.bench.make_corpus import make_pages, make_releases
from tests.bench.revision import installed_revision

MIN_SECONDS = 2.0
_WORD = re.compile(r"\w+")
HTML_PAGE = """<!DOCTYPE html>
<html lang="{lang}" dir="ltr"><head><meta charset="utf-8"><title>{title} | International \
Organization for Migration</title><meta property="og:title" content="{title}">
<style>body{{font-family:Lato,sans-serif}} .hidden{{display:none}}</style>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}};\
gtag('js',new Date());</script>
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{title}",\
"datePublished":"2019-05-14T10:00:00+01:00"}}</script></head>
<body class="path-node page-node-type-press-release">
<div class="cookie-banner">Ce site utilise des cookies. <a>Accepter</a> <a>Refuser</a></div>
<header><nav aria-label="Main"><ul><li><a href="/who-we-are">Who we are</a></li>\
<li><a href="/our-work">Our Work</a></li><li><a href="/where-we-work">Where we work</a></li>\
<li><a href="/take-action">Take Action</a></li><li><a href="/data">Data and Research</a></li>\
</ul></nav></header>
<main><article class="node node--type-press-release">
<ol class="breadcrumb"><li>Home</li><li>News</li><li>{title}</li></ol>
<h1 class="page-title"><span class="field field--name-title">{title}</span></h1>
<div class="field field--name-field-date"><time datetime="2019-05-14T12:00:00Z">14 May 2019\
</time></div>
<div class="clearfix text-formatted field field--name-body">
{paragraphs}
</div>
<div class="share">Share Facebook X LinkedIn</div>
<div class="view-related"><h3>Related news</h3><a>Another release</a>\
<time datetime="2018-01-01">1 January 2018</time></div>
</article></main>
<footer><p><a href="/privacy-policy">Privacy Policy</a> · <a href="/terms">Terms of Use</a></p>\
<p>17 route des Morillons, 1211 Geneva 19, Switzerland · Tel: +41 22 717 9111</p></footer>
</body></html>
"""


def as_html(page: bytes, release: Release) -> bytes:
    """A generated text page as a saved HTML article: its title as <h1>, the text after it in
    paragraphs (the page's own chrome before the title is left out, as a CMS would)."""
    text = page.decode("utf-8")
    after = text[text.index(release.title) + len(release.title) :]
    blocks = [block.strip() for block in after.split("\n\n") if block.strip()]
    paragraphs = "\n".join(
        "<p>" + html.escape(block).replace("\n", "<br>\n") + "</p>" for block in blocks
    )
    title = html.escape(release.title)
    page_html = HTML_PAGE.format(lang=release.language, title=title, paragraphs=paragraphs)
    return page_html.encode("utf-8")


def rate(pages: list[tuple[str, bytes]], work: Callable[[bytes, str], object]) -> float:
    """Pages per CPU second, over at least MIN_SECONDS of work."""
    done, started = 0, time.process_time()
    while True:
        for name, data in pages:
            with contextlib.suppress(ImportRefused):
                work(data, name)
        done += len(pages)
        elapsed = time.process_time() - started
        if elapsed >= MIN_SECONDS:
            return done / elapsed


def _floor(data: bytes, name: str) -> object:
    return _WORD.findall(decode_page(data))


def _html_as_text(data: bytes, name: str) -> object:
    return parse_text(decode_page(data), name)


def _trafilatura() -> Callable[[bytes, str], object] | None:
    try:
        import trafilatura  # an optional comparison
    except ImportError:
        return None

    def extract(data: bytes, name: str) -> object:
        return trafilatura.extract(data.decode("utf-8"), with_metadata=True)

    return extract


_BASELINE_SCRIPT = """
import contextlib, json, sys, time
from oim_archive.importers import ImportRefused, parse_page
pages = [(p, open(p, 'rb').read()) for p in json.load(open(sys.argv[1]))]
done, started = 0, time.process_time()
while True:
    for name, data in pages:
        with contextlib.suppress(ImportRefused):
            parse_page(data, name)
    done += len(pages)
    if time.process_time() - started >= %s:
        break
print(done / (time.process_time() - started))
"""


def _rate_at(target: Path, folder: Path, files: list[Path]) -> float:
    """Pages/s of the importer installed at ``target`` (an earlier commit's), on these files."""
    listing = folder / "files.json"
    listing.write_text(json.dumps([str(f) for f in files]))
    out = subprocess.run(
        [sys.executable, "-c", _BASELINE_SCRIPT % MIN_SECONDS, str(listing)],
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
        text=True,
        cwd=folder,
    )
    return float(out.stdout.strip())


_COUNT_SCRIPT = """
import contextlib, json, sys
from oim_archive.importers import ImportRefused, parse_page
pages = [(p, open(p, 'rb').read()) for p in json.load(open(sys.argv[1]))]
for _ in range(int(sys.argv[2])):
    for name, data in pages:
        with contextlib.suppress(ImportRefused):
            parse_page(data, name)
"""
COUNTED_PAGES = 150
_COLLECTED = re.compile(r"Collected : (\d+)")


def instructions_per_page(listing: Path, pages: int, pythonpath: str | None = None) -> float:
    """Instructions one parse of a page takes, under valgrind: a run of three passes over the
    listed pages less a run of one, halved, so that start-up and imports cancel out."""
    env = {"PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0"}
    if pythonpath is not None:
        env["PYTHONPATH"] = pythonpath
    counts = []
    for passes in (1, 3):
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
             "-c", _COUNT_SCRIPT, str(listing), str(passes)],
            env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        found = _COLLECTED.search(done.stderr)
        if found is None:
            raise RuntimeError(f"valgrind gave no count: {done.stderr[-300:]}")
        counts.append(int(found.group(1)))
    return (counts[1] - counts[0]) / 2 / pages


def _instruction_rows(folder: Path, files: list[list[Path]], baseline: Path | None) -> list[str]:
    """Rows of millions of instructions a page, text and HTML, for this tree and the baseline."""
    listings = []
    for kind, kind_files in zip(("text", "html"), files, strict=True):
        listing = folder / f"counted-{kind}.json"
        listing.write_text(json.dumps([str(f) for f in kind_files[:COUNTED_PAGES]]))
        listings.append((listing, len(kind_files[:COUNTED_PAGES])))
    rows = []
    for label, path in (("importer (this tree)", None), ("importer at baseline", baseline)):
        if label != "importer (this tree)" and path is None:
            continue
        cells = [instructions_per_page(listing, n, None if path is None else str(path))
                 for listing, n in listings]  # fmt: skip
        rows.append(f"{label:30}{cells[0] / 1e6:>11.3f}M{cells[1] / 1e6:>11.3f}M")
    return rows


def main(argv: list[str] | None = None) -> int:
    """Print pages/s for text and HTML pages beside the comparisons."""
    parser = argparse.ArgumentParser(prog="python -m tests.bench.import_speed", description=__doc__)
    parser.add_argument("--n", type=int, default=10_000, help="pages of each kind")
    parser.add_argument("--baseline", help="also time the importer of this commit")
    parser.add_argument(
        "--instructions", action="store_true", help="also count instructions a page (valgrind)"
    )
    args = parser.parse_args(argv)
    text_pages = list(make_pages(args.n, seed=1))
    html_pages = [
        (name.replace(".txt", ".html"), as_html(data, release))
        for (name, data), release in zip(text_pages, make_releases(args.n, seed=1), strict=True)
    ]
    rows: list[tuple[str, str, str]] = []
    text_rate, html_rate = rate(text_pages, parse_page), rate(html_pages, parse_page)
    rows.append(("importer (this tree)", f"{text_rate:,.0f}", f"{html_rate:,.0f}"))
    rows.append(("floor: decode + one regex", f"{rate(text_pages, _floor):,.0f}",
                 f"{rate(html_pages, _floor):,.0f}"))  # fmt: skip
    rows.append(("html as text (regex tags)", "", f"{rate(html_pages, _html_as_text):,.0f}"))
    extract = _trafilatura()
    if extract is not None:
        rows.append(("trafilatura.extract", "", f"{rate(html_pages, extract):,.0f}"))
    counted: list[str] = []
    if args.baseline or args.instructions:
        with tempfile.TemporaryDirectory() as temp:
            folder = Path(temp)
            files = []
            for kind, pages in (("text", text_pages), ("html", html_pages)):
                (folder / kind).mkdir()
                for name, data in pages:
                    (folder / kind / name).write_bytes(data)
                files.append(sorted((folder / kind).iterdir()))
            with contextlib.ExitStack() as stack:
                target = None
                if args.baseline:
                    target = stack.enter_context(installed_revision(args.baseline, folder))
                    base_text = _rate_at(target, folder, files[0])
                    base_html = _rate_at(target, folder, files[1])
                    label = f"importer at {args.baseline}"
                    rows.append((label, f"{base_text:,.0f}", f"{base_html:,.0f}"))
                if args.instructions:
                    if shutil.which("valgrind") is None:
                        counted.append("(valgrind is not installed: no instruction count)")
                    else:
                        counted = _instruction_rows(folder, files, target)
    print(f"importer speed, pages/s on one core, {args.n:,} pages of each kind")
    print(f"{'':30}{'text':>12}{'html':>12}")
    for label, text_cell, html_cell in rows:
        print(f"{label:30}{text_cell:>12}{html_cell:>12}")
    if counted:
        print(f"instructions a page (valgrind, first {COUNTED_PAGES} pages of each kind)")
        for row in counted:
            print(row.replace("baseline", args.baseline or "baseline"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
