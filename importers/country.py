"""The one country a release is about, or None for a regional, multi-country or global one."""

from __future__ import annotations

import re

from .chrome import presence_places
from .headline_places import (
    codes_outside_regions,
    headline_label,
    names_global_framework,
    names_region,
    paired_in_title,
)
from .places import (
    NO_COUNTRY,
    Place,
    is_country_name,
    mentions,
    rank_found,
    score_countries,
    tokenize,
    zone_mentions,
)

# How much a place mention counts, by where it is written.
ZONE_WEIGHTS = {"cms": 10.0, "chrome": 5.0, "dateline": 4.0, "title": 3.0, "body": 1.0}
# IOM's seat: "Geneva –" or "Suisse –" heads global releases and says nothing of their subject.
HEADQUARTERS = "CH"
# The gazetteer's weight for the seat of an IOM regional or liaison office (Geneva, Vienna,
# Nairobi, New York…): a dateline there says where the office is, not what the release is about.
OFFICE_SEAT_WEIGHT = 0.2
# A second country scored at least this share of the first's: the release is about both.
CLOSE_SECOND = 0.7
# Nationals of one country placed in this many others: a regional release.
SEVERAL_PLACES = 2
# A headline naming this many countries is about all of them (a regional flood, a joint visit).
SEVERAL_COUNTRIES = 3
# A text naming this many countries, none singled out by its dateline or headline, is about
# several of them.
MANY_COUNTRIES = 5
# A country named more than this many times as much as the next one is the subject even among
# many others.
DOMINANT = 2.0


def without_donors(body: str, funders: list[str], words: list[str]) -> tuple[str, list[str]]:
    """The body and its words with each funder's name taken out once: a donor's nationality
    ("funded by the Swiss Confederation") says who pays, not where the release is about; its
    other mentions still count (a release about a donor country names it again)."""
    if not funders:
        return body, words
    words = list(words)  # the caller's list stays whole
    folded = "\x00".join(words).casefold().split("\x00")  # one pass in C, not one per word
    for funder in funders:
        body = re.sub(re.escape(funder), " ", body, count=1, flags=re.IGNORECASE)
        sequence = [word.casefold() for word in tokenize(funder)]
        start = _sequence_start(folded, sequence)
        if start is not None:
            del words[start : start + len(sequence)]
            del folded[start : start + len(sequence)]
    return body, words


def _sequence_start(words: list[str], sequence: list[str]) -> int | None:
    """Where the first run of ``words`` that spells ``sequence`` starts, if any."""
    if not sequence:
        return None
    size, first = len(sequence), sequence[0]
    start = 0
    while True:
        try:
            start = words.index(first, start)
        except ValueError:
            return None
        if words[start : start + size] == sequence:
            return start
        start += 1


def _names_country(code: str, text: str) -> bool:
    """The country named as such ("Switzerland", "Suisse", "Swiss", "Kenya"), not only by the
    seat of an IOM office there (Geneva, Nairobi: gazetteer entries weighed below a full
    mention)."""
    return any(place.code == code and place.weight >= 1 for place in _places(text))


def _places(text: str) -> list[Place]:
    return mentions(text) if text else []


