"""Which reader a file goes to: an e-mail or a mailbox, a PDF, a Word or OpenDocument file, an
HTML document, JSON or a program (refused), or a text page; and the guarantee that only
ImportRefused escapes."""

from __future__ import annotations

from oim_archive.i18n import N_
from oim_archive.store.records import Release

from .decode import DOCUMENT_MAX_BYTES, clean_text, decode_page, refuse_oversized
from .email_message import looks_like_email
from .errors import ImportRefused
from .html import is_html, read_html
from .mail_releases import mailbox_releases
from .office import office_body_name, office_text
from .page import html_releases, parse_text
from .pdf import is_pdf, pdf_text
from .program_text import is_program_text
from .release_shape import is_json_data


def parse_page(data: bytes, name: str) -> list[Release]:
    """Releases found in one raw page (several for a listing page).

    Pure and deterministic. Raises ImportRefused, with a one-line reason, for anything that is
    not an importable page, and never any other exception.
    """
    try:
        return parse_page_unguarded(data, name)
    except ImportRefused:
        raise
    except Exception as exc:  # a bug must not stop an import of thousands of files
        raise ImportRefused(
            N_("could not read this page ({error})"), error=type(exc).__name__
        ) from exc


def parse_page_unguarded(data: bytes, name: str) -> list[Release]:
    """The importer itself; parse_page adds the guarantee that only ImportRefused escapes."""
    if looks_like_email(data):
        refuse_oversized(data, DOCUMENT_MAX_BYTES)
        return mailbox_releases(data, name)
    if is_pdf(data):
        refuse_oversized(data, DOCUMENT_MAX_BYTES)
        return parse_text(clean_text(pdf_text(data)), name)
    if (body_name := office_body_name(data)) is not None:
        refuse_oversized(data, DOCUMENT_MAX_BYTES)
        return parse_text(clean_text(office_text(data, body_name)), name)
    decoded = decode_page(data)
    if is_json_data(decoded):
        raise ImportRefused(N_("not a press release page (JSON data)"))
    if is_html(decoded):
        return html_releases(read_html(decoded), name)
    if is_program_text(decoded):
        raise ImportRefused(N_("not a press release page (a program or settings file)"))
    return parse_text(decoded, name)
