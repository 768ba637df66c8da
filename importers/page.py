"""One raw page (bytes + file name) to one or more clean releases."""

from __future__ import annotations

import re

from oim_archive.i18n import N_
from oim_archive.store.countries import country_name
from oim_archive.store.records import DATE_FROM_TEXT, DATE_PUBLISHED, Release
from oim_archive.store.text import clean_line, fold_whitespace

from .after_title import skip_after_title
from .body import (
    paragraphs,
    restore_lost_dash,
    split_dateline,
    without_lead_in,
)
from .bullets import BULLETS
from .chrome import (
    find_title,
    is_byline,
    is_caption,
    is_footer,
    presence_places,
    trailing_chrome_start,
)
from .comment_form import comment_form_start
from .contact_block import until_prose
from .contact_intro import find_intro, split_inline_intro
from .contacts import parse_contacts
from .country import (
    office_country,
    phone_country,
    release_country,
    without_donors,
    written_at_seat,
)
from .dates import FoundDate, estimated_date, find_dates, published_date
from .errors import ImportRefused
from .glued_byline import without_glued_byline
from .html import HtmlItem
from .language import detect_language
from .listing import Item, split_items
from .listing_country import inherit_listing_country
from .markup import clean_markup
from .opening import (
    after_leading_date,
    after_paragraph,
    headline_date,
    is_wrapped_opening,
    opening_date,
    wrapped_paragraph,
)
from .opening_words import FIRST_SENTENCE, is_sentences
from .people import find_funders
from .phones import region_of
from .places import is_country_name, mentions, tokenize
from .quotes import find_quoted
from .release_shape import (
    MAX_TITLE_LENGTH,
    SENTENCE_TITLE_WORDS,
    not_a_release,
    report_on_iom,
)
from .signature import signature_start
from .site_pages import refuse_key_figures_page, site_page_refusal
from .teasers import split_teasers
from .title_tail import with_title_tail

LANGUAGE_SAMPLE_WORDS = 1000
DATELINE_ALONE_LENGTH = 100
SHORT_TITLE_LENGTH = 120
BREADCRUMB_LOOKAHEAD = 4
MIN_REPEATED_TITLE = 20


LONG_HEADLINE_LENGTH = 400
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-ZÀ-Ö]")


def _is_long_headline(title: str) -> bool:
    """A headline longer than most ("Réintégration … : Validation des Procédures Opérationnelles
    Standard (POS) et …"): one phrase, no sentence ended inside it or at its end."""
    return (
        len(title) <= LONG_HEADLINE_LENGTH
        and title[-1] not in ".!?…:;,"
        and _SENTENCE_BREAK.search(title) is None
    )


def _after_byline(lines: list[str], index: int) -> int:
    """The title line, past an author's byline put over a listing item's text ("By: Sabah
    Abdulrahman" under the item's date label): a byline heads no item."""
    if not is_byline(lines[index]):
        return index
    following = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
    return index if following is None else following


def _is_teaser_line(line: str) -> bool:
    """A line that is a teaser, not a headline, when nothing follows it but its date label: a
    sentence of many words ended by its full stop ("With the support of IOM, the Minister held a
    conference in Baghdad …."), or one opening with a dateline and cut before its end ("Iraq - To
    address the risk of gender-based violence, IOM and partners will be collectin")."""
    words = line.count(" ") + 1
    if words < SENTENCE_TITLE_WORDS:
        return False
    return line[-1:] in ".!?" or (
        _opens_with_dateline(line) and split_dateline(line, is_country_name)[0] is not None
    )


