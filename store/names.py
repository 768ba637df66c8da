"""People's names: the family name inside a display name, and the order a directory sorts by.

One place for both, so the vCards' ``N:`` field and the contacts screen agree on who is "Di
Giacomo" and who is "DIOP".
"""

from __future__ import annotations

from oim_archive.store.search.fold import fold
from oim_archive.store.text import clean_line


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Lower-case particles that belong to the family name ("Di Giacomo", "van der Berg").
_PARTICLES = _word_set(
    "al ap bin ben ibn da das de del della der des di do dos du el la le lo san st ste "
    "ten ter van von y zu"
)
_HONORIFICS = _word_set(
    "m m. mme mme. mlle mlle. mr mr. mrs mrs. ms ms. dr dr. pr pr. prof prof. sr sra"
)


def split_name(full_name: str) -> tuple[str, str, str]:
    """(family, given, prefix) from a display name, e.g. "Flavio Di Giacomo" -> Di Giacomo.

    Upper-case words are taken as the family name ("DI GIACOMO Flavio"); otherwise the last
    word and the particles before it ("di", "van der"...); honorifics go to the prefix.
    """
    words = clean_line(full_name).split()
    prefix_words: list[str] = []
    while len(words) > 1 and words[0].casefold() in _HONORIFICS:
        prefix_words.append(words.pop(0))
    prefix = " ".join(prefix_words)
    if not words:
        return "", "", prefix
    if len(words) == 1:
        return words[0], "", prefix
    comma = " ".join(words).split(",")
    if len(comma) == 2 and all(part.strip() for part in comma):
        # "Di Giacomo, Flavio": the family name comes first.
        return comma[0].strip(), comma[1].strip(), prefix
    upper = [_is_upper_word(w) for w in words]
    if any(upper) and not all(upper):
        # A contiguous run of capitals at either end is the family name.
        first_lower = upper.index(False)
        if first_lower > 0 and not any(upper[first_lower:]):
            return " ".join(words[:first_lower]), " ".join(words[first_lower:]), prefix
        last_lower = len(upper) - 1 - upper[::-1].index(False)
        if last_lower < len(words) - 1 and not any(upper[: last_lower + 1]):
            return " ".join(words[last_lower + 1 :]), " ".join(words[: last_lower + 1]), prefix
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in _PARTICLES:
        start -= 1
    return " ".join(words[start:]), " ".join(words[:start]), prefix


def _is_upper_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def person_sort_key(name: str) -> tuple[str, str, str]:
    """The order of a directory, as khard sorts: by family name, then given name, accents and
    case folded ("Élodie Ávila" before "Marc Azoulay", "Flavio Di Giacomo" with the D's)."""
    family, given, _prefix = split_name(name)
    return fold(family), fold(given), name
