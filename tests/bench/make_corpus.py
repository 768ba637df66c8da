"""Deterministic synthetic corpus of raw release pages in the seed format (fr/en/es).

    python -m tests.bench.make_corpus OUT_DIR --n 10000 --seed 1

Each page has site chrome (one of several menus, or an old-style header), a title, an optional
dateline, a body (some hard-wrapped at ~60 columns), quotes, funders, dates written the way each
language writes them, and a contact block in one of the two shapes (one field per line with
broken mail links, or inline). `make_pages` returns (file name, bytes); `make_releases` returns
the same documents as structured `Release` records (the ground truth, for benchmarks that do not
want to pay for the importer).
"""

from __future__ import annotations

import argparse
import random
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from oim_archive.store.records import Contact, Release
from tests.bench import corpus_words as w

LANGUAGES = ("fr", "en", "es")
LANGUAGE_WEIGHTS = (0.5, 0.35, 0.15)
LANG_INDEX = {"fr": 0, "en": 1, "es": 2}

CHROME = {
    "fr": [
        "-\nQui sommes nous\nQui sommes nousL'Organisation internationale pour les migrations "
        "(OIM) œuvre pour une migration humaine et ordonnée au bénéfice de tous.\nStructure\n"
        "Structure\n- Structure organisationnelle\n- Directrice générale\n-\nNotre travail\n"
        "Notre travailL'OIM relie l'aide humanitaire et le développement durable.\n"
        "Ce que nous faisons\nCe que nous faisons\nPartenariats\nPartenariats\n"
        "- Où travaillons-nous\n-\nAgir\nAgir\n- Données et recherche\n- 2030 AGENDA\n",
        "-\nQui sommes nous\nQui sommes nousL'OIM accompagne les États et les migrants "
        "depuis 1951. L'OIM est présente {in_country} depuis {since}.\nÀ propos\nÀ propos\n"
        "OIM Global\nOIM Global\n-\nNotre travail\nNotre travailL'OIM soutient le Programme "
        "2030 {in_country}.\nCe que nous faisons\nCe que nous faisons\n"
        "Priorités transversales (globales)\nPriorités transversales (globales)\n"
        "- Données et ressources\n- Agir\n- 2030 Agenda\n",
        "Communiqué\nGlobal\n",
    ],
    "en": [
        "-\nWho We Are\nWho We AreThe International Organization for Migration (IOM) works for "
        "humane and orderly migration that benefits all.\nStructure\nStructure\n"
        "- Organizational Structure\n- Director General\n-\nOur Work\nOur WorkIOM links "
        "humanitarian action and sustainable development.\nWhat We Do\nWhat We Do\n"
        "Partnerships\nPartnerships\n-\nTake Action\nTake Action\n- Data and Research\n"
        "- 2030 Agenda\n",
        "Press Release\nGlobal\n",
    ],
    "es": [
        "-\nQuiénes somos\nQuiénes somosLa Organización Internacional para las Migraciones "
        "(OIM) trabaja por una migración humana y ordenada.\nEstructura\nEstructura\n-\n"
        "Nuestro trabajo\nNuestro trabajoLa OIM une la acción humanitaria y el desarrollo.\n"
        "Qué hacemos\nQué hacemos\n-\nActúa\nActúa\n- Datos e investigación\n- Agenda 2030\n",
        "Comunicado\nLocal\n",
    ],
}

TITLES = {
    "fr": [
        "L'OIM et {partner} renforcent {topic} {in_country}",
        "Formation sur {topic} pour {audience} {in_country}",
        "{n} migrants {demonym} rentrent chez eux depuis {city}",
        "Atelier régional sur {topic} à {city}",
        "{country_cap} : l'OIM lance le projet {project} sur {topic}",
        "Un séminaire pour débattre de {topic} à {city}",
        "{n} familles déplacées reçoivent une aide d'urgence {in_country}",
    ],
    "en": [
        "IOM and {partner} Strengthen {topic} in {country}",
        "Training on {topic} for {audience} in {country}",
        "{n} Migrants Return Home from {city}",
        "Regional Workshop on {topic} Opens in {city}",
        "IOM Launches {project} Project on {topic} in {country}",
        "{n} Displaced Families Receive Emergency Aid in {country}",
    ],
    "es": [
        "La OIM y {partner} fortalecen {topic} en {country}",
        "Capacitación sobre {topic} para {audience} en {country}",
        "{n} migrantes regresan a casa desde {city}",
        "Taller regional sobre {topic} en {city}",
        "La OIM lanza el proyecto {project} sobre {topic} en {country}",
    ],
}

