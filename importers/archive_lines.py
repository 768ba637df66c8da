"""Lines that head an archive page or frame an e-mail bulletin, never a release."""

from __future__ import annotations

import re

# An archive page's heading ("Catégorie : Cas d'assassinat", "Etiqueta: OIM", "Migración
# Archives", WordPress's "Auteur/autrice : Equipe de rédaction") and an e-mail bulletin's own
# links ("Ver como página web / Compartir", "ADMINISTRAR SUSCRIPCIONES: …", "Este correo fue
# enviado …"): never a headline.
_ARCHIVE_OR_BULLETIN = re.compile(
    r"^(?:(?:cat[ée]gor(?:ie|[íi]a|y)|tag|[ée]tiquette|etiqueta|archives?|auteur(?:/autrice)?|"
    r"autor|author)\s*:\s*[^.!?]{1,60}|[^.!?:]{1,60}\sarchives"
    r"|(?:ver\s+(?:como|en)\s+(?:p[áa]gina\s+web|(?:el\s+)?navegador)|view\s+(?:this\s+)?"
    r"(?:e-?mail\s+)?(?:as\s+a\s+web\s*page|in\s+(?:your\s+)?browser)|voir\s+(?:la\s+"
    r"version\s+en\s+ligne|dans\s+(?:le|votre)\s+navigateur)|administrar\s+suscripciones|"
    r"manage\s+(?:your\s+)?subscriptions|g[ée]rer\s+(?:mes|vos)\s+abonnements|este\s+correo"
    r"\s+fue\s+enviado|this\s+e-?mail\s+was\s+sent|cet\s+e-?mail\s+a\s+[ée]t[ée]\s+envoy[ée])"
    r"\b.{0,200})$",
    re.IGNORECASE,
)


def is_archive_or_bulletin_line(line: str) -> bool:
    """An archive page's heading or an e-mail bulletin's own link line (see above)."""
    return _ARCHIVE_OR_BULLETIN.match(line.strip()) is not None
