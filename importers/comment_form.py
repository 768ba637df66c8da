"""A news site's or blog's comment form at the end of a page: "Leave a Reply", "Your email
address will not be published", "Deja una respuesta", "Ajouter un commentaire"."""

from __future__ import annotations

import re

_HEADING = re.compile(
    r"^(?:leave\s+a\s+(?:reply|comment)|(?:post|add)\s+a\s+comment|\d*\s*comments?"
    r"|deja\s+una?\s+(?:respuesta|comentario)|dejar\s+un\s+comentario|\d*\s*comentarios?"
    r"|laisse[rz]\s+un\s+commentaire|ajouter\s+un\s+commentaire|\d*\s*commentaires?)$",
    re.IGNORECASE,
)
# The form sits in the page's last lines, and holds only short lines (labels, a notice).
FORM_MAX_LINES = 15
FORM_LINE_MAX_WORDS = 20


def comment_form_start(lines: list[str]) -> int:
    """Index of the comment form's heading when the page ends with one (else len(lines))."""
    texts = [index for index, line in enumerate(lines) if line.strip()]
    for position, index in enumerate(texts[-FORM_MAX_LINES:]):
        if not _HEADING.match(lines[index].strip().rstrip(".:!").strip()):
            continue
        after = texts[len(texts) - min(len(texts), FORM_MAX_LINES) + position + 1 :]
        if all(lines[i].count(" ") < FORM_LINE_MAX_WORDS for i in after):
            return index
    return len(lines)
