"""Phone numbers as a person reads them: ``+99532293894`` is shown ``+995 32 29 38 94``.

The archive, JSON and vCards keep E.164; only the display is grouped.
"""

from __future__ import annotations

import re

import phonenumbers

from oim_archive.store.text import fold_whitespace

_DIGITS = re.compile(r"\D")


def digits(text: str) -> str:
    """Only the digits of ``text`` (``+995 32-29`` gives ``9953229``)."""
    return _DIGITS.sub("", text)


def display_phone(number: str, written: str | None = None) -> str:
    """``number`` (E.164) grouped for reading.

    The international format where the numbering plan is known; else ``written`` (how the
    release wrote it) when it holds the same digits; else the country code and the national
    digits in pairs (a leading group of three when their count is odd). Anything that is not an
    E.164 number is returned unchanged."""
    number = number.strip()
    if not number.startswith("+") or not number[1:].isdigit():
        return number
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return number
    if phonenumbers.is_valid_number(parsed):
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if written and digits(written).lstrip("0") == number[1:]:
        return fold_whitespace(written)
    national = str(parsed.national_number)
    head = 3 if len(national) % 2 else 2
    groups = [national[:head]] + [national[i : i + 2] for i in range(head, len(national), 2)]
    return f"+{parsed.country_code} " + " ".join(g for g in groups if g)
