"""The contact directory: people from every contact block, with their phones, emails, releases."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from oim_archive.i18n import _, format_number, ngettext
from oim_archive.store.directory import DirectoryEntry, last_named_month
from oim_archive.store.phones import display_phone
from oim_archive.store.records import Release
from oim_archive.tui.screens.base import report_failure
from oim_archive.tui.screens.filtered import FilteredListScreen
from oim_archive.tui.widgets.contact_list import ContactHeader, ContactList, contact_cells
from oim_archive.tui.widgets.filter_input import FilterInput
from oim_archive.tui.widgets.key_bar import KeyBar
from oim_archive.tui.widgets.line_list import LineList
from oim_archive.tui.widgets.release_list import date_column
from oim_archive.tui.widgets.safe_text import join_lines, line, plain
from oim_archive.tui.widgets.status_line import StatusLine


class ContactFilterInput(FilterInput):
    """The contacts' filter box: enter goes to the list of people."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "submit", _("To the list"))]


def contact_card(entry: DirectoryEntry) -> Content:
    """A person: name, offices, every phone and email, how many releases name them."""
    parts = [plain(entry.name or _("(no name)"), "bold $text-primary")]
    offices = [line(o) for o in (entry.offices or [entry.office or ""]) if line(o)]
    parts += [plain(office) for office in offices]
    parts += [
        Content.assemble((_("Tel.   "), "$foreground-muted"), display_phone(line(p)))
        for p in entry.phones
    ]
    parts += [Content.assemble((_("Email  "), "$foreground-muted"), line(e)) for e in entry.emails]
    month = last_named_month(entry)
    if month:
        parts.append(plain(_("Last named {month}").format(month=month), "$text-secondary"))
    count = len(entry.releases)
    parts += [
        Content(""),
        plain(
            ngettext("Named in {count} release:", "Named in {count} releases:", count).format(
                count=format_number(count)
            ),
            "bold $text-secondary",
        ),
    ]
    return join_lines(parts)


