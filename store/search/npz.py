"""Reading a saved index file (numpy's ``.npz``: a zip of ``.npy`` arrays) without numpy.

A one-shot command (``oim-archive search``) spends longer importing numpy than searching a 10k
archive. This reads the file's one-dimensional arrays as `array.array`, and slices of them by
seeking straight to their bytes (numpy saves them uncompressed), so a query reads only the
postings it ranks. Anything it cannot read the simple way raises `SavedFormatError`: the caller
then uses the numpy path, which knows every case.
"""

from __future__ import annotations

import ast
import struct
import sys
import zipfile
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

_MAGIC = b"\x93NUMPY"
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # a zip member's local file header
# numpy type string (without its byte order) -> array typecode of the same size.
_TYPECODES = {"i1": "b", "u1": "B", "i2": "h", "i4": "i", "i8": "q", "f4": "f", "f8": "d"}


class SavedFormatError(ValueError):
    """The file is not a saved index this reader can read (the numpy path decides then)."""


@dataclass(frozen=True, slots=True)
class _Member:
    typecode: str
    length: int
    data_offset: int  # where the array's first item is in the file
    swap: bool  # saved in the other byte order


class SavedArrays:
    """The arrays of one saved ``.npz`` file, read on demand; use as a context manager."""

    def __init__(self, path: Path) -> None:
        self._file: BinaryIO = open(path, "rb")  # noqa: SIM115 (closed by close/__exit__)
        try:
            self._members = self._read_members()
        except (OSError, zipfile.BadZipFile, ValueError, SyntaxError, struct.error) as error:
            self._file.close()
            raise SavedFormatError(str(error)) from error

    def __enter__(self) -> SavedArrays:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the file."""
        self._file.close()

    def __contains__(self, name: str) -> bool:
        return name in self._members

    def length(self, name: str) -> int:
        """How many items the array holds (KeyError when there is no such array)."""
        return self._members[name].length

    def read(self, name: str) -> array[Any]:
        """The whole array (KeyError when there is no such array)."""
        return self.slice(name, 0, self._members[name].length)

    def slice(self, name: str, start: int, end: int) -> array[Any]:
        """Items ``start`` to ``end`` (clipped to the array), reading only their bytes."""
        member = self._members[name]
        start, end = max(0, min(start, member.length)), max(0, min(end, member.length))
        values: array[Any] = array(member.typecode)
        if end <= start:
            return values
        self._file.seek(member.data_offset + start * values.itemsize)
        wanted = (end - start) * values.itemsize
        data = self._file.read(wanted)
        if len(data) != wanted:
            raise SavedFormatError(f"{name}: the file ends inside the array")
        values.frombytes(data)
        if member.swap:
            values.byteswap()
        return values

    def _read_members(self) -> dict[str, _Member]:
        members: dict[str, _Member] = {}
        with zipfile.ZipFile(self._file) as archive:
            infos = archive.infolist()
        for info in infos:
            if not info.filename.endswith(".npy"):
                continue
            if info.compress_type != zipfile.ZIP_STORED:
                raise SavedFormatError(f"{info.filename}: compressed")
            self._file.seek(info.header_offset)
            header = _LOCAL_HEADER.unpack(self._file.read(_LOCAL_HEADER.size))
            if header[0] != b"PK\x03\x04":
                raise SavedFormatError(f"{info.filename}: no local header")
            name_length, extra_length = header[-2], header[-1]
            start = info.header_offset + _LOCAL_HEADER.size + name_length + extra_length
            members[info.filename[: -len(".npy")]] = _npy_member(self._file, start)
        return members


def _npy_member(file: BinaryIO, start: int) -> _Member:
    """The layout of the one-dimensional ``.npy`` array whose file starts at ``start``."""
    file.seek(start)
    prefix = file.read(len(_MAGIC) + 2)
    if prefix[: len(_MAGIC)] != _MAGIC:
        raise SavedFormatError("not a .npy array")
    major = prefix[len(_MAGIC)]
    size_format = "<H" if major == 1 else "<I"
    (header_length,) = struct.unpack(size_format, file.read(struct.calcsize(size_format)))
    header = ast.literal_eval(file.read(header_length).decode("latin-1"))
    data_offset = file.tell()
    if not isinstance(header, dict) or header.get("fortran_order") is not False:
        raise SavedFormatError("not a plain array")
    descr, shape = header.get("descr"), header.get("shape")
    if not isinstance(descr, str) or not isinstance(shape, tuple) or len(shape) != 1:
        raise SavedFormatError("not a one-dimensional array")
    order, kind = descr[0], descr[1:]
    typecode = _TYPECODES.get(kind)
    if typecode is None or order not in "<>|=" or array(typecode).itemsize != int(kind[1]):
        raise SavedFormatError(f"unsupported type {descr}")
    swap = order == ("<" if sys.byteorder == "big" else ">")
    return _Member(typecode, int(shape[0]), data_offset, swap)
