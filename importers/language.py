"""Language of a release (fr, en or es) from its most frequent function words."""

from __future__ import annotations

from collections import Counter

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
# Each marker as written at the start of a sentence or in a heading too ("Les", "THE").
_FORMS: dict[str, frozenset[str]] = {
    lang: frozenset(f for m in markers for f in (m, m.capitalize(), m.upper()))
    for lang, markers in _MARKERS.items()
}


def detect_language(words: list[str]) -> str:
    """ "fr", "en" or "es" from the text's words (any case); French when they give no clue."""
    counts = Counter(words)
    scores = {
        lang: sum(map(counts.__getitem__, forms & counts.keys())) for lang, forms in _FORMS.items()
    }
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > 0 else DEFAULT_LANGUAGE
