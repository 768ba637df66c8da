"""oim-archive: an offline terminal browser for archives of IOM (OIM) press releases.

The subpackages live in the repository's top-level folders (``store/``, ``importers/``,
``tui/``, ``sample_data/``) and are mapped here by setuptools ``package-dir``.
"""

from __future__ import annotations

__version__ = "0.1.0"  # the one place it is written (pyproject reads it)

__all__ = ["__version__"]
