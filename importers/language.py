"""Language of a release (fr, en or es) from its most frequent function words."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
# Words frequent in one language and rare in the other two.
_MARKERS: dict[str, frozenset[str]] = {
    "fr": frozenset((
        "le", "les", "des", "du", "est", "et", "pour", "dans", "une", "au", "aux", "sur", "avec",
        "qui", "ont", "été", "cette", "ces", "sont", "leur", "leurs", "nous", "mais", "ou", "où",
        "très", "plus", "aussi", "entre", "par", "selon",
    )),
    "en": frozenset((
        "the", "and", "of", "to", "is", "for", "with", "on", "that", "by", "from", "was", "are",
        "has", "have", "this", "which", "their", "were", "been", "its", "also", "said", "will",
        "an", "at", "as",
    )),
    "es": frozenset((
        "el", "los", "las", "del", "y", "para", "con", "una", "por", "es", "son", "está", "como",
        "más", "su", "sus", "fue", "han", "ha", "este", "esta", "entre", "también", "según",
        "al", "lo",
    )),
}  # fmt: skip
DEFAULT_LANGUAGE = "fr"


def detect_language(text: str) -> str:
    """ "fr", "en" or "es"; French when the text gives no clue (the archive is mostly French)."""
    counts = {lang: 0 for lang in _MARKERS}
    for word in _WORD.findall(text[:6000].lower()):
        for lang, markers in _MARKERS.items():
            if word in markers:
                counts[lang] += 1
    best = max(counts, key=lambda lang: counts[lang])
    return best if counts[best] > 0 else DEFAULT_LANGUAGE