SENTENCES = {
    "fr": [
        "L'OIM {in_country} a organisé {event} sur {topic} à {city} {date}.",
        "Cette activité a réuni {n} participants, dont {audience}, venus de {city} et de {city2}.",
        "La formation vise à renforcer les capacités des acteurs impliqués dans {topic}.",
        "Les participants ont travaillé sur des études de cas et sur l'identification des personnes vulnérables.",
        "Depuis le début du projet, {n} personnes ont bénéficié d'une assistance directe.",
        "« Nous devons agir ensemble pour que {topic} reste une priorité », déclare {person}, {role}.",
        "Le projet {project} est financé par {funder}.",
        "Les autorités locales de {city2} ont salué cette initiative et promis leur soutien.",
        "Une deuxième session est prévue {date2} à {city2}.",
        "Les équipes mobiles de l'OIM ont distribué des kits d'hygiène et des abris à {n} familles.",
        "Cette initiative s'inscrit dans le cadre d'un programme régional couvrant {country} et {country2}.",
        "Un guide pratique sur {topic} a été remis aux {n} participants.",
        "À {village}, près de {city}, {n} ménages ont reçu des semences et des outils agricoles.",
        "Selon les données collectées par l'OIM, {n} personnes ont franchi la frontière près de {village} au cours du dernier mois.",
        "{person}, {role}, a rappelé que la coopération entre {partner} et les communautés d'accueil est essentielle.",
        "Les sessions ont abordé le cadre juridique national, l'orientation des victimes et la coordination entre les services.",
        "Des consultations médicales gratuites ont été offertes à {n} migrants dans le centre de transit de {village}.",
        "Le comité de pilotage, présidé par {person}, se réunira de nouveau à {city2}.",
        "La campagne de sensibilisation a touché {n} jeunes dans les écoles de {village} et de {city}.",
        "Ce travail complète les efforts menés avec {partner} depuis plusieurs années.",
    ],
    "en": [
        "IOM in {country} held {event} on {topic} in {city} {date}.",
        "The activity brought together {n} participants, including {audience}, from {city} and {city2}.",
        "The training aims to build the skills of everyone working on {topic}.",
        "Participants worked through case studies and practised identifying vulnerable people.",
        "Since the project began, {n} people have received direct assistance.",
        "\u201cWe must act together to keep {topic} a priority,\u201d said {person}, {role}.",
        "The {project} project is funded by {funder}.",
        "Local authorities in {city2} welcomed the initiative and pledged their support.",
        "A second session is planned {date2} in {city2}.",
        "IOM mobile teams distributed hygiene kits and shelter materials to {n} families.",
        "The initiative is part of a regional programme covering {country} and {country2}.",
        "A practical guide on {topic} was handed to the {n} participants.",
        "In {village}, near {city}, {n} households received seeds and farming tools.",
        "According to data collected by IOM, {n} people crossed the border near {village} last month.",
        "{person}, {role}, stressed that cooperation between {partner} and host communities is essential.",
        "Sessions covered the national legal framework, referral of victims and coordination between services.",
        "Free medical consultations were offered to {n} migrants at the {village} transit centre.",
        "The steering committee, chaired by {person}, will meet again in {city2}.",
        "The awareness campaign reached {n} young people in schools in {village} and {city}.",
        "This work builds on years of effort with {partner}.",
    ],
    "es": [
        "La OIM en {country} organizó {event} sobre {topic} en {city} {date}.",
        "La actividad reunió a {n} participantes, entre ellos {audience}, de {city} y {city2}.",
        "La capacitación busca fortalecer las capacidades de quienes trabajan en {topic}.",
        "Los participantes analizaron casos prácticos y la identificación de personas vulnerables.",
        "Desde el inicio del proyecto, {n} personas recibieron asistencia directa.",
        "«Debemos actuar juntos para que {topic} siga siendo una prioridad», afirmó {person}, {role}.",
        "El proyecto {project} está financiado por {funder}.",
        "Las autoridades locales de {city2} celebraron la iniciativa y ofrecieron su apoyo.",
        "Una segunda sesión está prevista {date2} en {city2}.",
        "Los equipos móviles de la OIM entregaron kits de higiene y refugio a {n} familias.",
        "La iniciativa forma parte de un programa regional que abarca {country} y {country2}.",
        "En {village}, cerca de {city}, {n} hogares recibieron semillas y herramientas agrícolas.",
        "Según datos recopilados por la OIM, {n} personas cruzaron la frontera cerca de {village} el último mes.",
        "{person}, {role}, recordó que la cooperación entre {partner} y las comunidades de acogida es esencial.",
        "Las sesiones abordaron el marco jurídico nacional, la derivación de víctimas y la coordinación entre servicios.",
        "Se ofrecieron consultas médicas gratuitas a {n} migrantes en el centro de tránsito de {village}.",
        "El comité directivo, presidido por {person}, volverá a reunirse en {city2}.",
        "La campaña de sensibilización llegó a {n} jóvenes en las escuelas de {village} y {city}.",
    ],
}
EVENTS = {
    "fr": ["une formation", "un atelier", "une session de sensibilisation", "une table ronde"],
    "en": ["a training", "a workshop", "an awareness session", "a round table"],
    "es": ["una capacitación", "un taller", "una sesión de sensibilización", "una mesa redonda"],
}
CONTACT_INTRO = {
    "fr": [
        "Pour plus d'informations, veuillez contacter",
        "Pour plus d’informations, veuillez contacter",
    ],
    "en": ["For more information, please contact", "For further information please contact"],
    "es": ["Para más información, por favor contacte a", "Para más información, contactar a"],
}
PHONE_LABEL = {"fr": "Tél.", "en": "Tel", "es": "Tel."}
MAIL_LABEL = {"fr": ["E-mail", "Courriel"], "en": ["Email", "E-mail"], "es": ["Correo", "E-mail"]}
OR_WORD = {"fr": "ou", "en": "or", "es": "o"}
OFFICE_WORD = {"fr": "OIM", "en": "IOM", "es": "OIM"}


