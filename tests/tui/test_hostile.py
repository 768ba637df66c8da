"""Scraped text is untrusted: markup shows literally, escape sequences never reach the terminal."""

from __future__ import annotations

import random
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.content import Content

from oim_archive.store.records import Contact, Release
from oim_archive.tui.screens.contacts import ContactsScreen
from oim_archive.tui.screens.release import ReleaseScreen
from oim_archive.tui.widgets.release_list import ReleaseList
from oim_archive.tui.widgets.release_view import release_content
from tests.support.tui import (
    HOSTILE_TITLE,
    assert_nothing_interpreted,
    hostile_release,
    new_app,
    sample_releases,
    screen_text,
    settle,
    watch_notify,
)

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
FRAGMENTS = [
    "[bold red]",
    "[/bold red]",
    "[/]",
    "[link=https://evil.example]",
    "[/link]",
    "[@click=app.quit]",
    "[@click=screen.dismiss]",
    "[Q3]",
    "[b",
    "]]",
    "[[",
    "\\[",
    "[on red]",
    "\x1b[2J",
    "\x1b]0;title\x07",
    "\x1b]52;c;ZXZpbA==\x07",
    "\x9b31m",
    "\r",
    "\x00",
    "\t",
    "\u202e",
    "é",
    "日本",
    "word",
    " ",
    "\n",
]


async def test_hostile_release_shows_literally_everywhere(tmp_path: Path):
    app = new_app(tmp_path, [hostile_release(), *sample_releases()])
    shown = watch_notify(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert text.count(HOSTILE_TITLE) == 2  # in the list and in the preview
        assert "[@click=app.quit]Lire[/]" in text
        assert_nothing_interpreted(app)

        await pilot.press("enter")
        assert isinstance(app.screen, ReleaseScreen)
        text = screen_text(app)
        for literal in (
            "[link=https://evil.example/x]le site[/link]",
            "[@click=app.quit]Awa[/] Diop",
            "[link=https://evil.example]OIM[/link]",
            "[red]awa@iom.int[/red]",
            "[/]Fonds",
            "[b]Sénégal[/b]",
            "[i]Dakar[/i]",
            "[blink]evil[/blink].txt",
        ):
            assert literal in text, literal
        assert "pwned" not in text  # the OSC sequence went entirely
        assert_nothing_interpreted(app)

        await pilot.press("e", "y")  # notifications carry the hostile title / file name
        await pilot.pause()
        assert all(not n.markup for n in shown)
        assert_nothing_interpreted(app)
        files = list((tmp_path / "exports").iterdir())
        assert len(files) == 1 and "\x1b" not in files[0].name and "/" not in files[0].name
        await pilot.press("escape", "c")
        assert isinstance(app.screen, ContactsScreen)
        await pilot.press("slash", *"awa")
        await settle(pilot)
        assert "[@click=app.quit]Awa[/] Diop" in screen_text(app)
        assert_nothing_interpreted(app)
        assert app.is_running  # nothing ran app.quit


async def test_hostile_filter_text_is_shown_literally(tmp_path: Path):
    app = new_app(tmp_path, [hostile_release()])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"[bold]alerte[/]")
        await settle(pilot)
        assert "filter: [bold]alerte[/]" in screen_text(app)
        assert app.is_running


async def test_random_hostile_titles_never_crash_the_list(tmp_path: Path):
    rng = random.Random(4)
    releases = [
        Release(
            title="".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(0, 12))) or "x",
            body="".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(0, 40))),
            contacts=[Contact(name="".join(rng.choice(FRAGMENTS) for _ in range(5)))],
            date=f"20{rng.randint(10, 24)}-01-01",
        )
        for _ in range(60)
    ]
    app = new_app(tmp_path, releases)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        rows = app.screen.query_one(ReleaseList)
        for _ in range(rows.row_count):
            await pilot.press("j")
        await pilot.pause()
        assert_nothing_interpreted(app)
        await pilot.press("enter")
        await pilot.pause()
        assert_nothing_interpreted(app)
        assert app.is_running


@settings(max_examples=200, deadline=None)
@given(
    title=st.lists(st.sampled_from(FRAGMENTS), max_size=20).map("".join),
    body=st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join),
    name=st.text(max_size=30),
)
def test_release_content_is_plain_text(title: str, body: str, name: str):
    release = Release(title=title or "t", body=body, contacts=[Contact(name=name)])
    content = release_content(release, ("word",), find_spans=None)
    assert isinstance(content, Content)
    assert not CONTROL.search(content.plain.replace("\n", ""))
    # Markup in the text is kept as characters, never turned into styles.
    bracketed = [f for f in FRAGMENTS if f.startswith("[") and f in (title or "t")]
    for fragment in bracketed:
        assert fragment in content.plain
