"""Rules from the seventeenth gathering of real pages (issue 13): country judgments."""

from __future__ import annotations

from oim_archive.importers import parse_page
from oim_archive.importers.chrome import is_header, is_label, normalise_label


def test_two_page_headers_joined_are_a_header() -> None:
    assert is_label("Noticias y comunicados")
    assert is_label("News and press releases")
    assert is_label("Actualités et communiqués")
    assert is_header(normalise_label("Noticias"))


def test_words_joined_that_are_not_headers_are_no_header() -> None:
    assert not is_label("Migrants and refugees")
    assert not is_label("Salud y migración")
    assert not is_header(normalise_label("News and weather in Panama"))


_JOINED_HEADER_RELEASE = """Noticias y comunicados
Global

La OIM apoya a las familias desplazadas por las lluvias en el norte del país

Tegucigalpa – La Organización Internacional para las Migraciones (OIM) entregó hoy kits de higiene y colchonetas a 300 familias desplazadas por las lluvias.

Las familias se alojan en escuelas y centros comunales de tres municipios, dijo la OIM.
"""


def test_a_joined_header_over_a_headline_is_not_the_title() -> None:
    (release,) = parse_page(_JOINED_HEADER_RELEASE.encode(), "joined.txt")
    assert release.title.startswith("La OIM apoya a las familias desplazadas")


def test_a_headline_joining_two_ordinary_words_stays_the_title() -> None:
    page = _JOINED_HEADER_RELEASE.replace("Noticias y comunicados\nGlobal\n\n", "").replace(
        "La OIM apoya a las familias desplazadas por las lluvias en el norte del país",
        "Migrantes y refugiados",
    )
    (release,) = parse_page(page.encode(), "plain.txt")
    assert release.title == "Migrantes y refugiados"
