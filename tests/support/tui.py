"""Shared helpers for the browser tests: temporary archives, screen text, settling workers."""

from __future__ import annotations

import contextlib
import html
import re
import unicodedata
from collections.abc import AsyncIterator
from pathlib import Path

from textual.app import App
from textual.geometry import Region
from textual.notifications import Notification, SeverityLevel
from textual.pilot import Pilot
from textual.widget import Widget
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
        country="QZ",  # a code the country table lacks: the page's own name is shown
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
    """What the terminal shows, as plain text lines (read from the public screenshot)."""
    svg = app.export_screenshot()
    matrix = _SVG_MATRIX.search(svg)
    assert matrix is not None, "Textual's screenshot layout changed"
    rows: dict[int, list[str]] = {}
    for x, y, text in _SVG_TEXT.findall(matrix.group(1)):
        row = rows.setdefault(round((float(y) - _SVG_FIRST_Y) / _SVG_LINE_HEIGHT), [])
        column = round(float(x) / _SVG_CHAR_WIDTH)
        cells = [
            cell
            for char in html.unescape(text).replace("\xa0", " ")
            for cell in ((char, "") if unicodedata.east_asian_width(char) in "WF" else (char,))
        ]
        row.extend(" " * (column + len(cells) - len(row)))
        row[column : column + len(cells)] = cells
    height = max(rows, default=-1) + 1
    return "\n".join("".join(rows.get(number, [])).rstrip() for number in range(height))


# Rich's SVG export (behind App.export_screenshot): one <text> per run of cells, placed at
# 0.61 x 20 px per cell and 1.22 x 20 px per line.
_SVG_MATRIX = re.compile(r'<g class="[^"]*-matrix">(.*?)</g>', re.S)
_SVG_TEXT = re.compile(r'<text [^>]*?x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', re.S)
_SVG_CHAR_WIDTH = 20 * 0.61
_SVG_LINE_HEIGHT = 20 * 1.22
_SVG_FIRST_Y = 20.0
CONTROL_ON_SCREEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def assert_nothing_interpreted(app: App[object]) -> None:
    """No control character, link or click action in anything the screen's widgets draw."""
    for widget in app.screen.walk_children(with_self=True):
        if not isinstance(widget, Widget) or not widget.display or not widget.size.area:
            continue
        width, height = widget.size
        for strip in widget.render_lines(Region(0, 0, width, height)):
            for segment in strip:
                text = segment.text.replace("\t", " ")
                assert not CONTROL_ON_SCREEN.search(text), repr(segment.text)
                style = segment.style
                if style is not None:
                    assert not style.link, style.link
                    assert "@click" not in (style.meta or {}), style.meta


async def settle(pilot: object) -> None:
    """Wait until workers are done and the messages they posted are handled."""
    app = pilot.app  # type: ignore[attr-defined]
    for _ in range(3):
        # A failed worker is the app's business (it reports it); the tests check what it shows.
        with contextlib.suppress(WorkerFailed):
            await app.workers.wait_for_complete()
        await pilot.pause()  # type: ignore[attr-defined]


@contextlib.asynccontextmanager
async def running(
    app: App[None], theme: str, size: tuple[int, int] = (100, 30)
) -> AsyncIterator[Pilot[None]]:
    """``app`` under test in ``theme``, its first workers done."""
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        await settle(pilot)
        yield pilot


def watch_notify(app: App[object]) -> list[Notification]:
    """Every notification the app shows from now on (wraps the public ``App.notify``)."""
    shown: list[Notification] = []
    show = app.notify

    def notify(
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        shown.append(Notification(message, title, severity, timeout or 0, markup))
        show(message, title=title, severity=severity, timeout=timeout, markup=markup)

    app.notify = notify  # type: ignore[method-assign]
    return shown


async def help_keys(pilot: Pilot[None]) -> str:
    """Open the help with ``?`` and return its key table as plain text."""
    from oim_archive.tui.screens.help import HelpScreen

    await pilot.press("question_mark")
    assert isinstance(pilot.app.screen, HelpScreen)
    return str(pilot.app.screen.query_one("#help-keys").content)
