"""Rules from the twenty-fifth gathering of real pages (issue 13): the kind of a page."""

from __future__ import annotations

import pytest

from oim_archive.importers import ImportRefused, parse_page

# --- job notices as job boards write them -----------------------------------------------------

_RELEASE_OPENING = (
    "L'OIM forme des jeunes entrepreneurs à Agadez\n\n"
    "Agadez – L'Organisation internationale pour les migrations (OIM) a ouvert hier une formation "
    "pour 40 jeunes porteurs de projets, dans le cadre d'un projet financé par l'Union européenne.\n\n"
)


@pytest.mark.parametrize(
    "fields",
    [
        "Titre du Poste : 03 postes\n\nNiveau Requis : Master\n\nLieu du Travail : Niamey\n",
        "- Organization: IOM\n- Grade: UG\n- Closing Date:\n",
        "Estación de Trabajo: San Salvador\nDuración de la consultoría: 5 meses\n",
    ],
)
def test_job_board_fields_make_a_job_notice(fields: str) -> None:
    page = "L’OIM recrute (31 Octobre 2025)\n\nInformations sur l'emploi\n\n" + fields
    page += "\nL’OIM appuie le gouvernement dans la gestion des migrations depuis 2006.\n"
    with pytest.raises(ImportRefused, match="job notice"):
        parse_page(page.encode(), "job.txt")


def test_one_field_word_in_a_release_is_no_job_notice() -> None:
    page = _RELEASE_OPENING + "Lieu du travail : la formation se tient au centre de la jeunesse.\n"
    assert len(parse_page(page.encode(), "release.txt")) == 1


# --- calls for tenders -------------------------------------------------------------------------

_TENDER = (
    "CONVOCATORIA DE LICITACIÓN (ITB)\nKit Implementación de Albergues\n"
    "N.º de referencia de la ITB: 003-2024-PE00 | País: Perú | Emitida el: 02 junio 2024 |\n"
    "SECCIÓN 1: CARTA DE INVITACIÓN\n"
    "La OIM invita a los posibles licitantes a presentar una licitación, conforme a las "
    "Condiciones Generales de los Contratos.\n"
)


@pytest.mark.parametrize(
    "page",
    [
        _TENDER,
        "REQUEST FOR PROPOSALS\nRFP No.: TENF-02\nIOM invites eligible firms to submit a proposal "
        "for catering services at the reception centre.\n",
        "Appel d'offres\nSection 1 : Lettre d'invitation\nL'OIM invite les entreprises à soumettre "
        "une offre pour la réhabilitation de trois forages.\n",
    ],
)
def test_a_call_for_tenders_is_refused(page: str) -> None:
    with pytest.raises(ImportRefused, match="call for tenders"):
        parse_page(page.encode(), "tender.txt")


def test_a_release_about_a_call_for_proposals_is_kept() -> None:
    page = _RELEASE_OPENING + (
        "L'OIM a aussi lancé un appel d'offres pour la construction du centre; "
        "la lettre d'invitation a été envoyée à douze entreprises.\n"
    )
    assert len(parse_page(page.encode(), "release.txt")) == 1


# --- a message written in the first person ------------------------------------------------------

_MESSAGE = (
    "La migration est l'un des grands enjeux de notre temps, et la dignité est au cœur de notre "
    "mission depuis que l'Organisation existe et que ses équipes travaillent sur le terrain.\n\n"
    "Je suis arrivé depuis peu à la tête de l'Organisation internationale pour les migrations, "
    "une institution plus jeune que le phénomène qu'elle accompagne.\n\n"
    "Nous aussi, nous avons le choix : accueillir plutôt que rejeter.\n"
)
_REPORT = (
    "Le directeur général de l'Organisation internationale pour les migrations a plaidé pour des "
    "migrations sûres et dignes dans son message publié à l'occasion de la journée des migrants.\n\n"
    "« Nous réitérons notre appel à agir pour sauver des vies », écrit-il en rappelant que notre "
    "époque est celle de la migration.\n\n"
    "Selon lui, la migration est une force pour la dignité de tous les migrants du monde.\n"
)


def test_a_message_in_the_first_person_without_headline_is_kept() -> None:
    (release,) = parse_page(_MESSAGE.encode(), "message.txt")
    assert release.body.startswith("Je suis arrivé") or release.title.startswith("La migration")


def test_a_report_quoting_the_first_person_is_still_refused() -> None:
    with pytest.raises(ImportRefused, match="article about IOM"):
        parse_page(_REPORT.encode(), "report.txt")


