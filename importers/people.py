"""Funders: "financé par …", "funded by …", "EU-funded", "the EU's financial support"…

The people quoted in the body are found in ``quotes.py``."""

from __future__ import annotations

import re

from . import donor_phrases
from .donor_phrases import (
    OWNER_AFTER_ACRONYM,
    names_no_one,
    opening_support_donors,
    thanked_donors,
)
from .places import is_country_name

# The phrase that introduces a funder, in the three languages.
_FUNDED_BY = re.compile(
    r"(?i:\b(?:financ[ée]e?s?\s+par|co-?financ[ée]e?s?\s+par|grâce\s+au\s+(?:soutien\s+financier|"
    r"financement)\s+(?:de|du|des)|avec\s+le\s+(?:soutien\s+financier|financement)\s+(?:de|du|des)|"
    r"(?:co-?)?funded\s+by|financed\s+by|(?:with|in)\s+(?:funding|financial\s+support)\s+from|"
    r"thanks\s+to\s+(?:the\s+)?funding\s+(?:by|from|of)|"
    r"financiad[oa]s?\s+por|(?:con|gracias\s+al?)\s+(?:el\s+)?(?:financiamiento|financiación|"
    r"apoyo\s+financiero)\s+(?:de|del)|supplied\s+by|donated\s+by|contributions?\s+from|"
    # "a contribution of €1 million (US$1.16 million) from the Government of Italy".
    r"contributions?\s+of\s+(?:(?:[€$£]|USD|EUR|US\$|CHF)\s*\d|\d[\d.,]*\s+(?:(?:million|billion)"
    r"\s+)?(?:USD|EUR|CHF|dollars|euros))[^;\n]{0,30}?\s+from|"
    r"donations?\s+from|"
    # "With recent funding of USD100,000 received from the United States Agency …".
    r"(?:with|thanks\s+to)\s+(?:(?:recent|new|additional|further)\s+)?funding\s+of\s+"
    r"(?:[€$£]|USD|EUR|US\$|CHF)\s*\d[\d.,]*(?:\s+(?:million|billion))?\s+(?:received\s+)?from)\s+)|"
    # "Le financement du vol a été fourni par les Pays-Bas", "funding was provided by".
    r"(?i:\b(?:financement|funding|financiamiento|financiación)\b[^.;\n]{0,40}?\b"
    r"(?:a\s+été\s+(?:fourni|assuré|apporté)|was\s+provided|fue\s+(?:proporcionado|aportado))"
    r"\s+(?:par|by|por)\s+)|"
    # "built with support from the Government of Japan": a donor written with a capital.
    r"\b(?:built|made|set\s+up|established)\s+with\s+(?:the\s+)?support\s+(?:from|of)\s+"
    r"(?=(?:the\s+)?[A-ZÀ-Ö])|"
    # "construit avec l'appui de l'Italie", "construido con el apoyo de Japón": the same in
    # French and Spanish.
    r"\b(?:construit|bâti|réhabilité|équipé|rénové)e?s?\s+(?:avec|grâce\s+à)\s+"
    r"(?:l['’]\s*appui|le\s+soutien)\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+)"
    r"(?=[A-ZÀ-Ö]|gouvernement)|"
    r"\b(?:construid|rehabilitad|equipad)[oa]s?\s+(?:con|gracias\s+a)l?\s+(?:el\s+)?apoyo\s+"
    r"(?:de\s+la\s+|del\s+|de\s+)(?=[A-ZÁ-Ú]|gobierno)|"
    # "grâce à une contribution du gouvernement…", "una contribución de Suiza": a donor named
    # with a capital or as a government ("la contribution des migrants" is not funding).
    r"\b(?:[Cc]ontributions?\s+(?:du|des|de\s+la|de\s+l['’]|de)\s*(?=[A-ZÀ-Ö]|gouvernement)|"
    r"[Cc]ontribuci[óo]n(?:es)?\s+(?:del|de\s+la|de)\s+(?=[A-ZÁ-Ú]|gobierno))|"
    # "With the support of the EU, IOM Belarus is rolling out…", "Con el apoyo de Suiza, la OIM
    # entregó…": a sentence opening on its donor, IOM acting after the comma.
    r"(?:(?<=^)|(?<=[.!?]\s)|(?<=\n))(?:With\s+the\s+support\s+of|Con\s+el\s+apoyo\s+de(?:l\s+)?|"
    r"Avec\s+le\s+soutien\s+(?:de\s+la|de\s+l['’]|du|des|de))\s*"
    r"(?=[^,.;\n]{2,120},\s+(?:IOM|OIM|l['’]OIM|la\s+OIM|the\s+IOM)\b)|"
    # "La OIM, con el apoyo de USAID, inauguró…": a donor backing IOM's own action.
    r"(?:(?<=OIM\))|(?<=IOM\))|(?<=\bOIM)|(?<=\bIOM)),\s+(?:con\s+el\s+apoyo|avec\s+le\s+soutien|"
    r"with\s+(?:the\s+)?support)\s+(?:de|del|du|des|of|from)\s*|"
    # "…que la OIM implementa con el apoyo de USAID en …": IOM carrying out a programme with
    # a donor's backing, named by its acronym.
    r"(?:(?<=\bOIM)|(?<=\bIOM))\s+(?:implementa|ejecuta|implements|met\s+en\s+[œo]e?uvre)\s+"
    r"(?:con\s+el\s+apoyo|avec\s+le\s+soutien|with\s+(?:the\s+)?support)\s+(?:de|du|of)\s+"
    r"(?=[A-Z]{2,8}\b)(?!OIM\b|IOM\b)|"
    # "…, con el apoyo de la Unión Europea": a clause naming who backs the action, written with a
    # capital (never IOM itself: "con el apoyo de OIM y ACNUR").
    r",\s+(?:con\s+el\s+apoyo|avec\s+le\s+soutien|with\s+the\s+support)(?:\s+financi\w+)?\s+"
    r"(?:de\s+la\s+|del\s+|de\s+los\s+|de\s+l['’]\s*|du\s+|des\s+|of\s+the\s+|of\s+|de\s+)"
    r"(?=[A-ZÀ-Ö])(?!OIM\b|IOM\b)"
)
_ARTICLE_WORDS = r"(?:le|la|les|l['’]|the|el|los|las)"
# Where the funder's name stops: end of sentence or clause (", le stage fait suite…").
_STOP = re.compile(
    r"[.;:!?»«\"“”()\n]"
    # An acronym's place after it: "USAID en Belice, Costa Rica …", "AECID in Honduras".
    r"|(?:" + "|".join(rf"(?<=\b[A-Z]{{{n}}})" for n in range(2, 9)) + r")"
    r"\s+(?:en|in|au|aux)\s+(?=[A-ZÀ-Ö])"
    # A purpose clause ends the name: "pour renforcer", "para fortalecer", "to IOM", "to help".
    r"|\s+(?:pour|afin\s+de|en\s+vue\s+de)\s+(?=[a-zà-ÿ]+(?:er|ir|re)\b)"
    r"|\s+para\s+(?=[a-zá-úñ]+(?:ar|er|ir)\b)|\s+(?:in\s+order\s+)?to\s+|\s+for\s+(?=[a-z])"
    # A verb after the name: "IOM, with funding from the United States, has helped …".
    r"|\s+(?:(?:and|et|y)\s+)?(?:has|have|had|will|is|are|was|were|a|ont|va|vont|sera|ha|han|será)"
    r"\s+(?=[a-zà-ÿ])"
    # An amount or an aside after the name: "… of Japan for USD 525,000 – will help".
    r"|\s+(?:for|of|de|por)\s+(?=(?:USD|EUR|US\$|CHF)\b)|\s+[–—]\s+"
    # "… du Japon pour un montant de 1 050 000 USD", "… à hauteur de 2 millions", "por un monto".
    r"|\s+(?:pour\s+un|d['’]un|à\s+hauteur\s+d['’]un)\s+montant\b|\s+à\s+hauteur\s+de\s+(?=\d)"
    r"|\s+(?:por|para)\s+un\s+(?:monto|importe|valor)\b"
    # "…, IOM will…": IOM as the subject of the main clause; "… Implemented by IOM Greece".
    r"|,\s+(?:IOM|OIM|l['’]OIM|la\s+OIM)\b"
    r"|\s+(?:(?:et|and|y)\s+)?(?i:implemented|executed|carried\s+out)\s+by\b"
    r"|\s+(?:(?:et|and|y)\s+)?(?i:mis\s+en\s+[œo]e?uvre\s+par|implementado\s+por|ejecutado\s+por)\b"
    r"|,\s+(?="
    + _ARTICLE_WORDS
    + r"\s*[a-zà-ÿ])|,\s+(?![A-ZÀ-Ö]|"
    + _ARTICLE_WORDS
    + r"\s*[A-ZÀ-Ö]|(?:de|du|des|d['’]|of|del)\b)"
)
# ", la Suisse": a comma and an article before a capital start another funder; a comma before
# a capital alone stays inside the name ("Oficina de Población, Refugiados y Migración").
_LIST_COMMA = re.compile(r",\s+(?=" + _ARTICLE_WORDS + r"\s*[A-ZÀ-Ö])")
# "et mené à bien": a conjunction followed by a verb ends the name; "et de l'Enfance" does not.
# "et par l'Union européenne", "and by Japan": the agent word repeated before the next funder.
_AND = re.compile(r"\s+(?:et|and|y|e|&)\s+(?P<by>(?:par|by|por)\s+)?(?P<next>[\w'’]+)")
_ARTICLE = re.compile(r"^(?:le|la|les|l['’]\s*|the|el|los|las|du|des|del)\s+|^l['’]", re.I)
_IOM = re.compile(r"^(?:IOM|OIM|l['’]OIM|la\s+OIM|the\s+IOM)\b")
_CONTINUES_NAME = frozenset({"de", "d", "du", "des", "of", "del", "for", "pour", "para"})
_STARTS_FUNDER = frozenset({"le", "la", "les", "l", "the", "el", "los", "las"})
MAX_FUNDER_LENGTH = 160
# "l'appui technique de l'OIM": what IOM itself brings is never a funder.
_OF_IOM = re.compile(r"\b(?:de|of|del)\s+(?:l['’]\s*|la\s+|the\s+)?(?:OIM|IOM)$")
# "IOM's European Union-funded project", "an EU-funded programme": the donor as an adjective.
# "A German government-funded project": a government named by its adjective.
_FUNDED_ADJECTIVE = re.compile(
    r"(?P<name>(?!(?:A|An|The)\s)(?:(?:[A-ZÀ-Ö][\w'’]*\s+){0,4}[A-ZÀ-Ö][\w'’]*"
    r"|(?:[A-ZÀ-Ö][\w'’]*\s+){1,3}government))"
    r"-funded\b"
)
# "thanks to the European Union’s financial support", "with USAID funding": the donor owns it.
_OWNS_SUPPORT = re.compile(
    r"\b(?:thanks\s+to|with)\s+(?:the\s+)?(?:(?P<name>(?:[A-ZÀ-Ö][\w-]*\s+){0,4}[A-ZÀ-Ö][\w-]*)"
    r"['’]s?|(?P<acronym>[A-Z]{2,8}))\s+(?:generous\s+)?(?:financial\s+support|funding)\b"
)
# "the State of Kuwait donated USD 10 million": the donor before its verb.
_DONOR = re.compile(
    r"(?P<name>(?:the\s+)?[A-ZÀ-Ö][\w'’-]+(?:\s+(?:of|for|and|the|[A-ZÀ-Ö][\w'’-]+)){0,6})"
    r"\s+(?:has\s+|have\s+)?donated\b(?!\s+by\b)"
)