def release_country(
    zones: dict[str, str], body_tokens: list[str], site_chrome: tuple[str, ...] = ()
) -> str | None:
    """The country a release is about, from its place mentions weighted by where they are.

    ``zones`` holds the text of each zone ("cms", "chrome", "dateline", "title", "body");
    ``site_chrome`` is the page's chrome: the country a country site names there is used when
    the release itself names no place. A dateline naming two countries, or a headline about a
    region, gives None.
    """
    dateline = zones.get("dateline", "")
    dateline_places = mentions(dateline)
    dateline_codes = {place.code for place in dateline_places} - {HEADQUARTERS, NO_COUNTRY}
    # "Vienna –", "Nairobi (IOM) –": the seat of a regional office, not yet the subject.
    office_seats = {p.code for p in dateline_places if p.weight <= OFFICE_SEAT_WEIGHT}
    if len(dateline_codes) > 1:
        return None  # "Tapachula (México) / Tecún Umán (Guatemala) –"
    title = zones.get("title", "")
    labelled = headline_label(title)
    if labelled is not None and labelled != HEADQUARTERS:
        return labelled  # "Maroc : l'Espagne expulse 55 migrants entrés à Melilla"
    # "Suiza - La OIM acoge …": the headquarters' label, as its dateline, heads a global release.
    at_seat = labelled == HEADQUARTERS or _at_seat(dateline_places)
    found = zone_mentions(
        [
            (zones.get("cms", ""), ZONE_WEIGHTS["cms"], None),
            ("" if at_seat else zones.get("chrome", ""), ZONE_WEIGHTS["chrome"], None),
        ]
    )
    # The dateline's and the headline's places are read once, here and for the rules below.
    if dateline_codes:
        found.append((dateline_places, ZONE_WEIGHTS["dateline"]))
    title_places = mentions(title) if title else []
    if title:
        found.append((title_places, ZONE_WEIGHTS["title"] - ZONE_WEIGHTS["body"]))
    body = zones.get("body", "")
    if body:
        found.append((mentions(body, body_tokens), ZONE_WEIGHTS["body"]))
    ranked = rank_found(found)
    if labelled == HEADQUARTERS:  # the label says where the release was written, not what about
        ranked = [(code, score) for code, score in ranked if code != HEADQUARTERS]
    country = ranked[0][0] if ranked else None
    if country is not None and not dateline_codes and _nationals_in_several(country, found):
        return None  # "Somalis at Dollo Ado (Ethiopia) or at Liboi (Kenya)"
    if country is not None and _nationals_in_a_region(country, found, zones.get("body", "")):
        return None  # "… Venezuelan refugees and migrants in Latin America and the Caribbean"
    # One sentence (a teaser) is too little to tell where IOM helps the nationals it names.
    several_sentences = _first_sentence(body) != body
    placed = _placed_of_two(ranked, found) if not dateline_codes and several_sentences else None
    if placed is not None:
        country = placed  # "Syrian refugees resettled to Canada": where IOM helps them
    elif country is not None and _undecided(ranked, country, dateline_codes, title):
        return None
    # Two places or more in the headline (a pair needs them): "Belize and Mexico held …",
    # "México y Centroamérica"
    if country is not None and len({p.code for p in title_places}) > 1:
        paired = paired_in_title(zones)
        if country in paired and dateline_codes <= paired:
            return None  # "L'Italie et la France expriment …"
    named = f"{zones.get('cms', '')}\n{zones.get('chrome', '')}\n{title}\n{zones.get('body', '')}"
    if (
        country is not None
        and (country == HEADQUARTERS or country in office_seats or _seats_only(country, found))
        and not _names_country(country, named)
    ):
        country = None  # "Geneva", "Vienna" in a global or regional release: an office's seat
    if country is not None and _among_many(ranked, country, dateline_codes, title):
        return None
    if (
        country is not None
        and at_seat
        and (not _placed_up_front(country, title, zones) or _paired_with(ranked, title))
    ):
        return None  # "Geneva – … the Council welcomed Uzbekistan …": a global release
    if country is None and at_seat:
        return None  # a country site's copy of a release from the seat: not its country's
    if country is None:
        site_places = " ".join(site_places_of(site_chrome)) if site_chrome else ""
        return score_countries([(site_places, ZONE_WEIGHTS["chrome"], None)])
    title_codes = {place.code for place in title_places} - {NO_COUNTRY}
    title_lands = {place.code for place in title_places if not place.demonym} - {NO_COUNTRY}
    if len(title_lands) >= SEVERAL_COUNTRIES and not dateline_codes:
        return None  # "…inundaciones en El Salvador, Guatemala, Nicaragua y Honduras"
    folded = title.casefold()
    if country not in title_codes and names_global_framework(title, folded):
        return None  # "Global Compact for Migration Can Promote …" (Nairobi, a meeting there)
    if (
        names_region(title, folded)
        and country not in codes_outside_regions(title, country in dateline_codes)
        and not (
            _names_country_alone(dateline, country)
            and not _lead_elsewhere(zones.get("body", ""), country)
        )
    ):
        return None
    return country


