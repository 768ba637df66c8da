"""Release exports: plain text, Markdown, JSON, and writing them safely.

Golden files live in tests/golden/; regenerate with ``UPDATE_GOLDEN=1 pytest tests/store/test_export*.py``
and read every changed file by eye: it is what a person pastes into an email.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from oim_archive.store.exports.labels import labels_for
from oim_archive.store.exports.render import (
    FORMATS,
    release_json,
    release_markdown,
    release_text,
    render,
    write_export,
    write_file,
)
from oim_archive.store.records import Contact, Release

GOLDEN_DIR = Path(__file__).resolve().parents[1] / "golden"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def assert_golden(relative: str, text: str) -> None:
    """Compare ``text`` with the golden file (byte for byte); UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN_DIR / relative
    data = text.encode("utf-8")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    assert path.is_file(), f"missing golden file {path}; create it with UPDATE_GOLDEN=1"
    expected = path.read_bytes()
    assert data.decode("utf-8") == expected.decode("utf-8"), f"output differs from {path}"


def full_release() -> Release:
    return Release(
        title="Le Japon soutient la réintégration des migrants de retour en Côte d’Ivoire",
        body=(
            "ABIDJAN – L’Organisation internationale pour les migrations (OIM) et le Japon ont "
            "lancé aujourd’hui un projet de 18 mois pour la réintégration durable de 1 500 "
            "migrants de retour, dont 40 % de femmes.\n\n"
            "Le projet comprend :\n"
            "- une assistance psychosociale et médicale individuelle pour les plus vulnérables "
            "d’entre eux, à Abidjan comme à Daloa ;\n"
            "• des formations professionnelles\n\n"
            "« Nous voulons que chacun puisse reconstruire sa vie ici », a déclaré le chef de "
            "mission. Détails : https://www.iom.int/fr/news/un-lien-vraiment-tres-long-qui-ne-"
            "doit-pas-etre-coupe-au-milieu-2019"
        ),
        language="fr",
        country="CI",
        country_name="Côte d’Ivoire",
        dateline="Abidjan",
        date="2019-03-12",
        dates=["2019-03-12"],
        contacts=[
            Contact(
                "Anita Kassem",
                "OIM Côte-d’Ivoire",
                ["+22522528200", "+22579931991"],
                ["akassem@iom.int"],
            ),
            Contact("Flavio Di Giacomo", "OIM Rome", ["+390644186207"], ["fdigiacomo@iom.int"]),
        ],
        funders=["Gouvernement du Japon"],
        source="004_ae0a45b9387d6df4.txt",
        imported_at="2024-05-01T10:00:00Z",
    )


def minimal_release() -> Release:
    return Release(
        title="Note sans date", body="Un seul paragraphe.", language="fr", source="x.txt"
    )


def hostile_release() -> Release:
    return Release(
        title="[bold red]Alerte[/] \x1b[31mrouge\x1b[0m # | *gras*",
        body=(
            "[link=http://evil]clique[/link] \x1b]8;;http://evil\x07lien\x1b]8;;\x07 fin.\x07\n\n"
            "# pas un titre\n"
            "1. pas une liste <script>alert(1)</script> &amp; _x_ `code`\n"
            "> pas une citation\n\n"
            "---\n\n"
            "=====\n\n"
            "\x9b31m C1 \u202e inversé"
        ),
        country="TN",
        country_name="Tunisie\x1b[2J",
        dateline="Tunis\r\nForged: line",
        date="2020-02-02",
        contacts=[
            Contact("Eve | Mallory", "Bureau *A* [b]", ["+21671860312"], ["eve|x@iom.int"]),
            Contact("Bob\\Backslash", None, [], []),
        ],
        funders=["Fonds <b>X</b>"],
        source="../../etc/passwd",
    )


def english_release() -> Release:
    return Release(
        title="IOM and Japan help returning migrants rebuild their lives in Côte d’Ivoire",
        body="ABIDJAN – IOM and Japan launched an 18-month project today.\n\nIt includes:\n"
        "- psychosocial support\n- vocational training",
        language="en",
        country="CI",
        country_name="Côte d’Ivoire",
        dateline="Abidjan",
        date="2019-03-12",
        contacts=[Contact("Anita Kassem", "IOM Côte d’Ivoire", ["+22522528200"], ["a@iom.int"])],
        funders=["Government of Japan"],
        source="en.txt",
    )


