"""The preferences file: defaults, a round trip through TOML, damaged files ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from oim_archive.preferences import (
    Preferences,
    export_dir,
    load_preferences,
    preferences_path,
    render_toml,
    save_preferences,
)


def test_missing_file_gives_defaults(tmp_path: Path):
    assert load_preferences(tmp_path / "none.toml") == Preferences()


def test_round_trip_keeps_every_value_including_awkward_paths(tmp_path: Path):
    prefs = Preferences(
        theme="light",
        sort="title",
        export_dir='C:\\Users\\Awa "A"\\Docs',
        last_import_dir="/home/awa/Téléchargements\tx",
        language="fr",
    )
    path = save_preferences(prefs, tmp_path / "sub" / "preferences.toml")
    assert load_preferences(path) == prefs
    assert 'theme = "light"' in path.read_text(encoding="utf-8")


def test_default_location_follows_the_environment(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("OIM_ARCHIVE_CONFIG", str(tmp_path))
    assert preferences_path() == tmp_path / "preferences.toml"
    save_preferences(Preferences(sort="oldest"))
    assert load_preferences().sort == "oldest"


@pytest.mark.parametrize(
    "text",
    ['theme = "light', "\xff\xfe", 'theme = 3\nsort = "sideways"', "[[x]]\nsort='a'"],
)
def test_damaged_or_invalid_values_fall_back_to_defaults(tmp_path: Path, text: str):
    path = tmp_path / "preferences.toml"
    path.write_bytes(text.encode("latin-1"))
    prefs = load_preferences(path)
    assert prefs.theme == "dark" and prefs.sort == "newest"


def test_unknown_keys_are_ignored_and_unset_values_not_written(tmp_path: Path):
    path = tmp_path / "preferences.toml"
    path.write_text('future = "x"\nlanguage = "es"\n', encoding="utf-8")
    assert load_preferences(path) == Preferences(language="es")
    assert "export_dir" not in render_toml(Preferences())


def test_export_dir_is_the_chosen_one_else_a_user_folder(tmp_path: Path):
    assert export_dir(Preferences(export_dir=str(tmp_path))) == tmp_path
    default = export_dir(Preferences())
    assert default.name == "oim-archive" and default.is_absolute()
    assert Path.cwd() != default.parent
