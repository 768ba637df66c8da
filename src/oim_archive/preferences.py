"""The user's preferences: a small TOML file in the user config folder.

Read by the browser (theme, sort order, export folder, last import folder), the CLI and the
interface language. A missing or damaged file gives the defaults and never stops the program;
unknown keys are ignored, so an older version reads a newer file.

::

    # oim-archive preferences
    theme = "light"
    sort = "oldest"
    export_dir = "/home/awa/Documents/oim-archive"
    last_import_dir = "/home/awa/Downloads"
    language = "fr"
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ENV_VAR = "OIM_ARCHIVE_CONFIG"
FILE_NAME = "preferences.toml"
THEMES = ("dark", "light")
SORTS = ("newest", "oldest", "country", "title")
LANGUAGES = ("en", "fr", "es")


@dataclass(frozen=True)
class Preferences:
    """What the user chose last; ``None`` means "not chosen" (the program's default)."""

    theme: str = "dark"
    sort: str = "newest"
    export_dir: str | None = None
    last_import_dir: str | None = None
    language: str | None = None

    def with_changes(self, **changes: Any) -> Preferences:
        """A copy with ``changes`` applied (invalid values fall back to the default)."""
        return _valid(replace(self, **changes))


def config_dir() -> Path:
    """``$OIM_ARCHIVE_CONFIG`` if set, else the user config folder of oim-archive."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir("oim-archive", appauthor=False))


def preferences_path() -> Path:
    """Where the preferences file lives."""
    return config_dir() / FILE_NAME


def default_export_dir() -> Path:
    """Where exports go unless told: ``oim-archive`` in the user's documents (or downloads)."""
    for folder in (platformdirs.user_documents_dir(), platformdirs.user_downloads_dir()):
        if folder and Path(folder).is_dir():
            return Path(folder) / "oim-archive"
    return Path.home() / "oim-archive"


def export_dir(preferences: Preferences) -> Path:
    """The export folder: the one chosen in the preferences, else ``default_export_dir()``."""
    if preferences.export_dir:
        return Path(preferences.export_dir).expanduser()
    return default_export_dir()


def load_preferences(path: Path | None = None) -> Preferences:
    """The saved preferences; the defaults when the file is missing, unreadable or damaged."""
    path = path or preferences_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return Preferences()
    known = {f.name for f in fields(Preferences)}
    values = {k: v for k, v in data.items() if k in known and isinstance(v, str)}
    return _valid(Preferences(**values))


def save_preferences(preferences: Preferences, path: Path | None = None) -> Path:
    """Write ``preferences`` atomically (raises OSError when the folder is not writable)."""
    from oim_archive.store.exports.render import write_file

    path = path or preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_file(path, render_toml(preferences), force=True)


def render_toml(preferences: Preferences) -> str:
    """The preferences as TOML: one ``key = "value"`` line per chosen value."""
    lines = ["# oim-archive preferences (see the README, section Preferences)"]
    for field in fields(Preferences):
        value = getattr(preferences, field.name)
        if value is not None:
            lines.append(f"{field.name} = {_toml_string(value)}")
    return "\n".join(lines) + "\n"


def _toml_string(value: str) -> str:
    """A TOML basic string: backslash, quote and control characters escaped."""
    out = []
    for char in value:
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _valid(preferences: Preferences) -> Preferences:
    """Values outside their allowed set replaced by the default."""
    default = Preferences()
    changes: dict[str, Any] = {}
    if preferences.theme not in THEMES:
        changes["theme"] = default.theme
    if preferences.sort not in SORTS:
        changes["sort"] = default.sort
    if preferences.language is not None and preferences.language not in LANGUAGES:
        changes["language"] = None
    for name in ("export_dir", "last_import_dir"):
        if getattr(preferences, name) == "":
            changes[name] = None
    return replace(preferences, **changes) if changes else preferences