def spanish_release() -> Release:
    return Release(
        title="La OIM y la Unión Europea apoyan a los migrantes retornados en Colombia",
        body="BOGOTÁ – La OIM y la Unión Europea lanzaron hoy un proyecto de 18 meses.",
        language="es",
        country="CO",
        country_name="Colombia",
        dateline="Bogotá",
        contacts=[Contact("Ana Gómez", "OIM Colombia", ["+5716397777"], ["agomez@iom.int"])],
        funders=["Unión Europea"],
        source="es.txt",
    )


RELEASES = {
    "full": full_release,
    "minimal": minimal_release,
    "hostile": hostile_release,
    "english": english_release,
    "spanish": spanish_release,
}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("full", ["Contacts", "Tél. : +22522528200", "Financé par : ", "Communiqué : "]),
        ("minimal", ["sans date", "Source : x.txt"]),
        ("english", ["Contacts", "Tel: +22522528200", "Funded by: ", "Release id: "]),
        (
            "spanish",
            ["sin fecha", "Contactos", "Tel.: +5716397777", "Financiado por: ", "Fuente: "],
        ),
    ],
)
def test_text_speaks_the_release_language(name: str, expected: list[str]) -> None:
    """Whatever the interface language: the words come from the release's language."""
    text = release_text(RELEASES[name]())
    for words in expected:
        assert words in text
    if name != "english":
        assert "Funded by" not in text and "Release id" not in text and "undated" not in text


def test_markdown_speaks_the_release_language() -> None:
    html = MD.render(release_markdown(spanish_release()))
    assert re.findall(r"<h2>(.*?)</h2>", html) == ["Contactos", "Financiado por"]
    assert "<li><strong>Fecha:</strong> sin fecha</li>" in html
    assert "<th>Nombre</th>" in html and "<th>Teléfono</th>" in html


@pytest.mark.parametrize(
    ("release", "expected"),
    [
        (full_release, "~2015-06 (date citée dans le texte)"),
        (english_release, "~2015-06 (date mentioned in the text)"),
        (spanish_release, "~2015-06 (fecha mencionada en el texto)"),
    ],
)
def test_a_date_estimated_from_the_text_is_exported_as_an_estimate(
    release: Callable[[], Release], expected: str
) -> None:
    """As the browser's detail shows it: a report must not quote an estimate as the date."""
    estimated = dataclasses.replace(release(), date="2015-06-24", date_basis="text")
    assert f"\n\n{expected} · " in release_text(estimated)
    html = MD.render(release_markdown(estimated))
    assert f"<li><strong>{labels_for(estimated.language).date}" in html
    assert expected in html
    published = dataclasses.replace(estimated, date_basis="published")
    assert "\n\n2015-06-24 · " in release_text(published)


@pytest.mark.parametrize("name", sorted(RELEASES))
def test_text_golden(name: str) -> None:
    assert_golden(f"hand/{name}.txt", release_text(RELEASES[name]()))


@pytest.mark.parametrize("name", sorted(RELEASES))
def test_markdown_golden(name: str) -> None:
    assert_golden(f"hand/{name}.md", release_markdown(RELEASES[name]()))


def check_plain_text(text: str, width: int = 72) -> None:
    """The invariants every txt export keeps, whatever the release."""
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "\r" not in text and not CONTROL.search(text.replace("\n", ""))
    assert "\x1b" not in text
    for line in text.split("\n"):
        assert line == line.rstrip()
        # Only a single word longer than the width may overflow (a long URL).
        assert len(line) <= width or " " not in line.strip().removeprefix("- ").strip()


@pytest.mark.parametrize("name", sorted(RELEASES))
def test_text_invariants(name: str) -> None:
    release = RELEASES[name]()
    text = release_text(release)
    check_plain_text(text)
    assert text == release_text(release), "the text export must be deterministic"
    if name != "hostile":
        first_lines = text.split("\n\n", 1)[0]
        assert " ".join(first_lines.split()) == release.title  # the title, wrapped


