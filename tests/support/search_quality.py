"""The search quality set: queries a person would type -> the release (or contact) they want.

Targets are the five sample pages plus hand-written pages in tests/search_pages/, imported with
the real importer, hidden among synthetic distractor releases from tests/bench/make_corpus.py.
A release query passes when its target is in the top 3; a contact query when the person is first.
The same documents are given to `fzf --filter` (title + body on one line) for comparison.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from oim_archive import importers
from oim_archive.store.directory import DirectoryEntry, build_directory
from oim_archive.store.records import Release
from oim_archive.store.search.contacts import ContactSearch
from oim_archive.store.search.engine import SearchIndex
from tests.bench.make_corpus import make_releases
from tests.support.sorting import sort_key_newest_first

ROOT = Path(__file__).resolve().parents[2]
PAGE_DIRS = (ROOT / "sample_data", ROOT / "tests" / "search_pages")
TOP_RELEASES = 3
TOP_CONTACTS = 1

TUNISIA, MOROCCO, GEORGIA = "000_209834753d0ef37a", "001_9cacd3d18283658a", "002_728b8d06fb51bbb2"
LIBYA, IVORY_COAST = "003_269d928ce5d6a93b", "004_ae0a45b9387d6df4"

# (query, stem of the target page's file name)
RELEASE_QUERIES: list[tuple[str, str]] = [
    ("formtion intersectoriele", TUNISIA),
    ("kasserine", TUNISIA),
    ("traite mahdia", TUNISIA),
    ("mirac route mediterraneenne", TUNISIA),
    ("formation intersectorielle tunisie", TUNISIA),
    ("formations oujda tanger", MOROCCO),
    ("mineurs non acompagnes", MOROCCO),
    ("identification victimes traite maroc", MOROCCO),
    ("finlande sante bien etre", MOROCCO),
    ("soldats georgiens", GEORGIA),
    ("lute contre la trait soldats", GEORGIA),
    ("hulst tbilisi", GEORGIA),
    ("dadei", GEORGIA),
    ("militaires maintien de la paix", GEORGIA),
    ("prometeo", LIBYA),
    ("seminaire prometeo tripoli", LIBYA),
    ("wics tripoli", LIBYA),
    ("godeau", LIBYA),
    ("centre de retention al qwaa", LIBYA),
    ("cote d'ivoire cacao", IVORY_COAST),
    ("Côte-d’Ivoire frontière libérienne", IVORY_COAST),
    ("ghana", IVORY_COAST),
    ("interpol enfants secourus", IVORY_COAST),
    ("kasem", IVORY_COAST),
    ("akoma san pedro", IVORY_COAST),
    ("sindh floods", "sindh_floods_en"),
    ("flood afected sindh", "sindh_floods_en"),
    ("jacobabad", "sindh_floods_en"),
    ("quresh", "sindh_floods_en"),
    ("monsoon indus", "sindh_floods_en"),
    ("narino kits invierno", "narino_invierno_es"),
    ("nariño", "narino_invierno_es"),
    ("cobijas termicas", "narino_invierno_es"),
    ("echeverria", "narino_invierno_es"),
    ("heladas altiplano", "narino_invierno_es"),
    ("coeur crue secouristes", "mopti_secouristes_fr"),
    ("secouriste mopti", "mopti_secouristes_fr"),
    ("pirogues", "mopti_secouristes_fr"),
    ("tembely", "mopti_secouristes_fr"),
    ("sauvetage eau vive", "mopti_secouristes_fr"),
    ("returnees agadez", "agadez_entreprises_en"),
    ("small busines agadez", "agadez_entreprises_en"),
    ("welding apprentices", "agadez_entreprises_en"),
    ("lindqvist", "agadez_entreprises_en"),
    ("goat fattening", "agadez_entreprises_en"),
    ("venezolanos tumbes", "tumbes_salud_es"),
    ("atencion medica tumbes", "tumbes_salud_es"),
    ("sarampion fiebre amarilla", "tumbes_salud_es"),
    ("quispe", "tumbes_salud_es"),
    ("aguas verdes", "tumbes_salud_es"),
    ("dzud", "dzud_herders_en"),
    ("mongolian herders", "dzud_herders_en"),
    ("fodder uvs zavkhan", "dzud_herders_en"),
    ("batbayar", "dzud_herders_en"),
    ("herders winter fooder", "dzud_herders_en"),
    # Words in another order, several typos, word starts, fields mixed, no accents or capitals.
    ("tanger oujda formations", MOROCCO),
    ("prometo seminiare", LIBYA),
    ("interse tunis", TUNISIA),
    ("formtion interse", TUNISIA),
    ("hulst soldats", GEORGIA),
    ("cote divoire cacao", IVORY_COAST),
    ("ENFANTS SECOURUS CACAO", IVORY_COAST),
    ("pakistan flood", "sindh_floods_en"),
    ("atención médica venezolanos", "tumbes_salud_es"),
    ("mongolia dzud fodder", "dzud_herders_en"),
    ("benevoles premiers secours mali", "mopti_secouristes_fr"),
]

# (query, the contact's name)
CONTACT_QUERIES: list[tuple[str, str]] = [
    ("dadei", "Kristin Dadey"),
    ("+995 32 29", "Marc Hulst"),
    ("hulst", "Marc Hulst"),
    ("kasem", "Anita Kassem"),
    ("akassem@iom.int", "Anita Kassem"),
    ("+225 2252", "Anita Kassem"),
    ("laurence hart", "Laurence Hart"),
    ("+218 91 383", "Laurence Hart"),
    ("fdigiacomo", "Flavio Di Giacomo"),
    ("di giacomo", "Flavio Di Giacomo"),
    ("flavio rome", "Flavio Di Giacomo"),
    ("quresh", "Saima Qureshi"),
    ("+92 22 278", "Saima Qureshi"),
    ("echeverria", "Valentina Ríos Echeverría"),
    ("valentina rios", "Valentina Ríos Echeverría"),
    ("guindo bamako", "Ousmane Guindo"),
    ("lindqvist", "Hugo Lindqvist"),
    ("msani", "Mariama Sani"),
    ("quispe mamani", "Rocío Quispe Mamani"),
    ("rocio kispe", "Rocío Quispe Mamani"),
    ("batbayar dorj", "Batbayar Dorj"),
    ("976 11 312", "Batbayar Dorj"),
]


@dataclass(slots=True)
class Corpus:
    """Targets hidden among distractors, in archive order (newest first)."""

    releases: list[Release]
    entries: list[DirectoryEntry]
    position_of_page: dict[str, int]  # target page stem -> position in releases


@dataclass(slots=True)
class Score:
    """How many queries found their target within the allowed rank."""

    found: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.found / self.total if self.total else 0.0


def load_targets() -> list[Release]:
    """The sample pages and the hand-written pages, through the real importer."""
    releases: list[Release] = []
    for folder in PAGE_DIRS:
        for path in sorted(folder.glob("*.txt")):
            releases.extend(importers.parse_page(path.read_bytes(), path.name))
    return releases


def build_corpus(distractors: int, seed: int = 1) -> Corpus:
    """Targets plus `distractors` synthetic releases, sorted as the archive lists them."""
    releases = load_targets() + make_releases(distractors, seed)
    releases.sort(key=sort_key_newest_first)
    positions = {Path(r.source).stem: i for i, r in enumerate(releases) if r.source}
    missing = {stem for _, stem in RELEASE_QUERIES} - positions.keys()
    if missing:
        raise RuntimeError(f"target pages not imported: {sorted(missing)}")
    return Corpus(releases, build_directory(releases), positions)


def score_releases(corpus: Corpus, rank: Callable[[str], Sequence[int]]) -> Score:
    """Apply `rank(query) -> positions best first` to every release query."""
    score = Score(total=len(RELEASE_QUERIES))
    for query, stem in RELEASE_QUERIES:
        top = list(rank(query)[:TOP_RELEASES])
        if corpus.position_of_page[stem] in top:
            score.found += 1
        else:
            score.misses.append(query)
    return score


def score_contacts(corpus: Corpus, rank: Callable[[str], Sequence[int]]) -> Score:
    """Apply `rank(query) -> entry positions best first` to every contact query."""
    score = Score(total=len(CONTACT_QUERIES))
    for query, name in CONTACT_QUERIES:
        top = [corpus.entries[i].name for i in list(rank(query)[:TOP_CONTACTS])]
        if name in top:
            score.found += 1
        else:
            score.misses.append(query)
    return score


def engine_scores(corpus: Corpus) -> tuple[Score, Score]:
    """Our engine's scores on the quality set."""
    index = SearchIndex(corpus.releases)
    contacts = ContactSearch(corpus.entries)
    releases = score_releases(corpus, lambda q: index.rank(q).indices[:TOP_RELEASES])
    people = score_contacts(corpus, lambda q: contacts.search(q, limit=TOP_CONTACTS))
    return releases, people