@dataclass(slots=True)
class _Doc:
    """One generated release: what the raw page says, in structured form."""

    language: str
    country: tuple[str, str, str, str, str, str, tuple[str, ...], str]
    title: str
    dateline: str | None
    paragraphs: list[str]
    date: str | None
    contacts: list[Contact] = field(default_factory=list)
    funders: list[str] = field(default_factory=list)
    printed_phones: list[list[str]] = field(default_factory=list)  # per contact, as on the page


def _date_text(rng: random.Random, language: str) -> tuple[str, str]:
    """A date as each language writes it in running text, and its ISO form."""
    year, month, day = rng.randint(2003, 2024), rng.randint(1, 12), rng.randint(1, 28)
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    if language == "fr":
        if rng.random() < 0.3:
            return f"les {day}, {day + 1} et {day + 2} {w.MONTHS_FR[month - 1]} {year}", iso
        return f"le {'1er' if day == 1 else day} {w.MONTHS_FR[month - 1]} {year}", iso
    if language == "en":
        return f"on {day} {w.MONTHS_EN[month - 1]} {year}", iso
    return f"el {day} de {w.MONTHS_ES[month - 1]} de {year}", iso


_SYLLABLES = w.words(
    "ka ma to ri sa ba lo di ne ku bo fa ga ha ji ko la mi na po ro su ta wa ya zu "
    "kou mba ndi sso tou gou dia ram bel sar mon tar vel dor gan kel mir"
)