def test_text_sections() -> None:
    text = release_text(full_release())
    lines = text.splitlines()
    assert lines[0].startswith("Le Japon soutient")
    assert "2019-03-12 · Côte d’Ivoire (CI) · Abidjan" in lines
    contacts = lines.index("Contacts")
    assert lines[contacts + 2 : contacts + 7] == [
        "Anita Kassem",
        "  OIM Côte-d’Ivoire",
        "  Tél. : +22522528200",
        "  Tél. : +22579931991",
        "  Courriel : akassem@iom.int",
    ]
    assert "Financé par : Gouvernement du Japon" in lines
    assert "Source : 004_ae0a45b9387d6df4.txt" in lines
    assert lines[-1] == f"Communiqué : {full_release().id}"


def test_text_wraps_without_breaking_words() -> None:
    release = full_release()
    text = release_text(release, width=40)
    check_plain_text(text, width=40)
    # Every word of the body survives whole, in order.
    body_words = release.body.replace("•", "-").split()
    assert " ".join(body_words) in " ".join(text.split())
    assert (
        "https://www.iom.int/fr/news/un-lien-vraiment-tres-long-qui-ne-doit-pas-etre-coupe-au-milieu-2019"
        in text.splitlines()
    )
    # "Côte-d’Ivoire" is never split at its hyphen.
    assert "Côte-\n" not in text


def test_text_keeps_markup_literally_and_drops_escapes() -> None:
    text = release_text(hostile_release())
    check_plain_text(text)
    assert "[bold red]Alerte[/]" in text
    assert "[link=http://evil]clique[/link]" in text
    assert "\x1b" not in text and "\x9b" not in text and "\u202e" not in text and "\x07" not in text
    assert "Tunisie (TN)" in text
    # A newline inside a one-line field cannot forge a line of its own.
    assert not any(line.startswith("Forged") for line in text.splitlines())


MD = MarkdownIt("commonmark").enable("table")


def test_markdown_renders_as_intended() -> None:
    html = MD.render(release_markdown(full_release()))
    assert html.count("<h1>") == 1 and "<h2>Contacts</h2>" in html
    assert "<li><strong>Date :</strong> 2019-03-12</li>" in html
    assert "<td>Anita Kassem</td>" in html and "<td>+22522528200, +22579931991</td>" in html
    assert "<li>une assistance psychosociale" in html


def test_markdown_escapes_hostile_text() -> None:
    markdown = release_markdown(hostile_release())
    html = MD.render(markdown)
    assert "\x1b" not in markdown and "\u202e" not in markdown
    assert html.count("<h1>") == 1
    assert re.findall(r"<h2>(.*?)</h2>", html) == ["Contacts", "Financé par"]
    for tag in ("<script>", "<b>", "<em>", "<strong>*", "<ol>", "<blockquote>", "<hr"):
        assert tag not in html
    assert "<a " not in html
    assert html.count("<code>") == 1  # the release id, and nothing from the body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp;amp;" in html  # the literal text "&amp;" shows as typed
    # Each contact row keeps exactly four cells despite the '|' in the name and email.
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    assert all(row.count("<td>") in (0, 4) for row in rows)
    assert "<td>Eve | Mallory</td>" in html and "<td>eve|x@iom.int</td>" in html
    assert "<td>Bob\\Backslash</td>" in html


def test_json_is_the_record() -> None:
    release = full_release()
    text = release_json(release)
    assert text.endswith("}\n") and "Côte d’Ivoire" in text  # UTF-8 kept, not \\u escapes
    assert json.loads(text) == release.to_dict()
    assert Release.from_dict(json.loads(text)) == release


def test_json_escapes_what_a_terminal_would_act_on() -> None:
    release = hostile_release()
    text = release_json(release)
    assert not CONTROL.search(text.replace("\n", "")) and "\u202e" not in text
    assert json.loads(text) == release.to_dict()  # same data, only escaped