class ContactsScreen(FilteredListScreen[list[int]]):
    """``/`` filters by name, office, email, phone digits or country; enter on a release opens
    it."""

    AUTO_FOCUS = "#contacts"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012 (Textual: instance attr)

    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding runs before the keys typed next are routed, so "/query" typed
        # fast lands in the box; check_action lets "/" through while the box has focus.
        Binding("slash", "focus_filter", _("Filter"), key_display="/", priority=True),
        Binding("escape", "back", _("Back")),
        Binding("q", "leave", _("Back to the releases"), show=False),
        Binding("y", "copy_email", _("Copy email")),
        Binding("Y", "copy_phone", _("Copy phone")),
        Binding("v", "vcard", _("vCard")),
        Binding("V", "vcard_all", _("vCard of all shown"), show=False),
        Binding("ctrl+u", "clear_filter", _("Clear the filter"), show=False),
    ]

    FILTER_ID = "contact-filter"
    LIST_ID = "contacts"

    def __init__(self, release: Release | None = None) -> None:
        super().__init__()
        self.release = release  # only the people this release names (c from a release)

    def compose(self) -> ComposeResult:
        yield ContactFilterInput(
            placeholder=_("/ to filter contacts: name, office, email, phone, country"),
            id="contact-filter",
            compact=True,
        )
        with Container(id="contact-panes"):
            with Vertical(id="contact-people"):
                yield ContactHeader(id="contact-header")
                yield ContactList(id="contacts")
            with Vertical(id="contact-card"):
                yield Static(Content(""), id="contact-info")
                yield OptionList(id="contact-releases")
        yield StatusLine(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self._show(None)

    @property
    def contact_list(self) -> ContactList:
        return self.query_one("#contacts", ContactList)

    def _entries(self) -> list[DirectoryEntry]:
        return self.library.snapshot.directory or []

    # -- filtering ------------------------------------------------------------------------

    def compute_filter(self, query: str) -> list[int] | None:
        search = self.library.snapshot.contact_search
        return None if search is None else search.search(query)

    @on(Input.Changed, "#contact-filter")
    def _filter_edited(self, event: Input.Changed) -> None:
        self.request_filter(event.value)

    def show_filtered(self, query: str, result: list[int] | None) -> None:
        self._show(result)

    def _show(self, rows: list[int] | None) -> None:
        entries = self._entries()
        # A filter gives the best matches first; the whole directory is sorted by surname.
        filtered = bool(self.filter_input.value.strip())
        notes = [_("best match first") if filtered and rows is not None else _("by surname")]
        if self.release is not None:
            named = self.release.id
            if rows is None:
                rows = list(range(len(entries)))
            rows = [i for i in rows if named in entries[i].releases]
            notes.insert(0, _("only those named in the release (esc: everyone)"))
        self.contact_list.show(entries, rows)
        status = self.query_one(StatusLine)
        status.show_counts(
            self.contact_list.row_count,
            len(entries),
            "contacts",
            self.filter_input.value,
            tuple(notes),
        )

    @on(Input.Submitted, "#contact-filter")
    def _filter_submitted(self) -> None:
        self.set_focus(self.contact_list)

    # -- the card -------------------------------------------------------------------------

    @on(LineList.Highlighted, "#contacts")
    def _highlighted(self, message: LineList.Highlighted) -> None:
        entry = self.contact_list.entry_at(message.index)
        info = self.query_one("#contact-info", Static)
        releases = self.query_one("#contact-releases", OptionList)
        releases.clear_options()
        if entry is None:
            info.update(Content(""))
            return
        info.update(contact_card(entry))
        options = []
        for release_id in entry.releases:
            release = self.library.get(release_id)
            if release is not None:
                label = Content.assemble(
                    (date_column(release), "$foreground-muted"), " ", line(release.title)
                )
                options.append(Option(label, id=release_id))
        releases.add_options(options)

    @on(LineList.Selected, "#contacts")
    def _contact_chosen(self) -> None:
        releases = self.query_one("#contact-releases", OptionList)
        if releases.option_count:
            self.set_focus(releases)
            releases.highlighted = 0

    @on(OptionList.OptionSelected, "#contact-releases")
    def _release_chosen(self, event: OptionList.OptionSelected) -> None:
        from oim_archive.tui.screens.release import ReleaseScreen

        release = self.whole(self.library.get(event.option.id or ""), _("Cannot open the release"))
        if release is not None:
            self.app.push_screen(ReleaseScreen(release))

    # -- actions --------------------------------------------------------------------------

    def action_vcard(self) -> None:
        entry = self.contact_list.highlighted_entry
        if entry is None:
            self.notify(_("No contact to export"), severity="warning", markup=False)
            return
        self._write_vcard([entry], entry.name or "contact")

    def action_vcard_all(self) -> None:
        people = self.contact_list
        entries = [e for e in (people.entry_at(i) for i in range(people.row_count)) if e]
        if not entries:
            self.notify(_("No contact to export"), severity="warning", markup=False)
            return
        self._write_vcard(entries, "contacts")

    def _write_vcard(self, entries: list[DirectoryEntry], stem: str) -> None:
        """Write the cards into the export folder under a safe, never-reused name."""
        from oim_archive.store.exports.render import write_new_file
        from oim_archive.store.exports.vcard import contacts_vcard

        releases = self.library.releases
        titles = {r.id: r.title for r in releases}
        text = contacts_vcard(entries, titles, {r.id: r.language for r in releases})
        try:
            path = write_new_file(self.library.export_dir, stem, "vcf", text)
        except (OSError, ValueError) as error:
            report_failure(self.app, error, _("vCard export failed"))
            return
        exported = ngettext(
            "{count} contact exported to {path}",
            "{count} contacts exported to {path}",
            len(entries),
        ).format(count=format_number(len(entries)), path=line(str(path)))
        self.notify(exported, title=_("vCard"), markup=False)

    def action_copy_email(self) -> None:
        """Copy the highlighted person's email (the first one, when there are several)."""
        entry = self.contact_list.highlighted_entry
        if entry is None or not entry.emails:
            self._nothing_to_copy(entry, _("No email for {name}"))
            return
        self.copy(
            line(entry.emails[0]),
            _("Email of {name} ({email})").format(
                name=contact_cells(entry)["name"], email=line(entry.emails[0])
            ),
        )

    def action_copy_phone(self) -> None:
        """Copy the highlighted person's phone, in E.164 (what every phone and dialer takes)."""
        entry = self.contact_list.highlighted_entry
        if entry is None or not entry.phones:
            self._nothing_to_copy(entry, _("No phone for {name}"))
            return
        self.copy(
            line(entry.phones[0]),
            _("Phone of {name} ({phone})").format(
                name=contact_cells(entry)["name"], phone=line(entry.phones[0])
            ),
        )

    def _nothing_to_copy(self, entry: DirectoryEntry | None, text: str) -> None:
        if entry is None:
            self.notify(_("No contact to copy"), severity="warning", markup=False)
            return
        name = contact_cells(entry)["name"]
        self.notify(text.format(name=name), severity="warning", markup=False)

    def action_leave(self) -> None:
        self.dismiss()

    def action_back(self) -> None:
        if self.focused is self.query_one("#contact-releases", OptionList):
            self.set_focus(self.contact_list)
        elif self.filter_input.value:
            self.action_clear_filter()
        elif self.release is not None:
            self.release = None  # everyone, then esc again goes back
            self._show(None)
        else:
            self.dismiss()
