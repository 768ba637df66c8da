"""Hand a release to a program outside the browser: ``o`` opens ``$PAGER``, ``|`` pipes it to a
shell command (like mutt). The app suspends, the program owns the terminal, the app resumes."""

from __future__ import annotations

import contextlib
import os
import subprocess

from textual.app import App, SuspendNotSupported

from oim_archive.i18n import _
from oim_archive.store.records import Release


def pager_command(platform: str = os.name) -> str:
    """``$PAGER``, else less (more on Windows, which has no less)."""
    return os.environ.get("PAGER", "").strip() or ("more" if platform == "nt" else "less")


def run_outside(app: App[object], command: str, text: str, *, wait: bool) -> str | None:
    """Run ``command`` in a shell with ``text`` on its stdin, the app suspended meanwhile.

    With ``wait`` the user reads the output and presses enter to come back. Returns a one-line
    problem to show, or None when the command ran (whatever its exit status)."""
    try:
        with app.suspend():
            try:
                result = subprocess.run(command, shell=True, input=text.encode("utf-8"))
            except OSError as error:
                return _("{command}: {error}").format(command=command, error=error.strerror)
            if wait:
                prompt = _("[exit status {status}] press enter to go back to oim-archive")
                print("\n" + prompt.format(status=result.returncode), flush=True)
                with contextlib.suppress(EOFError):
                    input()
    except SuspendNotSupported:
        return _("This terminal cannot hand the screen to another program")
    if result.returncode in (126, 127):
        return _("{command}: the command could not be run (exit status {status})").format(
            command=command, status=result.returncode
        )
    return None


def release_for_outside(release: Release) -> str:
    """The text handed to a pager or a command: the release as plain text."""
    from oim_archive.store.exports.render import release_text

    return release_text(release)