def test_render_dispatch_and_unknown_format() -> None:
    release = minimal_release()
    assert FORMATS == ("txt", "md", "json")
    assert render(release, "txt") == release_text(release)
    assert render(release, "MD") == release_markdown(release)
    assert render(release, "json") == release_json(release)
    with pytest.raises(ValueError, match=r"unknown export format 'pdf'.*txt, md, json") as err:
        render(release, "pdf")
    assert "\n" not in str(err.value)


def test_write_export_names_and_never_overwrites(tmp_path: Path) -> None:
    release = full_release()
    folder = tmp_path / "exports" / "new"
    first = write_export(release, folder)
    assert first.parent == folder
    assert (
        first.name
        == "2019-03-12 Le Japon soutient la réintégration des migrants de retour en Côte d’Ivoire.txt"
    )
    assert first.read_text(encoding="utf-8") == release_text(release)
    first.write_text("edited by hand", encoding="utf-8")
    second = write_export(release, folder)
    third = write_export(release, folder, "md")
    fourth = write_export(release, folder, "md")
    assert second.name.endswith(" (2).txt") and fourth.name.endswith(" (2).md")
    assert third.name == first.name.removesuffix(".txt") + ".md"
    assert first.read_text(encoding="utf-8") == "edited by hand"
    assert len(list(folder.iterdir())) == 4


def test_write_export_rejects_unknown_format_without_writing(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_export(minimal_release(), tmp_path, "docx")
    assert list(tmp_path.iterdir()) == []


def test_write_file_refuses_to_overwrite_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    assert write_file(target, "one\r\ntwo\n") == target
    assert target.read_bytes() == b"one\r\ntwo\n"  # line ends kept exactly
    with pytest.raises(FileExistsError, match="already exists; use --force"):
        write_file(target, "three")
    assert target.read_bytes() == b"one\r\ntwo\n"
    write_file(target, "three", force=True)
    assert target.read_text(encoding="utf-8") == "three"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]  # no temp file left


def test_write_file_refuses_a_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "elsewhere.txt")
    with pytest.raises(FileExistsError):
        write_file(link, "x")
    assert not (tmp_path / "elsewhere.txt").exists()


def test_write_file_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError, match="is a folder"):
        write_file(tmp_path, "x")
    with pytest.raises(FileNotFoundError, match="no such folder"):
        write_file(tmp_path / "missing" / "out.txt", "x")


def test_write_export_into_a_file_is_a_clear_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    with pytest.raises(NotADirectoryError, match="is a file, not a folder"):
        write_export(minimal_release(), not_a_folder)


@pytest.mark.parametrize("width", range(30, 73))
def test_french_spacing_never_breaks_at_guillemets_or_colons(width: int) -> None:
    body = (
        "Le projet « Coopération transfrontalière et santé » a été présenté : il vise "
        "les zones frontalières ; pourquoi ? Parce que « tout commence là » ! Fin."
    )
    text = release_text(Release(title="T", body=body), width=width)
    check_plain_text(text, width=width)
    for line in text.splitlines():
        assert not line.endswith(("«", "‹")), line
        assert not line.startswith(("»", ":", ";", "!", "?")), line
    assert " ".join(body.split()) in " ".join(text.split())


def test_dateline_that_repeats_the_country_is_not_shown_twice() -> None:
    release = Release(
        title="T", body="b", country="CI", country_name="Côte d'Ivoire", dateline="Côte d’Ivoire"
    )
    assert "sans date · Côte d'Ivoire (CI)\n" in release_text(release)
    assert "Dateline" not in release_markdown(release)


def test_markdown_underscores_inside_words_stay_readable() -> None:
    release = Release(title="snake_case", body="file_name, _emph_ et __fort__ a_", source="x_y.txt")
    markdown = release_markdown(release)
    assert "# snake_case" in markdown and "x_y.txt" in markdown
    assert "file_name, \\_emph\\_ et \\_\\_fort\\_\\_ a\\_" in markdown
    html = MD.render(markdown)
    assert "<em>" not in html and "<strong>fort" not in html
    assert "file_name, _emph_ et __fort__ a_" in html
