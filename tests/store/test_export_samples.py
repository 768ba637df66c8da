"""Exports of the five real sample pages, through the real importer: golden txt and md files.

When the importer's output changes on purpose, regenerate with
``UPDATE_GOLDEN=1 pytest tests/store/test_export_samples.py`` and read every diff by eye.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import vobject

from oim_archive.importers import parse_page
from oim_archive.store.directory import build_directory
from oim_archive.store.exports.bundle import dump_bundle, read_bundle
from oim_archive.store.exports.filenames import export_stem
from oim_archive.store.exports.render import (
    release_json,
    release_markdown,
    release_text,
    write_export,
)
from oim_archive.store.exports.vcard import contacts_vcard
from oim_archive.store.file.archive import Archive
from oim_archive.store.records import Release
from tests.store.test_export import MD, assert_golden, check_plain_text

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "sample_data"
SAMPLE_FILES = sorted(p.name for p in SAMPLE_DIR.glob("*.txt"))


def sample_release(name: str) -> Release:
    releases = parse_page((SAMPLE_DIR / name).read_bytes(), name)
    assert len(releases) == 1, f"{name}: expected one release"
    return releases[0]


def all_samples() -> list[Release]:
    return [sample_release(name) for name in SAMPLE_FILES]


def test_there_are_five_samples() -> None:
    assert len(SAMPLE_FILES) == 5


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_sample_text_golden(name: str) -> None:
    release = sample_release(name)
    text = release_text(release)
    check_plain_text(text)
    assert_golden(f"samples/{Path(name).stem}.txt", text)


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_sample_markdown_golden(name: str) -> None:
    release = sample_release(name)
    markdown = release_markdown(release)
    html = MD.render(markdown)
    assert html.count("<h1>") == 1
    assert "<script" not in html and "<em>" not in html
    assert_golden(f"samples/{Path(name).stem}.md", markdown)


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_sample_text_holds_every_contact(name: str) -> None:
    release = sample_release(name)
    text = release_text(release)
    for contact in release.contacts:
        assert contact.name in text
        for value in (*contact.phones, *contact.emails):
            assert value in text
    assert release.source in text


def test_sample_exports_get_distinct_safe_names(tmp_path: Path) -> None:
    releases = all_samples()
    paths = [write_export(r, tmp_path, "md") for r in releases]
    assert len({p.name for p in paths}) == 5
    for release, path in zip(releases, paths, strict=True):
        assert path.name.startswith(export_stem(release)[:20])
        assert path.read_text(encoding="utf-8") == release_markdown(release)


def test_sample_contacts_as_vcard() -> None:
    releases = all_samples()
    entries = build_directory(releases)
    assert entries, "the sample pages name contacts"
    titles = {r.id: r.title for r in releases}
    text = contacts_vcard(entries, titles, {r.id: r.language for r in releases})
    assert "Cité dans le" in text  # the sample pages are French: the notes are too
    cards = list(vobject.readComponents(text, validate=True))
    assert len(cards) == len(entries)
    by_name = {card.fn.value: card for card in cards}
    for entry in entries:
        card = by_name[entry.name]
        assert [t.value for t in card.contents.get("tel", [])] == entry.phones
        assert [e.value for e in card.contents.get("email", [])] == entry.emails
        assert card.n.value.family and card.n.value.family in entry.name
    flavio = by_name["Flavio Di Giacomo"]
    assert (flavio.n.value.family, flavio.n.value.given) == ("Di Giacomo", "Flavio")
    assert_golden("samples/contacts.vcf", text)


def test_sample_bundle_round_trip(tmp_path: Path) -> None:
    source = Archive(tmp_path / "a.json")
    source.add(all_samples())
    bundle = tmp_path / "samples.jsonl"
    assert dump_bundle(source.releases(), bundle) == 5
    target = Archive(tmp_path / "b.json")
    assert len(target.add(read_bundle(bundle.read_bytes(), bundle.name)).added) == 5
    assert len(target.add(read_bundle(bundle.read_bytes(), bundle.name)).added) == 0
    assert [release_json(r) for r in target.releases()] == [
        release_json(r) for r in source.releases()
    ]
