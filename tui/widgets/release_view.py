"""A release as readable text: title, facts, funders, body paragraphs and a Contacts section."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from oim_archive.i18n import _, current_language, format_number, ngettext
from oim_archive.store.records import DATE_FROM_TEXT, Release, display_date
from oim_archive.store.search.fold import highlight_spans
from oim_archive.tui.widgets.safe_text import SpanFinder, block, join_lines, line, marked, plain

TITLE_STYLE = "bold $text-primary"
META_STYLE = "$foreground-muted"
HEADING_STYLE = "bold $text-secondary"
LABEL_STYLE = "$foreground-muted"
NAME_STYLE = "bold"
MATCH_STYLE = "bold reverse $text-warning"

_BLANK_RUNS = re.compile(r"\n\s*\n(\s*\n)*")


def release_facts(release: Release) -> str:
    """The one line under the title: date, country, dateline, language."""
    from oim_archive.store.countries import display_country  # its table: read when first shown

    country = line(display_country(release.country, release.country_name, current_language()))
    code = line(release.country).upper()
    if code and country and country.casefold() != code.casefold():
        country = f"{country} ({code})"
    date = line(display_date(release)) or _("undated")
    if release.date and release.date_basis == DATE_FROM_TEXT:
        date = _("{date} (date mentioned in the text)").format(date=date)
    parts = [date, country, line(release.dateline)]
    if release.language:
        parts.append(line(release.language).upper())
    return " · ".join(p for p in parts if p)


def release_content(
    release: Release,
    terms: Sequence[str] = (),
    *,
    find_spans: SpanFinder | None = None,
    body_limit: int | None = None,
    more_hint: str = _("enter opens the full release"),
) -> Content:
    """The whole release as one Content; every scraped string is plain text, never markup."""

    def mark(text: str) -> Content:
        return marked(text, terms, MATCH_STYLE, find_spans)

    parts: list[Content] = [
        mark(line(release.title) or _("(untitled)")).stylize_before(TITLE_STYLE),
        plain(release_facts(release), META_STYLE),
    ]
    funders = [line(f) for f in release.funders if line(f)]
    if funders:
        parts.append(Content.assemble((_("Funded by: "), LABEL_STYLE), mark(", ".join(funders))))
    body = _BLANK_RUNS.sub("\n\n", block(release.body)).strip()
    hidden = 0
    if body_limit is not None and len(body) > body_limit:
        cut = body.rfind(" ", 0, body_limit)
        cut = cut if cut > body_limit // 2 else body_limit
        hidden = len(body) - cut
        body = body[:cut] + " …"
    parts += [Content(""), mark(body)]
    if hidden:
        more = ngettext(
            "({count} more character: {hint})", "({count} more characters: {hint})", hidden
        ).format(count=format_number(hidden), hint=more_hint)
        parts.append(plain(more, META_STYLE))
    parts += contact_lines(release, mark)
    source = line(release.source)
    parts += [
        Content(""),
        plain(
            _("Source: {source} · id {id}").format(source=source or "?", id=release.id), META_STYLE
        ),
    ]
    return join_lines(parts)


def contact_lines(release: Release, highlight: Callable[[str], Content] = Content) -> list[Content]:
    """The Contacts section: each person's name, office, phones and emails."""
    if not release.contacts:
        return []
    # Imported here: the phone metadata costs ~15 ms, after the list is on screen.
    from oim_archive.store.phones import display_phone

    out = [Content(""), Content(_("Contacts")).stylize(HEADING_STYLE)]
    for contact in release.contacts:
        name = line(contact.name) or _("(no name)")
        out.append(Content.assemble("• ", highlight(name).stylize_before(NAME_STYLE)))
        if line(contact.office):
            out.append(Content.assemble("  ", highlight(line(contact.office))))
        for phone in contact.phones:
            out.append(
                Content.assemble(
                    (_("  Tel.   "), LABEL_STYLE), highlight(display_phone(line(phone)))
                )
            )
        for email in contact.emails:
            out.append(Content.assemble((_("  Email  "), LABEL_STYLE), highlight(line(email))))
    return out


class ReleaseView(VerticalScroll, can_focus=True):
    """A scrollable, read-only view of one release (or of a message when there is none)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", _("Scroll down"), show=False),
        Binding("k", "scroll_up", _("Scroll up"), show=False),
        Binding("g", "scroll_home", _("Top"), show=False),
        Binding("G", "scroll_end", _("Bottom"), show=False),
    ]

    def __init__(
        self,
        *,
        body_limit: int | None = None,
        more_hint: str = _("enter opens the full release"),
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.body_limit = body_limit
        self.more_hint = more_hint
        self.release: Release | None = None
        self.terms: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static(Content(""), classes="release-text")

    def show(
        self,
        release: Release | None,
        terms: Sequence[str] = (),
        find_spans: SpanFinder | None = None,
    ) -> None:
        """Show ``release`` with ``terms`` marked, from the top."""
        self.release = release
        self.terms = tuple(terms)
        if release is None:
            self._set(Content(""))
            return
        self._set(
            release_content(
                release,
                terms,
                find_spans=find_spans,
                body_limit=self.body_limit,
                more_hint=self.more_hint,
            )
        )

    def match_lines(self, terms: Sequence[str]) -> list[int]:
        """The wrapped lines (as drawn now) that hold a word matching ``terms``."""
        if self.release is None or not terms:
            return []
        text = self.query_one(".release-text", Static)
        width = text.content_region.width
        if width <= 0:
            return []
        content = release_content(
            self.release, body_limit=self.body_limit, more_hint=self.more_hint
        )
        return [
            number
            for number, row in enumerate(content.wrap(width))
            if highlight_spans(row.plain, terms)
        ]

    def scroll_to_line(self, number: int) -> None:
        """Scroll so that wrapped line ``number`` is near the top (a line of context above)."""
        self.scroll_to(y=max(0, number - 1), animate=False)

    def show_message(self, text: str) -> None:
        """Show a plain message (e.g. why the archive could not be opened)."""
        self.release = None
        self.terms = ()
        self._set(Content(line(text)))

    def _set(self, content: Content) -> None:
        self.query_one(".release-text", Static).update(content)
        self.scroll_home(animate=False)