# "L'ambassade des Etats-Unis au Tchad a accepté de financer …", "Japan has agreed to fund":
# the donor as the subject of an agreement to pay.
_AGREED_TO_FUND = re.compile(
    r"(?P<name>(?:[Ll]['’]\s*|(?:[Ll]es?|[Ll]a|[Tt]he|[Ee]l|[Ll]os|[Ll]as)\s+)?"
    r"(?:[A-ZÀ-Ö][\w'’-]*|ambassade|embassy|embajada|gouvernement|government|gobierno)"
    r"(?:\s+(?:de|des|du|d['’]|au|aux|of|the|for|del|en|in|[A-ZÀ-Ö][\w'’-]*)){0,6})"
    r"\s+(?:a|ont|has|have|had|)\s*(?:accepté|décidé|agreed|decided|aceptó|decidió|acordó)\s+"
    r"(?:de\s+|to\s+)?(?:financer|fund|finance|financiar)\b"
)
_AGREED_WORDS = ("accepté", "décidé", "agreed", "decided", "aceptó", "decidió", "acordó")


# "un programme plus large du Bureau de l'USAID": the donor is the one owning the programme.
_PROGRAMME_OF = re.compile(
    r"^(?:un|une|a|an|el|la|le|the)\s+(?:programme|programa|program|projet|proyecto|project)\b"
    r"[^A-ZÀ-Ö]{0,30}?\b(?:du|de\s+la|de\s+l['’]|des|del|de|of\s+the|of)\s*(?=[A-ZÀ-Ö])"
)


