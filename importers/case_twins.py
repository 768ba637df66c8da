"""Letters a case-insensitive regex takes for ASCII ones but ``str.lower()`` keeps apart: a
prefilter that looks for a regex's words in a lower-cased text must let them through."""

from __future__ import annotations

# İ (capital I with dot), ı (dotless i), ſ (long s), K (Kelvin sign).
CASE_TWINS = ("\u0130", "\u0131", "\u017f", "\u212a")


def has_case_twins(text: str) -> bool:
    """Whether the text holds a letter a lower-cased copy would not match as a regex does."""
    return any(twin in text for twin in CASE_TWINS)
