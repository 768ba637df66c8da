"""A path box that completes with ``tab`` like a shell: the common prefix, then each candidate.

``~`` is expanded, folders get a trailing separator, hidden entries are offered only when the
typed name starts with a dot, and a name typed in the wrong case still finds its folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from oim_archive.i18n import _
from oim_archive.tui.widgets.keys_in_order import KeysInOrder

MAX_CANDIDATES = 200  # a folder of 10,000 pages is not listed whole in the box


@dataclass(frozen=True)
class Completion:
    """What ``tab`` makes of the typed text: the new text and the names it could become."""

    text: str
    candidates: tuple[str, ...] = ()


def _entries(folder: Path, prefix: str) -> list[str]:
    """Names in ``folder`` starting with ``prefix`` (folders with a separator), sorted."""
    try:
        with os.scandir(folder) as scan:
            entries = [(e.name, e.is_dir()) for e in scan]
    except OSError:
        return []
    show_hidden = prefix.startswith(".")
    visible = [(n, d) for n, d in entries if show_hidden or not n.startswith(".")]
    matches = [(n, d) for n, d in visible if n.startswith(prefix)]
    if not matches:
        matches = [(n, d) for n, d in visible if n.casefold().startswith(prefix.casefold())]
    return sorted(n + os.sep if d else n for n, d in matches)


def complete_path(text: str) -> Completion:
    """Complete the last part of ``text`` (``~`` expanded) against the files on disk."""
    expanded = os.path.expanduser(text) if text.startswith("~") else text
    head, prefix = os.path.split(expanded)
    folder = Path(head) if head else Path.cwd()
    names = _entries(folder, prefix)
    if not names:
        return Completion(expanded)
    base = os.path.join(head, "") if head else ""
    if len(names) == 1:
        return Completion(base + names[0], tuple(names))
    common = os.path.commonprefix(names)  # noqa: RUF071 (names, not paths)
    if not common.casefold().startswith(prefix.casefold()) or len(common) < len(prefix):
        common = prefix
    return Completion(base + common, tuple(names[:MAX_CANDIDATES]))


class PathInput(KeysInOrder):
    """An Input whose ``tab`` completes the path; a second ``tab`` goes through the names."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "complete", _("Complete the path")),
    ]

    class Completed(Message):
        """``tab`` ran: ``candidates`` are the names the path could become."""

        def __init__(self, path_input: PathInput, candidates: tuple[str, ...]) -> None:
            super().__init__()
            self.path_input = path_input
            self.candidates = candidates

        @property
        def control(self) -> PathInput:
            return self.path_input

    def __init__(self, value: str = "", **kwargs: object) -> None:
        super().__init__(value, **kwargs)  # type: ignore[arg-type]
        # After a tab that could not progress: (text shown, folder part, names, which one).
        self._cycle: tuple[str, str, tuple[str, ...], int] | None = None

    def action_complete(self) -> None:
        """Complete to the common prefix; when that is done already, show each name in turn."""
        if self._cycle is not None and self._cycle[0] == self.value:
            _shown, base, names, at = self._cycle
            at = (at + 1) % len(names)
        else:
            completion = complete_path(self.value)
            names = completion.candidates
            progressed = completion.text != self.value
            self._set(completion.text)
            self._cycle = None
            if len(names) < 2 or progressed:
                self.post_message(self.Completed(self, names))
                return
            # Nothing more in common: list the names; the next tab shows the first one.
            head = os.path.dirname(self.value)
            base = os.path.join(head, "") if head else ""
            self._cycle = (self.value, base, names, -1)
            self.post_message(self.Completed(self, names))
            return
        self._set(base + names[at])
        self._cycle = (self.value, base, names, at)
        self.post_message(self.Completed(self, names))

    def _set(self, text: str) -> None:
        self.value = text
        self.cursor_position = len(text)
