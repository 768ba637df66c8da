"""Letters a case-insensitive regex takes for ASCII ones but ``str.lower()`` keeps apart: a
prefilter that looks for a regex's words in a lower-cased text must let them through."""

from __future__ import annotations

# İ (capital I with dot), ı (dotless i), ſ (long s), K (Kelvin sign).
CASE_TWINS = ("\u0130", "\u0131", "\u017f", "\u212a")


def has_case_twins(text: str) -> bool:
    """Whether the text holds a letter a lower-cased copy would not match as a regex does."""
    # Spelt out, not any() over CASE_TWINS: called on most lines, the generator cost more than
    # the four searches (each at once False on a text without letters beyond Latin-1).
    return "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text
