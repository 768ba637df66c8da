"""Importing files and folders into an archive: walk, parse (two worker processes), dedupe,
batch-write.

This module sits above both ``importers`` (which know nothing of the archive) and ``store``
(which knows nothing of the importers): it is the one place where pages meet the archive, and
the one place that tells an archive bundle from a page.
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import os
import zlib
from collections.abc import Callable, Generator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from oim_archive.i18n import N_
from oim_archive.import_report import ImportReport
from oim_archive.importers import (
    MAX_PAGE_BYTES,
    ImportRefused,
    file_size_limit,
    parse_page,
)
from oim_archive.store.exports.bundle import BundleError, is_bundle, looks_like_bundle, read_bundle
from oim_archive.store.file.archive import Archive
from oim_archive.store.file.scan import stored_bodies
from oim_archive.store.file.tables import ReplaceResult
from oim_archive.store.records import Contact, Quoted, Release
from oim_archive.walk import ImportFailure, Reason, iter_files, os_reason, readable_path
from oim_archive.workers import (
    PARSER_MODULE,
    PoolStart,
    interrupt_between_steps,
    send_by_fields,
    start_pool,
)
from oim_archive.write_behind import WriteBehind

BUNDLE_MAX_BYTES = 2 * 1024**3
BATCH_RELEASES = 25_000  # one atomic write per batch: a 100k import writes the file 4 times
PARALLEL_MIN_FILES = 200
CHUNK_FILES = 64
IN_FLIGHT_CHUNKS = 8  # chunks read ahead of parsing: bounds memory on huge folders

ProgressCallback = Callable[[int, int], None]


@dataclass(slots=True)
class _Parsed:
    path: str
    digest: str = ""
    releases: list[Release] = field(default_factory=list)
    error: str | None = None
    data: bytes = b""
    settled: bool = False  # known or unreadable: nothing to parse
    bodies: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)  # compressed
    reason: Reason | None = None  # the refusal's template and values, to translate it


send_by_fields(_Parsed, Release, Contact, Quoted)  # results come back cheaper (workers.py)


def file_digest(data: bytes) -> str:
    """Hash of a raw file's bytes: the same file is recognised without parsing it again."""
    return hashlib.sha256(data).hexdigest()[:24]


def gunzip_page(data: bytes) -> bytes:
    """The page inside a gzipped file (``fetch`` keeps its pages so), at most MAX_PAGE_BYTES."""
    inflater = zlib.decompressobj(wbits=31)
    try:
        page = inflater.decompress(data, MAX_PAGE_BYTES + 1)
    except zlib.error:
        raise ImportRefused(N_("damaged gzip file")) from None
    if len(page) > MAX_PAGE_BYTES:
        raise ImportRefused(
            N_("the page inside is over the limit of {limit} MB"),
            limit=f"{MAX_PAGE_BYTES / 1024**2:.0f}",
        )
    return page


def _read_one(path_text: str) -> _Parsed:
    """Read and hash a file, refusing an oversized one without reading it all; a gzipped page
    (``name.html.gz``) is read and hashed as the page inside."""
    result = _Parsed(path=path_text)
    try:
        with open(path_text, "rb") as handle:
            data = _read_at_most(handle, MAX_PAGE_BYTES + 1)
            if path_text.endswith(".gz") and data.startswith(b"\x1f\x8b"):
                data = gunzip_page(data)
            limit = MAX_PAGE_BYTES
            if len(data) > MAX_PAGE_BYTES:
                limit = size_limit(data)
                data += handle.read(max(0, limit + 1 - len(data)))
            if len(data) > limit:
                size = os.fstat(handle.fileno()).st_size
                raise ImportRefused(
                    N_("file is {size}; the limit is {limit} MB"),
                    size=f"{size / 1024**2:.1f} MB",
                    limit=f"{limit / 1024**2:.0f}",
                )
        result.data = data
        result.digest = file_digest(data)
    except ImportRefused as exc:
        result.error, result.reason = str(exc), exc.reason
    except OSError as exc:
        result.error = os_reason(exc)
    return result


def size_limit(data: bytes) -> int:
    """The most bytes a file may have, by its first bytes: an archive bundle's limit, an
    e-mail's (with its attachments) or a page's."""
    if is_bundle(data[:4096]):
        return BUNDLE_MAX_BYTES
    return file_size_limit(data)


def _read_at_most(handle: BinaryIO, limit: int) -> bytes:
    """The file's first ``limit`` bytes at most. Asked for by its size (plus one byte, in case
    it grew): a read of ``limit`` bytes would allocate the whole limit for every small page,
    which cost more than the read itself."""
    size = os.fstat(handle.fileno()).st_size
    data = handle.read(min(size + 1, limit))
    if size < len(data) < limit:  # it grew since, or its size is not known (0)
        data += handle.read(limit - len(data))
    return data