def _title_and_rest(title_line: str) -> tuple[str, str | None]:
    """The title; a page whose first line is a whole paragraph gets its first sentence (a
    paragraph opening with a dateline, "Marib – Fighting…", is body text with no headline)."""
    title = clean_line(title_line)
    dateline, dated, opening = split_dateline(title, is_country_name)
    is_paragraph = (
        (
            dated is not None  # "Mardi 13 juin 2017 – Il est 18h20 …": a date and no place
            and dateline is None
            and (len(title) > MAX_TITLE_LENGTH or title[-1:] in '.!?…»”"')
        )
        or (
            dateline is not None
            and title[-1:] in '.!?…»”"'
            and title.count(" ") + 1 >= SENTENCE_TITLE_WORDS
            and _opens_with_dateline(title)  # not "… Non-violence — How Can We …?"
        )
        or (dateline is None and dated is None and is_sentences(title, SENTENCE_TITLE_WORDS))
    )
    if (len(title) <= MAX_TITLE_LENGTH or _is_long_headline(title)) and not is_paragraph:
        return title, None
    if is_paragraph:
        title = opening
    sentence = FIRST_SENTENCE.match(title)
    if sentence:
        return sentence.group(1), clean_line(title_line)
    if len(title) <= SHORT_TITLE_LENGTH:
        return title, clean_line(title_line)
    cut = title[:SHORT_TITLE_LENGTH].rsplit(" ", 1)[0]
    return cut + "…", clean_line(title_line)


def _without_breadcrumb(title: str, rest: list[str]) -> tuple[str, list[str]]:
    """ "Inicio Sin categoría OIM aclara…" then "OIM aclara…": the headline is the line that
    repeats the end of the first one (a breadcrumb was glued before it). A country site's
    place and dash before the repeated headline ("Suiza - La OIM acoge …") are its title's."""
    for index, raw in enumerate(rest[:BREADCRUMB_LOOKAHEAD]):
        line = clean_line(raw)
        if not line:
            continue
        folded, folded_title = line.casefold(), title.casefold()
        if (
            len(line) >= MIN_REPEATED_TITLE
            and folded != folded_title
            and folded_title.endswith(folded)
            and folded_title[-len(folded) - 1] == " "
        ):
            if title[: -len(line)].rstrip()[-1:] in "-–—:":
                return title, rest[index + 1 :]  # "Suiza - X" or "RUBRIQUE : X" over "X"
            return line, rest[index + 1 :]
        break
    return title, rest


def _date_and_basis(
    stated: str, found: list[FoundDate], body: tuple[str, list[FoundDate]]
) -> tuple[str | None, str | None]:
    """The date the page states, else an estimate from the body's dates, with its basis."""
    published = published_date(stated) if stated.strip() else None
    if published is not None:
        return published, DATE_PUBLISHED
    estimate = estimated_date(body[1], body[0]) or estimated_date(found)
    return (estimate, DATE_FROM_TEXT) if estimate else (None, None)


