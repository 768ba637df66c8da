"""Field-by-field accuracy of the importer on the real-page corpus (tests/real_pages/).

Each page has a ``*.expected.json`` written by reading the page. This prints, for the tuned and
the held-out part separately: per-field accuracy, listing items found, and contact precision and
recall over contact facts (a name, an e-mail, a phone). Beside the whole held-out part it prints
the "blind" pages: those listed in ``heldout/SOURCES.md``, which no one tuning the importer reads,
and the "fresh" ones: the blind batches listed under that file's "Fresh batch" headings, each
gathered in one sitting by a fixed procedure and committed before any run, an estimate of its own
(all of them together, and the newest alone).

    python -m tests.bench.extraction            # both parts
    python -m tests.bench.extraction -v         # and every mismatch
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from oim_archive.importers import ImportRefused, parse_page
from oim_archive.store.records import DATE_FROM_TEXT, Contact, Release

CORPUS = Path(__file__).resolve().parents[1] / "real_pages"
PARTS = ("tuned", "heldout")
BLIND = "heldout-blind"
BLIND_LIST = CORPUS / "heldout" / "SOURCES.md"
# Blind batches, each gathered by a procedure declared before its searches: scored apart too,
# every one together and the newest (the last in the file) alone.
FRESH = "heldout-fresh"
FRESH_NEWEST = "heldout-fresh-newest"
FRESH_PREFIX = "## Fresh batch"
_LISTED_FILE = re.compile(r"\|\s*([\w.-]+\.(?:txt|html?))\s*\|")
# The newest gathering of tuned pages, scored apart too: its first figure was measured before
# any rule was written for it, and its own floor keeps what the rules since then reached.
NEWEST = "tuned-newest"
NEWEST_HEADING = "## Thirty-third gathering"
# A gathering's HTML models (tuned/html_models/…) count with its pages.
_TUNED_FILE = re.compile(r"\|\s*tuned/(?:html_models/)?([\w.-]+)\s*\|")
_PAGE_NAME = re.compile(r"[\w.-]+\.(?:txt|html?)\b")
FIELDS = ("kind", "title", "date", "date_basis", "language", "country", "dateline", "body_start",
          "funders")  # fmt: skip
BODY_START_CHARS = 40
_HONORIFIC = re.compile(r"^(?:dr|mr|mrs|ms|m|mme|sr|sra|prof)\.?\s+", re.IGNORECASE)
_DASHES = re.compile(r"^\s*[-–—−]\s*")


def norm(text: str | None) -> str:
    """Text folded for comparison: NFC, straight quotes, single spaces, casefolded."""
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).casefold()


def _name(text: str) -> str:
    return _HONORIFIC.sub("", norm(text))


def _digits(phone: str) -> str:
    return re.sub(r"\D", "", phone)


def contact_facts(contacts: list[dict[str, Any]]) -> Counter[str]:
    """A contact list as facts: its names, e-mails and phone numbers (digits only)."""
    facts: Counter[str] = Counter()
    for contact in contacts:
        facts[f"name:{_name(contact.get('name') or '')}"] += 1
        facts.update(f"email:{norm(e)}" for e in contact.get("emails") or [])
        facts.update(f"phone:{_digits(p)}" for p in contact.get("phones") or [])
    return facts


def _produced_facts(contacts: list[Contact]) -> Counter[str]:
    return contact_facts([c.to_dict() for c in contacts])


def _title_ok(expected: str | None, release: Release) -> bool:
    if expected is not None:
        return norm(expected) == norm(release.title)
    # No headline on the page: the title may only be the body's own opening words.
    title = norm(release.title).rstrip("…").strip()
    body = norm(release.body)
    if body.startswith(title[:30]) and title:
        return True  # "Iraq has one of …" under the dateline "Iraq": the body's own words
    if release.dateline and title.startswith(norm(release.dateline)):
        title = _DASHES.sub("", title[len(norm(release.dateline)) :])
    return bool(title) and body.startswith(title[:30])


def _date_ok(expected: dict[str, Any], release: Release) -> bool:
    """The date; an estimate from the body's dates is judged to the month."""
    if expected.get("date_basis") == DATE_FROM_TEXT and expected.get("date") and release.date:
        return bool(expected["date"][:7] == release.date[:7])
    return bool(expected.get("date") == release.date)


def _funders_ok(expected: list[str], release: Release) -> bool:
    return sorted(map(norm, expected)) == sorted(map(norm, release.funders))


def field_checks(expected: dict[str, Any], release: Release) -> dict[str, bool]:
    """Each compared field of one expected release against the produced one."""
    checks = {
        "title": _title_ok(expected.get("title"), release),
        "date": _date_ok(expected, release),
        "date_basis": expected.get("date_basis") == release.date_basis,
        "language": expected.get("language") == release.language,
        "country": expected.get("country") == release.country,
        "dateline": norm(expected.get("dateline")) == norm(release.dateline),
        "funders": _funders_ok(expected.get("funders") or [], release),
    }
    if expected.get("body_start") is not None:  # null: the page shows no body to start
        start = norm(norm(release.body)[:BODY_START_CHARS])
        checks["body_start"] = norm(norm(expected["body_start"])[:BODY_START_CHARS]) == start
    return checks


