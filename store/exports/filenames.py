"""Safe file names for exports: scraped titles become names that are valid on every system."""

from __future__ import annotations

import re
import unicodedata

from oim_archive.store.exports.labels import labels_for
from oim_archive.store.records import Release
from oim_archive.store.text import clean_line, strip_control

DEFAULT_MAX_BYTES = 120
FALLBACK_STEM = "release"
ELLIPSIS = "…"
# Longest title kept in an export's stem; longer ones are cut at a word with an ellipsis.
STEM_TITLE_CHARS = 90

_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)
# Characters Windows (or a shell) would choke on, mapped to a harmless look-alike or nothing.
_REPLACEMENTS = str.maketrans(
    {
        "/": "-",
        "\\": "-",
        "|": "-",
        ":": " - ",
        '"': "'",
        "<": "",
        ">": "",
        "?": "",
        "*": "",
    }
)
_DOT_RUNS = re.compile(r"\.{2,}")
_SPACE_RUNS = re.compile(r"\s+")
_DASH_RUNS = re.compile(r"-(?:\s*-)+")
_EXT_ALLOWED = re.compile(r"[^A-Za-z0-9]")


_SPACE_BEFORE_DOT = re.compile(r" +\.")


def _clean_stem(stem: str) -> str:
    text = clean_line(stem).translate(_REPLACEMENTS)
    text = _SPACE_RUNS.sub(" ", text)
    text = _DASH_RUNS.sub("-", text)
    text = _SPACE_BEFORE_DOT.sub(".", text)  # "0:.0" -> "0 -.0": no part of it ends in a space
    # After the spaces before dots went: ". .0" made "..0". No '..', and '...' reads as '…'.
    text = _DOT_RUNS.sub(ELLIPSIS, text)
    # Leading dots hide the file, a leading dash reads as a command-line option,
    # trailing dots and spaces are dropped silently by Windows.
    return text.strip(" .-").rstrip(" .")


def _is_reserved(stem: str) -> bool:
    # Windows reserves the device names with any extension too ("CON.txt", "nul .md").
    base = stem.split(".", 1)[0].rstrip(" ").upper()
    return base in _WINDOWS_RESERVED


def _fit_bytes(text: str, budget: int) -> str:
    """Cut ``text`` to at most ``budget`` UTF-8 bytes, at a character (not byte) boundary."""
    if len(text.encode("utf-8")) <= budget:
        return text
    cut = text.encode("utf-8")[:budget].decode("utf-8", errors="ignore")
    # Never leave a combining mark without its base letter's full sequence.
    while cut and unicodedata.combining(cut[-1]):
        cut = cut[:-1]
    return cut


def shorten(text: str, max_bytes: int) -> str:
    """``text`` within ``max_bytes`` UTF-8 bytes, cut at a word when possible and ending '…'."""
    if len(text.encode("utf-8")) <= max_bytes:
        return text
    budget = max_bytes - len(ELLIPSIS.encode("utf-8"))
    if budget <= 0:
        return _fit_bytes(text, max_bytes)
    cut = _fit_bytes(text, budget)
    space = cut.rfind(" ")
    # Prefer a word boundary unless that would throw away most of what fits.
    if space >= len(cut) * 2 // 3:
        cut = cut[:space]
    return cut.rstrip(" .-") + ELLIPSIS


def _clean_ext(ext: str) -> str:
    return _EXT_ALLOWED.sub("", ext.lstrip("."))[:16].lower()


def safe_filename(
    stem: str,
    ext: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    suffix: str = "",
    fallback: str = FALLBACK_STEM,
) -> str:
    """A file name from ``stem`` + ``suffix`` + ``.ext`` that is safe on Linux, macOS and Windows.

    No path separators, no '..', no control characters, no Windows device name, no trailing
    dot or space, never empty, at most ``max_bytes`` UTF-8 bytes (cut at a character boundary,
    the stem shortened before ``suffix`` such as " (2)" so the suffix always survives).
    Accents are kept (NFC). A stem that cleans to nothing becomes ``fallback``.
    """
    clean_ext = _clean_ext(ext)
    tail = _DOT_RUNS.sub(ELLIPSIS, strip_control(suffix))
    tail = _SPACE_RUNS.sub(" ", tail.translate(_REPLACEMENTS)).rstrip(" .")
    ext_part = f".{clean_ext}" if clean_ext else ""
    budget = max(max_bytes - len(tail.encode("utf-8")) - len(ext_part.encode("utf-8")), 1)
    fallback = _clean_stem(fallback) or FALLBACK_STEM
    body = _clean_stem(stem) or fallback
    body = shorten(body, budget).rstrip(" .") or _fit_bytes(fallback, budget)
    if _is_reserved(body):
        body = _fit_bytes(f"_{body}", budget)
    return f"{body}{tail}{ext_part}"


def export_stem(release: Release) -> str:
    """The human stem of an export: "<date or 'undated'> <title>", long titles shortened.

    "undated" is in the release's language ("sans date", "sin fecha")."""
    title = clean_line(release.title)
    if len(title) > STEM_TITLE_CHARS:
        cut = title[:STEM_TITLE_CHARS]
        space = cut.rfind(" ")
        cut = cut[:space] if space > STEM_TITLE_CHARS // 2 else cut
        title = cut.rstrip(" .,;:-") + ELLIPSIS
    date = clean_line(release.date or "") or labels_for(release.language).undated
    return f"{date} {title}".strip()
