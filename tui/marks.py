"""Marked releases: ``space`` marks, ``'`` shows only the marked, ``e`` exports them all.

Marks are kept in the archive file (its ``marks`` table), written in a worker so the list never
waits for the disk; the outside-change check pauses while our own write is under way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import App

from oim_archive.i18n import _, ngettext
from oim_archive.store.records import Release
from oim_archive.tui.library import Library


class Marks:
    """The ids of the marked releases, and their saving into the archive."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.saving = 0  # writes under way: the outside-change check waits

    def replace(self, ids: frozenset[str]) -> None:
        """The marks as read from the archive."""
        self.ids = set(ids)

    def toggle(
        self, app: App[object], library: Library, release: Release, done: Callable[[], None]
    ) -> bool:
        """Mark or unmark ``release``; saved in a worker, then ``done`` runs on the UI thread."""
        marked = release.id not in self.ids
        if marked:
            self.ids.add(release.id)
        else:
            self.ids.discard(release.id)
        self.saving += 1

        def save() -> None:
            try:
                library.archive.set_marked([release.id], marked)
            finally:
                app.call_from_thread(finished)

        def finished() -> None:
            library.forget_change()  # our own write is not an outside change
            self.saving -= 1
            done()

        app.run_worker(save, thread=True, group="marks", exit_on_error=False)
        return marked

    def count_text(self) -> str:
        """``3 marked`` for the status line, or "" when nothing is marked."""
        count = len(self.ids)
        if not count:
            return ""
        return ngettext("{count} marked", "{count} marked", count).format(count=count)


def marked_releases(releases: Sequence[Release], ids: set[str]) -> list[Release]:
    """The marked releases, in the archive's order (newest first)."""
    return [r for r in releases if r.id in ids]


def combined_text(releases: list[Release]) -> str:
    """The marked releases as one text file, separated by a rule."""
    from oim_archive.store.exports.render import release_text

    rule = "\n\n" + "=" * 72 + "\n\n"
    return rule.join(release_text(r).rstrip("\n") for r in releases) + "\n"


def export_marked(releases: list[Release], folder_path: object, combined: bool) -> list[str]:
    """Write the marked releases (one file each, or one combined file); returns the paths."""
    from pathlib import Path

    from oim_archive.store.exports.render import write_export, write_new_file

    folder = Path(str(folder_path))
    if combined:
        stem = _("marked releases")
        return [str(write_new_file(folder, stem, "txt", combined_text(releases)))]
    return [str(write_export(r, folder, "txt")) for r in releases]