def _match_score(expected: dict[str, Any], release: Release) -> float:
    score = 0.0
    if expected.get("title") is not None and norm(expected["title"]) == norm(release.title):
        score += 4
    if expected.get("body_start") and norm(release.body).startswith(
        norm(expected["body_start"])[:BODY_START_CHARS]
    ):
        score += 2
    if expected.get("dateline") and norm(expected["dateline"]) == norm(release.dateline):
        score += 1
    if expected.get("date") and expected["date"] == release.date:
        score += 0.5
    return score


def match_items(
    expected: list[dict[str, Any]], produced: list[Release]
) -> list[tuple[dict[str, Any], Release | None]]:
    """Expected items paired with produced releases in page order (None when not found)."""
    pairs: list[tuple[dict[str, Any], Release | None]] = []
    start = 0
    for item in expected:
        best, best_score = None, 0.0
        for index in range(start, len(produced)):
            score = _match_score(item, produced[index])
            if score > best_score:
                best, best_score = index, score
        if best is None and len(expected) == 1 and len(produced) == 1:
            best = 0  # a single release: compare it field by field even when all differ
        if best is None:
            pairs.append((item, None))
        else:
            pairs.append((item, produced[best]))
            start = best + 1
    return pairs


@dataclass
class Score:
    """Counts for one part of the corpus."""

    fields: Counter[str] = field(default_factory=Counter)
    totals: Counter[str] = field(default_factory=Counter)
    items_found: int = 0
    items_expected: int = 0
    items_extra: int = 0
    facts_right: int = 0
    facts_produced: int = 0
    facts_expected: int = 0
    pages: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, ok: bool, page: str, detail: str = "") -> None:
        self.totals[name] += 1
        if ok:
            self.fields[name] += 1
        else:
            self.misses.append(f"{page}: {name} {detail}".rstrip())

    def accuracy(self) -> float:
        return 100.0 * sum(self.fields.values()) / max(1, sum(self.totals.values()))

    def items(self) -> float:
        """Listing items found over items expected and extra; 100 with no listing to split
        (as precision and recall are 100 with no contact)."""
        wanted = self.items_expected + self.items_extra
        return 100.0 * self.items_found / wanted if wanted else 100.0

    def precision(self) -> float:
        return 100.0 * self.facts_right / self.facts_produced if self.facts_produced else 100.0

    def recall(self) -> float:
        return 100.0 * self.facts_right / self.facts_expected if self.facts_expected else 100.0


def _describe(name: str, expected: dict[str, Any], release: Release) -> str:
    produced = {
        "title": release.title,
        "body_start": release.body[:BODY_START_CHARS],
    }.get(name, getattr(release, name, None))
    return f"expected {expected.get(name)!r}, got {produced!r}"


def score_page(path: Path, expected: dict[str, Any], score: Score) -> None:
    """Add one page's figures to the part's score."""
    page = path.name
    score.pages += 1
    try:
        produced = parse_page(path.read_bytes(), path.name)
    except ImportRefused as refusal:
        produced, refused = [], str(refusal)
    else:
        refused = ""
    kind = expected["kind"]
    got_kind = "not_release" if refused else ("listing" if len(produced) > 1 else "release")
    kind_ok = got_kind == kind or (kind == "listing" and got_kind == "release")
    score.add("kind", kind_ok, page, f"expected {kind}, got {got_kind} {refused}".rstrip())
    wanted = expected.get("releases") or []
    pairs = match_items(wanted, produced)
    matched = {id(release) for _, release in pairs if release is not None}
    if kind == "listing":
        score.items_expected += len(wanted)
        score.items_found += len(matched)
        score.items_extra += sum(1 for r in produced if id(r) not in matched)
    for item, release in pairs:
        want = contact_facts(item.get("contacts") or [])
        score.facts_expected += sum(want.values())
        if release is None:
            for name in FIELDS[1:]:
                if name != "body_start" or item.get("body_start") is not None:
                    score.add(name, False, page, f"item not found: {item.get('title')!r}")
            continue
        for name, ok in field_checks(item, release).items():
            score.add(name, ok, page, "" if ok else _describe(name, item, release))
        got = _produced_facts(release.contacts)
        right = sum((got & want).values())
        score.facts_right += right
        score.facts_produced += sum(got.values())
        if got != want:
            score.misses.append(f"{page}: contacts expected {dict(want)}, got {dict(got)}")
    for release in produced:
        if id(release) not in matched:
            extra = _produced_facts(release.contacts)
            score.facts_produced += sum(extra.values())
            if extra:
                score.misses.append(f"{page}: contacts on an unexpected item {dict(extra)}")


