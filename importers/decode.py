"""Bytes to clean text: size and binary checks, encoding detection, control characters, NFC."""

from __future__ import annotations

import codecs
import re
import unicodedata

import ftfy

from oim_archive.i18n import N_
from oim_archive.store.text import strip_control

from .errors import ImportRefused

MAX_PAGE_BYTES = 5 * 1024 * 1024
# An e-mail with its attachments, a PDF with its pictures: far bigger than their text.
DOCUMENT_MAX_BYTES = 40 * 1024 * 1024

# File signatures of formats people drop into an import folder by mistake.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0", "Office document"),
    (b"\x7fELF", "program"),
    (b"MZ", "program"),
    (b"SQLite format 3", "SQLite database"),
    (b"7z\xbc\xaf", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Characters that never occur in a text page: C0/C1 controls (tab, newlines and ESC excepted,
# ESC being handled by strip_control) and the replacement character.
_JUNK = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd]")
# Spaces of every kind become a plain space; soft hyphens and stray BOMs disappear.
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u00ad\ufeff\u2060]")
# Every character that one of the passes below would change (strip_control's included).
_UNUSUAL = re.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\xa0\xad\u1680\u2000-\u200f\u202a-\u202f\u205f\u2060"
    r"\u2066-\u2069\u3000\ufeff\ufffd]"
)


# UTF-8 read as Windows-1252 and saved again ("Ã©" for "é", "â€™" for "’"): a lead byte of a
# UTF-8 sequence shown as Ã, Â or â, followed by a continuation byte shown as cp1252.
# "Ã " is "à" whose second byte, a non-breaking space, was saved as a plain space.
_MOJIBAKE_LEADS = "ÂÃÅâ"
_MOJIBAKE = re.compile(
    "[ÂÃÅâ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|Ã (?: (?=\\S)|(?<=[a-zà-ÿ]Ã )(?=\\s))"
)
MAX_ENCODINGS_UNDONE = 3


def _repair_line(line: str) -> str:
    """One broken line: cp1252 round trips while they work (UTF-8 encoded twice or more), then
    ftfy for what a round trip cannot undo (a lost non-breaking space, mixed lines)."""
    for _ in range(MAX_ENCODINGS_UNDONE):
        try:
            line = line.encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            break
        if _MOJIBAKE.search(line) is None:
            return line
    # ftfy is ~60 times slower than a round trip on clean text: it only sees broken lines.
    return ftfy.fix_text(line, uncurl_quotes=False, fix_line_breaks=False, normalization="NFC")


def repair_mojibake(text: str) -> str:
    """Lines of doubly encoded UTF-8 repaired; other lines are left as they are."""
    # Every mojibake pattern starts with one of these letters: four substring tests settle
    # the common case far faster than the regex.
    if not any(lead in text for lead in _MOJIBAKE_LEADS) or _MOJIBAKE.search(text) is None:
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if _MOJIBAKE.search(line):
            lines[index] = _repair_line(line)
    return "\n".join(lines)


def _format_size(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def refuse_oversized(data: bytes, limit: int = MAX_PAGE_BYTES) -> None:
    """Refuse a file over ``limit`` bytes, saying its size and the limit."""
    if len(data) > limit:
        raise ImportRefused(
            N_("file is {size}; the limit is {limit} MB"),
            size=_format_size(len(data)),
            limit=limit // (1024 * 1024),
        )


def _check_bytes(data: bytes) -> None:
    refuse_oversized(data)
    if not data.strip():
        raise ImportRefused(N_("empty file"))
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise ImportRefused(N_("binary file ({kind}), not a text page"), kind=kind)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM shows a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros > 0.9 * half and min(even, odd) < 0.1 * half:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:
        # The five bytes cp1252 leaves undefined: Latin-1 maps them to C1 controls (dropped later).
        return line.decode("latin-1")


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise ImportRefused(N_("binary file, not a text page"))
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Windows-1252 / Latin-1, line by line so a page glued from two sources keeps both.
        return "".join(_decode_line(line) for line in data.splitlines(keepends=True))


def decode_page(data: bytes) -> str:
    """Checked, decoded text: newlines as \\n, no control characters, NFC, plain spaces."""
    _check_bytes(data)
    return clean_text(repair_mojibake(_decode(data)))


def clean_text(text: str) -> str:
    """A page's text without control characters, invisible ones or odd spaces, in NFC; refused
    when it is mostly junk (a binary file) or nothing at all."""
    if _UNUSUAL.search(text) is not None:  # most pages hold none of these: skip four passes
        junk = len(_JUNK.findall(text))
        if junk > max(8, len(text) // 50):
            raise ImportRefused(N_("binary file, not a text page"))
        text = strip_control(text)
        text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise ImportRefused(N_("empty file"))
    return text
