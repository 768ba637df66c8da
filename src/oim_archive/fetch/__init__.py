"""Fill the archive from IOM's sites when a connection is there: a polite, resumable crawler.

The only part of oim-archive that touches the network, and only when the user runs
``oim-archive fetch`` (or the browser's "Fetch new releases")::

    from oim_archive.fetch import fetch, FetchOptions, FetchReport
"""

from oim_archive.fetch.crawl import (
    FetchFailure,
    FetchOptions,
    FetchReport,
    fetch,
    remembered_sources,
)

__all__ = ["FetchFailure", "FetchOptions", "FetchReport", "fetch", "remembered_sources"]