def _release(
    item: Item,
    chrome: list[str],
    source: str,
    title_at: tuple[int, list[str]] | None = None,
    site_chrome: tuple[str, ...] = (),
) -> Release | None:
    lines = item.lines
    title_index, item_chrome = title_at if title_at is not None else find_title(lines)
    if title_index >= len(lines):
        return None
    title_index, leading_date = after_leading_date(lines, title_index, _names_a_place_in_dateline)
    title_index = _after_byline(lines, title_index)
    if is_wrapped_opening(lines, title_index):
        title, long_first_line = _title_and_rest(wrapped_paragraph(lines, title_index))
        rest = [long_first_line or title, *after_paragraph(lines, title_index)]
    else:
        title, long_first_line = _title_and_rest(lines[title_index])
        rest = lines[title_index + 1 :]
        if long_first_line is not None:
            rest = [long_first_line, *rest]
    title, rest = _without_breadcrumb(title, rest)
    if long_first_line is None:
        title, rest = with_title_tail(title, rest)
    skipped, date_line = skip_after_title(rest, title)
    date_line = date_line or leading_date
    if any(line.strip() for line in skipped):
        rest = skipped
    elif _is_teaser_line(title):  # an item of one teaser and its date label, no headline
        rest = [title]
    else:  # a listing item of a title and a date only: the date line is all its text
        rest = [line for line in rest if line.strip() and not is_caption(line)][-1:]
    rest = split_inline_intro(rest[: trailing_chrome_start(rest)])
    intro = find_intro(rest)
    if intro is None:  # no line introduces it: perhaps a signature at the end
        intro = signature_start(rest)
    body_lines, contact_lines = (rest, []) if intro is None else (rest[:intro], rest[intro:])
    contact_lines = [line for line in contact_lines if not line.strip() or not is_footer(line)]
    block_end = len(until_prose(contact_lines))
    if block_end < len(contact_lines):  # the release goes on after its contact block
        body_lines = [*body_lines, "", *contact_lines[block_end:]]
        contact_lines = contact_lines[:block_end]
    first = next((i for i, line in enumerate(body_lines) if line.strip()), None)
    if first is not None:
        body_lines[first] = restore_lost_dash(
            without_glued_byline(body_lines[first]), _names_a_place
        )
    paras = without_lead_in(paragraphs(body_lines), _names_a_place_in_dateline)
    dateline = dateline_date = None
    if len(paras) > 1 and len(paras[0]) <= DATELINE_ALONE_LENGTH and paras[0][-1] in "-–—−":
        paras[:2] = [f"{paras[0]} {paras[1]}"]  # "Genève –" alone on its line
    if paras:
        dateline, dateline_date, paras[0] = split_dateline(paras[0], is_country_name)
        if dateline is None and dateline_date is None:
            dateline_date, paras[0] = opening_date(paras[0])
            if dateline_date:  # "9 de mayo de 2025, Ginebra - …": the date before the place
                dateline, _, paras[0] = split_dateline(paras[0], is_country_name)
        paras = [p for p in paras if p]
    body = "\n\n".join(paras) or fold_whitespace(item.cms_text)
    if not body:  # a listing item of a title and its CMS date line only keeps that line
        return None
    chrome_text = " ".join(presence_places([*chrome, *item_chrome]))
    body_tokens = tokenize(f"{title}\n{body}")
    funders = find_funders(body, body_tokens)
    subject, subject_tokens = without_donors(body, funders, body_tokens)
    zones = {"cms": " ".join(item.cms_places), "chrome": chrome_text, "dateline": dateline or "",
             "title": title, "body": subject}  # fmt: skip
    country = release_country(zones, subject_tokens, site_chrome)
    contacts = parse_contacts(contact_lines, region=country)
    if country is None and contacts and not written_at_seat(dateline):
        country = office_country(" ".join(c.office or "" for c in contacts)) or phone_country(
            [region_of(phone) for contact in contacts for phone in contact.phones]
        )
    stated = f"{item.cms_text}\n{date_line}\n{dateline_date or ''}\n{headline_date(title)}"
    found: list[FoundDate] = find_dates(stated) if stated.strip() else []
    body_dates = find_dates(body)
    found += body_dates
    dates = list(dict.fromkeys(d.iso for d in found))
    date, date_basis = _date_and_basis(stated, found, (body, body_dates))
    language = detect_language(body_tokens[:LANGUAGE_SAMPLE_WORDS])
    return Release(
        title=title,
        body=body,
        language=language,
        country=country,
        country_name=country_name(country, language),
        dateline=dateline,
        date=date,
        date_basis=date_basis,
        dates=dates,
        contacts=contacts,
        funders=funders,
        quoted=find_quoted(body, body_tokens),
        source=source,
    )


def _html_listing(html_item: HtmlItem, name: str) -> list[Release]:
    """The items of an HTML page whose one text block is a listing of teasers (a digest post):
    each item dated by the listing's own label, else by the page's date."""
    lines = [html_item.title or "", "", *html_item.text.split("\n")]
    teasers = split_teasers(lines, 0, _opens_with_dateline, is_country_name)
    if teasers is None or len(teasers) < 2:
        return []
    releases = []
    for item in teasers:
        item.cms_text = item.cms_text or html_item.stated_date
        release = _release(item, [], name)
        if release is not None:
            releases.append(release)
    return releases


