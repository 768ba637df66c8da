"""A year written after the name of a yearly event: "Día Internacional del Migrante 2018",
"Journée internationale des migrants 2018", "the Geneva Challenge 2015": that year's event."""

from __future__ import annotations

# Words that name a yearly day, meeting or contest (lower-cased).
_EVENT_WORDS = frozenset(
    ("day", "día", "journée", "week", "semana", "semaine", "forum", "foro", "summit", "cumbre",
     "sommet", "conference", "conferencia", "conférence", "challenge", "festival", "games",
     "juegos", "jeux", "cup", "copa", "coupe", "awards", "award", "premio", "premios", "prix",
     "marathon", "maratón", "expo")
)  # fmt: skip
EVENT_NAME_WORDS = 4


def names_an_event(before: str) -> bool:
    """Whether the text right before a year ends with a yearly event's name: one of its last
    words names the event, and a word, not a comma or a figure, comes right before the year
    ("Día Internacional del Migrante 2018"; not "the day, 2018" nor "Plan 2030")."""
    if not before.endswith(" ") or not before.rstrip()[-1:].isalpha():
        return False
    words = before.split()[-EVENT_NAME_WORDS:]
    return any(word.lower() in _EVENT_WORDS for word in words)
