"""Shared helpers for the reliability and safety tests (issue 7): pages, subprocesses, mounts."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson
import pytest

from oim_archive.store.file.archive import Archive
from oim_archive.store.records import Release

REPO = Path(__file__).resolve().parents[2]
SAMPLE_DIR = REPO / "sample_data"

# The navigation block every scraped page starts with (taken from the real sample pages).
_NAV_HEADER = """-
Qui sommes nous
Qui sommes nousL'Organisation internationale pour les migrations (OIM) fait partie du \
système des Nations Unies et est la première organisation intergouvernementale à promouvoir \
depuis 1951 une migration humaine et ordonnée qui profite à tous, composée de 175 Etats \
membres et présente dans 171 pays.
Structure
Structure
- Structure organisationnelle
- Directrice générale
-
Notre travail
Notre travailEn tant que principale organisation intergouvernementale qui promeut depuis 1951 \
une migration humaine et ordonnée, l'OIM joue un rôle clé pour soutenir la réalisation du \
Programme 2030 à travers différents domaines d'intervention.
Ce que nous faisons
Ce que nous faisons
Partenariats
Partenariats
- Où travaillons-nous
-
Agir
Agir
Travailler avec nous
Travailler avec nous
Engagez-vous
Engagez-vous
- Données et recherche
- 2030 AGENDA
"""

_CITIES = ["Dakar", "Niamey", "Bamako", "Tunis", "Tripoli", "Abidjan", "Conakry", "Rabat"]
_MONTHS = ["janvier", "mars", "mai", "juillet", "septembre", "novembre"]

# Anything a terminal could act on: C0 (but newline), DEL, C1 controls, bidi overrides.
CONTROL_CHARS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def page_text(number: int, *, title: str | None = None, body: str | None = None) -> str:
    """A realistic French release page (navigation, title, dated body, contact) that is unique
    for ``number``."""
    city = _CITIES[number % len(_CITIES)]
    day = 1 + number % 28
    month = _MONTHS[number % len(_MONTHS)]
    year = 2010 + number % 12
    title = title or f"L'OIM forme {number + 10} agents à {city} (session {number})"
    body = body or (
        f"{city} - L'OIM a organisé le {day} {month} {year} une formation de trois jours sur "
        f"la protection des migrants, la session numéro {number}, avec {number + 10} agents "
        "des services de l'État et de la société civile.\n"
        "Cette formation est financée par l'Union européenne dans le cadre de l'Initiative "
        f"conjointe pour la protection et la réintégration des migrants (lot {number}).\n"
        f"Pour plus d'informations, veuillez contacter Awa Diop, OIM {city}, "
        "Tel: +221 33 869 62 00, Email: adiop@iom.int"
    )
    return f"{_NAV_HEADER}{title}\n{body}\n"


def write_pages(folder: Path, count: int, *, start: int = 0, prefix: str = "page") -> list[Path]:
    """Write ``count`` distinct pages named ``<prefix>_<n>.txt`` (sorted = numbered order)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(start, start + count):
        path = folder / f"{prefix}_{number:06d}.txt"
        path.write_text(page_text(number), encoding="utf-8")
        paths.append(path)
    return paths


