"""Funder phrases beyond "financé par …": a donor thanked for its money, donors spoken of in
general, an office's owner after its acronym."""

from __future__ import annotations

import re

# "We are thankful for the UN's Central Emergency Response Fund for the financial support",
# "remercie le Japon pour son soutien financier", "agradece a Suiza por su apoyo financiero":
# the donor thanked for the money.
_DONOR_NAME = (
    r"(?P<name>[A-ZÀ-Ö][\w'’-]*(?:\s+(?:of|for|the|de|du|des|del|la|[A-ZÀ-Ö][\w'’-]*)){0,8})"
)
_THANKED_FOR_FUNDS = re.compile(
    r"\b(?:(?:thankful|grateful)\s+(?:to|for)\s+(?:the\s+)?" + _DONOR_NAME + r"\s+for\s+"
    r"(?:the|its|their)\s+(?:generous\s+)?(?:financial\s+support|funding)"
    r"|remerci\w*\s+(?:le\s+|la\s+|l['’]\s*|les\s+)?"
    + _DONOR_NAME.replace("name", "fr")
    + r"\s+pour\s+(?:son|leur|le)\s+(?:généreux\s+)?(?:soutien\s+financier|appui\s+financier|"
    r"financement)"
    r"|agradec\w*\s+(?:a\s+la\s+|a\s+los\s+|al\s+|a\s+)?"
    + _DONOR_NAME.replace("name", "es")
    + r"\s+por\s+(?:su|el)\s+(?:generoso\s+)?(?:apoyo\s+financiero|financiamiento|financiación))"
)
_THANKS_WORDS = ("thankful", "grateful", "remerci", "agradec")


# Donors spoken of in general, in the plural and lower case: "financé par les gouvernements et
# d'autres donateurs", "funded by donors", "financiado por los gobiernos": no one is named
# (unless a capital names one: "los gobiernos de Canadá y España").
_NO_ONE_NAMED = re.compile(
    r"(?:(?:les|des|d['’]autres|other|various|los|otros|varios|diversos)\s+)?"
    r"(?:gouvernements|donateurs|bailleurs|partenaires|governments|donors|partners|gobiernos|"
    r"donantes|socios)\b"
)


# "(PRM) du Département d’Etat", "(PRM) of the US Department of State": the office's owner
# named after its acronym is part of the name.
OWNER_AFTER_ACRONYM = re.compile(
    r"\s+(?:du|de\s+la|de\s+l['’]|des|del|de|of\s+the|of)\s*[A-ZÀ-Ö][\w'’-]+"
)


def thanked_donors(text: str, lowered: str) -> list[str]:
    """The donors a release thanks for their money ("thankful for X for the financial support")."""
    if not any(word in lowered for word in _THANKS_WORDS):
        return []
    return [m["name"] or m["fr"] or m["es"] for m in _THANKED_FOR_FUNDS.finditer(text)]


def names_no_one(name: str) -> bool:
    """Donors spoken of in general ("les gouvernements et d'autres donateurs"): no funder."""
    name = name.strip(" ,")
    return name == name.lower() and _NO_ONE_NAMED.match(name) is not None
