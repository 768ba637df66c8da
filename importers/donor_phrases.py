"""Funder phrases beyond "financé par …": a donor thanked for its money, donors spoken of in
general, an office's owner after its acronym."""

from __future__ import annotations

import re

from .places import mentions

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
# "El apoyo de Canadá ha permitido que …", "le soutien du Japon a permis de …", "the support of
# Norway has enabled …": a donor whose support made the work possible.
_SUPPORT_ENABLED = re.compile(
    r"\b(?:[Ee]l\s+apoyo(?:\s+financiero)?\s+(?:del?\s+(?:la\s+)?)"
    + _DONOR_NAME.replace("name", "es")
    + r"\s+ha\s+(?:permitido|hecho\s+posible)"
    r"|(?:[Ll]e\s+soutien|[Ll]['’]\s*appui)(?:\s+financier)?\s+(?:du\s+|de\s+la\s+|de\s+l['’]\s*|de\s+)"
    + _DONOR_NAME.replace("name", "fr")
    + r"\s+a\s+(?:permis|rendu\s+possible)"
    r"|[Tt]he\s+(?:financial\s+)?support\s+of\s+(?:the\s+)?"
    + _DONOR_NAME
    + r"\s+has\s+(?:enabled|allowed|made\s+possible))"
)
_ENABLED_WORDS = ("permitido", "posible", "permis", "enabled", "allowed")
# The same said the other way: "Rien de tout cela ne serait possible sans l'appui constant de
# l'Union européenne », a-t-il ajouté", "no sería posible sin el apoyo de Suecia", "would not be
# possible without the support of Japan": the donor's name runs to the end of the clause (or to
# an "and").
_SUPPORT_NEEDED = re.compile(
    r"\b(?:possible\s+sans\s+(?:le\s+soutien|l['’]\s*appui)(?:\s+\w+)?\s+"
    r"(?:du\s+|de\s+la\s+|de\s+l['’]\s*|des\s+|de\s+)"
    r"|posible\s+sin\s+el\s+apoyo(?:\s+\w+)?\s+(?:del\s+|de\s+la\s+|de\s+los\s+|de\s+)"
    r"|possible\s+without\s+the\s+(?:\w+\s+)?support\s+of\s+(?:the\s+)?)"
    r"(?P<name>[A-ZÀ-Ö][\w'’-]*(?:\s+(?!(?:y|et|and)\s)[\w'’-]+){0,7}?)"
    r"(?=\s*[»”\"),.;!?]|\s+(?:y|et|and)\s|\s*$)"
)
_NEEDED_WORDS = ("possible", "posible")
# An amount and where it comes from: "USD $30,000 provenientes de la Agencia de los Estados
# Unidos para el Desarrollo Internacional (USAID) y se enmarca …", "2 millions d'euros
# provenant du Fonds …".
_MONEY_FROM = re.compile(
    r"(?:(?:USD|US\$|EUR|CHF|€|\$)\s*\$?\d[\d.,]*(?:\s+(?:millions?|millones|mil))?"
    r"|\d[\d.,]*(?:\s+(?:millions?|millones|mil))?\s*(?:USD|EUR|CHF|€|\$|dollars|euros|"
    r"d['’]euros|de\s+d[óo]lares|d[óo]lares))\s+"
    r"(?:provenientes|provenant)\s+(?:de\s+la\s+|del\s+|de\s+los\s+|de\s+l['’]\s*|du\s+|de\s+)"
    r"(?P<name>[A-ZÀ-Ö][\w'’-]*(?:\s+(?!(?:y|et|and)\s)[\w'’-]+){0,9}?(?:\s+\([A-Z]{2,8}\))?)"
    r"(?=\s*[),.;]|\s+(?:y|et|and)\s|\s*$)"
)
_COMING_WORDS = ("provenientes", "provenant")  # (funding stems: find_funders looks further)
# Whose support it is must be a state or a body, not a person ("le soutien de Mme Diallo").
_BODY_WORD = re.compile(
    r"\b(?:[A-Z]{2,}|Gov\w*|Gouv\w*|Gobierno|Union|Unión|Fund|Fonds|Fondo|Agen\w+|Embass\w+|"
    r"Ambassade|Embajada|Minist\w+|Banque|Bank|Banco|Foundation|Fondation|Fundación)\b"
)


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
    """The donors a release thanks for their money ("thankful for X for the financial support"),
    whose support made its work possible ("El apoyo de Canadá ha permitido …", "… possible sans
    l'appui de …") or whose money it spends ("USD 30,000 provenientes de …")."""
    found = []
    if any(word in lowered for word in _THANKS_WORDS):
        found += [m["name"] or m["fr"] or m["es"] for m in _THANKED_FOR_FUNDS.finditer(text)]
    if any(word in lowered for word in _ENABLED_WORDS):
        names = (m["name"] or m["fr"] or m["es"] for m in _SUPPORT_ENABLED.finditer(text))
        found += [name for name in names if mentions(name) or _BODY_WORD.search(name)]
    if any(word in lowered for word in _NEEDED_WORDS):
        names = (m["name"] for m in _SUPPORT_NEEDED.finditer(text))
        found += [name for name in names if mentions(name) or _BODY_WORD.search(name)]
    if any(word in lowered for word in _COMING_WORDS):
        names = (m["name"] for m in _MONEY_FROM.finditer(text))
        found += [name for name in names if mentions(name) or _BODY_WORD.search(name)]
    return found


