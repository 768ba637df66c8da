"""People quoted in a release: "…", said Name; Name, title, said; "…", selon Name."""

from __future__ import annotations

import re

from oim_archive.store.records import Quoted

from .people import POSSESSIVE, present_forms, stem_positions

_CAPITALISED = r"[A-ZÀ-ÖØ-Þ][\w'’-]+"
_PARTICLE = r"(?:de|di|da|del|van|von|la|le|al|el|bin|ben)\s+"
_NAME = rf"(?P<name>{_CAPITALISED}(?:\s+(?:{_PARTICLE})?{_CAPITALISED}){{1,3}})"
_SAID = (
    r"(?:affirm[eé]|déclar[eé]|expliqu[eé]|soulign[eé]|ajout[eé]|indiqu[eé]|précis[eé]|estim[eé]|"
    r"dit|[Ss]elon|said|says|added|explained|noted|stressed|[Aa]ccording\s+to|"
    r"afirmó|afirma|declaró|dijo|explicó|señaló|agregó|añadió|[Ss]egún|indicó)"
)
# Every form _SAID accepts, as whole words, to look for before running the regex.
_SAID_WORDS = (
    "affirme", "affirmé", "déclare", "déclaré", "explique", "expliqué", "souligne", "souligné",
    "ajoute", "ajouté", "indique", "indiqué", "précise", "précisé", "estime", "estimé", "dit",
    "selon", "Selon", "said", "says", "added", "explained", "noted", "stressed", "according",
    "According", "afirmó", "afirma", "declaró", "dijo", "explicó", "señaló", "agregó", "añadió",
    "según", "Según", "indicó",
)  # fmt: skip
_QUOTED = re.compile(
    _SAID + r"\s+(?:M\.\s+|Mme\s+|Mr\.?\s+|Ms\.?\s+|Dr\.?\s+|el\s+|la\s+)?" + _NAME
    + r"(?:\s*,\s*(?P<role>[^.,;!?»«\"“”]{3,160}?))?\s*(?:[.,;!?»\"”]|$)",
)  # fmt: skip
_ROLE_NOT_A_ROLE = re.compile(r"^(?:qui|who|quien|que|that|et|and|y)\b", re.IGNORECASE)
# "IOM Director General António Vitorino said": capitalised words just before the verb.
_WORDS_BEFORE = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*\s+){2,8}(?:(?:a|ha|has|have)\s+)?$")
LOOK_BACK = 120
# Words of a job title, not of a name ("Director General", "cheffe de mission").
_TITLE_WORDS = frozenset(
    ("iom", "oim", "un", "onu", "director", "directora", "directeur", "directrice", "general",
     "général", "générale", "deputy", "adjoint", "adjointe", "chief", "chef", "cheffe", "head",
     "minister", "ministre", "ministro", "ministra", "ambassador", "ambassadeur", "embajador",
     "president", "président", "presidente", "coordinator", "coordinateur", "coordinadora",
     "coordinador", "spokesperson", "porte-parole", "portavoz", "secretary", "secrétaire",
     "secretario", "mayor", "maire", "alcalde", "governor", "gouverneur", "gobernador",
     "officer", "manager", "representative", "représentant", "representante", "mission",
     "misión", "regional", "régional", "country", "defence", "defense", "interior", "of")
)  # fmt: skip
_ORGANISATION_WORDS = frozenset(
    ("organisation", "organization", "organización", "nations", "unies", "united", "unidas",
     "frontières", "ministère", "ministry", "ministerio", "gouvernement", "government",
     "gobierno", "bureau", "office", "oficina", "programme", "program", "programa", "croix",
     "cross", "cruz", "banque", "bank", "banco", "union", "unión", "commission", "comisión",
     "fonds", "fund", "fondo", "agency", "agence", "agencia", "world", "mondial", "mundial")
)  # fmt: skip


def _is_person(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 5 and not any(w.lower() in _ORGANISATION_WORDS for w in words)


def _name_before(text: str, verb_at: int) -> tuple[str, str | None] | None:
    """The speaker written before the verb, and the job title written before the name."""
    match = _WORDS_BEFORE.search(text, max(0, verb_at - LOOK_BACK), verb_at)
    if match is None:
        return None
    words = match.group(0).split()
    if words[-1].lower() in ("a", "ha", "has", "have"):
        words.pop()
    split = len(words)
    while split > 0 and words[split - 1].lower().strip(",") not in _TITLE_WORDS:
        split -= 1
    name, title = " ".join(words[split:]), " ".join(words[:split]) or None
    return (name, title) if _is_person(name) else None


def find_quoted(text: str, words: list[str] | None = None) -> list[Quoted]:
    """People quoted in the body, with their role when it is written next to the name."""
    quoted: list[Quoted] = []
    names: set[str] = set()
    for position in stem_positions(text, present_forms(_SAID_WORDS, words)):
        match = _QUOTED.match(text, position)
        if match is not None:
            name = POSSESSIVE.sub("", match["name"].strip())
            role = (match["role"] or "").strip() or None
            if role and _ROLE_NOT_A_ROLE.match(role):
                role = None
        elif (before := _name_before(text, position)) is not None:
            name, role = before
        else:
            continue
        if name in names or not _is_person(name) or name.split()[0] in _NOT_A_FIRST_NAME:
            continue
        names.add(name)
        quoted.append(Quoted(name=name, role=role))
    return quoted


_NOT_A_FIRST_NAME = frozenset(("OIM", "IOM", "La", "Le", "Les", "The", "El", "Los", "Las"))
