"""Copy text where the user will really find it, and say honestly what was done.

On a desktop session (not over SSH) a local tool puts the text on the system clipboard
(``wl-copy``, ``xclip``, ``xsel``, ``pbcopy``); otherwise the text is sent to the terminal as an
OSC 52 request, which the terminal may ignore (tmux does by default).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from textual.app import App

from oim_archive.i18n import _

TOOL_SECONDS = 3.0


def is_remote() -> bool:
    """Whether this session runs over SSH (a local tool would fill the wrong machine's)."""
    return any(os.environ.get(v) for v in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"))


def clipboard_command() -> list[str] | None:
    """The local clipboard tool to use here, or None."""
    if is_remote():
        return None
    candidates: list[list[str]] = []
    if sys.platform == "darwin":
        candidates.append(["pbcopy"])
    if os.environ.get("WAYLAND_DISPLAY"):
        candidates.append(["wl-copy"])
    if os.environ.get("DISPLAY"):
        candidates += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    return next((c for c in candidates if shutil.which(c[0])), None)


def copy_text(app: App[object], text: str) -> str:
    """Put ``text`` on the clipboard; returns where it went, for the message to the user."""
    command = clipboard_command()
    if command is not None:
        try:
            subprocess.run(
                command,
                input=text.encode("utf-8"),
                check=True,
                timeout=TOOL_SECONDS,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except (OSError, subprocess.SubprocessError):
            pass
        else:
            return _("copied to the clipboard ({tool})").format(tool=command[0])
    app.copy_to_clipboard(text)
    return _("sent to the terminal clipboard (OSC 52; some terminals and tmux ignore it)")