def written_at_seat(dateline: str | None) -> bool:
    """The dateline names only the headquarters or the seats of IOM or UN offices: the contacts'
    offices or phones do not give such a release a country either."""
    return bool(dateline) and _at_seat(mentions(dateline or ""))


def _at_seat(dateline_places: list[Place]) -> bool:
    """The dateline names only the headquarters or the seats of IOM or UN offices ("Geneva",
    "Suisse", "New York", "San José / Buenos Aires"): a global or regional release's."""
    codes = [p for p in dateline_places if p.code != NO_COUNTRY]
    return bool(codes) and all(
        p.code == HEADQUARTERS or p.weight <= OFFICE_SEAT_WEIGHT for p in codes
    )


def _placed_up_front(country: str, title: str, zones: dict[str, str]) -> bool:
    """The headline names the country (or its nationals), or the body's first sentence names it
    as a place: a release from the seat about that country ("Geneva – … in the DRC")."""
    if any(p.code == country for p in _places(f"{title}\n{zones.get('cms', '')}")):
        return True
    lead = _first_sentence(zones.get("body", ""))
    return any(
        p.code == country and not p.demonym and p.weight > OFFICE_SEAT_WEIGHT for p in _places(lead)
    )


def _paired_with(ranked: list[tuple[str, float]], title: str) -> bool:
    """The headline names the first two countries, named about as much: the release is about
    both ("… a Turquía y al noroeste de Siria")."""
    if len(ranked) < 2 or ranked[1][1] < CLOSE_SECOND * ranked[0][1]:
        return False
    in_title = {place.code for place in mentions(title) if not place.demonym}
    return ranked[0][0] in in_title and ranked[1][0] in in_title


def _seats_only(country: str, found: list[tuple[list[Place], float]]) -> bool:
    """Every mention of the country is the seat of an IOM office or of the UN there ("a
    conference in Brussels", "launched in New York"): where a meeting sits, not the subject."""
    for places, _ in found:
        for place in places:
            if place.code == country and place.weight > OFFICE_SEAT_WEIGHT:
                return False
    return True


def _placed_of_two(
    ranked: list[tuple[str, float]], found: list[tuple[list[Place], float]]
) -> str | None:
    """Of two countries named about as much, the one named as a place when the other is named
    only by its nationals ("Syrian refugees … to Canada", "venezolanos … al Perú")."""
    if len(ranked) < 2 or ranked[1][1] < CLOSE_SECOND * ranked[0][1]:
        return None
    first, second = ranked[0][0], ranked[1][0]
    as_place = {p.code for places, _ in found for p in places if not p.demonym}
    if (first in as_place) == (second in as_place):
        return None
    return first if first in as_place else second


def _nationals_in_a_region(country: str, found: list[tuple[list[Place], float]], body: str) -> bool:
    """The leading country is named only by its nationals, and the body's first sentence places
    them in a region: a release about them across it."""
    if any(p.code == country and not p.demonym for places, _ in found for p in places):
        return False
    lead = _first_sentence(body)
    return names_region(lead, lead.casefold())


def _nationals_in_several(country: str, found: list[tuple[list[Place], float]]) -> bool:
    """The leading country is named only by its nationals ("Somalis", "haïtiens"), never as a
    place, and the text places them in two other countries or more: it is about those people
    across a region, not about their country nor one of those it names."""
    placed: set[str] = set()
    for places, _ in found:
        for place in places:
            if place.code == country and not place.demonym:
                return False
            if not place.demonym and place.code not in (NO_COUNTRY, HEADQUARTERS):
                placed.add(place.code)
    return len(placed) >= SEVERAL_PLACES