def html_releases(items: list[HtmlItem], name: str) -> list[Release]:
    """The releases of an HTML document's items, each once; refused when none has any."""
    releases = _html_item_releases(items, name)
    if not releases:
        raise ImportRefused(N_("HTML page without release text (only menus, links or footers)"))
    return list({release.id: release for release in releases}.values())


def _html_item_releases(items: list[HtmlItem], name: str) -> list[Release]:
    if len(items) == 1 and items[0].title:
        listing = _html_listing(items[0], name)
        if listing:
            return listing
    releases: list[Release] = []
    for html_item in items:
        lines = html_item.text.split("\n")
        if html_item.title:
            release = _release(
                Item([html_item.title, "", *lines], html_item.stated_date), [], name, (0, [])
            )
        else:
            title_index, chrome = find_title(lines)
            if title_index >= len(lines):
                continue
            release = _release(Item(lines, html_item.stated_date), [], name, (title_index, chrome))
        if release is not None:
            releases.append(release)
    single = len(items) == 1 == len(releases) and not items[0].iom_site  # a report on IOM?
    if single and (refusal := report_on_iom(items[0].text, releases[0])) is not None:
        raise refusal
    return releases


def _names_a_place(name: str) -> bool:
    return bool(mentions(name))


def _names_a_place_in_dateline(paragraph: str) -> bool:
    place = split_dateline(paragraph, is_country_name)[0]
    return place is not None and _names_a_place(place)


# "Migration Means Reinvention – Even to Olympian", "… Non-violence — How Can We Protect …?": a
# headline with a dash, not a dateline.
HEADLINE_TAIL_WORDS = 8


def _opens_with_dateline(paragraph: str) -> bool:
    place, date, rest = split_dateline(paragraph, is_country_name)
    if place is None:
        return date is not None  # "Mardi 13 juin 2017 – Il est 18h20 …": dated, no place
    headline_tail = len(rest.split()) <= HEADLINE_TAIL_WORDS and rest[-1:] not in ".!…:,;"
    return not headline_tail or _names_a_place(place)


def parse_text(decoded: str, name: str) -> list[Release]:
    """Releases of a text page (HTML remnants in it are stripped as text)."""
    if (refusal := site_page_refusal(text := clean_markup(decoded))) is not None:
        raise refusal
    lines = text.split("\n")
    lines = lines[: comment_form_start(lines)]
    title_index, chrome = find_title(lines)
    if title_index >= len(lines):
        raise ImportRefused(N_("only site menus, no release found"))
    releases: list[Release] = []
    seen: set[str] = set()
    items = split_items(lines, title_index)
    site = tuple(chrome)  # a country site's chrome names its country, for items naming none
    first = lines[title_index].lstrip()
    bulleted = bool(first) and first[0] in BULLETS  # "• Title" over its teaser or its date
    if (len(items) == 1 and items[0].lines is lines) or bulleted:
        teasers = split_teasers(lines, title_index, _opens_with_dateline, is_country_name)
        if teasers is not None:
            items = teasers
            if is_country_name(first.strip()):
                site = (*site, first.strip())  # "Sénégal" heading a country's teasers
    for number, item in enumerate(items):
        if number == 0 and item.lines is lines:  # a single page: its title is already found
            release = _release(item, [], name, (title_index, chrome), site)
        else:
            title_at: tuple[int, list[str]] | None = (
                None if item.title_index is None else (item.title_index, [])
            )
            release = _release(item, chrome if number == 0 else [], name, title_at, site)
        if release is not None and release.id not in seen:
            seen.add(release.id)
            releases.append(release)
    if not releases:
        raise ImportRefused(N_("only a title, no release text found"))
    inherit_listing_country(releases)
    refuse_key_figures_page(lines, releases)
    if len(releases) == 1:
        refusal = not_a_release(lines, title_index, chrome, releases[0])
        if refusal is not None:
            raise refusal
    return releases
