"""``python -m oim_archive`` runs the command line, like the ``oim-archive`` script."""

from __future__ import annotations

from oim_archive.tui.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
