"""Text hygiene shared by importers, exports and the browser: scraped text is untrusted."""

from __future__ import annotations

import re
import unicodedata

# CSI / OSC / other escape sequences, then any remaining C0/C1 control (tab and newline kept).
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL / ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]"  # two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def strip_control(text: str, *, keep_newlines: bool = True) -> str:
    """Remove terminal escape sequences and control characters (keeps newlines and tabs)."""
    text = _ANSI.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    if not keep_newlines:
        text = " ".join(text.split())
    return text


def clean_line(text: str) -> str:
    """One safe display line: NFC, no controls, whitespace folded."""
    return strip_control(unicodedata.normalize("NFC", text), keep_newlines=False)