def _tidy_funder(name: str) -> str:
    """The funder's name without its leading article, first letter capitalised, as written."""
    name = name.strip(" ,")
    programme = _PROGRAMME_OF.match(name)
    if programme is not None:
        name = name[programme.end() :]
    name = _ARTICLE.sub("", name).strip()
    return name[:1].upper() + name[1:]


_AFTER_ARTICLE = re.compile(r"(?:[\w]+\s+|[\w]*['’]\s*)(?P<word>[\w-]+)")
_LOWER_CASE_DONORS = frozenset({"gouvernement", "government", "gobierno", "royaume", "république"})


def _names_next(phrase: str, conjunction: re.Match[str]) -> bool:
    """After "et la", "and the", "y el": another funder when a name follows ("la Suède", "the
    Government of Japan", "le gouvernement suisse"), not the end of one ("et la coopération")."""
    after = _AFTER_ARTICLE.match(phrase, conjunction.start("next"))
    if after is None:
        return True
    word = after["word"]
    return word[:1].isupper() or word.lower() in _LOWER_CASE_DONORS


# "du Royaume-Uni, de l'Espagne, de la Suisse et des Pays-Bas": a list of donor countries, each
# after its own "de"; only split so when every piece is a country's name.
_COUNTRY_LIST_JOINT = re.compile(
    r"\s*,\s*(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|d['’]\s*|de\s+)"
    r"|\s+(?:et|y)\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|d['’]\s*|de\s+|del\s+)"
)


