"""Shortcuts taken for speed give exactly what the slower way they replace gives."""

from __future__ import annotations

import itertools
import random
import re
import sys
from collections import Counter
from pathlib import Path

from dateutil import parser as date_parser
from selectolax.lexbor import LexborHTMLParser

from oim_archive.importers.body import (
    CACHED_PARAGRAPH_LENGTH,
    _no_country,
    _split_dateline,
    split_dateline,
)
from oim_archive.importers.briefings import _CHAIRED, _CHAIRED_BRANCHES, says_chaired
from oim_archive.importers.bullets import _BULLET_LINE, BULLETS
from oim_archive.importers.captions import (
    CAPTION,
    CAPTION_MAX_LENGTH,
    POSTER_CREDIT,
    POSTER_NEEDLES,
    WORD_NEEDLES,
    is_credit_line,
)
from oim_archive.importers.case_twins import CASE_TWINS, has_case_twins
from oim_archive.importers.chrome import _HEADERS, _JOINED_HEADERS, LABEL_MAX_LENGTH, is_header
from oim_archive.importers.dates import _DEFAULT, _MONTHS, PARSER_INFO, _parse
from oim_archive.importers.html import _CHROME_WORDS, _SPACES, _breaks_as_newlines, _is_chrome_block
from oim_archive.importers.html_dates import _DATE_META_ATTRIBUTES, _DATE_METAS, metadata_date
from oim_archive.importers.language import _FORMS, DEFAULT_LANGUAGE, detect_language
from oim_archive.importers.people import _FUNDED_BY, _funding_phrase
from oim_archive.importers.places import Place, _longest_at, is_country_name, mentions, tokenize

REAL_PAGES = Path(__file__).resolve().parents[1] / "real_pages" / "tuned"


def _dateutil_reading(span: str, precision: str) -> str | None:
    try:
        parsed = date_parser.parse(span, parserinfo=PARSER_INFO, default=_DEFAULT)
    except (ValueError, OverflowError):
        return None
    return parsed.strftime("%Y-%m-%d" if precision == "day" else "%Y-%m")


def test_dates_read_without_dateutil_are_read_as_dateutil_reads_them() -> None:
    names = sorted({name for names in _MONTHS for name in names})
    months = [*names, *(n.capitalize() for n in names[::3]), *(n.upper() for n in names[1::3])]
    for year, day in itertools.product(("2019", "2020"), (0, 1, 12, 13, 29, 31, 32)):
        for month in months:
            for precision in ("day", "month"):
                span = f"{day} {month} {year}"
                assert _parse.__wrapped__(span, precision) == _dateutil_reading(span, precision)
        for number in range(20):
            span = f"{day} {number} {year}"
            assert _parse.__wrapped__(span, "day") == _dateutil_reading(span, "day"), span


def test_space_and_break_runs_become_what_the_plain_regexes_made_of_them() -> None:
    all_spaces = re.compile(r"[ \t\r\n\f\v\u00a0\u202f\u2007\u2009]+")
    breaks = re.compile(r"\s*[\ue000\ue001][\s\ue000\ue001]*")
    rng = random.Random(3)
    for _ in range(20_000):
        text = "".join(rng.choice(" \t\n\u00a0\u2003\u200b\ue000\ue001ab") for _ in range(12))
        assert _SPACES.sub(" ", text) == all_spaces.sub(" ", text), repr(text)
        expected = breaks.sub(lambda m: "\n\n" if "\ue000" in m.group(0) else "\n", text)
        assert _breaks_as_newlines(text) == expected, repr(text)


def _mentions_word_by_word(words: list[str]) -> list[Place]:
    """The plain scan: the longest name at each word (after the last one found)."""
    found: list[Place] = []
    index = 0
    while index < len(words):
        best = _longest_at(words, index)
        if best is None:
            index += 1
        else:
            found.append(best[1])
            index += best[0]
    return found


def test_mentions_finds_what_a_word_by_word_scan_finds() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(REAL_PAGES.glob("*.txt"))]
    texts.append("la Paz, La Paz, LA PAZ, the Gambia, The Gambia, Costa Rica, costa rica, Le Caire")
    assert len(texts) > 20
    for text in texts:
        words = tokenize(text)
        assert mentions(text) == _mentions_word_by_word(words)