def _coined(rng: random.Random, syllables: int) -> str:
    """A made-up proper noun (village, family name): real archives have a long tail of these."""
    word = "".join(rng.choice(_SYLLABLES) for _ in range(syllables))
    return word.capitalize()


def _person(rng: random.Random) -> str:
    last = rng.choice(w.LAST_NAMES) if rng.random() < 0.7 else _coined(rng, rng.randint(2, 3))
    return f"{rng.choice(w.FIRST_NAMES)} {last}"


def _number(rng: random.Random) -> str:
    return str(
        rng.choice([12, 25, 30, 42, 48, 60, 85, 120, 150, 300, 450, 1200, rng.randint(2, 5000)])
    )


def _phone(rng: random.Random, code: str) -> tuple[str, str]:
    """(as printed, E.164)."""
    digits = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    printed = f"+{code} {digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}"
    if rng.random() < 0.3:
        printed = f"+ {code} {digits[:2]} {digits[2:5]} {digits[5:]}"
    return printed, f"+{code}{digits}"


def _make_doc(rng: random.Random) -> _Doc:
    language = rng.choices(LANGUAGES, LANGUAGE_WEIGHTS)[0]
    li = LANG_INDEX[language]
    country, country2 = rng.sample(w.COUNTRIES, 2)
    _, name_fr, in_fr, name_en, name_es, demonym, cities, _ = country
    city, city2 = rng.sample(cities, 2)
    country_name = (name_fr, name_en, name_es)[li]
    partners = (w.PARTNERS, w.PARTNERS_EN, w.PARTNERS_ES)[li]
    roles = (w.ROLES_FR, w.ROLES_EN, w.ROLES_ES)[li]
    funder = rng.choice(w.FUNDERS)[li]
    date_text, date_iso = _date_text(rng, language)
    date2_text, date2_iso = _date_text(rng, language)
    slots = {
        "topic": rng.choice(w.TOPICS)[li],
        "audience": rng.choice(w.AUDIENCES)[li],
        "partner": rng.choice(partners),
        "in_country": in_fr,
        "country": country_name,
        "country_cap": country_name,
        "country2": (country2[1], country2[3], country2[4])[li],
        "city": city,
        "city2": city2,
        "demonym": demonym,
        "project": rng.choice(w.PROJECT_WORDS),
        "n": _number(rng),
        "village": _coined(rng, 3),
        "person": _person(rng),
        "role": rng.choice(roles),
        "funder": funder,
        "event": rng.choice(EVENTS[language]),
        "date": date_text if rng.random() < 0.85 else "",
        "date2": date2_text,
    }
    title = rng.choice(TITLES[language]).format(**slots)
    title = title[0].upper() + title[1:]
    templates = SENTENCES[language]
    first, rest = templates[0], templates[1:]
    chosen = [first, *rng.sample(rest, rng.randint(7, min(15, len(rest))))]
    sentences = []
    for template in chosen:
        slots.update(n=_number(rng), village=_coined(rng, rng.randint(2, 4)), person=_person(rng))
        sentences.append(" ".join(template.format(**slots).split()).replace(" .", "."))
    paragraphs: list[str] = []
    while sentences:
        take = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[:take]))
        sentences = sentences[take:]
    dateline = None
    if rng.random() < 0.6:
        dateline = rng.choice([city, city.upper(), f"{city}, {city2}"])
    funders = [funder] if any("{funder}" in t for t in chosen) else []
    contacts: list[Contact] = []
    printed: list[list[str]] = []
    for _ in range(rng.choice([0, 1, 1, 1, 2])):
        person = _person(rng)
        local = (person.split()[0][0] + person.split()[-1]).lower()
        local = local.translate(str.maketrans("éèëïíóáúñç", "eeeiioaunc"))
        phones = [_phone(rng, country[7]) for _ in range(rng.choice([1, 1, 2]))]
        printed.append([p for p, _ in phones])
        contacts.append(
            Contact(
                name=person,
                office=f"{OFFICE_WORD[language]} {city}",
                phones=[e164 for _, e164 in phones],
                emails=[f"{local}@iom.int"],
            )
        )
    if slots["date"]:
        date: str | None = date_iso
    else:
        date = date2_iso if any("{date2}" in t for t in chosen) else None
    doc = _Doc(language, country, title, dateline, paragraphs, date)
    doc.contacts, doc.funders, doc.printed_phones = contacts, funders, printed
    return doc