def names_no_one(name: str) -> bool:
    """Donors spoken of in general ("les gouvernements et d'autres donateurs"): no funder."""
    name = name.strip(" ,")
    return name == name.lower() and _NO_ONE_NAMED.match(name) is not None


# A fund of IOM's own ("financiada por el Fondo de Desarrollo de la OIM", like "the IOM
# Development Fund") pays for the work: it is named as a funder, unlike IOM's own support.
_A_FUND = re.compile(r"^(?:Fondo|Fonds|Fund)\b")


def is_a_fund(name: str) -> bool:
    """The funder's name is a fund's ("Fondo de Desarrollo de la OIM")."""
    return _A_FUND.match(name) is not None


# The words an English body's name is made of besides capitalised ones, and the lower-case
# donors written after an adjective ("British government").
_ENGLISH_JOINS = frozenset({"of", "for", "and", "the", "on", "in", "to", "&"})
_LOWER_CASE_NOUNS = frozenset({"government", "governments", "people"})
# Words a French or Spanish name holds in lower case ("Fonds central d'intervention …").
_ROMANCE_JOINS = frozenset({"de", "du", "des", "del", "la", "le", "les", "los", "las", "el",
                            "y", "et", "para", "pour", "sur", "sobre"})  # fmt: skip


_ENGLISH_AGENT = re.compile(r"\b(?:by|from|of)\s*$")  # "funded by", "a contribution … from"


def english_name(name: str, agent: str) -> str:
    """A name written after an English agent word ("from", "by") cut before the first
    lower-case word that is not part of it ("UN Humanitarian Response Fund let IOM restart
    flights" → "UN Humanitarian Response Fund"); a name with French or Spanish words in it, or
    none capitalised first, is left whole."""
    words = name.split()
    if not words or not words[0][:1].isupper() or _ENGLISH_AGENT.search(agent) is None:
        return name
    for number, word in enumerate(words):
        folded = word.lower()
        if folded in _ROMANCE_JOINS or "'" in folded or "’" in folded[:-2]:
            return name
        if word.lstrip("(")[:1].isupper() or word[:1].isdigit() or folded in _ENGLISH_JOINS:
            continue
        if folded.strip(",") in _LOWER_CASE_NOUNS:
            continue
        kept = words[:number]
        while kept and kept[-1].lower() in _ENGLISH_JOINS:
            kept.pop()
        return " ".join(kept) if kept else name
    return name


# "With support from the United Nations' Central Emergency Response Fund (CERF), IOM is also
# conducting …": a sentence opening on its donor, however long the name, IOM acting after it.
_OPENING_SUPPORT = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))With\s+(?:the\s+)?(?:financial\s+)?support\s+from\s+"
    r"(?P<name>(?:the\s+)?[A-ZÀ-Ö][^,.;\n]{2,120}),\s+(?:the\s+)?IOM\b"
)


def opening_support_donors(text: str, lowered: str) -> list[str]:
    """The donors named by a sentence opening "With support from …, IOM …"."""
    if "support from" not in lowered:
        return []
    return [match["name"] for match in _OPENING_SUPPORT.finditer(text)]