_HTML_CASES = """<html><head>
<meta name="DATE" content="2001-01-01"><meta name="date" content="2002-02-02">
<meta property="Article:published_time" content="2003-03-03">
<meta name="dc.date" content="2004-04-04"><meta itemprop="datePublished" content="2005-05-05">
<meta name="dcterms.date" content="2006-06-06"><meta name="date" content="2007-07-07">
</head><body><main><div CLASS="Cookie-x">a</div><p class="a">b</p><div id="ſhare">c</div>
<div class="SHARE">e</div><section id="x-Related-y"><p class="menu">f</p></section>
<article class="print-me">g</article><div class="">h</div><div class="content">i</div></main>
</body></html>"""


def test_chrome_blocks_and_date_metas_are_the_nodes_the_plain_selectors_find() -> None:
    selector = ", ".join(f"[{a}*={w} i]" for w in _CHROME_WORDS for a in ("class", "id"))
    tree = LexborHTMLParser(_HTML_CASES)
    expected = [node.html for node in tree.body.css(selector)]
    assert [node.html for node in tree.body.css("[class], [id]") if _is_chrome_block(node)] == (
        expected
    )
    assert len(expected) == 5
    firsts = [tree.css_first(selector) for selector in _DATE_METAS]
    dates = [(node.attributes.get("content") or "")[:10] for node in firsts if node is not None]
    assert metadata_date(tree.root) == dates[0] == "2005-05-05"
    assert len(_DATE_META_ATTRIBUTES) == len(_DATE_METAS)


