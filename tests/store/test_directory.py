"""Who is one person in the contact directory: merged across releases by e-mail, by name when
no e-mail disagrees, and by name and a shared phone line when the e-mails differ."""

from __future__ import annotations

from oim_archive.store.directory import build_directory
from oim_archive.store.records import Contact
from tests.conftest import make_release


def _directory(*contacts: Contact) -> list[tuple[str, list[str], list[str], int]]:
    releases = [
        make_release(f"Communiqué numéro {n}", contacts=[contact], date=f"2021-0{n + 1}-01")
        for n, contact in enumerate(contacts)
    ]
    return [(e.name, e.phones, e.emails, len(e.releases)) for e in build_directory(releases)]


def test_the_same_email_is_one_person() -> None:
    found = _directory(
        Contact("Fatou Sarr", "OIM Dakar", ["+221774501234"], ["fsarr@iom.int"]),
        Contact("F. Sarr", None, [], ["FSarr@iom.int"]),
    )
    assert found == [("Fatou Sarr", ["+221774501234"], ["fsarr@iom.int"], 2)]


def test_the_same_name_without_a_conflicting_email_is_one_person() -> None:
    found = _directory(
        Contact("Fatou Sarr", "OIM Dakar", [], ["fsarr@iom.int"]),
        Contact("Fatou Sarr", "OIM Dakar", ["+221774501234"], []),
    )
    assert found == [("Fatou Sarr", ["+221774501234"], ["fsarr@iom.int"], 2)]


def test_the_same_name_with_other_emails_and_other_phones_stays_two_people() -> None:
    found = _directory(
        Contact("Aminata Ndiaye", "OIM Sénégal", ["+221338696200"], ["amndiaye@iom.int"]),
        Contact("Aminata Ndiaye", "OIM Mali", ["+22320221000"], ["andiaye@iom.int"]),
    )
    assert len(found) == 2


def test_the_same_name_and_a_shared_phone_line_is_one_person_with_both_emails() -> None:
    found = _directory(
        Contact("Aminata Ndiaye", "OIM Sénégal", ["+221338696200"], ["amndiaye@iom.int"]),
        Contact("Aminata Ndiaye", "OIM Sénégal", ["+221338696200"], ["andiaye@iom.int"]),
    )
    assert found == [
        ("Aminata Ndiaye", ["+221338696200"], ["amndiaye@iom.int", "andiaye@iom.int"], 2)
    ]


def test_a_shared_phone_line_alone_never_merges_two_names() -> None:
    found = _directory(
        Contact("Aminata Ndiaye", "OIM Sénégal", ["+221338696200"], ["andiaye@iom.int"]),
        Contact("Fatou Sarr", "OIM Sénégal", ["+221338696200"], ["fsarr@iom.int"]),
    )
    assert [name for name, *_ in found] == ["Aminata Ndiaye", "Fatou Sarr"]
