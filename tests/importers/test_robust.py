"""Bad input is refused with a one-line reason, and nothing else ever escapes the importer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oim_archive.importers import MAX_PAGE_BYTES, ImportRefused, parse_page
from tests.support.robust_parse import parsed_or_refused

ROOT = Path(__file__).resolve().parents[2]
REAL_LINES = sorted(
    {
        line
        for path in [*(ROOT / "sample_data").glob("*.txt"), *(ROOT / "tests/pages").glob("*.txt")]
        for line in path.read_text(encoding="utf-8").splitlines()
    }
)
TRICKY_LINES = [
    "",
    "-",
    "- ",
    "Pour plus d'informations, veuillez contacter:",
    "For more information, please contact",
    "Para más información:",
    "ou",
    "Tél.: +",
    "Tel: /",
    "Tel: +225 22528200/9",
    "E-mail:",
    '"mailto:x@y" target=',
    "IOM - News - Mar, 04/04/2017 - 11:24",
    "Posted: Image: Region-Country:",
    "Genève – ",
    " – ",
    "financé par",
    "financé par le",
    "a déclaré",
    "les 24, 25 et 26 septembre 2019",
    "31/02/2019",
    "99/99/2099",
    "0 janvier 0000",
    "Qui sommes nousL",
    "\x1b[31m",
    "&#x110000;",
    "&#0;",
    "<p",
    "[bold]",
    "{",
    "İİİ ßß ǅ",
]
LINE = st.sampled_from(REAL_LINES + TRICKY_LINES) | st.text(max_size=80)
NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000))
def test_random_bytes_never_raise_anything_but_refusal(data: bytes) -> None:
    parsed_or_refused(data, "random.bin")


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(LINE, max_size=40), newline=NEWLINES, encoding=ENCODINGS)
def test_random_mixes_of_real_lines_never_raise(
    lines: list[str], newline: str, encoding: str
) -> None:
    data = newline.join(lines).encode(encoding, errors="replace")
    releases = parsed_or_refused(data, "mix.txt")
    again = parsed_or_refused(data, "mix.txt")
    assert [r.to_dict() for r in again] == [r.to_dict() for r in releases]


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(min_value=1, max_value=4200), seed=st.sampled_from(range(5)))
def test_seed_pages_cut_anywhere(cut: int, seed: int) -> None:
    [path] = (ROOT / "sample_data").glob(f"00{seed}_*.txt")
    parsed_or_refused(path.read_bytes()[:cut], path.name)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\r\n\t ", "empty file"),
        (b"\xef\xbb\xbf\n\n", "empty file"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3", "damaged PDF (PdfStreamError)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (PNG image), not a text page"),
        (b"PK\x03\x04\x14\x00", "binary file (ZIP archive or Office document), not a text page"),
        (bytes(range(256)) * 8, "binary file, not a text page"),
        (b"Title\x00\x01\x02\x03 body \x00\x00\xff\xfe", "binary file, not a text page"),
        (b"Qui sommes nous\nNotre travail\n- Agir\n", "only site menus, no release found"),
        (b"A title and nothing else\n", "only a title, no release text found"),
    ],
)
def test_refusals(data: bytes, reason: str) -> None:
    with pytest.raises(ImportRefused) as refusal:
        parse_page(data, "bad.txt")
    assert str(refusal.value) == reason


def test_size_limit() -> None:
    line = b"Une ligne de texte ordinaire pour remplir la page.\n"
    data = line * (MAX_PAGE_BYTES // len(line) + 1)
    with pytest.raises(ImportRefused, match=r"^file is 5\.0 MB; the limit is 5 MB$"):
        parse_page(data, "big.txt")
    huge = b"x" * (61 * 1024 * 1024 + 200 * 1024)
    with pytest.raises(ImportRefused, match=r"^file is 61\.2 MB; the limit is 5 MB$"):
        parse_page(huge, "huge.txt")


def test_page_just_under_the_limit_imports() -> None:
    body = b"Le texte continue encore et encore sans jamais finir vraiment.\n"
    data = b"Un titre\n" + body * ((MAX_PAGE_BYTES - 100) // len(body))
    assert len(data) <= MAX_PAGE_BYTES
    [release] = parse_page(data, "long.txt")
    assert release.title == "Un titre"


def test_guard_turns_a_bug_into_a_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    import oim_archive.importers.parse as dispatch

    def broken(*_: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(dispatch, "decode_page", broken)
    with pytest.raises(ImportRefused, match=r"could not read this page \(KeyError\)"):
        parse_page(b"Titre\nCorps du texte.", "x.txt")


def test_deterministic_and_pure() -> None:
    [path] = (ROOT / "sample_data").glob("003_*.txt")
    data = path.read_bytes()
    first = [r.to_dict() for r in parse_page(data, "a.txt")]
    second = [r.to_dict() for r in parse_page(data, "a.txt")]
    assert first == second
    other = parse_page(data, "b.txt")[0]
    assert other.id == first[0]["id"] and other.source == "b.txt"


def test_importers_never_import_textual() -> None:
    code = (
        "import sys; from oim_archive import importers; "
        "importers.parse_page(open(sys.argv[1], 'rb').read(), 'x'); "
        "assert 'textual' not in sys.modules and 'rich' not in sys.modules"
    )
    [path] = (ROOT / "sample_data").glob("000_*.txt")
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, cwd=ROOT)


CONTENT_TYPES = [
    b"text/plain; charset=utf-8",
    b"text/html; charset=latin-1",
    b"text/plain; charset=x-bad",
    b'multipart/alternative; boundary="b"',
    b"application/pdf",
    b"text/plain",
]
EMAIL_HEAD = (
    b"From: OIM <a@iom.int>\r\nTo: b@example.org\r\nSubject: =?utf-8?q?Communiqu=C3=A9?= x\r\n"
    b"Date: Wed, 13 Mar 2019 09:41:00 +0000\r\nMIME-Version: 1.0\r\n"
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    content_type=st.sampled_from(CONTENT_TYPES),
    encoding=st.sampled_from([b"", b"quoted-printable", b"base64", b"8bit", b"x-unknown"]),
    body=st.binary(max_size=2000),
)
def test_random_e_mails_never_raise_anything_but_refusal(
    content_type: bytes, encoding: bytes, body: bytes
) -> None:
    data = EMAIL_HEAD + b"Content-Type: " + content_type + b"\r\n"
    if encoding:
        data += b"Content-Transfer-Encoding: " + encoding + b"\r\n"
    data += b"\r\n" + body
    parsed_or_refused(data, "message.eml")