def _parse_loaded(item: _Parsed) -> _Parsed:
    """Parse a read file into release dicts (runs in a worker process for big imports)."""
    data, item.data = item.data, b""
    try:
        item.releases = parse_file(data, readable_path(Path(item.path).name))
        item.bodies = stored_bodies(item.releases)  # here, in parallel, not in the writer
    except ImportRefused as exc:
        item.error, item.reason = str(exc), exc.reason
    return item


def parse_file(data: bytes, name: str) -> list[Release]:
    """The releases in one file: an archive bundle, or a page for the importer."""
    if looks_like_bundle(data, name):
        try:
            return read_bundle(data, name)
        except BundleError as error:
            raise ImportRefused(str(error)) from None
    return parse_page(data, name)


def _parse_chunk(items: list[_Parsed]) -> list[_Parsed]:
    """Parse the unknown files of a chunk; known and unreadable ones pass through."""
    return [item if item.settled else _parse_loaded(item) for item in items]


def import_paths(
    archive: Archive,
    paths: Sequence[Path],
    *,
    progress: ProgressCallback | None = None,
    workers: int | None = None,
    reparse: bool = False,
) -> ImportReport:
    """Import files and folders; a bad file never stops the others. Writes once per batch.

    ``reparse``: parse files again even when their bytes are known, and replace the releases
    each one brought with what the importer finds now (see :func:`reparse_sources`)."""
    report = ImportReport(reparse=reparse)
    files = list(iter_files([Path(p) for p in paths], report.failed))
    report.files = len(files)
    total = len(files)
    known_digests = frozenset() if reparse else archive.known_digests()
    workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    batch = _Batch()

    def write(written: _Batch) -> ImportReport:
        """Write a batch; what it did, to add to the report (in the importing thread)."""
        outcome = ImportReport(reparse=reparse)
        if not written.releases and not written.sources:
            return outcome
        if reparse:
            _record_reparse(outcome, archive.replace_sources(written.sources, written.bodies))
            return outcome
        ids = {digest: [r.id for r in found] for digest, found in written.sources.items()}
        result = archive.add(written.releases, ids, stored_bodies=written.bodies)
        added = set(result.added)
        outcome.imported.extend(result.added)
        outcome.removed_earlier.extend(result.removed_earlier)
        for file, file_ids in written.files:
            if not any(i in added for i in file_ids):
                outcome.duplicates.append(readable_path(file))
        return outcome

    # Ctrl-C is taken between files: never inside the pool's internals, never mid-write.
    # Closing the stream at once stops the workers there, not when the traceback is freed.
    with (
        WriteBehind(write, report.extend) as writer,
        interrupt_between_steps() as check_interrupt,
        contextlib.closing(_parse_all(files, known_digests, workers)) as stream,
    ):
        for done, parsed in enumerate(stream, start=1):
            check_interrupt()
            if parsed.error is not None:
                report.failed.append(ImportFailure(parsed.path, parsed.error, parsed.reason))
            elif parsed.digest in known_digests:
                report.duplicates.append(readable_path(parsed.path))
            else:
                batch.take(parsed)
                if len(batch.releases) >= BATCH_RELEASES:
                    writer.write_behind(batch)
                    batch = _Batch()
            if progress is not None:
                progress(done, total)
        check_interrupt()
        writer.write_now(batch)
    return report


@dataclass(slots=True)
class _Batch:
    """Parsed files waiting to be written together."""

    releases: list[Release] = field(default_factory=list)  # the new ones, each id once
    sources: dict[str, list[Release]] = field(default_factory=dict)  # by file digest
    files: list[tuple[str, list[str]]] = field(default_factory=list)  # file, ids it brought
    ids: set[str] = field(default_factory=set)
    bodies: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)

    def take(self, parsed: _Parsed) -> None:
        """Add a parsed file's releases (those not already in this batch)."""
        fresh = [r for r in parsed.releases if r.id not in self.ids]
        self.ids.update(r.id for r in fresh)
        self.releases.extend(fresh)
        self.bodies.update(parsed.bodies)
        self.sources[parsed.digest] = parsed.releases
        self.files.append((parsed.path, [r.id for r in fresh]))


def reparse_sources(
    archive: Archive, sources: Mapping[str, bytes], names: Mapping[str, str]
) -> ImportReport:
    """Parse raw source bytes again (keyed by their digest, with a file name each) and replace
    what they brought in the archive: the way to apply an importer improvement to any source
    whose bytes are kept, files on disk or pages fetched earlier."""
    report = ImportReport(reparse=True, files=len(sources))
    parsed: dict[str, list[Release]] = {}
    for digest, data in sources.items():
        try:
            parsed[digest] = parse_file(data, names.get(digest, digest))
        except ImportRefused as exc:
            report.failed.append(ImportFailure(names.get(digest, digest), str(exc), exc.reason))
    if parsed:
        _record_reparse(report, archive.replace_sources(parsed))
    return report