def _country_list(phrase: str) -> list[str]:
    """The countries of a list joined by "de", "du", "des" (none when a piece is not one)."""
    if "," not in phrase:
        return []
    pieces = [piece.strip() for piece in _COUNTRY_LIST_JOINT.split(phrase)]
    if len(pieces) < 2 or not all(is_country_name(piece) for piece in pieces):
        return []
    return pieces


def _split_funders(phrase: str) -> list[str]:
    """ "l'UE et le Japon" is two funders; "de la Famille et de l'Enfance" is one name."""
    names: list[str] = []
    start = 0
    for match in _AND.finditer(phrase):
        word = match["next"].lower().replace("’", "'").split("'")[0]
        if match["by"] and (word in _STARTS_FUNDER or match["next"][:1].isupper()):
            names.append(phrase[start : match.start()])  # "… et par l'Union européenne"
            start = match.start("next")
            continue
        if word in ("iom", "oim"):  # "the Government of Japan and IOM's own funds": not a donor
            names.append(phrase[start : match.start()])
            return names
        if word in _STARTS_FUNDER and (
            _names_next(phrase, match) or _OF_IOM.search(phrase.rstrip(" ,"))
        ):  # "…suisse et l'appui technique de l'OIM": IOM's own part, split off and dropped
            names.append(phrase[start : match.start()])
            start = match.start("next")
        elif word in _STARTS_FUNDER:
            continue  # "…pour le développement et la coopération": the name goes on
        elif word not in _CONTINUES_NAME and not match["next"][:1].isupper():
            # "et mené à bien": a verb, the name ended before the conjunction.
            names.append(phrase[start : match.start()])
            return names
    names.append(phrase[start:])
    return names


