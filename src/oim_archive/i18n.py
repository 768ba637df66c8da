"""Interface language: gettext catalogs for fr, en and es.

``_("text")`` and ``ngettext(singular, plural, n)`` translate for the interface language chosen
with :func:`set_language`; until then the language comes from the environment.
Words from scraped pages never go through here.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

DOMAIN = "oim_archive"
LANGUAGES = ("en", "fr", "es")
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def language_from_environment() -> str:
    """The first supported language named by OIM_ARCHIVE_LANG or the locale variables."""
    candidates = [os.environ.get("OIM_ARCHIVE_LANG", "")]
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            candidates.extend(value.split(":"))
            break
    for candidate in candidates:
        code = candidate.split(".")[0].split("_")[0].split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def set_language(language: str | None = None) -> str:
    """Use ``language`` (or the environment's) for every later ``_()``; returns the one in use."""
    global _translation, _language
    chosen = language if language in LANGUAGES else language_from_environment()
    _translation = gettext.translation(DOMAIN, LOCALE_DIR, languages=[chosen], fallback=True)
    _language = chosen
    return chosen


def current_language() -> str:
    """The interface language in use."""
    return _language


def _(message: str) -> str:
    """The interface-language translation of ``message``."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The translation of ``singular``/``plural`` for ``count`` (plural forms per language)."""
    return _translation.ngettext(singular, plural, count)
