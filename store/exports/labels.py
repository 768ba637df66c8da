"""The words an export adds around a release, in the release's own language (fr, en, es).

Exports and vCards speak the language of the release they come from, whatever the interface
language: a French release exported for a French report reads "Financé par", "Tél.", "sans date".
Any other language gets the English words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ExportLabels:
    """Every word an export writes that does not come from the release itself."""

    colon: str  # after a label: ":" ("Date:"), " :" in French ("Date :")
    untitled: str
    undated: str
    estimated_date: str  # "{date} (date mentioned in the text)": only estimated from the body
    no_name: str
    contacts: str
    phone_line: str  # "Tel: {phone}"
    email_line: str
    funded_by: str  # "Funded by: {funders}"
    source_line: str
    release_line: str  # "Release id: {id}"
    date: str
    country: str
    dateline: str
    language: str
    source: str
    release: str
    name: str
    office: str
    phone: str
    email: str
    funders: str
    named_in_one: str  # vCard note heading, one release
    named_in_many: str  # ... several releases
    fallback_stem: str  # a file name when the title leaves nothing


ENGLISH = ExportLabels(
    colon=":",
    untitled="(untitled)",
    undated="undated",
    estimated_date="{date} (date mentioned in the text)",
    no_name="(no name)",
    contacts="Contacts",
    phone_line="Tel: {phone}",
    email_line="Email: {email}",
    funded_by="Funded by: {funders}",
    source_line="Source: {source}",
    release_line="Release id: {id}",
    date="Date",
    country="Country",
    dateline="Dateline",
    language="Language",
    source="Source",
    release="Release id",
    name="Name",
    office="Office",
    phone="Phone",
    email="Email",
    funders="Funders",
    named_in_one="Named in the IOM press release:",
    named_in_many="Named in the IOM press releases:",
    fallback_stem="release",
)

FRENCH = ExportLabels(
    colon=" :",
    untitled="(sans titre)",
    undated="sans date",
    estimated_date="{date} (date citée dans le texte)",
    no_name="(sans nom)",
    contacts="Contacts",
    phone_line="Tél. : {phone}",
    email_line="Courriel : {email}",
    funded_by="Financé par : {funders}",
    source_line="Source : {source}",
    release_line="Communiqué : {id}",
    date="Date",
    country="Pays",
    dateline="Lieu",
    language="Langue",
    source="Source",
    release="Communiqué",
    name="Nom",
    office="Bureau",
    phone="Téléphone",
    email="Courriel",
    funders="Financé par",
    named_in_one="Cité dans le communiqué de presse de l’OIM :",
    named_in_many="Cité dans les communiqués de presse de l’OIM :",
    fallback_stem="communiqué",
)

SPANISH = ExportLabels(
    colon=":",
    untitled="(sin título)",
    undated="sin fecha",
    estimated_date="{date} (fecha mencionada en el texto)",
    no_name="(sin nombre)",
    contacts="Contactos",
    phone_line="Tel.: {phone}",
    email_line="Correo: {email}",
    funded_by="Financiado por: {funders}",
    source_line="Fuente: {source}",
    release_line="Comunicado: {id}",
    date="Fecha",
    country="País",
    dateline="Lugar",
    language="Idioma",
    source="Fuente",
    release="Comunicado",
    name="Nombre",
    office="Oficina",
    phone="Teléfono",
    email="Correo",
    funders="Financiado por",
    named_in_one="Mencionado en el comunicado de prensa de la OIM:",
    named_in_many="Mencionado en los comunicados de prensa de la OIM:",
    fallback_stem="comunicado",
)

LABELS = {"en": ENGLISH, "fr": FRENCH, "es": SPANISH}


def export_language(language: str | None) -> str:
    """The export language for a release language ("fr-CA" is French; unknown is English)."""
    code = (language or "").strip().lower()[:2]
    return code if code in LABELS else "en"


def labels_for(language: str | None) -> ExportLabels:
    """The export words for a release written in ``language``."""
    return LABELS[export_language(language)]


def majority_language(languages: Iterable[str | None]) -> str:
    """The export language most of ``languages`` speak (ties: the first seen); English if none."""
    counts = Counter(export_language(language) for language in languages)
    return counts.most_common(1)[0][0] if counts else "en"
