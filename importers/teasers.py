"""Listings without CMS or date lines: headlines and teasers, bulleted items, bare teasers."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from .briefings import briefing_groups, briefing_sections
from .bullets import bullet_items, only_bullets
from .caption_headlines import captioned_headlines
from .cell_borders import cell_border_items
from .contact_intro import CONTACT_VERB, find_intro
from .date_labels import is_day_of_site
from .dated_bullets import dated_bullet_items
from .headlines import TITLE_TAIL_MAX_WORDS, is_headline, is_subtitle, title_cased
from .lede_lines import is_cut_by_site, lede_items
from .listing import Item, is_date_line
from .opening_words import SENTENCE_END, opening_words, without_dateline_head
from .teaser_blocks import (
    MIN_TEASER_ITEMS,
    is_age_line,
    may_hold_age_lines,
    reintroduces_iom,
    teaser_blocks,
    week_label,
    without_kickers,
    without_repeated_labels,
)

SHORT_HEADLINE_WORDS = 2  # a shorter headline only over a teaser opening with a dateline
HEADLINE_SHARE = 0.35
DATELINE_SHARE = 0.4
HEADING_MAX_WORDS = 4


def _headline_items(
    blocks: list[str],
    opens_with_dateline: Callable[[str], bool],
    dated: bool,
    bylined: Mapping[str, str] | None = None,
    kickers: int = 0,
) -> list[Item] | None:
    """Headlines each followed by a teaser. A headline left alone at the end (the next item cut
    after its title, a closing promo) is not an item; one followed by another headline is a title
    split over two lines, else a sentence of the teaser before it. A paragraph followed by a
    byline is a headline, or the photo caption of the headline above it. A dated newsletter
    may hold two items only, when each teaser opens with a dateline."""
    bylined = bylined or {}
    # A contact sentence without an address ("Pour plus d'informations, veuillez contacter X,
    # OIM Dakar, Tél : …") reads as a headline; it stays with its item.
    headlines = [
        block in bylined or (is_headline(block) and find_intro([block]) is None) for block in blocks
    ]
    for number in range(1, len(blocks)):  # the person a contact intro ends by asking to call
        if headlines[number] and _asks_to_contact(blocks[number - 1]):
            headlines[number] = False
    for number in range(len(blocks) - 1):  # "Haiti Floods" over "Port-au-Prince – IOM is …"
        if not headlines[number] and is_headline(blocks[number], min_words=SHORT_HEADLINE_WORDS):
            headlines[number] = opens_with_dateline(blocks[number + 1])
    # The first item's headline lost above the page's start: its teaser, cut by the site,
    # over a headline.
    headless = not headlines[0] and len(blocks) > 1 and headlines[1] and is_cut_by_site(blocks[0])
    if (not headlines[0] and not headless) or (blocks[0] in bylined and not is_headline(blocks[0])):
        return None
    if title_cased(blocks[0]):
        _teasers_under_title_case(blocks, headlines, opens_with_dateline)
    prose = sum("@" not in block for block in blocks)  # contact sentences aside
    if (
        not dated
        and sum(headlines) < HEADLINE_SHARE * prose
        and not _releases_in_a_row(blocks, headlines, opens_with_dateline)
    ):
        return None
    groups: list[list[str]] = [[opening_words(blocks[0]), blocks[0]]] if headless else []
    last = len(blocks) - 1
    for number, (block, headline) in enumerate(zip(blocks, headlines, strict=True)):
        if headless and number == 0:
            continue
        alone = headline and groups and len(groups[-1]) == 1
        if alone and block in bylined and " | " in groups[-1][0]:
            groups[-1][0] = block  # a section heading over a bylined headline
            continue
        if alone and block in bylined:
            if groups[-1][0] in bylined:  # each its own byline: a headline without a teaser
                groups[-1].extend(filter(None, [bylined.get(groups[-1][0])]))  # but a caption
                groups.append([block])
            continue  # the caption between a headline and its byline
        if (
            alone
            and number < last
            and is_subtitle(groups[-1][0], block)
            and opens_with_dateline(blocks[number + 1])
        ):
            continue  # "Eye-catching videos reach …" under a Title-Cased headline: its standfirst
        if alone and (
            opens_with_dateline(block) or _cut_teaser(groups[-1][0], block, number == last)
        ):
            headline = alone = False  # a teaser cut before its full stop, after its headline
        if alone and " | " in groups[-1][0]:
            groups[-1][0] = block  # "Migrants Day | Message from …": a section heading
        elif alone and len(block.split()) <= TITLE_TAIL_MAX_WORDS:
            groups[-1][0] = f"{groups[-1][0]} {block}"  # a title split over two lines
        elif alone and len(groups) > 1:
            if not is_subtitle(block, groups[-1][0]):  # a sentence-case line over a
                groups[-2].append(groups[-1][0])  # Title-Cased headline is its photo caption;
            groups[-1][0] = block  # else a sentence without a full stop, not a title
        elif headline:
            groups.append([block])
        else:
            groups[-1].append(block)
    # A heading over news bullets ("Migration in the News" / "• AFP reported …"): not an item.
    groups = [group for group in groups if len(group) > 1 and not only_bullets(group[1:])]
    if len(groups) > MIN_TEASER_ITEMS and _is_page_heading(groups[0]):
        groups = groups[1:]
    if not groups:
        return None
    least = MIN_TEASER_ITEMS
    if dated and len(groups) == 2 and all(opens_with_dateline(group[1]) for group in groups):
        least = 2
    elif kickers == len(groups) == 2:
        least = 2  # each headline under its own section label: a news site's two items
    elif len(groups) == 2 and all(map(_ends_with_contact, groups)):
        least = 2 if _releases_in_a_row(blocks, headlines, opens_with_dateline) else least
    if sum(len(group) > 1 for group in groups) >= least and not _subheaded_release(blocks, groups):
        _without_item_numbers(groups)
        return [Item(_item_lines(group), title_index=0) for group in groups]
    return None


def _is_page_heading(group: list[str]) -> bool:
    """A listing's first "headline" whose only text is short labels: the site's slogan over the
    page's filter and topic ("L'actualité mondiale Un regard humain" / "Filtrer par:" /
    "Migrations et réfugiés")."""
    return all(
        label.count(" ") < HEADING_MAX_WORDS
        and label[-1:] not in SENTENCE_END
        and not is_date_line(label)
        for label in group[1:]
    )


def _releases_in_a_row(
    blocks: list[str], headlines: list[bool], opens_with_dateline: Callable[[str], bool]
) -> bool:
    """Whole releases one after another (a file of several, pasted together): two headlines or
    more, each over a paragraph that opens with a dateline ("Niamey – …"), or each section
    under a headline ending with its own contact block."""
    heads = [number for number, headline in enumerate(headlines) if headline]
    if len(heads) < 2:
        return False
    if all(
        number + 1 < len(blocks) and opens_with_dateline(blocks[number + 1]) for number in heads
    ):
        return True
    ends = [*heads[1:], len(blocks)]
    return all(
        _ends_with_contact(blocks[start:end]) for start, end in zip(heads, ends, strict=True)
    )


def _asks_to_contact(block: str) -> bool:
    """A contact intro asking, before a colon, to contact the people below ("…, veuillez
    contacter:"); "For more information, see the factsheet:" asks no one."""
    return (
        block.rstrip().endswith(":")
        and find_intro([block]) == 0
        and CONTACT_VERB.search(block) is not None
    )


def _ends_with_contact(group: list[str]) -> bool:
    """A group with its own contact block (an address, a contact sentence) after its text."""
    return any("@" in block for block in group[1:]) or find_intro(group, 1) is not None


def _subheaded_release(blocks: list[str], groups: list[list[str]]) -> bool:
    """The groups are a release's sections under its subheadings: its one contact block (a
    contact sentence, an e-mail address) comes after the last section opens, none before (a
    listing's teasers hold none, or each its own)."""
    contacts = [number for number, block in enumerate(blocks) if "@" in block]
    intro = find_intro(blocks)
    if intro is not None:
        contacts.append(intro)
    if not contacts or groups[-1][1] not in blocks:
        return False
    last_section = len(blocks) - 1 - blocks[::-1].index(groups[-1][1])
    return min(contacts) > last_section


def _even_teaser_items(blocks: list[str], dated: bool) -> list[Item] | None:
    """Headlines each over the same number (two or more) of teaser paragraphs, the last teaser
    cut before its full stop (a tag page's excerpts): one item per headline, even two. A
    release's subheadings do not come at so even a step over a text cut short."""
    if dated or blocks[-1][-1] in SENTENCE_END or not is_headline(blocks[0]):
        return None
    step = next((n for n in range(1, len(blocks)) if is_headline(blocks[n])), 0)
    if step < 3 or len(blocks) % step or len(blocks) < 2 * step:
        return None
    for number, block in enumerate(blocks[:-1]):
        if is_headline(block) != (number % step == 0):
            return None
    groups = [blocks[start : start + step] for start in range(0, len(blocks), step)]
    if not _cut_teaser(groups[-1][0], blocks[-1], is_last=True):
        return None  # the cut teaser may read as a headline, but not a short line
    if any("@" in block for block in blocks) or find_intro(blocks) is not None:
        return None  # a release's contact block, not a teaser cut short
    return [Item(_item_lines(group), title_index=0) for group in groups]


def _teasers_under_title_case(
    blocks: list[str], headlines: list[bool], opens_with_dateline: Callable[[str], bool]
) -> None:
    """Title-Cased headlines alternating with sentence-case paragraphs: each of those is the
    teaser of the headline above it, even cut before its full stop ("Senegal, long seen mainly
    as a country of destination … grow harder"). A standfirst over a dateline teaser is left to
    the caller; a page with fewer such pairs than a listing has items is left as it is."""
    teasers = []
    for number in range(1, len(blocks) - 1):
        if (
            headlines[number]
            and headlines[number - 1]
            and is_subtitle(blocks[number - 1], blocks[number])
            and title_cased(blocks[number + 1])
            and not opens_with_dateline(blocks[number + 1])
        ):
            teasers.append(number)
    # Or fewer, when the page's other headlines each stand over a sentence-case teaser too.
    pairs = sum(
        headlines[number - 1] and is_subtitle(blocks[number - 1], blocks[number])
        for number in range(1, len(blocks))
    )
    if len(teasers) >= MIN_TEASER_ITEMS or (teasers and pairs >= MIN_TEASER_ITEMS + 1):
        for number in teasers:
            headlines[number] = False


# "1. IOM Opens …", "2) Floods …": the item's number in a numbered listing.
_ITEM_NUMBER = re.compile(r"^(?P<number>\d{1,3})[.)]\s+(?=\S)")


def _without_item_numbers(groups: list[list[str]]) -> None:
    """Headlines numbered 1, 2, 3… in order lose their numbers (a figure opening a single
    headline, "1.5 Million Displaced", stays)."""
    numbers = [_ITEM_NUMBER.match(group[0]) for group in groups]
    if len(groups) < 2 or any(number is None for number in numbers):
        return
    values = [int(number["number"]) for number in numbers if number is not None]
    if values != list(range(values[0], values[0] + len(values))):
        return
    for group, number in zip(groups, numbers, strict=True):
        if number is not None:
            group[0] = group[0][number.end() :]


def _cut_teaser(headline: str, block: str, is_last: bool) -> bool:
    """The page's last paragraph, after a headline and longer than it, is that item's teaser
    cut before its full stop ("Two thousand years ago, the streets of Rome bustled with…")."""
    return is_last and len(block) > len(headline) and len(block.split()) > TITLE_TAIL_MAX_WORDS


def _under_heading(
    blocks: list[str],
    opens_with_dateline: Callable[[str], bool],
    dated: bool,
    bylined: Mapping[str, str],
    kickers: int = 0,
) -> list[Item] | None:
    """Headlines and teasers under the listing's own heading ("Humanitarian Emergencies",
    "News"): a short line that is neither a headline nor a sentence."""
    heading = blocks[0]
    if (
        len(blocks) < MIN_TEASER_ITEMS
        or heading.count(" ") + 1 > HEADING_MAX_WORDS
        or heading[-1] in SENTENCE_END
        or is_headline(heading)
    ):
        return None
    return _headline_items(blocks[1:], opens_with_dateline, dated, bylined, kickers)


def _dateline_items(
    blocks: list[str], opens_with_dateline: Callable[[str], bool]
) -> list[Item] | None:
    """Teasers that each open with a dateline (the headlines were not kept)."""
    if not opens_with_dateline(blocks[0]):
        return None
    datelines = [opens_with_dateline(block) for block in blocks]
    if sum(datelines) < max(MIN_TEASER_ITEMS, DATELINE_SHARE * len(blocks)):
        return None
    groups: list[list[str]] = []
    for block, dated in zip(blocks, datelines, strict=True):
        if dated or not groups:
            groups.append([block])
        else:
            groups[-1].append(block)
    return [
        Item(
            [opening_words(without_dateline_head(group[0])), "", *_item_lines(group)],
            title_index=0,
        )
        for group in groups
    ]


def _reintroducing_items(blocks: list[str]) -> list[Item] | None:
    """Headline-less teasers that each introduce the organisation anew (a news site's tag page):
    one item each. A release's paragraphs name it in full once, in the first."""
    if len(blocks) < MIN_TEASER_ITEMS or not all(map(reintroduces_iom, blocks)):
        return None
    return [Item([opening_words(block), "", block, ""], title_index=0) for block in blocks]


def _bare_items(blocks: list[str], is_heading: Callable[[str], bool]) -> list[Item] | None:
    """Teasers only, under a heading naming the listing's place ("Sénégal"): every paragraph a
    sentence, none a headline; each paragraph is one item."""
    heading, teasers = blocks[0], blocks[1:]
    if (
        len(teasers) < MIN_TEASER_ITEMS
        or heading.count(" ") + 1 > HEADING_MAX_WORDS
        or not is_heading(heading)
        or any(is_headline(block) for block in teasers)
        or not all(block[-1] in SENTENCE_END for block in teasers[:-1])
    ):
        return None
    return [Item([opening_words(block), "", block, ""], title_index=0) for block in teasers]


def split_teasers(
    lines: list[str],
    title_index: int,
    opens_with_dateline: Callable[[str], bool],
    is_heading: Callable[[str], bool],
) -> list[Item] | None:
    """A listing without CMS or date lines: bulleted items, headlines each followed by a teaser,
    teasers that each open with a dateline, or bare teasers under a place heading. A date line
    heading the list (a newsletter's issue date) dates every item. None when the page does not
    have one of those shapes."""
    bullets = (
        dated_bullet_items(lines, title_index)
        or bullet_items(lines, title_index)
        or cell_border_items(lines, title_index)
    )
    if bullets is not None:
        return bullets
    aged = (
        _aged_stories(lines, title_index)
        or captioned_headlines(lines, title_index)
        or lede_items(lines, title_index, opens_with_dateline)
    )
    if aged is not None:
        return aged
    blocks, bylined = teaser_blocks(lines, title_index, opens_with_dateline)
    issue_date = ""
    briefing = briefing_sections(blocks)
    if briefing is not None:
        issue_date, blocks = briefing
        if (sections := briefing_groups(blocks)) is not None:
            return [Item(_item_lines(group), issue_date, title_index=0) for group in sections]
    elif blocks and (week := week_label(blocks[0])):
        issue_date = week
        blocks = [block for block in blocks if block != blocks[0]]
    elif blocks and is_date_line(blocks[0]):
        # A news site's date of the day over its tag page ("sábado, 8 noviembre 2025"): no issue.
        issue_date = "" if is_day_of_site(blocks[0]) else blocks[0]
        blocks = blocks[1:]
    blocks, kickers = without_kickers(without_repeated_labels(blocks))
    if len(blocks) < (2 if issue_date or kickers else MIN_TEASER_ITEMS):
        return None
    items = (
        _headline_items(blocks, opens_with_dateline, bool(issue_date), bylined, kickers)
        or _even_teaser_items(blocks, bool(issue_date))
        or _under_heading(blocks, opens_with_dateline, bool(issue_date), bylined, kickers)
        or _dateline_items(blocks, opens_with_dateline)
        or _reintroducing_items(blocks)
        or _bare_items(blocks, is_heading)
    )
    if items and issue_date:
        for item in items:
            item.cms_text = issue_date
    return items


def _aged_stories(lines: list[str], start: int) -> list[Item] | None:
    """Whole stories one after another, each closed by its age over the next headline ("… in
    the Libyan town of Mizdah." / "2 years ago" / "IOM seeks focus on perilous journeys …"): a
    news site's tag page, one item per story; the age dates none of them."""
    if not may_hold_age_lines("\n".join(lines[start:])):
        return None
    texts = [index for index in range(start, len(lines)) if lines[index].strip()]
    cuts = [
        number
        for number in range(1, len(texts) - 2)
        if is_age_line(lines[texts[number]])
        and lines[texts[number - 1]].rstrip()[-1:] in SENTENCE_END
        and is_headline(lines[texts[number + 1]].strip())
    ]
    if not cuts:
        return None
    bounds = [0, *(texts[number] for number in cuts), len(lines)]
    items = [Item(lines[: bounds[1]])]
    for number, cut in enumerate(cuts):
        items.append(Item(lines[texts[cut + 1] : bounds[number + 2]], title_index=0))
    return items


def _item_lines(group: list[str]) -> list[str]:
    lines: list[str] = []
    for block in group:
        lines.extend((block, ""))
    return lines
