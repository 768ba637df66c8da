"""Where the archive lives by default."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "OIM_ARCHIVE_DB"


def default_archive_path() -> Path:
    """``$OIM_ARCHIVE_DB`` if set, else ``archive.json`` in the user data folder."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("oim-archive", appauthor=False)) / "archive.json"
