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


# The languages each form is a marker of ("entre" is French and Spanish).
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {
    form: tuple(lang for lang, forms in _FORMS.items() if form in forms)
    for forms in _FORMS.values()
    for form in forms
}
_ANY_FORM = frozenset(_LANGUAGES_OF)


def detect_language(words: list[str]) -> str:
    """ "fr", "en" or "es" from the text's words (any case); French when they give no clue."""
    scores = dict.fromkeys(_FORMS, 0)
    # The markers only (a filter in C), counted; then each one's count to its languages.
    for form, count in Counter(filter(_ANY_FORM.__contains__, words)).items():
        for lang in _LANGUAGES_OF[form]:
            scores[lang] += count
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > 0 else DEFAULT_LANGUAGE


def marker_count(words: list[str], language: str) -> int:
    """How many of the words are markers of the language."""
    forms = _FORMS[language]
    return sum(1 for word in words if word in forms)
