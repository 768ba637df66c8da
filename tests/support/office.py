"""Small word-processor documents for the tests, with the parts Word and LibreOffice write:
``.docx`` (WordprocessingML: runs, a table, a text box with its fallback copy) and ``.odt``."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _runs(text: str) -> str:
    """A paragraph's text as Word splits it: a run a word or two, a tab, a line break."""
    parts = []
    for number, line in enumerate(text.split("\n")):
        if number:
            parts.append("<w:r><w:br/></w:r>")
        for chunk in line.split("\t"):
            parts.append(f'<w:r><w:t xml:space="preserve">{escape(chunk)}</w:t></w:r>')
            parts.append("<w:r><w:tab/></w:r>")
        parts.pop()
    return "".join(parts)


def word_document(
    paragraphs: list[str], table: list[list[str]] | None = None, text_box: str = ""
) -> bytes:
    """A .docx whose body holds these paragraphs, then a table of these rows; a text box (with
    Word's fallback copy) in the first paragraph when asked."""
    body = []
    for number, text in enumerate(paragraphs):
        box = ""
        if number == 0 and text_box:
            inner = f"<w:txbxContent><w:p>{_runs(text_box)}</w:p></w:txbxContent>"
            box = (
                f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>{inner}'
                f"</w:drawing></mc:Choice><mc:Fallback><w:pict>{inner}</w:pict></mc:Fallback>"
                "</mc:AlternateContent></w:r>"
            )
        body.append(f'<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>{_runs(text)}{box}</w:p>')
    if table:
        rows = "".join(
            "<w:tr>" + "".join(f"<w:tc><w:p>{_runs(cell)}</w:p></w:tc>" for cell in row) + "</w:tr>"
            for row in table
        )
        body.append(f"<w:tbl>{rows}</w:tbl>")
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}" xmlns:mc="{MC}"><w:body>{"".join(body)}</w:body></w:document>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", document)
        archive.writestr("docProps/core.xml", '<?xml version="1.0"?><coreProperties/>')
    return out.getvalue()


def open_document(paragraphs: list[str], heading: str = "") -> bytes:
    """An .odt whose body holds a heading and these paragraphs (runs of spaces as LibreOffice
    writes them: ``text:s``)."""
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    blocks = [f"<text:h>{escape(heading)}</text:h>"] if heading else []
    for paragraph in paragraphs:
        written = escape(paragraph).replace("  ", ' <text:s text:c="1"/>')
        blocks.append(f"<text:p><text:span>{written}</text:span></text:p>")
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="{office}" '
        f'xmlns:text="{text}"><office:body><office:text>{"".join(blocks)}'
        "</office:text></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return out.getvalue()
