"""Exports of one release: plain text, Markdown and JSON, and the safe ways to write them."""

from __future__ import annotations

import errno
import os
import re
import textwrap
import unicodedata
from collections.abc import Callable
from pathlib import Path

from oim_archive.store.exports.filenames import FALLBACK_STEM, export_stem, safe_filename
from oim_archive.store.exports.labels import ExportLabels, labels_for
from oim_archive.store.file import atomic
from oim_archive.store.records import Contact, Release, display_date
from oim_archive.store.text import clean_line, fold_whitespace, json_text, strip_control

FORMATS = ("txt", "md", "json")
TEXT_WIDTH = 72
MAX_COLLISIONS = 9999

_BULLET = re.compile(r"^\s*([-•–*·▪●])\s+")
# Characters json.dumps leaves raw with ensure_ascii=False but a terminal may act on.


# ---------------------------------------------------------------- shared helpers


def _paragraphs(body: str) -> list[list[str]]:
    """The body as paragraphs, each a list of its clean, non-empty lines."""
    text = unicodedata.normalize("NFC", strip_control(body)).expandtabs(4)
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [fold_whitespace(line) for line in block.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            paragraphs.append(lines)
    return paragraphs


def _place(release: Release) -> str:
    country = clean_line(release.country_name)
    code = clean_line(release.country).upper()
    if country and code and code.casefold() != country.casefold():
        return f"{country} ({code})"
    return country or code


def _same_place(a: str, b: str) -> bool:
    def key(text: str) -> str:
        return "".join(ch for ch in text.casefold() if ch.isalnum())

    return key(a) == key(b)


def _date(release: Release, words: ExportLabels) -> str:
    """The date as the browser's detail shows it: "~2019-09 (date mentioned in the text)" when
    only estimated from the body, "undated" when unknown."""
    date = clean_line(display_date(release))
    if not date:
        return words.undated
    return words.estimated_date.format(date=date) if date.startswith("~") else date


def _dateline(release: Release) -> str:
    """The dateline, unless it only repeats the country's name."""
    dateline = clean_line(release.dateline)
    return "" if dateline and _same_place(dateline, clean_line(release.country_name)) else dateline


def _contact_fields(contact: Contact) -> tuple[str, str, list[str], list[str]]:
    phones = [p for p in (clean_line(p) for p in contact.phones) if p]
    emails = [e for e in (clean_line(e) for e in contact.emails) if e]
    return clean_line(contact.name), clean_line(contact.office), phones, emails


# ---------------------------------------------------------------- plain text


# French spacing: a space after « or before » : ; ! ? must not become a line break.
_GLUE = "\ue000"  # a private-use character textwrap does not break on
_GLUED_AFTER = re.compile(r"([«‹]) +")
_GLUED_BEFORE = re.compile(r" +([»›:;!?])(?=\s|$)")


def _wrap(text: str, width: int, indent: str = "", hanging: str = "") -> list[str]:
    # The glue must not occur in the text itself (scraped text may hold private-use characters).
    glue = next(chr(c) for c in range(ord(_GLUE), 0xF900) if chr(c) not in text)
    text = _GLUED_BEFORE.sub(glue + r"\1", _GLUED_AFTER.sub(r"\1" + glue, text))
    lines = _wrapper(width, indent, hanging).wrap(text) or [indent.rstrip()]
    return [line.replace(glue, " ") for line in lines]


def _wrapper(width: int, indent: str, hanging: str) -> textwrap.TextWrapper:
    wrapper = textwrap.TextWrapper(
        width=width,
        initial_indent=indent,
        subsequent_indent=hanging or indent,
        break_long_words=False,  # a long URL stays whole on its own line
        break_on_hyphens=False,  # "Côte-d'Ivoire" is one word
    )
    return wrapper


def release_text(release: Release, width: int = TEXT_WIDTH) -> str:
    """The release as UTF-8 plain text for an email or a printer; deterministic, ends in '\\n'.

    Its own words ("Contacts", "Funded by"...) are in the release's language."""
    width = max(width, 20)
    words = labels_for(release.language)
    out: list[str] = _wrap(clean_line(release.title) or words.untitled, width)
    meta = [_date(release, words), _place(release), _dateline(release)]
    out += ["", *_wrap(" · ".join(part for part in meta if part), width)]
    for paragraph in _paragraphs(release.body):
        out.append("")
        for line in paragraph:
            bullet = _BULLET.match(line)
            if bullet:
                out += _wrap(line[bullet.end() :], width, indent="- ", hanging="  ")
            else:
                out += _wrap(line, width)
    contacts = [_contact_fields(c) for c in release.contacts]
    contacts = [c for c in contacts if any(c[:2]) or c[2] or c[3]]
    if contacts:
        out += ["", words.contacts, "-" * len(words.contacts)]
        for index, (name, office, phones, emails) in enumerate(contacts):
            if index:
                out.append("")
            out += _wrap(name or words.no_name, width)
            details = [office] if office else []
            details += [words.phone_line.format(phone=phone) for phone in phones]
            details += [words.email_line.format(email=email) for email in emails]
            for detail in details:
                out += _wrap(detail, width, indent="  ", hanging="    ")
    funders = [f for f in (clean_line(f) for f in release.funders) if f]
    if funders:
        funded = words.funded_by.format(funders="; ".join(funders))
        out += ["", *_wrap(funded, width, hanging="  ")]
    out.append("")
    if release.source:
        out += _wrap(
            words.source_line.format(source=clean_line(release.source)), width, hanging="  "
        )
    out.append(words.release_line.format(id=clean_line(release.id)))
    return "\n".join(line.rstrip() for line in out) + "\n"


# ---------------------------------------------------------------- Markdown

# Inline characters that start emphasis, code, links, HTML, strikethrough or table cells.
_MD_INLINE = re.compile(r"([\\`*\[\]<>~|])")
# An underscore between two letters or digits ("file_name") can never start emphasis.
_MD_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MD_BLOCK_START = re.compile(r"^([#>+=-])")
_MD_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def md_inline(text: str) -> str:
    """Escape ``text`` so Markdown shows it literally inside a line (and a table cell)."""
    escaped = _MD_INLINE.sub(r"\\\1", clean_line(text))
    return _MD_ENTITY.sub("&amp;", _MD_UNDERSCORE.sub(r"\\_", escaped))


def _md_line(text: str) -> str:
    """Escape a whole line: inline characters and the ones that open a block at its start."""
    escaped = md_inline(text)
    escaped = _MD_BLOCK_START.sub(r"\\\1", escaped)
    return _MD_ORDERED.sub(r"\1\\\2", escaped)


def release_markdown(release: Release) -> str:
    """The release as Markdown: heading, metadata list, paragraphs, contacts table, funders.

    Its own words are in the release's language."""
    words = labels_for(release.language)
    title = md_inline(release.title).replace("#", "\\#") or md_inline(words.untitled)
    out = [f"# {title}", ""]
    meta = [
        (words.date, _date(release, words)),
        (words.country, _place(release)),
        (words.dateline, _dateline(release)),
        (words.language, clean_line(release.language)),
        (words.source, clean_line(release.source)),
    ]
    colon = words.colon
    out += [f"- **{label}{colon}** {md_inline(value)}" for label, value in meta if value]
    out.append(f"- **{words.release}{colon}** `{clean_line(release.id).replace('`', '')}`")
    for paragraph in _paragraphs(release.body):
        out.append("")
        rendered = []
        for line in paragraph:
            bullet = _BULLET.match(line)
            rendered.append("- " + md_inline(line[bullet.end() :]) if bullet else _md_line(line))
        # Lines inside a paragraph stay separate: a hard break between plain lines.
        for index, line in enumerate(rendered):
            following = rendered[index + 1] if index + 1 < len(rendered) else None
            joins = following is not None and not following.startswith("- ")
            out.append(line + "\\" if joins and not line.startswith("- ") else line)
    contacts = [_contact_fields(c) for c in release.contacts]
    contacts = [c for c in contacts if any(c[:2]) or c[2] or c[3]]
    if contacts:
        header = (words.name, words.office, words.phone, words.email)
        out += [
            "",
            f"## {words.contacts}",
            "",
            "| " + " | ".join(header) + " |",
            "|---|---|---|---|",
        ]
        for name, office, phones, emails in contacts:
            cells = [name, office, ", ".join(phones), ", ".join(emails)]
            out.append("| " + " | ".join(md_inline(cell) for cell in cells) + " |")
    funders = [f for f in (clean_line(f) for f in release.funders) if f]
    if funders:
        out += ["", f"## {words.funders}", ""]
        out += [f"- {md_inline(funder)}" for funder in funders]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- JSON


def release_json(release: Release) -> str:
    """The release record as pretty JSON (UTF-8 kept), safe to print on a terminal."""
    return json_text(release.to_dict())


_RENDERERS: dict[str, Callable[[Release], str]] = {
    "txt": release_text,
    "md": release_markdown,
    "json": release_json,
}


def render(release: Release, fmt: str) -> str:
    """The release in format ``fmt`` (one of FORMATS)."""
    renderer = _RENDERERS.get(fmt.strip().lower().lstrip("."))
    if renderer is None:
        raise ValueError(
            f"unknown export format '{clean_line(fmt)}'; choose one of {', '.join(FORMATS)}"
        )
    return renderer(release)


# ---------------------------------------------------------------- writing files


def write_export(release: Release, directory: Path, fmt: str = "txt") -> Path:
    """Write the release into ``directory`` under its safe name; never overwrites a file.

    The folder is created if needed. A name already taken gets " (2)", " (3)"… Returns the path.
    """
    text = render(release, fmt)
    fallback = labels_for(release.language).fallback_stem
    return write_new_file(directory, export_stem(release), fmt, text, fallback=fallback)


def write_new_file(
    directory: Path, stem: str, extension: str, text: str, *, fallback: str = FALLBACK_STEM
) -> Path:
    """Write ``text`` into ``directory`` as ``stem.extension`` made safe, or ``stem (2)…`` when
    that name is taken (``fallback`` when nothing of ``stem`` is usable): the one way an export
    finds a name, never overwriting a file."""
    extension = extension.strip().lower().lstrip(".")
    directory = Path(directory).expanduser()
    if directory.exists() and not directory.is_dir():
        raise NotADirectoryError(f"{directory} is a file, not a folder; give a folder to export to")
    directory.mkdir(parents=True, exist_ok=True)
    names = [
        safe_filename(
            stem, extension, suffix=f" ({number})" if number > 1 else "", fallback=fallback
        )
        for number in range(1, MAX_COLLISIONS + 1)
    ]
    with atomic.stage(directory / names[0], text.encode("utf-8")) as staged:
        for name in names:
            path = directory / name
            try:
                _publish_no_clobber(staged, path)
            except FileExistsError:
                continue
            atomic.fsync_dir(directory)
            return path
    raise FileExistsError(
        f"{directory}: {MAX_COLLISIONS} files named like {names[0]} are already there; "
        "choose another folder"
    )


def write_file(path: Path, text: str, *, force: bool = False) -> Path:
    """Write ``text`` (UTF-8, line ends kept) to ``path`` atomically.

    Refuses with FileExistsError if the file exists, unless ``force``. A crash leaves either
    the old file or the new one, never half of one.
    """
    return write_bytes(path, text.encode("utf-8"), force=force)


def write_bytes(path: Path, payload: atomic.Payload, *, force: bool = False) -> Path:
    """Write ``payload`` to ``path`` atomically (temp file, fsync, rename); see write_file."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder; give a file name (or use --export-dir)")
    if not force and (path.exists() or path.is_symlink()):
        raise FileExistsError(f"{path} already exists; use --force to overwrite it")
    folder = path.parent
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: no such folder")
    try:
        with atomic.stage(path, payload) as tmp:
            if force:
                os.replace(tmp, path)
            else:
                _publish_no_clobber(tmp, path)
        atomic.fsync_dir(folder)
    except OSError as exc:
        if exc.filename is not None and str(exc.filename) != str(path):
            raise type(exc)(exc.errno, exc.strerror, str(path)) from None
        raise
    return path


def _publish_no_clobber(tmp: Path, path: Path) -> None:
    """Move ``tmp`` to ``path`` unless ``path`` appeared meanwhile (hard link when possible)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise FileExistsError(f"{path} already exists; use --force to overwrite it") from None
    except OSError as exc:
        # Some file systems (FAT/exFAT sticks) have no hard links: check, then replace.
        if exc.errno not in (
            errno.EPERM,
            errno.ENOTSUP,
            errno.EOPNOTSUPP,
            errno.EXDEV,
            errno.EMLINK,
        ):
            raise
        if path.exists() or path.is_symlink():
            raise FileExistsError(f"{path} already exists; use --force to overwrite it") from None
        os.replace(tmp, path)
