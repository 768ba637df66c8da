"""A country site's listing: items that name no place are about the country most others are."""

from __future__ import annotations

from collections import Counter

from oim_archive.store.countries import country_name
from oim_archive.store.records import Release

from .country import written_at_seat
from .places import mentions

LISTING_MIN_ITEMS = 3
LISTING_COUNTRY_SHARE = 0.75


def inherit_listing_country(releases: list[Release]) -> None:
    """Items of a country site's listing that name no place at all are about the country most
    of the other items are about ("Dame Marie roofs…" on haiti.iom.int), unless written at the
    seat of IOM or of one of its offices."""
    known = [release.country for release in releases if release.country]
    if len(releases) < LISTING_MIN_ITEMS or not known:
        return
    country, count = Counter(known).most_common(1)[0]
    if count < LISTING_COUNTRY_SHARE * (len(releases) - 1):
        return
    for release in releases:
        if release.country is not None or written_at_seat(release.dateline):
            continue  # "Berlin –": a global release the country site carries
        if not mentions(f"{release.title}\n{release.body}"):
            release.country = country
            release.country_name = country_name(country, release.language)
