"""oim-archive: an offline terminal browser for archives of IOM (OIM) press releases.

The subpackages live in the repository's top-level folders (``store/``, ``importers/``,
``tui/``, ``sample_data/``) and are mapped here by setuptools ``package-dir``.
"""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("oim-archive")
except metadata.PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = ["__version__"]