def cli_env(**extra: str) -> dict[str, str]:
    """Environment for a CLI subprocess: the repo importable, no user archive touched."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OIM_", "PYTEST_"))}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    env["OIM_ARCHIVE_DB"] = "/nonexistent/oim-archive-tests-must-pass-db.json"
    env.update(extra)
    return env


def run_cli(
    args: Sequence[str | os.PathLike[str]],
    *,
    timeout: float = 120,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m oim_archive ARGS`` with stdin from /dev/null; text output captured."""
    return subprocess.run(
        [sys.executable, "-m", "oim_archive", *map(str, args)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env or cli_env(),
        cwd=cwd or REPO,
        check=False,
    )


def assert_clean_error(result: subprocess.CompletedProcess[str], *needles: str) -> str:
    """A failed command: non-zero status, one stderr line without traceback, naming ``needles``."""
    stderr = result.stderr
    assert result.returncode != 0, f"exit 0 for a failure; stdout={result.stdout!r}"
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected a one-line message, got: {stderr!r}"
    for needle in needles:
        assert needle in lines[0], f"{needle!r} missing from {lines[0]!r}"
    return lines[0]


def build_archive(path: Path, releases: Sequence[Release]) -> Archive:
    """An archive at ``path`` holding ``releases`` (one write)."""
    archive = Archive(path)
    archive.add(releases)
    return archive


def archive_tables(path: Path) -> dict[str, Any]:
    """The archive file parsed directly (no store code), for independent checks."""
    return orjson.loads(path.read_bytes())


def sources_in(path: Path) -> set[str]:
    """The ``source`` file names of the releases stored in the archive file at ``path``."""
    if not path.exists():
        return set()
    return {r["source"] for r in archive_tables(path).get("releases", {}).values()}


def wait_for_sources(db: Path, count: int, process: subprocess.Popen[Any]) -> None:
    """Return once the archive holds ``count`` releases (or the process ended, or 60 s)."""
    stamp = None
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        current = Archive(db).stamp()
        if current != stamp:
            stamp = current
            with contextlib.suppress(ValueError, OSError):
                if len(sources_in(db)) >= count:
                    return
        time.sleep(0.002)


def kill_group(process: subprocess.Popen[Any]) -> None:
    """SIGKILL a child started with ``start_new_session=True`` and every process it started."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


@contextlib.contextmanager
def tmpfs(mount_point: Path, size_mb: int = 32) -> Iterator[Path]:
    """Mount a small tmpfs (skip the test when mounting is not permitted); always unmount."""
    if shutil.which("mount") is None or (hasattr(os, "geteuid") and os.geteuid() != 0):
        pytest.skip("mounting a tmpfs needs root and mount(8); cannot simulate a read-only stick")
    mount_point.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_mb}m", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        unmounted = subprocess.run(["umount", str(mount_point)], capture_output=True, check=False)
        if unmounted.returncode != 0:
            subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, check=False)


def remount_read_only(mount_point: Path) -> None:
    """Make a tmpfs mounted by :func:`tmpfs` read-only, like a write-protected USB stick."""
    subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], check=True)


# Runs the real CLI in a child process, with a smaller batch and, optionally, a SIGKILL of
# itself at one exact point of the N-th write of the archive file.
IMPORT_CHILD = r"""
import os, signal, stat, sys
from pathlib import Path

import oim_archive.ingest
import oim_archive.store.file.atomic
import oim_archive.store.file.storage

oim_archive.ingest.BATCH_RELEASES = int(os.environ["OIM_TEST_BATCH"])
point = os.environ.get("OIM_TEST_KILL_AT", "")
target = int(os.environ.get("OIM_TEST_KILL_WRITE", "0"))
archive = Path(os.environ["OIM_TEST_ARCHIVE"])
real_os = oim_archive.store.file.storage.os


def die():
    os.kill(os.getpid(), signal.SIGKILL)


class KillingOs:
    done = 0  # archive writes completed (os.replace onto the archive)

    def __getattr__(self, name):
        return getattr(real_os, name)

    def fsync(self, fd):
        # The first fsync of a write is the temporary file's, after the payload is written.
        if point == "tmp-written" and self.done + 1 == target:
            if stat.S_ISREG(real_os.fstat(fd).st_mode):
                die()
        real_os.fsync(fd)

    def replace(self, src, dst):
        dst = Path(dst)
        if dst == archive:
            if point == "before-replace" and self.done + 1 == target:
                die()
            real_os.replace(src, dst)
            self.done += 1
            if point == "after-replace" and self.done == target:
                die()
            return
        if point == "backup-staged" and self.done + 1 == target and dst.name.endswith(".bak"):
            die()
        real_os.replace(src, dst)


if point:
    # Renames and fsyncs happen in the atomic-write helper, the .bak staging in the storage.
    oim_archive.store.file.storage.os = oim_archive.store.file.atomic.os = KillingOs()

from oim_archive.tui.cli import main

sys.exit(main(sys.argv[1:]))
"""


def import_child_argv(db: Path, *paths: Path) -> list[str]:
    """argv of a child ``oim-archive --db DB import PATHS`` (see IMPORT_CHILD)."""
    return [sys.executable, "-c", IMPORT_CHILD, "--db", str(db), "import", *map(str, paths)]


def import_child_env(db: Path, *, batch: int, point: str = "", write: int = 0) -> dict[str, str]:
    """Environment of an IMPORT_CHILD: batch size and, optionally, where to kill itself."""
    return cli_env(
        OIM_TEST_BATCH=str(batch),
        OIM_TEST_KILL_AT=point,
        OIM_TEST_KILL_WRITE=str(write),
        OIM_TEST_ARCHIVE=str(db),
    )
