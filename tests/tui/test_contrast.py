"""Every text readable in both themes: WCAG contrast of each component class and each widget's
own colours, taken from the styles the running app resolved (public Textual API only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color
from textual.widget import Widget

from tests.conftest import SAMPLE_DIR
from tests.support.tui import new_app, running, settle

TEXT_RATIO = 4.5
MUTED_RATIO = 3.0
# Component classes that colour no text: the mouse selection's background, progress bar glyphs,
# the separator rule of option lists.
NOT_TEXT = ("screen--selection", "bar--", "option-list--separator")
MUTED = ("--dim", "--empty", "--placeholder", "--suggestion", "--option-disabled")
# What opens each screen from the main list (each is closed with escape afterwards).
SCREENS = [(), ("enter",), ("c",), ("question_mark",), ("f",), ("i",)]


def luminance(color: Color) -> float:
    """WCAG relative luminance."""

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(foreground: Color, background: Color) -> float:
    """WCAG contrast ratio of ``foreground`` drawn (with its alpha) on ``background``."""
    drawn = background + foreground
    light, dark = sorted((luminance(drawn), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def failures(widget: Widget) -> list[str]:
    """Each colour pair of ``widget`` below its minimum ratio."""
    found = []
    pairs = [("(text)", widget.get_visual_style())]
    for component in sorted(widget.COMPONENT_CLASSES):
        if not component.startswith(NOT_TEXT):
            pairs.append((component, widget.get_visual_style(component)))
    for name, style in pairs:
        if style.foreground is None or style.background is None:
            continue
        ratio = contrast(style.foreground, style.background)
        needed = MUTED_RATIO if name.endswith(MUTED) else TEXT_RATIO
        if ratio < needed:
            found.append(f"{type(widget).__name__} {name}: {ratio:.2f} < {needed}")
    return found


def test_contrast_ratio_of_known_colours():
    assert contrast(Color(0, 0, 0), Color(255, 255, 255)) == pytest.approx(21.0)
    assert contrast(Color(255, 255, 255, 0.0), Color(30, 30, 30)) == pytest.approx(1.0)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_every_component_class_is_readable(tmp_path: Path, theme: str):
    app = new_app(tmp_path)
    problems: set[str] = set()
    checked = 0
    async with running(app, theme, size=(120, 30)) as pilot:
        for keys in SCREENS:
            await pilot.press(*keys)
            await settle(pilot)
            screen = app.screen
            for widget in screen.walk_children(with_self=True):
                checked += 1
                problems.update(f"{type(screen).__name__}: {p}" for p in failures(widget))
            if keys:
                await pilot.press("escape")
                await settle(pilot)
        # The import summary (with refused files), opened by an import from the box.
        await pilot.press("i")
        pages = tmp_path / "pages"
        pages.mkdir()
        (pages / "vide.txt").write_bytes(b"")
        (pages / "page.txt").write_bytes(next(SAMPLE_DIR.glob("*.txt")).read_bytes())
        app.screen.query_one("#import-path").value = str(pages)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert type(screen).__name__ == "ImportSummaryDialog"
        for widget in screen.walk_children(with_self=True):
            checked += 1
            problems.update(f"{type(screen).__name__}: {p}" for p in failures(widget))
    assert checked > 50
    assert not problems, "\n".join(sorted(problems))