# --- an office's presentation page ---------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        "La mission de l’OIM au Burkina Faso a été créée en 2014 et œuvre pour une migration sûre, "
        "humaine et ordonnée, en coordination avec les autorités et les partenaires locaux.\n\n"
        "La mission appuie le Gouvernement dans la gestion des frontières et la lutte contre la "
        "traite des personnes.\n\n"
        "L’OIM dispose d’un bureau principal à Ouagadougou et de sous-bureaux à Dori et Kaya.\n",
        "La OIM en Bolivia\n\nLa OIM inició sus actividades en Bolivia en 1972, en colaboración "
        "con socios gubernamentales.\n\nLa oficina desarrolla programas de retorno voluntario, de "
        "lucha contra la trata de personas y de migración laboral.\n",
    ],
)
def test_a_presentation_of_the_office_is_refused(page: str) -> None:
    with pytest.raises(ImportRefused, match="office presented"):
        parse_page(page.encode(), "about.txt")


def test_a_release_telling_the_office_history_is_kept() -> None:
    page = (
        "L'OIM ouvre un centre pour migrants à Dori\n\n"
        "L'OIM, qui est présente au Burkina Faso depuis 2014, a ouvert mardi un centre d'accueil "
        "pour les migrants de retour, a déclaré le chef de mission.\n"
    )
    assert len(parse_page(page.encode(), "release.txt")) == 1


# --- a biography -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        "Ugochi Daniels\n\nUgochi Daniels took office as Deputy Director General for Operations "
        "on 1 September 2021, bringing long experience of humanitarian work.\n\n"
        "She previously served with UNFPA in Japan.\n",
        "María Pérez Gómez\n\nEl 3 de marzo de 2020, María Pérez Gómez asumió sus funciones de "
        "Jefa de Misión de la OIM en Chile.\n\nAntes dirigió la oficina de la OIM en Bolivia.\n",
    ],
)
def test_a_biography_is_refused(page: str) -> None:
    with pytest.raises(ImportRefused, match="biography"):
        parse_page(page.encode(), "bio.txt")


@pytest.mark.parametrize(
    "page",
    [
        # A Title Case headline of a few words over a first sentence without the heading in it.
        "Reducing Irregular Migration\n\nThe Director General took office on 1 October and said "
        "on Monday that IOM would work with governments on regular pathways.\n",
        # A name heading over news about that person, not how the person took a post.
        "Amy Pope\n\nAmy Pope visited Cox's Bazar on Tuesday and met Rohingya refugees.\n",
    ],
)
def test_a_title_case_headline_or_a_visit_is_no_biography(page: str) -> None:
    assert len(parse_page(page.encode(), "release.txt")) == 1


# --- a note about a published statement ----------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        "Déclaration conjointe sur les enfants en déplacement\n\nPlusieurs agences des Nations Unies "
        "ont publié une déclaration conjointe qui appelle à mieux protéger les enfants migrants.\n\n"
        "Pour plus d’information, voir : Déclaration conjointe de l’OIM, du HCR et de l’UNICEF.\n",
        "Joint statement on protection at sea\n\nIOM, UNHCR and UNODC issued a joint statement "
        "calling on States in the region to let boats land.\n\nFor more information, see: Joint "
        "Statement by IOM, UNHCR and UNODC on Protection at Sea.\n",
    ],
)
def test_a_note_about_a_published_statement_is_refused(page: str) -> None:
    with pytest.raises(ImportRefused, match="published statement"):
        parse_page(page.encode(), "note.txt")


def test_a_release_citing_a_statement_with_a_dateline_is_kept() -> None:
    page = (
        "IOM and UNHCR Call for Safe Disembarkation\n\nGeneva – IOM and UNHCR issued a joint "
        "statement today calling for the 27 people rescued to be brought ashore.\n\n"
        "For more information, see: the joint statement on our website.\n"
    )
    assert len(parse_page(page.encode(), "release.txt")) == 1


def test_a_pointer_without_a_published_statement_is_no_note() -> None:
    page = (
        "L'OIM forme des journalistes à Dakar\n\nL'OIM a formé cette semaine onze journalistes "
        "sénégalais à la terminologie de la migration.\n\nPour plus d'information, voir : le guide "
        "de terminologie de l'OIM.\n"
    )
    assert len(parse_page(page.encode(), "release.txt")) == 1


# --- a speech page's own labels ------------------------------------------------------------------

_SPEECH = (
    "3rd Committee, 63rd Session of the UNGA, Agenda Item 39: Report of the High Commissioner\n\n"
    "Mr. Chairman, Distinguished Delegates,\n\n"
    "The International Organization for Migration (IOM) welcomes the chance to address the\n"
    "Committee on the Report of the High Commissioner for Refugees.\n"
)


def test_a_speech_pages_labels_are_no_headline() -> None:
    (release,) = parse_page(("Speeches and Talk\nDate Publish\n\n" + _SPEECH).encode(), "s.txt")
    assert release.title.startswith("3rd Committee, 63rd Session")
    assert release.body.startswith("Mr. Chairman, Distinguished Delegates,")


def test_a_sentence_naming_speeches_stays_in_the_body() -> None:
    page = _SPEECH + "\nSpeeches and talks of the Director General are published on the website.\n"
    (release,) = parse_page(page.encode(), "s.txt")
    assert release.body.rstrip().endswith("published on the website.")
