"""Interface language: where it comes from, the catalogs, plural forms and numbers per language."""

from __future__ import annotations

import gettext
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from oim_archive import i18n
from oim_archive.i18n import (
    LANGUAGES,
    LOCALE_DIR,
    choose_language,
    format_number,
    language_code,
    language_from_locale,
    language_from_preferences,
)

TRANSLATED = [language for language in LANGUAGES if language != "en"]


@pytest.fixture
def no_preferences(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The preferences file lives in an empty temporary folder."""
    monkeypatch.setenv("OIM_ARCHIVE_CONFIG", str(tmp_path))
    return tmp_path / "preferences.toml"


@pytest.fixture
def restore_language() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("fr", "fr"),
        ("fr_FR.UTF-8", "fr"),
        ("fr_CA", "fr"),
        ("es-419", "es"),
        ("es_ES@euro", "es"),
        ("EN", "en"),
        ("de_DE.UTF-8", None),
        ("", None),
        (None, None),
        ("C.UTF-8", None),
    ],
)
def test_language_codes(value: str | None, expected: str | None) -> None:
    assert language_code(value) == expected


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "es_MX.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "fr_FR.UTF-8", "LC_ALL": "es_ES.UTF-8"}, "es"),
        ({"LANG": "fr_FR.UTF-8", "LC_ALL": "C.UTF-8"}, None),  # LC_ALL wins, and it is C
        ({"LANGUAGE": "de:es:fr", "LANG": "fr_FR.UTF-8"}, "es"),  # first supported of the list
        ({"LANGUAGE": "de", "LANG": "fr_FR.UTF-8"}, None),  # gettext stops at the first set
        ({"LANGUAGE": "C:fr"}, None),
        ({"LANG": ""}, None),
        ({}, None),
    ],
)
def test_locale_variables_read_as_gettext_does(environ: dict[str, str], expected: str) -> None:
    assert language_from_locale(environ) == expected


def test_order_lang_option_then_env_then_preferences_then_locale(no_preferences: Path) -> None:
    environ = {"OIM_ARCHIVE_LANG": "es", "LANG": "fr_FR.UTF-8"}
    assert choose_language("en", environ) == "en"
    assert choose_language(None, environ) == "es"
    assert choose_language(None, {"LANG": "fr_FR.UTF-8"}) == "fr"
    no_preferences.write_text('language = "es"\n', encoding="utf-8")
    assert choose_language(None, {"LANG": "fr_FR.UTF-8"}) == "es"
    assert choose_language(None, {"OIM_ARCHIVE_LANG": "fr"}) == "fr"
    assert choose_language("xx", {"OIM_ARCHIVE_LANG": "zz", "LANG": "de_DE"}) == "es"
    no_preferences.unlink()
    assert choose_language(None, {"LANG": "C.UTF-8"}) == "en"
    assert choose_language(None, {}) == "en"


@pytest.mark.parametrize(
    "text",
    ["language = 42\n", "language = [\n", "\xff\xfe", 'language = "klingon"\n', "other = 1\n"],
)
def test_a_bad_preferences_file_is_no_language(tmp_path: Path, text: str) -> None:
    path = tmp_path / "preferences.toml"
    path.write_bytes(text.encode("latin-1"))
    assert language_from_preferences(path) is None
    assert language_from_preferences(tmp_path / "missing.toml") is None
    assert language_from_preferences(tmp_path) is None  # a folder, not a file


def test_a_locale_that_is_not_installed_still_gives_french(tmp_path: Path) -> None:
    """Minimal containers have only C.UTF-8: fr_FR.UTF-8 is not installed, nothing crashes."""
    code = (
        "from oim_archive.i18n import set_language, ngettext\n"
        "print(set_language(), ngettext('{count} release', '{count} releases', 2))\n"
    )
    env = {"PATH": "/usr/bin:/bin", "LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8"}
    env["HOME"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.split()[0] == "fr"
    assert "Traceback" not in result.stderr


@pytest.mark.usefixtures("restore_language")
@pytest.mark.parametrize(
    ("language", "one", "two", "zero"),
    [
        ("en", "1 release", "2 releases", "0 releases"),
        ("fr", "1 communiqué", "2 communiqués", "0 communiqué"),
        ("es", "1 comunicado", "2 comunicados", "0 comunicados"),
    ],
)
def test_plural_forms(language: str, one: str, two: str, zero: str) -> None:
    i18n.set_language(language)

    def releases(count: int) -> str:
        return i18n.ngettext("{count} release", "{count} releases", count).format(count=count)

    assert (releases(1), releases(2), releases(0)) == (one, two, zero)


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("en", 10017, "10,017"),
        ("fr", 10017, "10\u202f017"),
        ("es", 10017, "10.017"),
        ("en", 1234567, "1,234,567"),
        ("fr", 1234567, "1\u202f234\u202f567"),
        ("es", 1234567, "1.234.567"),
        ("en", 1000, "1,000"),
        ("fr", 1000, "1\u202f000"),
        ("es", 1000, "1000"),  # Spanish leaves four digits whole
        ("en", 999, "999"),
        ("fr", 0, "0"),
        ("en", -12345, "-12,345"),
    ],
)
def test_numbers_per_language(language: str, value: int, expected: str) -> None:
    assert format_number(value, language) == expected


def test_numbers_follow_the_interface_language(restore_language: None) -> None:
    i18n.set_language("fr")
    assert format_number(10017) == "10\u202f017"


def _po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalog_matches_its_source(language: str) -> None:
    """The committed .mo says what its .po says (else: run the README's update command)."""
    with _po_path(language).open("rb") as handle:
        catalog = read_po(handle, locale=language)
    mo = gettext.GNUTranslations(_po_path(language).with_suffix(".mo").open("rb"))
    checked = 0
    for message in catalog:
        if not message.id or not message.string or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            singular, plural = message.id[0], message.id[1]
            assert isinstance(message.string, tuple)
            assert mo.ngettext(singular, plural, 1) == message.string[0], singular
            assert mo.ngettext(singular, plural, 5) == message.string[1], singular
        else:
            assert mo.gettext(message.id) == message.string, message.id
        checked += 1
    assert checked > 0
    assert mo.info()["plural-forms"] == catalog.plural_forms


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["--lang", "fr", "--help"],
            ["utilisation : oim-archive", "afficher cette aide et quitter"],
        ),
        (["--help", "--lang", "es"], ["uso: oim-archive", "mostrar esta ayuda y salir"]),
        (["search", "--lang=fr"], ["erreur : arguments obligatoires manquants : QUERY"]),
        (["--lang", "fr", "search", "zzqx"], ["aucun communiqué ne correspond à 'zzqx'"]),
        (["--lang", "es", "contacts", "zzqx"], ["ningún contacto coincide con 'zzqx'"]),
    ],
)
def test_the_cli_speaks_the_chosen_language(
    tmp_path: Path, argv: list[str], expected: list[str]
) -> None:
    """--lang anywhere on the line: our texts and argparse's own ("usage:", its errors)."""
    archive = tmp_path / "archive.json"
    from oim_archive.store.file.archive import Archive
    from tests.conftest import hand_made_releases

    Archive(archive).add(hand_made_releases())
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "OIM_ARCHIVE_DB": str(archive)}
    result = subprocess.run(
        [sys.executable, "-m", "oim_archive", *argv], env=env, capture_output=True, text=True
    )
    for text in expected:
        assert text in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("language", "empty", "binary"),
    [
        ("fr", "fichier vide", "PDF endommagé (PdfStreamError)"),
        ("es", "archivo vacío", "PDF dañado (PdfStreamError)"),
    ],
)
def test_refusal_reasons_speak_the_interface_language(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    restore_language: None,
    language: str,
    empty: str,
    binary: str,
) -> None:
    """The importer's reasons are English in the JSON report, translated where a person reads."""
    from oim_archive.tui.cli import main

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "vide.txt").write_bytes(b"\n")
    (pages / "doc.pdf").write_bytes(b"%PDF-1.4 ...")
    db = tmp_path / "a.json"
    assert main(["--lang", language, "--db", str(db), "import", str(pages)]) == 2
    err = capsys.readouterr().err
    assert f"doc.pdf: {binary}\n" in err and f"vide.txt: {empty}\n" in err
    assert main(["--lang", language, "--db", str(db), "import", str(pages), "--json"]) == 2
    assert "empty file" in capsys.readouterr().out