def expected_pages(part: str) -> list[tuple[Path, dict[str, Any]]]:
    """(page, expected fields) for every page of a part of the corpus."""
    pages = []
    for expected_file in sorted((CORPUS / part).rglob("*.expected.json")):
        stem = expected_file.name.removesuffix(".expected.json")
        page = next(p for p in expected_file.parent.glob(stem + ".*") if p != expected_file)
        pages.append((page, json.loads(expected_file.read_text(encoding="utf-8"))))
    return pages


def blind_pages() -> set[str]:
    """File names of the held-out pages listed in the held-out part's own SOURCES.md."""
    if not BLIND_LIST.is_file():
        return set()
    return set(_PAGE_NAME.findall(BLIND_LIST.read_text(encoding="utf-8")))


def fresh_sections() -> list[tuple[str, str]]:
    """(text before it, section text) of each fresh batch of the held-out SOURCES.md, in file order."""
    if not BLIND_LIST.is_file():
        return []
    text = BLIND_LIST.read_text(encoding="utf-8")
    sections = []
    for match in re.finditer(rf"^{re.escape(FRESH_PREFIX)}", text, re.MULTILINE):
        body = text[match.start() :]
        end = body.find("\n## ", 1)
        sections.append((text[: match.start()], body if end < 0 else body[:end]))
    return sections


def fresh_pages(newest: bool = False) -> set[str]:
    """File names of the held-out pages listed under the fresh batches' headings of its
    SOURCES.md (only the newest batch's with ``newest``)."""
    sections = fresh_sections()[-1:] if newest else fresh_sections()
    return {name for _, section in sections for name in _LISTED_FILE.findall(section)}


def newest_pages() -> set[str]:
    """File names of the tuned pages listed under the newest gathering's heading of SOURCES.md."""
    text = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    section = text.partition(NEWEST_HEADING)[2].partition("\n## ")[0]
    return set(_TUNED_FILE.findall(section))


def tuned_before_newest() -> set[str]:
    """File names of the tuned pages gathered before the newest gathering."""
    return {page.name for page, _ in expected_pages("tuned")} - newest_pages()


def score_part(part: str, only: set[str] | None = None) -> Score:
    """The figures of one part of the corpus (or of the pages of it named in ``only``)."""
    score = Score()
    for page, expected in expected_pages(part):
        if only is None or page.name in only:
            score_page(page, expected, score)
    return score


def table(scores: dict[str, Score]) -> str:
    """The figures of each part side by side."""
    widths = [max(15, len(part) + 2) for part in scores]
    parts = list(zip(widths, scores.values(), strict=True))
    header = f"{'':22}" + "".join(f"{part:>{w}}" for w, part in zip(widths, scores, strict=True))
    rows = [header, f"{'pages':22}" + "".join(f"{s.pages:>{w}}" for w, s in parts)]
    for name in FIELDS:
        cells = "".join(f"{f'{s.fields[name]}/{s.totals[name]}':>{w}}" for w, s in parts)
        rows.append(f"{name:22}{cells}")
    summary = (
        ("fields %", lambda s: f"{s.accuracy():.1f}"),
        ("listing items %", lambda s: f"{s.items():.1f}"),
        ("  (found/expected+extra)", lambda s: f"{s.items_found}/"
         f"{s.items_expected}+{s.items_extra}"),
        ("contact precision %", lambda s: f"{s.precision():.1f}"),
        ("contact recall %", lambda s: f"{s.recall():.1f}"),
        ("  (right/produced/expected)", lambda s: f"{s.facts_right}/{s.facts_produced}/"
         f"{s.facts_expected}"),
    )  # fmt: skip
    for label, cell in summary:
        rows.append(f"{label:22}" + "".join(f"{cell(s):>{w}}" for w, s in parts))
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Print the table (and with -v every mismatch)."""
    parser = argparse.ArgumentParser(prog="python -m tests.bench.extraction", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every mismatch")
    parser.add_argument("--part", choices=PARTS, action="append", help="only this part")
    args = parser.parse_args(argv)
    scores = {part: score_part(part) for part in args.part or PARTS}
    if "heldout" in scores:
        scores[BLIND] = score_part("heldout", blind_pages())
        scores[FRESH] = score_part("heldout", fresh_pages())
        scores[FRESH_NEWEST] = score_part("heldout", fresh_pages(newest=True))
    if "tuned" in scores:
        scores[NEWEST] = score_part("tuned", newest_pages())
    print(table(scores))
    if args.verbose:
        for part, score in scores.items():
            print(f"\n## {part}")
            print("\n".join(score.misses) or "no mismatch")
    return 0


if __name__ == "__main__":
    sys.exit(main())