def _render_contacts(rng: random.Random, doc: _Doc) -> list[str]:
    """The contact block as lines, in one of the two shapes seen in real pages."""
    if not doc.contacts:
        return []
    lang = doc.language
    intro = rng.choice(CONTACT_INTRO[lang])
    printed_phones = doc.printed_phones
    if rng.random() < 0.4:
        parts = [
            f"{c.name}, {c.office}, {PHONE_LABEL[lang]}: {'/'.join(phones)}, "
            f"{rng.choice(MAIL_LABEL[lang])}: {c.emails[0]}"
            for c, phones in zip(doc.contacts, printed_phones, strict=True)
        ]
        return [f"{intro} {f' {OR_WORD[lang]} '.join(parts)}"]
    lines = [f"{intro}:"]
    for number, (c, phones) in enumerate(zip(doc.contacts, printed_phones, strict=True)):
        if number:
            lines.append(OR_WORD[lang])
        lines += [c.name, c.office or ""]
        lines += [f"{PHONE_LABEL[lang]}: {p}" for p in phones]
        email = c.emails[0]
        lines += [
            f"{rng.choice(MAIL_LABEL[lang])}:",
            f'"mailto:{email}" target="_blank" title="">{email}',
        ]
    return lines


def _render_page(rng: random.Random, doc: _Doc) -> str:
    chrome = rng.choice(CHROME[doc.language]).format(
        in_country=doc.country[2], since=rng.randint(1992, 2012)
    )
    paragraphs = list(doc.paragraphs)
    if doc.dateline:
        dash = rng.choice(["-", "–", "−"])
        paragraphs[0] = f"{doc.dateline} {dash} {paragraphs[0]}"
    if rng.random() < 0.3:
        body_lines = [line for p in paragraphs for line in textwrap.wrap(p, 60)]
    else:
        body_lines = paragraphs
    lines = [doc.title, *body_lines, *_render_contacts(rng, doc)]
    return chrome + "\n".join(lines) + "\n"


def _docs(n: int, seed: int) -> Iterator[tuple[random.Random, _Doc]]:
    rng = random.Random(seed)
    for _ in range(n):
        yield rng, _make_doc(rng)


def make_pages(n: int, seed: int = 1) -> list[tuple[str, bytes]]:
    """N raw pages as (file name, UTF-8 bytes), the same for the same seed."""
    pages = []
    for number, (rng, doc) in enumerate(_docs(n, seed)):
        text = _render_page(rng, doc)
        pages.append((f"{number:06d}_{rng.getrandbits(64):016x}.txt", text.encode("utf-8")))
    return pages


def make_releases(n: int, seed: int = 1) -> list[Release]:
    """The same N documents as `make_pages`, as structured releases (ground truth)."""
    releases = []
    for number, (rng, doc) in enumerate(_docs(n, seed)):
        _render_page(rng, doc)  # keep the random stream identical to make_pages
        name = f"{number:06d}_{rng.getrandbits(64):016x}.txt"
        releases.append(
            Release(
                title=doc.title,
                body="\n\n".join(doc.paragraphs),
                language=doc.language,
                country=doc.country[0],
                country_name=(doc.country[1], doc.country[3], doc.country[4])[
                    LANG_INDEX[doc.language]
                ],
                dateline=doc.dateline,
                date=doc.date,
                dates=[doc.date] if doc.date else [],
                contacts=doc.contacts,
                funders=doc.funders,
                source=name,
            )
        )
    return releases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for name, data in make_pages(args.n, args.seed):
        (args.out_dir / name).write_bytes(data)
    print(f"wrote {args.n} pages to {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
