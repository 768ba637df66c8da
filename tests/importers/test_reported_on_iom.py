"""A news site's article about IOM names or cites IOM as a journalist does ("l'agence
onusienne", "…, précise l'OIM", "el organismo de la ONU"): refused as not a release, while
IOM's own releases, which name IOM with capitals and speak through their people, stay
releases (issue 13, "Not every file is a release")."""

from __future__ import annotations

import pytest

from oim_archive.importers import ImportRefused, parse_page

NEWS_PAGES = [
    # A francophone news site retelling what IOM said, IOM as "the UN agency".
    "Actualités du Niger\n\nMigration : l'OIM a aidé 10.000 migrants à rentrer\n\n"
    "L'Organisation internationale pour les migrations (OIM) au Niger a annoncé vendredi "
    "avoir aidé plus de 10.000 migrants à rentrer chez eux cette année.\n\n"
    "Selon le porte-parole de l'agence onusienne, ces migrants viennent surtout du Mali.\n",
    # IOM cited after a comma, as a source.
    "Business News | Actualités\n\nOIM : retour volontaire de 150 migrants guinéens\n\n"
    "L'Organisation internationale pour les migrations a organisé mardi un nouveau vol de "
    "retour vers Conakry pour 150 ressortissants guinéens.\n\n"
    "Les migrants ont reçu un hébergement et un examen médical avant le départ, précise l'OIM.\n",
    # The same in Spanish.
    "Noticias | Sociedad\n\nMás de 300 migrantes retornan a Honduras\n\n"
    "Más de 300 migrantes hondureños retornaron esta semana desde México con el apoyo del "
    "organismo, que les entregó alimentos y kits de higiene.\n\n"
    "Los retornos seguirán durante todo el mes, señaló la OIM en su sitio.\n",
]

IOM_RELEASES = [
    # IOM's own French release: its name with capitals, its people quoted, a dateline.
    "L'OIM aide 300 migrants à rentrer au Mali\n\n"
    "Niamey – L'OIM, l'Agence des Nations Unies pour les migrations, a aidé 300 migrants "
    "maliens à rentrer chez eux ce mois-ci.\n\n"
    "« Nous poursuivons notre appui », a déclaré Awa Ndiaye, cheffe de mission de l'OIM.\n",
    # No dateline, but IOM tells its own news; UNHCR is "the UN refugee agency".
    "IOM and UNHCR Help Families Return Home\n\n"
    "IOM and UNHCR, the UN refugee agency, helped 120 families return home this week, "
    "IOM's Director General said today.\n\nThe returns will continue in May.\n",
]


@pytest.mark.parametrize("page", NEWS_PAGES)
def test_a_news_article_citing_iom_is_refused(page: str) -> None:
    with pytest.raises(ImportRefused, match="article about IOM"):
        parse_page(page.encode(), "news.txt")


@pytest.mark.parametrize("page", IOM_RELEASES)
def test_iom_naming_itself_stays_a_release(page: str) -> None:
    assert len(parse_page(page.encode(), "release.txt")) == 1


def test_an_epithet_under_a_dateline_stays_a_release() -> None:
    page = (
        "IOM Helps Stranded Migrants in Agadez\n\n"
        "Agadez – IOM has helped 500 stranded migrants this week, said the head of the UN "
        "migration agency's office in Agadez, Ana Silva.\n"
    )
    assert len(parse_page(page.encode(), "release.txt")) == 1