def _among_many(
    ranked: list[tuple[str, float]], country: str, dateline_codes: set[str], title: str
) -> bool:
    """The leading country is one of many the text names, and neither the dateline nor the
    headline singles it out: a Council welcoming five new members, a migrant from Sri Lanka in
    Kuwait beside a Spaniard in Buenos Aires. The release is about all of them (or none)."""
    if len(ranked) < MANY_COUNTRIES or country in dateline_codes:
        return False
    if ranked[0][1] > DOMINANT * ranked[1][1]:
        return False  # named far more than any other: "Sicile", "Lampedusa", "Italie" …
    return country not in {place.code for place in mentions(title)}


def _lead_elsewhere(body: str, country: str) -> bool:
    """The body's first sentence places the event in another country than the dateline's
    ("Nigéria – … la réunion du MIDWA à Abidjan, en Côte-d'Ivoire …"), or in several ("Italia –
    … llegaron a Europa por mar, a Italia, Grecia, Chipre y España"): a regional release."""
    lead = _first_sentence(body)
    codes = {place.code for place in mentions(lead) if place.weight >= 1} - {NO_COUNTRY}
    return bool(codes) and (country not in codes or len(codes) >= SEVERAL_COUNTRIES)


def _first_sentence(body: str) -> str:
    """The body up to its first full stop at a word's end or a paragraph's."""
    ends = [end for end in (body.find(". "), body.find(".\n")) if end >= 0]
    return body[: min(ends)] if ends else body


def site_places_of(site_chrome: tuple[str, ...]) -> list[str]:
    """The places a site's chrome gives its pages: a country site's "L'OIM est présente en …"
    sentence, or a listing's heading that is a country's name alone ("Sénégal", "Costa Rica")."""
    headings = [line.strip() for line in site_chrome if is_country_name(line.strip())]
    return presence_places(list(site_chrome)) + headings


def _names_country_alone(dateline: str, country: str) -> bool:
    """The dateline is the country's own name ("Niger – "): its office speaks of that country
    even when the headline names the region ("…migrants d'Afrique de l'Ouest…")."""
    return is_country_name(dateline) and country in {place.code for place in mentions(dateline)}


def office_country(offices: str) -> str | None:
    """The country the contacts' offices name ("IOM Kenya", "OIM Dakar"), when the release
    names none: never from the seat of a regional office alone ("IOM Vienna")."""
    country = score_countries([(offices, ZONE_WEIGHTS["body"], None)])
    if country is None or country == HEADQUARTERS or not _names_country(country, offices):
        return None
    return country


# Numbers of the headquarters, the UN offices in New York and Washington and the regional
# offices (Vienna, Brussels, Dakar, Nairobi, Pretoria, Cairo, Bangkok, San José, Buenos Aires,
# Panama): their press officers speak for many countries.
_SEAT_CALLING_REGIONS = frozenset(
    {"CH", "US", "AT", "BE", "SN", "KE", "ZA", "EG", "TH", "CR", "AR", "PA"}
)


def phone_country(phone_regions: list[str | None]) -> str | None:
    """The country of the contacts' phone numbers, when they all have one and the same one (the
    release names no country itself): never the headquarters' or the UN seats'."""
    regions = set(phone_regions)
    if len(regions) != 1:
        return None
    (region,) = regions
    return None if region is None or region in _SEAT_CALLING_REGIONS else region


def _undecided(
    ranked: list[tuple[str, float]], country: str, dateline_codes: set[str], title: str
) -> bool:
    """Two countries named about as much, neither in the dateline nor the headline: the release
    is about both (or the region), not one of them."""
    if len(ranked) < 2 or country in dateline_codes:
        return False
    if ranked[1][1] < CLOSE_SECOND * ranked[0][1]:
        return False
    return country not in {place.code for place in mentions(title)}
