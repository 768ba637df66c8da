"""Data files shipped in importers/data (chrome labels, gazetteer), loaded once at import time."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def read_text(name: str) -> str:
    """The text of one data file of the package."""
    return resources.files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")


def read_json(name: str) -> Any:
    """One JSON data file, parsed."""
    return json.loads(read_text(name))


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file; blank lines and '#' comments are skipped."""
    rows: list[list[str]] = []
    for line in read_text(name).splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows
