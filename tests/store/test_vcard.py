"""vCard 3.0 export: every card parses back (vobject) with the right names, phones and emails."""

from __future__ import annotations

import pytest
import vobject

from oim_archive.store.directory import DirectoryEntry, build_directory
from oim_archive.store.exports.vcard import (
    contacts_vcard,
    escape_text,
    fold_line,
    split_name,
    split_office,
)
from oim_archive.store.records import Contact, Release

LONG_TITLE = (
    "L’OIM et le Gouvernement italien lancent un programme de retour volontaire assisté et de "
    "réintégration pour les migrants bloqués en Libye, au Niger et au Tchad"
)


def sample_releases() -> list[Release]:
    return [
        Release(
            title=LONG_TITLE,
            body="Rome – texte.",
            date="2017-05-02",
            contacts=[
                Contact("Flavio Di Giacomo", "OIM Rome", ["+390644186207"], ["fdigiacomo@iom.int"]),
                Contact("Laurence Hart", "OIM Tripoli", ["+218913832596"], ["lhart@iom.int"]),
            ],
        ),
        Release(
            title="Formation, « traite » ; suite \\ fin",
            body="Tunis – texte.",
            date="2019-09-24",
            contacts=[
                Contact(
                    "Flavio Di Giacomo",
                    "Porte-parole, OIM Rome",
                    ["+390644186207"],
                    ["FDiGiacomo@iom.int"],
                ),
                Contact("Smith; Jr, \\ Anne", "Cellule A, Unité ; B", [], ["anne@iom.int"]),
            ],
        ),
    ]


def export_sample() -> tuple[str, list[Release]]:
    releases = sample_releases()
    entries = build_directory(releases)
    titles = {r.id: r.title for r in releases}
    return contacts_vcard(entries, titles), releases


def parse_cards(text: str) -> dict[str, vobject.base.Component]:
    cards = list(vobject.readComponents(text, validate=True))
    return {card.fn.value: card for card in cards}


def test_every_card_parses_back_with_names_phones_emails() -> None:
    text, _ = export_sample()
    cards = parse_cards(text)
    assert set(cards) == {"Flavio Di Giacomo", "Laurence Hart", "Smith; Jr, \\ Anne"}
    flavio = cards["Flavio Di Giacomo"]
    assert flavio.version.value == "3.0"
    assert (flavio.n.value.family, flavio.n.value.given) == ("Di Giacomo", "Flavio")
    assert [t.value for t in flavio.contents["tel"]] == ["+390644186207"]
    assert flavio.tel.params["TYPE"] == ["work"]
    assert [e.value for e in flavio.contents["email"]] == ["fdigiacomo@iom.int"]
    assert flavio.email.params["TYPE"] == ["work"]
    assert flavio.org.value == ["OIM Rome"]
    laurence = cards["Laurence Hart"]
    assert (laurence.n.value.family, laurence.n.value.given) == ("Hart", "Laurence")
    assert laurence.tel.value == "+218913832596" and laurence.email.value == "lhart@iom.int"


def test_one_card_per_person_and_note_names_every_release() -> None:
    text, _ = export_sample()
    assert text.count("BEGIN:VCARD\r\n") == 3 and text.count("END:VCARD\r\n") == 3
    note = parse_cards(text)["Flavio Di Giacomo"].note.value
    assert LONG_TITLE in note  # the long NOTE folded and unfolded intact
    assert "Formation, « traite » ; suite \\ fin" in note  # escaped , ; \ come back


def test_escaping_of_name_and_office() -> None:
    text, _ = export_sample()
    assert "FN:Smith\\; Jr\\, \\\\ Anne\r\n" in text
    card = parse_cards(text)["Smith; Jr, \\ Anne"]
    assert card.org.value == ["Cellule A, Unité ; B"]
    assert not card.contents.get("tel")


def test_crlf_line_ends_and_folding_at_75_octets() -> None:
    text, _ = export_sample()
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert "\r" not in text.replace("\r\n", "")
    raw_lines = text.encode("utf-8").split(b"\r\n")[:-1]
    assert max(len(line) for line in raw_lines) <= 75
    continuation = [line for line in raw_lines if line.startswith(b" ")]
    assert continuation, "the long NOTE must be folded"
    for line in raw_lines:
        line.decode("utf-8")  # no UTF-8 character split across a fold


def test_fold_line_never_splits_a_character() -> None:
    line = "NOTE:" + "é🌍a" * 60
    folded = fold_line(line)
    physical = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in physical)
    assert all(p.startswith(" ") for p in physical[1:])
    assert "".join([physical[0], *(p[1:] for p in physical[1:])]) == line
    assert fold_line("FN:short") == "FN:short"


def test_escape_text() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


@pytest.mark.parametrize(
    ("name", "family", "given", "prefix"),
    [
        ("Flavio Di Giacomo", "Di Giacomo", "Flavio", ""),
        ("Laurence Hart", "Hart", "Laurence", ""),
        ("Anita Kassem", "Kassem", "Anita", ""),
        ("Jean-Pierre de la Fontaine", "de la Fontaine", "Jean-Pierre", ""),
        ("Ludwig van Beethoven", "van Beethoven", "Ludwig", ""),
        ("Flavio DI GIACOMO", "DI GIACOMO", "Flavio", ""),
        ("DIOP Awa", "DIOP", "Awa", ""),
        ("Di Giacomo, Flavio", "Di Giacomo", "Flavio", ""),
        ("Mme Awa Diop", "Diop", "Awa", "Mme"),
        ("Dr. J. R. Smith", "Smith", "J. R.", "Dr."),
        ("Madonna", "Madonna", "", ""),
        ("  ", "", "", ""),
    ],
)
def test_split_name(name: str, family: str, given: str, prefix: str) -> None:
    assert split_name(name) == (family, given, prefix)


@pytest.mark.parametrize(
    ("office", "org", "title"),
    [
        ("OIM Rome", "OIM Rome", ""),
        ("Porte-parole, OIM Rome", "OIM Rome", "Porte-parole"),
        ("Spokesperson, IOM Geneva", "IOM Geneva", "Spokesperson"),
        ("Chargée de communication", "Chargée de communication", ""),
        ("", "", ""),
    ],
)
def test_split_office(office: str, org: str, title: str) -> None:
    assert split_office(office) == (org, title)


def test_title_from_office_and_hostile_values_are_clean() -> None:
    entry = DirectoryEntry(
        name="Eve\x1b[31m Mallory\nBEGIN:VCARD",
        office="Spokesperson, IOM Geneva",
        phones=["+41 22 717 91 11", "\x1b[2J"],
        emails=["eve@iom.int\r\nEND:VCARD"],
        releases=["unknownid"],
    )
    text = contacts_vcard([entry], {})
    lines = text.split("\r\n")
    assert "\x1b" not in text and lines.count("BEGIN:VCARD") == 1 and lines.count("END:VCARD") == 1
    (card,) = vobject.readComponents(text, validate=True)
    assert card.fn.value == "Eve Mallory BEGIN:VCARD"
    assert card.title.value == "Spokesperson" and card.org.value == ["IOM Geneva"]
    assert [t.value for t in card.contents["tel"]] == ["+41227179111"]
    assert "unknownid" in card.note.value  # a release missing from the titles is named by id


def test_card_without_a_name_uses_the_email() -> None:
    entry = DirectoryEntry(name="", emails=["press@iom.int"], releases=[])
    (card,) = vobject.readComponents(contacts_vcard([entry], {}), validate=True)
    assert card.fn.value == "press@iom.int"
    assert "note" not in card.contents


def test_stable_uid_and_empty_input() -> None:
    first, _ = export_sample()
    second, _ = export_sample()
    assert first == second
    uids = [c.uid.value for c in vobject.readComponents(first)]
    assert len(set(uids)) == 3
    assert contacts_vcard([], {}) == ""


@pytest.mark.parametrize(
    ("languages", "heading"),
    [
        ({"r1": "fr"}, "Cité dans le communiqué de presse de l’OIM :"),
        ({"r1": "es"}, "Mencionado en el comunicado de prensa de la OIM:"),
        ({"r1": "en"}, "Named in the IOM press release:"),
        (None, "Named in the IOM press release:"),
    ],
)
def test_vcard_note_speaks_the_release_language(
    languages: dict[str, str] | None, heading: str
) -> None:
    entry = DirectoryEntry(name="Awa Diop", office=None, phones=[], emails=[], releases=["r1"])
    (card,) = vobject.readComponents(contacts_vcard([entry], {"r1": "T"}, languages))
    assert card.note.value.splitlines()[0] == heading


def test_vcard_note_follows_most_of_the_releases() -> None:
    entry = DirectoryEntry(
        name="Awa Diop", office=None, phones=[], emails=[], releases=["a", "b", "c"]
    )
    languages = {"a": "en", "b": "es", "c": "es"}
    (card,) = vobject.readComponents(contacts_vcard([entry], {}, languages))
    assert card.note.value.startswith("Mencionado en los comunicados de prensa de la OIM:")