def _real_lines() -> list[str]:
    return [
        line.strip()
        for path in sorted(REAL_PAGES.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").split("\n")
    ]


def test_letters_looked_for_lower_cased_are_case_twins_or_their_own_lower_case() -> None:
    """A word looked for in a lower-cased text stands for a case-insensitive regex's letters:
    any other letter that regex takes for one of them must be a case twin (sent to the regex)."""
    words = [*WORD_NEEDLES, *POSTER_NEEDLES, "chaired", "présidé", "presidió"]
    words += [branch.pattern for branch, _after_a in _CHAIRED_BRANCHES]
    letters = {ch for word in words for ch in word if ch.isalpha()}
    patterns = [(letter, re.compile(re.escape(letter), re.IGNORECASE)) for letter in letters]
    for code in range(0x80, 0x10000):
        char = chr(code)
        for letter, pattern in patterns:
            if pattern.fullmatch(char) and letter not in char.lower():
                assert char in CASE_TWINS, f"U+{code:04X} reads as {letter!r}"
        assert has_case_twins(f"a{char}b") == (char in CASE_TWINS)


def _mixed(parts: list[str], count: int, seed: int) -> list[str]:
    draw = random.Random(seed)
    return ["".join(draw.choice(parts) for _ in range(draw.randint(1, 8))) for _ in range(count)]


def test_caption_lines_are_those_the_one_regex_finds() -> None:
    lines = [*_real_lines(), "PHOTO: OIM", "Crédit photo : X", "Phıoto: x", "© IOM 2019"]
    lines += ["(IOM/Amanda Nero 2019)", "OIM / J. Dupont)", "xUN/ Ab", "İOM/Bc", "IOM/Bc/"]
    lines += ["(AFP Photo / Christophe Archambault)", "afiche de la campaña: OIM", "un\t/\tÀb"]
    parts = ["IOM", "OIM", "un", "UNHCR", "/", " / ", "(", ")", "Amanda Nero", "AFP", "Photo"]
    parts += ["photo :", " ", "x", "©", "click above to watch", "Crédits", "affiche", ":", "\n"]
    for line in [*lines, *_mixed(parts, 20_000, 5)]:
        expected = CAPTION.search(line) is not None or POSTER_CREDIT.search(line) is not None
        assert is_credit_line(line) == expected, line
    assert len(lines) > 1000 and CAPTION_MAX_LENGTH == 300


def test_the_briefing_chair_is_found_as_the_one_regex_finds_it() -> None:
    words = ["a", "présidé", "le", "la", "point", "de", "presse", "chaired", "the", "briefing"]
    words += ["press", "conference", "presidió", "rueda", "prensa", "A", "PRÉSIDÉ", "_", "\n"]
    words += ["Chaired", "  ", "sesión", "informativa", "ce", "unchaired", "la", "x"]
    draw = random.Random(7)
    texts = [
        " ".join(draw.choice(words) for _ in range(draw.randint(1, 10))) for _ in range(30_000)
    ]
    texts += ["Ms X a présidé le point de presse", "la présidé le point de presse", *_real_lines()]
    found = 0
    for text in texts:
        expected = _CHAIRED.search(text) is not None
        assert says_chaired(text) == expected, text
        found += expected
    assert found > 100


def test_funding_phrases_are_found_where_the_regex_search_finds_them() -> None:
    pages = [path.read_text(encoding="utf-8") for path in sorted(REAL_PAGES.glob("*.txt"))]
    found = 0
    for text in pages:
        for start in range(0, len(text), 11):
            expected = _FUNDED_BY.search(text, start, start + 105)
            got = _funding_phrase(text, start, start + 105)
            assert (got and got.span()) == (expected and expected.span()), text[start : start + 105]
            found += expected is not None
    assert found > 100


def test_joined_headers_are_those_the_regex_alone_finds() -> None:
    headers = sorted(_HEADERS)[:40]
    pairs = list(itertools.pairwise(headers))
    lines = [f"{a} {joiner} {b}" for a, b in pairs for joiner in ("and", "&")]
    lines += [f"{a}  et\t{b}s" for a, b in pairs]
    for line in [*lines, *(line.casefold() for line in _real_lines())]:
        joined = _JOINED_HEADERS.match(line) if len(line) <= LABEL_MAX_LENGTH else None
        expected = line in _HEADERS or (
            joined is not None
            and all(p in _HEADERS or p.rstrip("s") in _HEADERS for p in joined.group(1, 2))
        )
        assert is_header(line) == expected, line
    assert any(map(is_header, lines))


def _language_by_counting_every_word(words: list[str]) -> str:
    """The detector as it was: every word counted, each language's forms summed."""
    counts = Counter(words)
    scores = {lang: sum(counts[form] for form in forms) for lang, forms in _FORMS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > 0 else DEFAULT_LANGUAGE


def test_language_from_markers_only_is_the_language_every_word_counted_gives() -> None:
    markers = sorted({form for forms in _FORMS.values() for form in forms})
    others = ["migrants", "Entre", "entre", "ENTRE", "OIM", "la", "El", "THE", "de", "Genève"]
    pool = [*markers, *others]
    draw = random.Random(13)
    for size in (0, 1, 2, 3, 5, 8, 30, 200):
        for _ in range(300):
            words = [draw.choice(pool) for _ in range(size)]
            assert detect_language(words) == _language_by_counting_every_word(words), words
    for page in sorted(REAL_PAGES.glob("*.txt")):
        words = tokenize(page.read_text(encoding="utf-8", errors="replace"))
        assert detect_language(words) == _language_by_counting_every_word(words), page.name


def test_remembered_datelines_are_those_split_afresh() -> None:
    paragraphs = [
        "Genève – L'OIM a lancé…",
        "San José, Costa Rica. La OIM…",
        "Conakry, Guinée 15/07/2016 – Une mission…",
        "Dakar (IPS)  El Adama…",
        "No dateline here, only a sentence.",
        "x" * (CACHED_PARAGRAPH_LENGTH + 1) + " – too long to remember",
    ]
    for page in sorted(REAL_PAGES.glob("*.txt"))[:20]:
        text = page.read_text(encoding="utf-8", errors="replace")
        paragraphs.extend(part.strip() for part in text.split("\n\n") if part.strip())
    for is_country in (is_country_name, lambda name: name == "Costa Rica", _no_country):
        for _ in range(2):  # the second time from what was remembered
            for paragraph in paragraphs:
                assert split_dateline(paragraph, is_country) == _split_dateline(
                    paragraph, is_country
                )


def test_a_bulleted_line_always_holds_one_of_the_bullets_looked_for_first() -> None:
    taken = [chr(c) for c in range(sys.maxunicode + 1) if _BULLET_LINE.match(f" {chr(c)} Title")]
    assert set(taken) <= set(BULLETS)


def test_the_output_hash_changes_with_the_output_and_only_with_it(tmp_path: Path) -> None:
    from tests.support.parse_hash import output_hash

    sample = Path(__file__).parents[2] / "sample_data" / "000_209834753d0ef37a.txt"  # Mahdia
    page = tmp_path / sample.name
    page.write_bytes(sample.read_bytes())
    (tmp_path / "page.expected.json").write_text("{}", encoding="utf-8")
    first = output_hash([tmp_path])
    assert first[0] == 1 and output_hash([tmp_path]) == first
    page.write_bytes(sample.read_bytes().replace(b"Mahdia", b"Sousse"))
    assert output_hash([tmp_path]) != first