# "(USAID)", "(OFDA)", "(USAID/OFDA)": the acronym written right after a name is part of it.
_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z]*(?:[/.&-][A-Z][A-Za-z]*)*\)")


# "(USAID) and the Government of Japan", "(ECHO), la Suisse": another funder follows.
_ANOTHER_FUNDER = re.compile(
    r"\s*(?:,\s*|\s(?:et|and|y|&)\s+)(?:" + _ARTICLE_WORDS + r"\s*)?[A-ZÀ-Ö]"
)


# An initialism's letters and dots ("U.S.", "U.K."), then the name going on with a capitalised
# word that opens no sentence ("U.S. Department of State", not "the U.K. The project …").
_INITIALISM_END = re.compile(r"(?<![^\W\d_])(?:[A-Z]\.){2,}$")
_NAME_GOES_ON = re.compile(r"[A-Z]\.|\s+(?!(?:The|This|These|It|Its|In|A|An|He|She|They)\b)[A-Z]")


def _in_initialism(rest: str, dot: int) -> bool:
    """The full stop at ``dot`` belongs to an initialism inside the name ("U.S. Department")."""
    if dot == 0 or not rest[dot - 1].isupper():
        return False
    inside = rest[dot + 1 : dot + 2].isupper() and rest[dot + 2 : dot + 3] == "."  # "U." of U.S.
    closing = _INITIALISM_END.search(rest[max(0, dot - 8) : dot + 1]) is not None  # its "S."
    return (inside or closing) and _NAME_GOES_ON.match(rest, dot + 1) is not None


# "European Union (EU) Emergency Trust Fund for Africa": the donor's fund named after its acronym.
_FUND_AFTER_ACRONYM = re.compile(
    r"\s+(?:[A-Z][\w'’-]*\s+){0,4}(?:Fund|Facility|Instrument|Fondo|Fonds|Facilidad)\b"
)


def _name_end(rest: str) -> int:
    """Where the funder's name written at the start of rest stops."""
    position = 0
    while True:
        stop = _STOP.search(rest, position)
        if stop is None:
            return len(rest)
        if stop.group(0) == "." and _in_initialism(rest, stop.start()):
            position = stop.end()  # "the U.S. Department of State": the name goes on
            continue
        acronym = _ACRONYM.match(rest, stop.start() - 1) if stop.group(0) == "(" else None
        if acronym is None:
            return stop.start()
        if (
            OWNER_AFTER_ACRONYM.match(rest, acronym.end()) is not None
            or _FUND_AFTER_ACRONYM.match(rest, acronym.end()) is not None
        ):
            position = acronym.end()  # "… (PRM) du Département d’Etat américain": the name goes on
            continue
        if _ANOTHER_FUNDER.match(rest, acronym.end()) is None:
            return acronym.end()  # "… (Sida) repairs roofs": the acronym closes the name
        position = acronym.end()


def stem_positions(text: str, stems: tuple[str, ...]) -> list[int]:
    """Sorted start positions of words beginning with any of the stems (str.find is fast)."""
    positions: set[int] = set()
    for stem in stems:
        index = text.find(stem)
        while index != -1:
            if index == 0 or not text[index - 1].isalnum():
                positions.add(index)
            index = text.find(stem, index + 1)
    return sorted(positions)[:MAX_STEM_POSITIONS]


# A release has a handful of funding phrases and quotes; a pathological page stops here.
MAX_STEM_POSITIONS = 500
# "financ" also finds "financial"; every stem costs one scan of the text.
_FUNDING_STEMS = ("financ", "funded", "funding", "supplied", "donat", "contribu", "apoyo",
                  "soutien", "support", "appui", "provenien", "provenant")  # fmt: skip
