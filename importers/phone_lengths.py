"""Whether a number written with a country code is only a fragment of one (cut by the page's
end, "Tel + 93 (0) 700 2"): far fewer digits than any number of its country has."""

from __future__ import annotations

from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumber

# A number with fewer than half the digits of its country's shortest numbers is a fragment; an
# old numbering plan's numbers (Côte d'Ivoire's 8 digits, now 10) are short by much less.
FRAGMENT_SHARE = 0.5


@lru_cache(maxsize=512)
def _shortest_length(country_code: int) -> int | None:
    """The fewest national digits a number of this country code has, if known."""
    region = phonenumbers.region_code_for_country_code(country_code)
    metadata = (
        PhoneMetadata.metadata_for_region(region)
        if region and region != "001"
        else PhoneMetadata.metadata_for_nongeo_region(country_code)
    )
    if metadata is None or metadata.general_desc is None:
        return None
    lengths = [n for n in metadata.general_desc.possible_length or () if n > 0]
    return min(lengths) if lengths else None


def is_fragment(number: PhoneNumber) -> bool:
    """Far fewer national digits than the shortest number of its country: a cut number."""
    if not number.country_code:
        return False
    shortest = _shortest_length(number.country_code)
    return shortest is not None and len(str(number.national_number)) < FRAGMENT_SHARE * shortest
