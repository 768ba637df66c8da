"""Interface language: gettext catalogs for fr, en and es, and numbers written per language.

``_("text")`` and ``ngettext(singular, plural, n)`` translate for the interface language chosen
with :func:`set_language` (the CLI calls it first thing, before the browser's modules are
imported, so class-level texts such as key bindings are translated too); until then the
language comes from :func:`choose_language`. Words from scraped pages never go through here.

Catalogs: ``locale/<lang>/LC_MESSAGES/oim_archive.po`` (sources, with ``oim_archive.pot``) and
the compiled ``.mo`` beside each, committed so the editable install and the wheel both have them.
The one-line command that updates them after texts change is in README, "Translations".
"""

from __future__ import annotations

import gettext
import os
import re
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "oim_archive"
LANGUAGES = ("en", "fr", "es")
DEFAULT_LANGUAGE = "en"
ENV_VAR = "OIM_ARCHIVE_LANG"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
# The locale variables, in the order gettext reads them: the first one set wins.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

# Digit grouping per language: (group separator, decimal mark, smallest grouped number).
# French groups with a narrow no-break space; Spanish leaves four-digit numbers whole (CLDR).
_NUMBER_STYLE = {
    "en": (",", ".", 1000),
    "fr": ("\u202f", ",", 1000),
    "es": (".", ",", 10000),
}

_translation: gettext.NullTranslations | None = None
_language = DEFAULT_LANGUAGE


def language_code(value: str | None) -> str | None:
    """The supported language a value names ("fr", "fr_FR.UTF-8", "es-419", "EN"), else None."""
    if not value:
        return None
    code = re.split(r"[_.@\-]", value.strip(), maxsplit=1)[0].lower()
    return code if code in LANGUAGES else None


def language_from_locale(environ: Mapping[str, str] | None = None) -> str | None:
    """The supported language of the locale variables, read as gettext reads them.

    The first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set is a ':'-separated list; its
    first supported entry wins, and "C"/"POSIX" ends the list. The locale need not be
    installed: nothing here calls ``setlocale``."""
    env = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        value = env.get(variable, "")
        if not value:
            continue
        for entry in value.split(":"):
            if entry in ("C", "POSIX") or entry.startswith(("C.", "POSIX.")):
                return None
            code = language_code(entry)
            if code:
                return code
        return None
    return None


def language_from_preferences(path: Path | None = None) -> str | None:
    """The ``language`` saved in the preferences file (``oim_archive.preferences``), if any.

    A missing, unreadable or malformed file is no language (the next source is asked)."""
    from oim_archive.preferences import load_preferences

    return language_code(load_preferences(path).language)


def choose_language(requested: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The interface language: ``requested`` (``--lang``), then OIM_ARCHIVE_LANG, then the
    preferences file, then the locale variables, else English."""
    env = os.environ if environ is None else environ
    return (
        language_code(requested)
        or language_code(env.get(ENV_VAR))
        or language_from_preferences()
        or language_from_locale(env)
        or DEFAULT_LANGUAGE
    )


def language_from_environment() -> str:
    """The language chosen with no ``--lang``: OIM_ARCHIVE_LANG, preferences, then locale."""
    return choose_language(None)


def translation_for(language: str) -> gettext.NullTranslations:
    """The catalog of ``language`` (English, or a language without a catalog: the source texts)."""
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def set_language(language: str | None = None) -> str:
    """Use ``language`` (or the chosen one) for every later ``_()``; returns the one in use."""
    global _translation, _language
    chosen = choose_language(language)
    _translation = translation_for(chosen)
    _language = chosen
    return chosen


def translate_standard_library(language: str) -> None:
    """Have the standard library's own texts (argparse's "usage:", "options", its errors) come
    from our catalog in ``language``: they use gettext's global domain, whose language is the
    first of LANGUAGE (set here, so the programs the browser starts inherit it too)."""
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = language


def current_language() -> str:
    """The interface language in use."""
    _active()
    return _language


def _active() -> gettext.NullTranslations:
    if _translation is None:
        set_language()
    assert _translation is not None
    return _translation


def _(message: str) -> str:
    """The interface-language translation of ``message``."""
    return _active().gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogs without translating it (translated later with ``_``)."""
    return message


def translated_reason(reason: tuple[str, Mapping[str, str]] | None, english: str) -> str:
    """A refusal reason (``ImportRefused.reason``: template and values) in the interface
    language; ``english`` when there is none (a reason from the system, a file name)."""
    if reason is None:
        return english
    template, values = reason
    return _(template).format(**values) if values else _(template)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The translation of ``singular``/``plural`` for ``count`` (plural forms per language)."""
    return _active().ngettext(singular, plural, count)


def format_number(value: int, language: str | None = None) -> str:
    """A whole number as written in ``language`` (default: the interface language).

    ``10017`` is "10,017" in English, "10 017" (narrow no-break space) in French and
    "10.017" in Spanish."""
    separator, _decimal, smallest = _NUMBER_STYLE[language or current_language()]
    digits = str(abs(value))
    if abs(value) >= smallest:
        head = len(digits) % 3 or 3
        groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
        digits = separator.join(groups)
    return ("-" if value < 0 else "") + digits