def release_lines(releases: Sequence[Release]) -> list[str]:
    """What fzf is given: title and body on one line per release."""
    return [" ".join(f"{r.title} {r.body}".split()) for r in releases]


def contact_lines(entries: Sequence[DirectoryEntry]) -> list[str]:
    """What fzf is given for contacts: name, offices, emails, phones on one line."""
    return [" ".join([e.name, *e.offices, *e.emails, *e.phones]) for e in entries] or []


def fzf_rank(query: str, lines: Sequence[str], limit: int | None = None) -> list[int]:
    """Positions of `lines` that `fzf --filter query` prints, in its order."""
    numbered = "".join(f"{i}\t{line}\n" for i, line in enumerate(lines))
    command = ["fzf", "--filter", query, "--delimiter", "\t", "--nth", "2.."]
    done = subprocess.run(command, input=numbered.encode(), capture_output=True, check=False)
    out = done.stdout.decode().splitlines()
    return [int(row.split("\t", 1)[0]) for row in out[:limit]]


def fzf_available() -> bool:
    """Whether the fzf program is installed."""
    return shutil.which("fzf") is not None


def fzf_scores(corpus: Corpus) -> tuple[Score, Score]:
    """fzf's scores on the same quality set and documents."""
    lines = release_lines(corpus.releases)
    people = contact_lines(corpus.entries)
    releases = score_releases(corpus, lambda q: fzf_rank(q, lines, TOP_RELEASES))
    contacts = score_contacts(corpus, lambda q: fzf_rank(q, people, TOP_CONTACTS))
    return releases, contacts
