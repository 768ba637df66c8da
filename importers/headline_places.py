"""What a headline says of the places a release is about: a country labelling it, a region or a
global framework it names, two countries it joins (read by ``country.py``)."""

from __future__ import annotations

import re

from .places import NO_COUNTRY, is_country_name, mentions

# A headline about a region ("Mecanismos regionales…", "…en el Mediterráneo") is not about one
# of its countries, unless it names that country itself.
_REGION = re.compile(
    r"\b(?:regional(?:es)?|régional(?:e|es)?|régionaux|region|región|région|mediterranean|"
    r"mediterráneo|méditerranée|central\s+americ(?:a|an)|centroam[ée]rica|"
    r"am[ée]rique\s+centrale|mesoam[ée]rica|west\s+africa|afrique\s+de\s+l['’]ouest|"
    r"áfrica\s+occidental|sahel|lake\s+chad\s+basin|bassin\s+du\s+lac\s+tchad|horn\s+of\s+africa|"
    r"corne\s+de\s+l['’]afrique|caribbean|caraïbes|caribe|balkans|"
    # Africa's and Asia's other parts: "… in East Africa", "… en Afrique subsaharienne"
    r"east(?:ern)?\s+africa|afrique\s+de\s+l['’]est|áfrica\s+oriental|southern\s+africa|"
    r"afrique\s+australe|north\s+africa|afrique\s+du\s+nord|sub-?saharan|subsaharienne|"
    r"south(?:-|\s)?east\s+asia|asie\s+du\s+sud-est|sudeste\s+asiático|"
    # The Americas and their regional body: "… in the Americas", "Organisation des Etats américains"
    r"americas|am[ée]riques|am[ée]ricas|[ée]tats\s+am[ée]ricains|estados\s+americanos|"
    r"american\s+states|north\s+america|norteam[ée]rica|am[ée]rique\s+du\s+nord|"
    # Regional blocs: "… Memorando de Entendimiento con el MERCOSUR", "Andean Community"
    r"mercosur|mercosul|andean\s+community|comunidad\s+andina|communaut[ée]\s+andine)\b",
    re.IGNORECASE,
)

# A headline about a global framework or gathering ("Global Compact for Migration", "pactes
# mondiaux", "International Forum on Migration Statistics", "International Migrants Day") is
# about no one country, unless it names that country itself.
_GLOBAL = re.compile(
    r"\b(?:global\s+compacts?|pactes?\s+mondia(?:l|ux)|pactos?\s+mundial(?:es)?|"
    r"international\s+forum|forum\s+international|foro\s+internacional|"
    r"international\s+migrants\s+day)\b",
    re.IGNORECASE,
)
_GLOBAL_KEYS = ("global", "mondia", "mundial", "nternational", "nternacional")

# Parts of those names, looked for first (a substring test is far cheaper than the regex).
_REGION_KEYS = ("regi", "régi", "mediterr", "méditerr", "americ", "améri", "africa", "afrique",
                "áfrica", "sahel", "chad", "tchad", "carib", "caraïb", "balkan", "saharan",
                "sahari", "asia", "asie", "mercosu", "andin", "andean")  # fmt: skip


# How far into a headline a country's name labelling it may end, and what ends the label.
_LABEL_CHARS = 40
_LABEL_ENDS = (":", " - ", " – ", " — ")


def headline_label(title: str) -> str | None:
    """The country a headline opens with as its label, before a colon or a dash ("Maroc : …",
    "Costa Rica - …", "RDC : …"): the subject, as a dateline's country is."""
    head = title[:_LABEL_CHARS]
    for end in _LABEL_ENDS:
        cut = head.find(end)
        if cut > 0 and is_country_name(head[:cut]):
            codes = {place.code for place in mentions(head[:cut])}
            return codes.pop() if len(codes) == 1 else None
    return None


def codes_outside_regions(title: str, nationals: bool) -> set[str]:
    """The countries a headline names outside its region's name ("Etats américains" names the
    Americas, not the United States); by their nationals too only with ``nationals`` (the
    dateline's country: "Port-au-Prince – … Haitians returned from … the Caribbean"), not
    otherwise ("Geneva – … Venezuelan refugees and migrants in the region")."""
    marked = _JOINED_TO_REGION.sub("\x00", _REGION.sub("\x00", title))
    places = mentions(_OFFICE_NAME.sub(" ", marked))
    return {place.code for place in places if nationals or not place.demonym} - {NO_COUNTRY}


# A country joined to the region's name ("en México y Centroamérica", "Centroamérica y
# México"): one of its places, not one singled out.
_JOIN = r"\s+(?:y|and|et|e|&)\s+"
_JOINED_TO_REGION = re.compile(rf"\S+(?:\s+\S+)?{_JOIN}\x00|\x00{_JOIN}\S+(?:\s+\S+)?")


# An IOM office named by its country ("IOM Peru Hosts …", "OIM Costa Rica"): who speaks, not
# where, in a headline about a region.
_CAPITAL = "[A-ZÁÉÍÓÚÀÈÂÊÎÔÛÇÑÜ]"
_OFFICE_NAME = re.compile(rf"\b(?:IOM|OIM)\s+{_CAPITAL}[\w'’-]*(?:\s+{_CAPITAL}[\w'’-]*)?")


# Two names joined in a headline: "X et Y", "X y Y", "X and Y", "X-Y".
_PAIRING = re.compile(r"\s+(?:et|y|e|and|&)\s+|\s*[-–]\s*|,\s+")
PAIR_WORDS = 3  # the words on each side of the join looked at
_BETWEEN = re.compile(r"\b(?:entre|between|among)\b", re.IGNORECASE)


def paired_in_title(zones: dict[str, str]) -> set[str]:
    """The two countries a headline joins as its subject ("Honduras y Guatemala", "in Côte
    d'Ivoire, Ghana"), when the text names no third one: the release is about both, not one of
    them, even under a dateline in one of them."""
    title = zones.get("title", "")
    for join in _PAIRING.finditer(title):
        left = " ".join(title[: join.start()].split()[-PAIR_WORDS:])
        right = " ".join(title[join.end() :].split()[:PAIR_WORDS])
        pair = [{p.code for p in mentions(side) if not p.demonym} for side in (left, right)]
        if _BETWEEN.search(left) or not all(len(codes) == 1 for codes in pair):
            continue  # "la frontière entre le Tchad et le Nigéria": a place between the two
        codes = pair[0] | pair[1]
        in_title = [p.code for p in mentions(title)]
        if len(codes) == 2 and all(in_title.count(code) == 1 for code in codes):
            named = {p.code for p in mentions(f"{title}\n{zones.get('body', '')}") if not p.demonym}
            if not named - codes - {NO_COUNTRY}:
                return codes
    return set()


def names_global_framework(title: str, folded: str) -> bool:
    """The text (a headline) names a global framework or gathering (``folded``: casefolded)."""
    return any(key in folded for key in _GLOBAL_KEYS) and bool(_GLOBAL.search(title))


def names_region(title: str, folded: str) -> bool:
    """The text (a headline, a lead) names a region or a regional bloc (``folded``: casefolded)."""
    return any(key in folded for key in _REGION_KEYS) and bool(_REGION.search(title))