def _record_reparse(report: ImportReport, result: ReplaceResult) -> None:
    report.changed.extend(result.changed)
    report.appeared.extend(result.appeared)
    report.imported.extend(result.appeared)
    report.disappeared.extend(result.disappeared)
    report.removed_earlier.extend(result.removed_earlier)


def import_data(archive: Archive, data: bytes, name: str) -> ImportReport:
    """Import one page or bundle given as bytes (``oim-archive import -`` reads stdin), recorded
    under ``name``. Too big, unreadable or already known: said in the report, as for a file."""
    report = ImportReport(files=1)
    limit = size_limit(data)
    if len(data) > limit:
        refusal = ImportRefused(
            N_("more than {limit} MB; that is the limit"), limit=f"{limit / 1024**2:.0f}"
        )
        report.failed.append(ImportFailure(name, str(refusal), refusal.reason))
        return report
    digest = file_digest(data)
    if archive.known_source(digest) is not None:
        report.duplicates.append(name)
        return report
    try:
        releases = parse_file(data, name)
    except ImportRefused as exc:
        report.failed.append(ImportFailure(name, str(exc), exc.reason))
        return report
    result = archive.add(releases, {digest: [r.id for r in releases]})
    report.imported.extend(result.added)
    report.removed_earlier.extend(result.removed_earlier)
    if not result.added:
        report.duplicates.append(name)
    return report


def _parse_all(
    files: list[str], known: frozenset[str], workers: int
) -> Generator[_Parsed, None, None]:
    """Read and hash files here (known ones end there), parse the rest in the worker
    processes, in order. Parsing starts in the workers once PARALLEL_MIN_FILES unknown files
    are read; from then on chunks are handed out as they are read, never waiting for a whole
    window to finish, and at most IN_FLIGHT_CHUNKS are read ahead (bounded memory). While
    the workers start (a few tenths of a second, importing the importer, in a thread), this
    process parses the chunks read meanwhile itself instead of waiting."""
    if workers <= 1:
        for path in files:
            item = _read_one(path)
            known_or_bad = item.error is not None or item.digest in known
            yield item if known_or_bad else _parse_loaded(item)
        return
    with contextlib.ExitStack() as stack:
        pool: ProcessPoolExecutor | None = None
        starting: PoolStart | None = None
        unknown: list[_Parsed] = []
        # In file order: chunks handed to the workers, or parsed here while they start.
        in_flight: collections.deque[Future[list[_Parsed]] | list[_Parsed]] = collections.deque()
        for path in files:
            item = _read_one(path)
            if item.error is not None or item.digest in known:
                item.data, item.settled = b"", True
                if pool is None and not unknown:
                    yield item
                else:  # keep the files' order: after those before it
                    unknown.append(item)
                continue
            unknown.append(item)
            if pool is None and len(unknown) >= PARALLEL_MIN_FILES:
                pool, starting = start_pool(stack, workers, preload=(PARSER_MODULE,))
            if pool is not None and starting is not None and len(unknown) >= CHUNK_FILES:
                in_flight.append(_handed_out(pool, unknown, in_flight, workers, starting.ready()))
                unknown = []
                while len(in_flight) >= IN_FLIGHT_CHUNKS:
                    yield from _chunk_result(in_flight.popleft())
        if pool is not None and starting is not None and unknown:
            in_flight.append(_handed_out(pool, unknown, in_flight, workers, starting.ready()))
            unknown = []
        while in_flight:
            yield from _chunk_result(in_flight.popleft())
        yield from _parse_chunk(unknown)


def _handed_out(
    pool: ProcessPoolExecutor,
    chunk: list[_Parsed],
    in_flight: Sequence[Future[list[_Parsed]] | list[_Parsed]],
    workers: int,
    started: bool,
) -> Future[list[_Parsed]] | list[_Parsed]:
    """The chunk given to the workers; or parsed here, while the workers are not started yet,
    or when every worker already has a chunk waiting and none has finished one yet."""
    if not started:
        return _parse_chunk(chunk)
    handed = [chunk for chunk in in_flight if isinstance(chunk, Future)]
    if len(handed) >= workers and not any(future.done() for future in handed):
        return _parse_chunk(chunk)
    return pool.submit(_parse_chunk, chunk)


def _chunk_result(chunk: Future[list[_Parsed]] | list[_Parsed]) -> list[_Parsed]:
    return chunk if isinstance(chunk, list) else chunk.result()
