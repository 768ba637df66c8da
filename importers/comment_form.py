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
# Every heading holds one of these (lower-cased).
_HEADING_WORDS = ("comment", "reply", "respuesta", "coment")
# The form sits in the page's last lines, and holds only short lines (labels, a notice).
FORM_MAX_LINES = 15
FORM_LINE_MAX_WORDS = 20


def comment_form_start(lines: list[str]) -> int:
    """Index of the comment form's heading when the page ends with one (else len(lines))."""
    last: list[int] = []  # the page's last FORM_MAX_LINES non-blank lines, read from its end
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].strip():
            last.append(index)
            if len(last) == FORM_MAX_LINES:
                break
    last.reverse()
    tail = " ".join(lines[index] for index in last).lower()
    if not any(word in tail for word in _HEADING_WORDS):
        return len(lines)  # most pages: no heading's word at all, no regex tried
    for position, index in enumerate(last):
        if not _HEADING.match(lines[index].strip().rstrip(".:!").strip()):
            continue
        if all(lines[i].count(" ") < FORM_LINE_MAX_WORDS for i in last[position + 1 :]):
            return index
    return len(lines)
