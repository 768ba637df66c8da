"""One hash of the importer's output over folders of pages: a change meant only to make the
importer faster must leave it as it was.

    python -m tests.support.parse_hash tests/real_pages sample_data /tmp/corpus-10000

Every file under the folders (recursively, in name order; ``.json`` expectations left out) is
parsed; a refusal counts by its message. Prints the number of files and the first 16 hex
digits of a SHA-256 over each file's name and the ``repr`` of what it gave.
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Iterable
from pathlib import Path

from oim_archive.importers import ImportRefused, parse_page


def parse_output(path: Path) -> str:
    """What the importer makes of one file, as text."""
    try:
        return repr(parse_page(path.read_bytes(), path.name))
    except ImportRefused as refusal:
        return f"refused: {refusal}"


def output_hash(folders: Iterable[Path]) -> tuple[int, str]:
    """(files parsed, the hash of their outputs)."""
    digest = hashlib.sha256()
    count = 0
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or path.suffix == ".json":
                continue
            digest.update(path.name.encode("utf-8", "surrogateescape") + b"\0")
            digest.update(parse_output(path).encode("utf-8", "surrogatepass") + b"\n")
            count += 1
    return count, digest.hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="hash of the importer's output over folders")
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args(argv)
    count, digest = output_hash(args.folders)
    print(f"{count} files {digest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
