"""Text hygiene shared by importers, exports and the browser: scraped text is untrusted."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import orjson

# CSI / OSC / other escape sequences, then any remaining C0/C1 control (tab and newline kept).
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL / ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]"  # two-byte escapes
    # 8-bit CSI: only its usual shape (parameters, then a letter), so a lone U+009B before
    # " [bold]" loses the control character alone and the bracketed text stays literal.
    r"|\x9b[0-?]*[@A-Za-z~]"
)
CONTROL_CHARACTER = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def fold_whitespace(text: str) -> str:
    """Each run of whitespace as one space, none at either end: ``" ".join(text.split())``.

    Most lines are like that already: a printable text (a plain space is the only printable
    whitespace) without double or edge spaces comes back as it is, without a split."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def strip_control(text: str, *, keep_newlines: bool = True) -> str:
    """Remove terminal escape sequences and control characters (keeps newlines and tabs)."""
    if "\x1b" in text or "\x9b" in text:  # every escape sequence starts with one of these
        text = _ANSI.sub("", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = CONTROL_CHARACTER.sub("", text)
    if not keep_newlines:
        text = fold_whitespace(text)
    return text


def clean_line(text: str | None) -> str:
    """One safe display line: NFC, no controls, whitespace folded ("" for None)."""
    return strip_control(unicodedata.normalize("NFC", text or ""), keep_newlines=False)


# Characters JSON may carry raw inside strings that a terminal would act on (C1 controls,
# bidirectional overrides) or that break JavaScript readers (U+2028/9): written as \u escapes.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def json_text(data: Any) -> str:
    """Pretty JSON (UTF-8 kept, two-space indent) that is safe to print on a terminal."""
    text = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
    # Inside JSON these characters can only sit in strings, where a \u escape means the same.
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