# How far before its stem ("financier") a funding phrase may start ("avec le soutien …").
FUNDING_LEAD = 45


# Where a match of _FUNDED_BY can start: each of its branches starts a word, or at a comma, or
# at the space after "OIM"/"IOM". Tried there only, the regex costs a few µs a stem where
# searching the window, every branch at every position, cost ~30 µs.
_PHRASE_STARTS = re.compile(r"\b\w|,|(?<=M)\s")


def _funding_phrase(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_FUNDED_BY.search(text, start, end)``, trying the regex only where it can start."""
    for candidate in _PHRASE_STARTS.finditer(text, start, end):
        found = _FUNDED_BY.match(text, candidate.start(), end)
        if found is not None:
            return found
    return None


def present_forms(forms: tuple[str, ...], words: list[str] | None) -> tuple[str, ...]:
    """The forms written as whole words in the text (all of them when its words are unknown)."""
    if words is None:
        return forms
    vocabulary = set(words)
    return tuple(form for form in forms if form in vocabulary)


def find_funders(text: str, words: list[str] | None = None) -> list[str]:
    """Names of the funders written after "financé par", "funded by", "financiado por"…

    ``words`` (the text's words, if already known) lets a text without any funding word be
    skipped at once.
    """
    funders: list[str] = []
    lowered = text.lower()
    stems = tuple(stem for stem in _FUNDING_STEMS if stem in lowered)
    if not stems and "fund" not in lowered:
        return funders
    done_until = -1
    for position in stem_positions(lowered, stems):
        match = _funding_phrase(text, max(0, position - FUNDING_LEAD), position + 60)
        if match is None or match.end() <= done_until:
            continue
        done_until = match.end()
        rest = text[match.end() : match.end() + 400]
        phrase = rest[: _name_end(rest)]
        for part in _LIST_COMMA.split(phrase):
            for name in _country_list(part) or _split_funders(part):
                if names_no_one(name):
                    continue  # "les gouvernements et d’autres donateurs": no donor named
                funder = donor_phrases.english_name(_tidy_funder(name), agent=match[0])
                iom_own = _OF_IOM.search(funder) is not None and not donor_phrases.is_a_fund(funder)
                if (_IOM.match(funder) and len(funder.split()) <= 2) or iom_own:
                    continue  # IOM names itself ("supplied by IOM", "l'appui de l'OIM")
                if 2 <= len(funder) <= MAX_FUNDER_LENGTH and funder not in funders:
                    funders.append(funder)
    if "-funded" in lowered:
        for adjective in _FUNDED_ADJECTIVE.finditer(text):
            _add_donor(funders, POSSESSIVE.sub("", adjective["name"]))
    if "financial support" in lowered or " funding" in lowered:  # "with USAID funding"
        for owner in _OWNS_SUPPORT.finditer(text):
            _add_donor(funders, owner["name"] or owner["acronym"])
    for thanked in thanked_donors(text, lowered) + opening_support_donors(text, lowered):
        _add_donor(funders, thanked)
    if any(word in lowered for word in _AGREED_WORDS):
        for agreed in _AGREED_TO_FUND.finditer(text):
            _add_donor(funders, agreed["name"])
    if "donated" in lowered:
        for donor in _DONOR.finditer(text):
            if text[max(0, donor.start() - 4) : donor.start()].endswith("in "):
                continue  # "IOM in Costa Rica donated": the place of the giver, not a donor
            _add_donor(funders, donor["name"])
    return funders


def _add_donor(funders: list[str], name: str) -> None:
    """A donor named around a funding word ("EU-funded", "the EU's financial support",
    "Kuwait donated"), unless it is IOM itself or already listed."""
    funder = _tidy_funder(name)
    if not _IOM.match(funder) and funder not in funders:
        funders.append(funder)


# "Kuwait's": an owner's possessive before a name.
POSSESSIVE = re.compile(r"^\S+['’]s\s+")
