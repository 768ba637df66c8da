"""A release written in a word processor and saved as HTML ("Save as: Web page, filtered"):
its <title> is the document's file name, never the release's title (issue 13)."""

from __future__ import annotations

import pytest

from oim_archive.importers import parse_page

WORD_DOCUMENT = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=Generator content="Microsoft Word 15 (filtered)">
<title>CP OIM Niger 14 03 2019</title>
<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt;} --></style></head>
<body lang=FR-CH>
<div class=WordSection1>
<p class=MsoNormal align=center style='text-align:center'><b><span lang=FR>COMMUNIQUÉ DE PRESSE</span></b></p>
<p class=MsoTitle><span lang=FR>L'OIM évacue 150 migrants de la Libye vers le Niger</span></p>
<p class=MsoNormal><b>Niamey, le 14 mars 2019 –</b> Un vol transportant 150 migrants évacués des centres de détention libyens a atterri mercredi à Niamey, a annoncé l'Organisation internationale pour les migrations (OIM).</p>
<p class=MsoNormal>Les migrants seront hébergés dans les centres de transit de l'OIM avant de rentrer chez eux, grâce au financement de l'Union européenne.</p>
<p class=MsoNormal>&nbsp;</p>
<p class=MsoNormal><b>Pour plus d'informations, veuillez contacter :</b></p>
<p class=MsoNormal>Monica Chiriac, OIM Niger, Tél : +227 80 60 88 34, Email : <a href="mailto:mchiriac@iom.int">mchiriac@iom.int</a></p>
</div>
</body>
</html>
"""

TITLE = "L'OIM évacue 150 migrants de la Libye vers le Niger"


@pytest.mark.parametrize(
    "changes",
    [
        [],  # Word's title style
        [("class=MsoTitle", "class=MsoNormal")],  # a bold first paragraph, no title style
        [
            ("class=MsoTitle", "class=western"),
            ('content="Microsoft Word 15 (filtered)"', 'content="LibreOffice 7.3.7.2 (Linux)"'),
        ],
    ],
)
def test_a_word_processor_page_is_titled_by_its_text(changes: list[tuple[str, str]]) -> None:
    page = WORD_DOCUMENT
    for old, new in changes:
        page = page.replace(old, new)
    (release,) = parse_page(page.encode("cp1252"), "CP OIM Niger 14 03 2019.htm")
    assert release.title == TITLE
    assert (release.date, release.dateline, release.country) == ("2019-03-14", "Niamey", "NE")
    assert release.body.startswith("Un vol transportant 150 migrants")
    assert [contact.name for contact in release.contacts] == ["Monica Chiriac"]
