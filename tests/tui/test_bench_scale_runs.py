"""The scale benchmark runs end to end at a tiny size (never timed here: it only has to run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench import scale


@pytest.mark.slow
def test_scale_benchmark_prints_every_cli_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert scale.main(["--sizes", "40", "--work", str(tmp_path), "--no-tui"]) == 0
    table = capsys.readouterr().out
    for row in (
        "import rel/s",
        "floor files/s",
        "CLI search s vs list|head -1",
        "CLI contacts QUERY s vs list|head -1",
        "CLI show s vs list|head -1",
        "CLI search, no saved index s",
        "CLI peak RSS MB (worst)",
    ):
        line = next(line for line in table.splitlines() if line.startswith(row))
        assert line[len(row) :].strip() not in ("", "-"), line
