"""Phone numbers to E.164 with phonenumbers, keeping old numbers it now calls invalid."""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

from .phone_lengths import is_fragment

# A number as written: optional +/00 prefix, then digits with spaces, dots, dashes, brackets.
NUMBER = re.compile(r"(?:\+|\b00)?\s?\(?\d[\d\s().\-]{4,22}\d")
_TRUNK_ZERO = re.compile(r"\(0\)")
_NOT_DIGIT = re.compile(r"\D")
_SUFFIX = re.compile(r"\s*(\d{1,5})\s*")
# What separates two numbers in one field: "/", ";", ",", "ou", "or", "o", "y", "et", "and".
_BETWEEN_NUMBERS = re.compile(r"\s*(?:/|;|,|\bou\b|\bor\b|\bo\b|\by\b|\bet\b|\band\b)\s*")
MIN_DIGITS = 6
MAX_DIGITS = 15


@lru_cache(maxsize=8192)
def to_e164(raw: str, region: str | None) -> str | None:
    """E.164 form of one written number, or None when it cannot be one.

    A number with a country code that phonenumbers calls invalid (an old numbering plan, such
    as Côte d'Ivoire's 8-digit numbers before 2021) is kept as +<country code><number>.
    """
    text = _TRUNK_ZERO.sub("", raw).strip()
    international = text.startswith(("+", "00"))
    digits = _NOT_DIGIT.sub("", text)
    if text.startswith("00"):
        digits = digits[2:]
    if not MIN_DIGITS <= len(digits) <= MAX_DIGITS:
        return None
    try:
        number = phonenumbers.parse("+" + digits if international else digits, region)
    except phonenumbers.NumberParseException:
        return None if international else _bracketed_country_code(text, digits)
    if not number.country_code or not number.national_number or is_fragment(number):
        return None
    if international or phonenumbers.is_valid_number(number):  # validity only decides the rest
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return _bracketed_country_code(text, digits)


@lru_cache(maxsize=1024)
def region_of(e164: str) -> str | None:
    """The region (ISO country code) a number in E.164 belongs to, if phonenumbers knows it."""
    try:
        region = phonenumbers.region_code_for_number(phonenumbers.parse(e164, None))
    except phonenumbers.NumberParseException:
        return None
    return region if region and region != "ZZ" else None


_BRACKETED_CODE = re.compile(r"^\((\d{1,3})\)")


def _bracketed_country_code(text: str, digits: str) -> str | None:
    """ "(506) 2212-5300": a country code in brackets, when that reading is a valid number."""
    if _BRACKETED_CODE.match(text) is None:
        return None
    try:
        number = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _replace_last_digits(number: str, digits: str) -> str:
    chars = list(number)
    position, remaining = len(chars) - 1, len(digits) - 1
    while position >= 0 and remaining >= 0:
        if chars[position].isdigit():
            chars[position] = digits[remaining]
            remaining -= 1
        position -= 1
    return "".join(chars)


_SPACED_DASH = re.compile(r"\s[-–—]\s")
# An extension is not part of its number: "… 59/60 (Ext. 111)", "… ext. 110", "poste 2043".
_EXTENSION = re.compile(
    r"\s*\(?\b(?:ext|extn|extension|extensi[óo]n|anexo|poste)\b\.?\s*:?\s*\d{1,6}\)?",
    re.IGNORECASE,
)


def _dash_apart(parts: list[str]) -> list[str]:
    """Parts split again at a spaced dash when each side holds a whole number ("+237 6 99 22 33
    44 - 2 22 20 32 78"); a dash between groups of one number's digits stays."""
    apart: list[str] = []
    for part in parts:
        pieces = _SPACED_DASH.split(part) if " " in part else [part]
        whole = all(len(_NOT_DIGIT.sub("", piece)) >= MIN_DIGITS for piece in pieces)
        apart.extend(pieces if len(pieces) > 1 and whole else [part])
    return apart


def split_numbers(text: str) -> list[str]:
    """The numbers written in a phone field, with "/9435"-style endings expanded."""
    numbers: list[str] = []
    text = _EXTENSION.sub("", text.replace("(+", "+").replace("( +", "+"))
    for part in _dash_apart(_BETWEEN_NUMBERS.split(text)):
        suffix = _SUFFIX.fullmatch(part)
        if suffix and numbers:
            # "+41 22 717 9111/9435": the second number replaces the end of the first.
            numbers.append(_replace_last_digits(numbers[-1], suffix.group(1)))
            continue
        match = NUMBER.search(part)
        if match and len(_NOT_DIGIT.sub("", match.group(0))) >= MIN_DIGITS:
            numbers.append(match.group(0).strip())
    return numbers
