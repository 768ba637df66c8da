"""Shared helpers for the browser tests: temporary archives, screen text, settling workers."""

from __future__ import annotations

import contextlib
from pathlib import Path

from textual.app import App
from textual.worker import WorkerFailed

from oim_archive.store.file.archive import Archive
from oim_archive.store.records import Contact, Release
from oim_archive.tui.app import make_app

HOSTILE_TITLE = "[bold red]ALERTE[/bold red] évacuation [Q3]"
HOSTILE_BODY = (
    "Dakar - Voir [link=https://evil.example/x]le site[/link] puis [/] et "
    "[@click=app.quit]Lire[/] ici.\x1b[31m rouge\x1b[0m \x07fin."
)


def sample_releases() -> list[Release]:
    """Hand-built releases covering the fields the browser shows."""
    dadey = Contact(
        name="Kristin Dadey",
        office="OIM Géorgie",
        phones=["+99532293894"],
        emails=["kdadey@iom.int"],
    )
    return [
        Release(
            title="Formation intersectorielle sur la traite des personnes en Tunisie",
            body="Tunis - L'OIM a organisé une formation à Kasserine.\n\nUn second paragraphe.",
            country="TN",
            country_name="Tunisie",
            dateline="Tunis",
            date="2019-09-24",
            contacts=[
                Contact(
                    name="Anita Kassem",
                    office="OIM Tunisie",
                    phones=["+21671860312"],
                    emails=["akassem@iom.int"],
                )
            ],
            funders=["Union européenne"],
            source="tunisie.txt",
        ),
        Release(
            title="Des migrants géorgiens rentrent de Grèce",
            body="Tbilissi - Le retour volontaire de migrants géorgiens.",
            country="GE",
            country_name="Géorgie",
            dateline="Tbilissi",
            date="2021-03-01",
            contacts=[dadey],
            source="georgie.txt",
        ),
        Release(
            title="Returns from Libya continue",
            body="Tripoli - IOM helped migrants return home.",
            language="en",
            country="LY",
            country_name="Libya",
            date="2020-06-10",
            contacts=[dadey],
            source="libya.txt",
        ),
        Release(
            title="Appui aux communautés du Sénégal",
            body="Dakar - Un projet au Sénégal.",
            country="SN",
            country_name="Sénégal",
            date="2018-05",
            source="senegal.txt",
        ),
        Release(title="Communiqué sans date", body="Genève - Pas de date ici.", source="x.txt"),
    ]


def hostile_release() -> Release:
    """A release whose every scraped field holds markup and escape sequences."""
    return Release(
        title=HOSTILE_TITLE,
        body=HOSTILE_BODY,
        country="SN",
        country_name="[b]Sénégal[/b]",
        dateline="[i]Dakar[/i]",
        date="2022-01-01",
        contacts=[
            Contact(
                name="[@click=app.quit]Awa[/] Diop\x1b]0;pwned\x07",
                office="[link=https://evil.example]OIM[/link]",
                phones=["+221338696200"],
                emails=["[red]awa@iom.int[/red]"],
            )
        ],
        funders=["[/]Fonds"],
        source="[blink]evil[/blink].txt",
    )


def write_archive(folder: Path, releases: list[Release]) -> Path:
    """An archive file in ``folder`` holding ``releases``."""
    path = folder / "archive.json"
    Archive(path).add(releases)
    return path


def new_app(tmp_path: Path, releases: list[Release] | None = None) -> App[None]:
    """The browser on a fresh temporary archive; exports go to ``tmp_path/exports``."""
    folder = tmp_path / "db"
    folder.mkdir(parents=True, exist_ok=True)
    exports = tmp_path / "exports"
    exports.mkdir(parents=True, exist_ok=True)
    path = write_archive(folder, sample_releases() if releases is None else releases)
    return make_app(path, exports)


def screen_text(app: App[object]) -> str:
    """What the terminal shows, as plain text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def settle(pilot: object) -> None:
    """Wait until workers are done and the messages they posted are handled."""
    app = pilot.app  # type: ignore[attr-defined]
    for _ in range(3):
        # A failed worker is the app's business (it reports it); the tests check what it shows.
        with contextlib.suppress(WorkerFailed):
            await app.workers.wait_for_complete()
        await pilot.pause()  # type: ignore[attr-defined]
