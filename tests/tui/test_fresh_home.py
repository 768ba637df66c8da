"""A fresh HOME: every command finds the default archive the way the browser does, started
with the five bundled sample releases, which are ordinary releases a user can remove."""

from __future__ import annotations

import os
from pathlib import Path

import orjson

from tests.support.reliability import cli_env, run_cli


def fresh_home_env(home: Path) -> dict[str, str]:
    env = cli_env(HOME=str(home))
    for name in ("OIM_ARCHIVE_DB", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        env.pop(name, None)
    return env


def test_list_on_a_fresh_home_shows_the_samples(tmp_path: Path) -> None:
    env = fresh_home_env(tmp_path)
    listed = run_cli(["list"], env=env)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert len(lines) == 5
    archive = tmp_path / ".local" / "share" / "oim-archive" / "archive.json"
    assert archive.is_file() and oct(archive.stat().st_mode & 0o777) != oct(0o600)
    # The samples are ordinary releases: remove one; it stays removed.
    first = lines[0].split()[0]
    removed = run_cli(["remove", first, "--json"], env=env)
    assert removed.returncode == 0 and orjson.loads(removed.stdout) == {"removed": [first]}
    again = run_cli(["list"], env=env)
    assert len(again.stdout.splitlines()) == 4 and first not in again.stdout
    assert os.path.exists(str(archive) + ".bak")
