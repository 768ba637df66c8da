"""Small text-only PDF documents for the tests, written by hand as Word or LibreOffice write
theirs: one Helvetica text object a page, WinAnsi encoding (French and Spanish accents), lines
placed one under the other, an optional running header and footer on every page."""

from __future__ import annotations

LINE_HEIGHT = 14
TOP = 800
LEFT = 56
FONT_SIZE = 11


def _escaped(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(lines: list[str]) -> bytes:
    ops = [b"BT", f"/F1 {FONT_SIZE} Tf {LINE_HEIGHT} TL {LEFT} {TOP} Td".encode()]
    for line in lines:
        ops.append(b"(" + _escaped(line) + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def text_pdf(
    pages: list[list[str]], header: str = "", footer: str = "", picture_bytes: int = 0
) -> bytes:
    """A PDF whose pages hold these lines (a blank line is an empty string), with a picture's
    worth of bytes in an object no page shows when asked (a big file of little text)."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, once the pages' numbers are known
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for number, lines in enumerate(pages, start=1):
        running = ([header, ""] if header else []) + lines
        if footer:
            running += ["", footer.format(page=number, pages=len(pages))]
        stream = _content(running)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content_ref = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % content_ref
        )
        kids.append(b"%d 0 R" % len(objects))
    if picture_bytes:
        filler = b"\x00" * picture_bytes
        objects.append(b"<< /Length %d >>\nstream\n" % len(filler) + filler + b"\nendstream")
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
