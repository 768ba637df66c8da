"""The tuned and held-out parts of the real-page corpus share no page.

A page tuned on that is also in the held-out part would make the held-out figure a tuned one.
The checks compare addresses (every SOURCES.md, the held-out part's own list included) and
expected headlines, and name only the tuned page on failure: nothing of the held-out part is
printed.
"""

from __future__ import annotations

import json
import re

from tests.bench.extraction import CORPUS, fresh_pages, fresh_sections, norm

_TUNED_ROW = re.compile(r"^\|\s*(\S+)\s*\|\s*tuned/([\w.-]+)\s*\|", re.MULTILINE)
_HELD_OUT_FILE = re.compile(r"\|\s*heldout/")
# Held-out HTML models built around the text of these tuned pages before this check existed (the
# same kind of leak as the page dropped in 73cf7ff); listed so that no new one goes unnoticed.
KNOWN_LEAKS = {
    "es_costarica_caravanas-retornos.txt",
    "es_nortedecentroamerica_mecanismos-regionales.txt",
}


def _tuned_rows() -> list[tuple[str, str]]:
    """(address, file) of every tuned row of the corpus's SOURCES.md."""
    return _TUNED_ROW.findall((CORPUS / "SOURCES.md").read_text(encoding="utf-8"))


def _headlines(part: str) -> dict[str, str]:
    """Expected headline (folded) -> page name, for the releases of one part."""
    titles: dict[str, str] = {}
    for expected in sorted((CORPUS / part).rglob("*.expected.json")):
        for release in json.loads(expected.read_text(encoding="utf-8")).get("releases") or []:
            if release.get("title"):
                titles[norm(release["title"])] = expected.name
    return titles


def test_every_tuned_page_has_one_row_and_its_files() -> None:
    rows = _tuned_rows()
    files = [name for _, name in rows]
    assert len(files) == len(set(files))
    for name in files:
        stem = name.rsplit(".", 1)[0]
        assert (CORPUS / "tuned" / name).is_file(), name
        assert (CORPUS / "tuned" / f"{stem}.expected.json").is_file(), name


def test_no_tuned_address_is_held_out() -> None:
    """A tuned page's address is in no held-out row (an HTML model of the same part may share it)."""
    rows = (CORPUS / "SOURCES.md").read_text(encoding="utf-8").splitlines()
    held_out_list = (CORPUS / "heldout" / "SOURCES.md").read_text(encoding="utf-8")
    leaks = []
    for address, name in _tuned_rows():
        alone = re.compile(rf"(?<![\w/.?=&%-]){re.escape(address)}(?![\w/.?=&%-])")
        held_out = [row for row in rows if alone.search(row) and _HELD_OUT_FILE.search(row)]
        if held_out or alone.search(held_out_list):
            leaks.append(name)
    assert sorted(set(leaks) - KNOWN_LEAKS) == [], "tuned pages whose address is held out"


def test_no_release_is_in_both_parts() -> None:
    held_out = _headlines("heldout")
    shared = {name for title, name in _headlines("tuned").items() if title in held_out}
    known = {name.replace(".txt", ".expected.json") for name in KNOWN_LEAKS}
    assert sorted(shared - known) == [], "tuned pages whose release is also held out"


# Tuned pages gathered twice, under two names, before this check existed.
KNOWN_TWICE = {
    "iom.int/fr/news/loim-aide-les-camerounais-qui-fuient-boko-haram-et-les-communautes-qui-les-accueillent",
}
_SCHEME = re.compile(r"^https?://(?:www\.)?")


def test_no_tuned_address_is_gathered_twice() -> None:
    """A new gathering brings new pages: an address already tuned (with or without "www.",
    "https" or a final slash) would score a seen page as unseen."""
    seen: dict[str, str] = {}
    twice = []
    for address, name in _tuned_rows():
        key = _SCHEME.sub("", address).rstrip("/")
        if key in seen and key not in KNOWN_TWICE:
            twice.append(name)
        seen.setdefault(key, name)
    assert twice == [], "tuned pages whose address another tuned page already has"


_FRESH_ROW = re.compile(r"^\|\s*(https?://\S+)\s*\|\s*([\w.-]+)\s*\|", re.MULTILINE)


def _address_pattern(key: str) -> str:
    """An address (without scheme and "www.") written alone, with or without them or a final slash."""
    return rf"(?<![\w/.?=&%-])(?:https?://)?(?:www\.)?{re.escape(key)}/?(?![\w/.?=&%-])"


def test_fresh_batch_rows_are_new_and_whole() -> None:
    """Each row of every fresh blind batch names a page with its expected file, and an address no
    older row of the corpus has (tuned, or held out before it, an earlier fresh batch included): a
    page gathered twice would be scored as fresh. Failures are counted, never named (the batches
    are held out)."""
    tuned_list = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    sections = fresh_sections()
    assert len(sections) >= 2
    names: set[str] = set()
    for before, fresh in sections:
        rows = _FRESH_ROW.findall(fresh)
        missing = sum(
            not (CORPUS / "heldout" / name).is_file()
            or not (CORPUS / "heldout" / (name.rsplit(".", 1)[0] + ".expected.json")).is_file()
            for _, name in rows
        )
        keys = [_SCHEME.sub("", address).rstrip("/") for address, _ in rows]
        seen = sum(bool(re.search(_address_pattern(key), before + tuned_list)) for key in keys)
        assert rows
        assert (missing, seen, len(keys) - len(set(keys))) == (0, 0, 0)
        names |= {name for _, name in rows}
    assert names == fresh_pages()
    assert {name for _, name in _FRESH_ROW.findall(sections[-1][1])} == fresh_pages(newest=True)
